// Query rows rebuilt into CloudTrail records (pure): the shape CloudTrail writes, NULL columns left out,
// Lake's timestamps back in CloudTrail's ISO form, and a row that cannot be a record dropped.
import {describe, expect, it} from 'vitest';
import {athenaHeader, athenaRows} from '../../src/timeline/athena-rows.js';
import {lakeRows} from '../../src/timeline/lake-rows.js';
import {isoEventTime, rowRecord} from '../../src/timeline/query-rows.js';

describe('query rows as records', () => {
  it('rebuilds a role session\'s record as CloudTrail writes it, without the NULL columns', () => {
    const values: Record<string, string> = {
      eventname: 'GetSecretValue',
      eventsource: 'secretsmanager.amazonaws.com',
      eventtime: '2024-03-02 10:00:00.000',
      ui_type: 'AssumedRole',
      ui_arn: 'arn:aws:sts::111122223333:assumed-role/Web/i-0abc',
      ui_issuer_arn: 'arn:aws:iam::111122223333:role/Web',
      ui_issuer_type: 'Role',
      ui_mfa: 'false',
      ui_creationdate: '2024-03-02 09:58:12.000',
      readonly: 'true',
    };
    expect(rowRecord((alias) => values[alias])).toEqual({
      userIdentity: {
        type: 'AssumedRole',
        arn: 'arn:aws:sts::111122223333:assumed-role/Web/i-0abc',
        sessionContext: {sessionIssuer: {type: 'Role', arn: 'arn:aws:iam::111122223333:role/Web'}, attributes: {creationDate: '2024-03-02T09:58:12Z', mfaAuthenticated: 'false'}},
      },
      eventTime: '2024-03-02T10:00:00Z',
      eventSource: 'secretsmanager.amazonaws.com',
      eventName: 'GetSecretValue',
      readOnly: true,
    });
  });

  it('keeps CloudTrail\'s own time form, and anything else as it came', () => {
    expect(isoEventTime('2024-03-02T10:00:00Z')).toBe('2024-03-02T10:00:00Z');
    expect(isoEventTime('2024-03-02 10:00:00.123')).toBe('2024-03-02T10:00:00Z');
    expect(isoEventTime('yesterday')).toBe('yesterday');
  });

  it('drops a row without an event name or source, and keeps hostile values as plain text', () => {
    const hostile = "x'); DROP TABLE t; --\u001B[2J";
    const lake = lakeRows([
      [{eventname: ''}, {eventsource: 'ec2.amazonaws.com'}],
      [{eventName: 'RunInstances'}, {EventSource: 'ec2.amazonaws.com'}, {ui_username: hostile}, {requestparameters: 'not json'}],
    ]);
    expect(lake.map((r) => r.eventName)).toEqual(['RunInstances']);
    expect(lake[0]?.record.userIdentity.userName).toBe(hostile);
    expect(lake[0]?.record.requestParameters).toBeNull();

    const header = athenaHeader({Data: [{VarCharValue: 'EventName'}, {VarCharValue: 'eventsource'}, {VarCharValue: 'errorcode'}]});
    const athena = athenaRows(header, [{Data: [{VarCharValue: 'RunInstances'}, {VarCharValue: 'ec2.amazonaws.com'}, {}]}, {Data: [{}, {VarCharValue: 'ec2.amazonaws.com'}]}]);
    expect(athena).toHaveLength(1);
    expect(athena[0]).toMatchObject({eventName: 'RunInstances', origin: 'Athena', errorCode: undefined});
  });
});
