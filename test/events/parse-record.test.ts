import {describe, expect, it} from 'vitest';
import {InputError} from '../../src/events/input-error.js';
import {parseRecord, tryParseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord} from '../../src/events/record.js';

const base = {eventName: 'CreateSecurityGroup', eventSource: 'ec2.amazonaws.com'};

function parse(value: object): CloudTrailRecord {
  return parseRecord(value, 'test.json', 'Records[0]');
}

describe('parseRecord', () => {
  it('keeps a full record, flattening userIdentity', () => {
    const raw = {
      ...base,
      eventVersion: '1.10',
      eventTime: '2025-03-14T09:26:53Z',
      eventID: 'c562f6fb-32f3-4890-ae52-f190985c6594',
      eventType: 'AwsApiCall',
      awsRegion: 'us-east-1',
      sourceIPAddress: '203.0.113.77',
      userAgent: 'aws-cli/2.24.22',
      errorCode: 'Client.UnauthorizedOperation',
      errorMessage: 'You are not authorized to perform this operation.',
      recipientAccountId: '111122223333',
      readOnly: false,
      sessionCredentialFromConsole: 'true',
      userIdentity: {
        type: 'AssumedRole',
        principalId: 'AROAJ2UCCR6DPCEXAMPLE:maria',
        arn: 'arn:aws:sts::111122223333:assumed-role/admin/maria',
        accountId: '111122223333',
        accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
        sessionContext: {
          sessionIssuer: {type: 'Role', arn: 'arn:aws:iam::111122223333:role/admin', userName: 'admin'},
          attributes: {mfaAuthenticated: 'true', creationDate: '2025-03-14T08:00:00Z'},
        },
        invokedBy: 'cloudformation.amazonaws.com',
      },
      requestParameters: {groupName: 'web'},
      responseElements: null,
    };
    expect(parse(raw)).toEqual({
      ...base,
      eventVersion: '1.10',
      eventTime: '2025-03-14T09:26:53Z',
      eventID: 'c562f6fb-32f3-4890-ae52-f190985c6594',
      eventType: 'AwsApiCall',
      awsRegion: 'us-east-1',
      sourceIPAddress: '203.0.113.77',
      userAgent: 'aws-cli/2.24.22',
      errorCode: 'Client.UnauthorizedOperation',
      errorMessage: 'You are not authorized to perform this operation.',
      recipientAccountId: '111122223333',
      readOnly: false,
      sessionCredentialFromConsole: true,
      userIdentity: {
        type: 'AssumedRole',
        principalId: 'AROAJ2UCCR6DPCEXAMPLE:maria',
        arn: 'arn:aws:sts::111122223333:assumed-role/admin/maria',
        accountId: '111122223333',
        accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
        sessionIssuerArn: 'arn:aws:iam::111122223333:role/admin',
        sessionIssuerUserName: 'admin',
        mfaAuthenticated: 'true',
        sessionCreationDate: '2025-03-14T08:00:00Z',
        invokedBy: 'cloudformation.amazonaws.com',
      },
      requestParameters: {groupName: 'web'},
      responseElements: null,
      raw,
    });
  });

  it('needs only eventName and eventSource', () => {
    expect(parse(base)).toEqual({...base, userIdentity: {}, requestParameters: null, responseElements: null, raw: base});
  });

  interface OddRow {
    field: string;
    value: unknown;
    expected: Partial<CloudTrailRecord>;
  }
  it.each<OddRow>([
    {field: 'requestParameters', value: 'oops', expected: {requestParameters: null}},
    {field: 'requestParameters', value: [1, 2], expected: {requestParameters: null}},
    {field: 'responseElements', value: true, expected: {responseElements: null}},
    {field: 'userIdentity', value: 'root', expected: {userIdentity: {}}},
    {field: 'userIdentity', value: {type: 7, arn: null, accountId: ['x'], sessionContext: 'x'}, expected: {userIdentity: {}}},
    {field: 'userIdentity', value: {sessionContext: {sessionIssuer: [], attributes: {mfaAuthenticated: true}}}, expected: {userIdentity: {mfaAuthenticated: 'true'}}},
    {field: 'eventTime', value: 1710408413000, expected: {}},
    {field: 'awsRegion', value: {name: 'us-east-1'}, expected: {}},
    {field: 'errorCode', value: null, expected: {}},
    {field: 'readOnly', value: 'yes', expected: {}},
    {field: 'readOnly', value: 'true', expected: {readOnly: true}},
    {field: 'sessionCredentialFromConsole', value: false, expected: {sessionCredentialFromConsole: false}},
    {field: 'sessionCredentialFromConsole', value: 1, expected: {}},
  ])('drops or fixes a $field of the wrong type ($value)', ({field, value, expected}) => {
    const raw = {...base, [field]: value};
    expect(parse(raw)).toEqual({...base, userIdentity: {}, requestParameters: null, responseElements: null, ...expected, raw});
  });

  it('reads only own properties (no prototype lookups)', () => {
    const raw = JSON.parse('{"eventName": "X", "eventSource": "ec2.amazonaws.com", "__proto__": {"awsRegion": "us-east-1"}}') as object;
    expect(parse(raw).awsRegion).toBeUndefined();
    expect(parse({...base, userIdentity: {}}).userIdentity.type).toBeUndefined();
  });

  it.each([
    {value: null, problem: 'not a CloudTrail record: expected a JSON object, found null'},
    {value: [base], problem: 'not a CloudTrail record: expected a JSON object, found a list'},
    {value: {eventSource: 'ec2.amazonaws.com'}, problem: 'eventName is missing'},
    {value: {eventName: '', eventSource: 'ec2.amazonaws.com'}, problem: 'eventName is empty'},
    {value: {eventName: 'X', eventSource: {}}, problem: 'eventSource is not a string (found an object)'},
  ])('refuses $value: $problem', ({value, problem}) => {
    expect(tryParseRecord(value)).toEqual({ok: false, problem});
    expect(() => parseRecord(value, 'test.json', 'Records[4]')).toThrow(new InputError('test.json', 'Records[4]', problem));
  });
});
