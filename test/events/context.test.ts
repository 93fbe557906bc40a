import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {eventContext, formatAgo, toUtcIso, type EventWho} from '../../src/events/context.js';
import {parseEvents} from '../../src/events/parse-events.js';
import {parseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord} from '../../src/events/record.js';

const record = (fields: object): CloudTrailRecord =>
  parseRecord({eventName: 'CreateRoute', eventSource: 'ec2.amazonaws.com', recipientAccountId: '111122223333', ...fields}, 'test', '');

const assumedRole = (mfa: string | undefined, extra: object = {}): object => ({
  type: 'AssumedRole',
  principalId: 'AROAJ2UCCR6DPCEXAMPLE:maria@example.com',
  arn: 'arn:aws:sts::111122223333:assumed-role/Admin/maria@example.com',
  accountId: '111122223333',
  accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  sessionContext: {
    sessionIssuer: {type: 'Role', arn: 'arn:aws:iam::111122223333:role/Admin', userName: 'Admin'},
    attributes: mfa === undefined ? {} : {mfaAuthenticated: mfa, creationDate: '2025-03-14T08:00:00Z'},
  },
  ...extra,
});

describe('eventContext: who', () => {
  interface WhoRow {
    name: string;
    fields: object;
    who: Partial<EventWho>;
  }
  it.each<WhoRow>([
    {
      name: 'an assumed role from the console, with MFA',
      fields: {userIdentity: assumedRole('true'), sessionCredentialFromConsole: 'true', userAgent: 'Mozilla/5.0'},
      who: {
        identityType: 'AssumedRole',
        principal: 'arn:aws:sts::111122223333:assumed-role/Admin/maria@example.com',
        accountId: '111122223333',
        roleName: 'Admin',
        sessionName: 'maria@example.com',
        mfa: 'yes',
        how: 'console',
        credential: 'console',
        accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
        isCrossAccount: false,
      },
    },
    {
      name: 'an assumed role on the CLI, without MFA',
      fields: {userIdentity: assumedRole('false'), userAgent: 'aws-cli/2.24.22'},
      who: {mfa: 'no', how: 'temporary credentials ASIAIOSFODNN7EXAMPLE', credential: 'temporary-credentials'},
    },
    {
      name: 'the console named by the user agent (older records)',
      fields: {userIdentity: assumedRole(undefined), userAgent: 'console.ec2.amazonaws.com'},
      who: {mfa: 'unknown', how: 'console'},
    },
    {
      name: 'an IAM user with a long-term key',
      fields: {
        userIdentity: {type: 'IAMUser', principalId: 'AIDAJ45Q7YFFAREXAMPLE', arn: 'arn:aws:iam::111122223333:user/svc-backup', accountId: '111122223333', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', userName: 'svc-backup'},
      },
      who: {
        identityType: 'IAMUser',
        principal: 'arn:aws:iam::111122223333:user/svc-backup',
        mfa: 'unknown',
        how: 'access key AKIAIOSFODNN7EXAMPLE (long-term)',
        credential: 'long-term-key',
      },
    },
    {
      name: 'an AWS service acting for a role',
      fields: {userIdentity: assumedRole('false', {invokedBy: 'rds.amazonaws.com'}), userAgent: 'rds.amazonaws.com'},
      who: {how: 'AWS service rds.amazonaws.com', credential: 'aws-service', sessionName: 'maria@example.com'},
    },
    {
      name: 'an AWSService identity',
      fields: {userIdentity: {type: 'AWSService', invokedBy: 'lambda.amazonaws.com'}},
      who: {identityType: 'AWSService', principal: 'lambda.amazonaws.com', how: 'AWS service lambda.amazonaws.com', mfa: 'unknown'},
    },
    {
      name: 'the root user without an ARN',
      fields: {userIdentity: {type: 'Root', accountId: '111122223333'}},
      who: {identityType: 'Root', principal: 'root of account 111122223333', how: 'unknown', credential: 'unknown'},
    },
    {
      name: 'a caller from another account',
      fields: {userIdentity: {type: 'AssumedRole', arn: 'arn:aws:sts::444455556666:assumed-role/Audit/x', accountId: '444455556666'}},
      who: {accountId: '444455556666', roleName: 'Audit', sessionName: 'x', isCrossAccount: true},
    },
    {
      // The type is not AssumedRole, so the role comes from the ARN alone: a line break in it must not hide it.
      name: 'an assumed-role ARN whose session name holds a carriage return and a line separator',
      fields: {userIdentity: {type: 'AssumedRole\u001b', arn: 'arn:aws:sts::111122223333:assumed-role/Audit/x\rall clear\u2028y'}},
      who: {roleName: 'Audit', sessionName: 'x\rall clear\u2028y'},
    },
    {
      name: 'a key that is neither AKIA nor ASIA (test data)',
      fields: {userIdentity: {type: 'IAMUser', userName: 'tester', accessKeyId: '1'}},
      who: {principal: 'tester', how: 'access key 1', credential: 'access-key'},
    },
    {
      name: 'no userIdentity at all',
      fields: {userIdentity: 'nobody'},
      who: {identityType: 'unknown', principal: 'unknown', mfa: 'unknown', how: 'unknown', isCrossAccount: false},
    },
  ])('$name', ({fields, who}) => {
    expect(eventContext(record(fields)).who).toMatchObject(who);
  });

  it('reads the panther record: an assumed role without a session name, from the console', () => {
    const url = new URL('../fixtures/cloudtrail-public/CreateRoute-failed__panther.json', import.meta.url);
    const [panther] = parseEvents(readFileSync(fileURLToPath(url), 'utf8'), 'panther.json').records;
    if (panther === undefined) throw new Error('no record');
    const context = eventContext(panther);
    expect(context.who).toEqual({
      identityType: 'AssumedRole',
      principal: 'arn:aws:sts::123456789012:assumed-role/tester',
      accountId: '123456789012',
      roleName: 'tester',
      mfa: 'yes',
      how: 'console',
      credential: 'console',
      accessKeyId: '1',
      isCrossAccount: false,
    });
    expect(context.what).toEqual({eventName: 'CreateRoute', eventSource: 'ec2.amazonaws.com', failed: true, isDryRun: false, errorCode: 'Blocked'});
    expect(context.when).toEqual({time: '2019-01-01T00:00:00Z', rawTime: '2019-01-01T00:00:00Z'});
    expect(context.where).toEqual({region: 'us-west-2', sourceIp: '111.111.111.111', userAgent: 'console.ec2.amazonaws.com', recipientAccountId: '123456789012'});
  });
});

describe('eventContext: what, when, where', () => {
  it.each([
    {name: 'a successful call', fields: {}, failed: false, isDryRun: false},
    {name: 'an error code', fields: {errorCode: 'Client.UnauthorizedOperation', errorMessage: 'You are not authorized'}, failed: true, isDryRun: false},
    {name: 'an error message alone', fields: {errorMessage: 'Internal error'}, failed: true, isDryRun: false},
    {name: 'an empty error code', fields: {errorCode: ''}, failed: false, isDryRun: false},
    {name: 'a dry run', fields: {errorCode: 'Client.DryRunOperation'}, failed: true, isDryRun: true},
  ])('$name: failed=$failed', ({fields, failed, isDryRun}) => {
    const what = eventContext(record(fields)).what;
    expect(what.failed).toBe(failed);
    expect(what.isDryRun).toBe(isDryRun);
  });

  it.each([
    {eventTime: '2025-03-14T09:26:53Z', when: {time: '2025-03-14T09:26:53Z', rawTime: '2025-03-14T09:26:53Z'}},
    {eventTime: '2025-03-14T10:26:53+01:00', when: {time: '2025-03-14T09:26:53Z', rawTime: '2025-03-14T10:26:53+01:00'}},
    {eventTime: '2025-03-14T09:26:53.250Z', when: {time: '2025-03-14T09:26:53.250Z', rawTime: '2025-03-14T09:26:53.250Z'}},
    {eventTime: '20You 19-10-23T22:50:05Z', when: {rawTime: '20You 19-10-23T22:50:05Z'}},
    {eventTime: 'March 14, 2025', when: {rawTime: 'March 14, 2025'}},
    {eventTime: 1710408413000, when: {}},
  ])('eventTime $eventTime', ({eventTime, when}) => {
    expect(eventContext(record({eventTime})).when).toEqual(when);
  });

  it('passes odd strings through untouched (screens sanitize them)', () => {
    const where = eventContext(record({awsRegion: 'us-east-1', sourceIPAddress: 'ec2.amazonaws.com', userAgent: 'x\u001b]52;c;AAAA\u0007'})).where;
    expect(where).toEqual({region: 'us-east-1', sourceIp: 'ec2.amazonaws.com', userAgent: 'x\u001b]52;c;AAAA\u0007', recipientAccountId: '111122223333'});
  });
});

describe('formatAgo', () => {
  const now = new Date('2025-03-16T12:00:00Z');
  it.each<[string, string]>([
    ['2025-03-16T12:00:00Z', 'just now'],
    ['2025-03-16T11:59:30Z', 'just now'],
    ['2025-03-16T12:00:30Z', 'just now'],
    ['2025-03-16T11:59:00Z', '1 minute ago'],
    ['2025-03-16T11:57:00Z', '3 minutes ago'],
    ['2025-03-16T11:00:00Z', '1 hour ago'],
    ['2025-03-15T12:00:01Z', '23 hours ago'],
    ['2025-03-14T12:00:00Z', '2 days ago'],
    ['2024-12-17T12:00:00Z', '89 days ago'],
    ['2024-11-16T12:00:00Z', '4 months ago'],
    ['2022-03-16T12:00:00Z', '3 years ago'],
    ['2025-03-16T12:05:00Z', 'in the future'],
    ['not a time', 'unknown time'],
  ])('%s → %s', (time, expected) => {
    expect(formatAgo(time, now)).toBe(expected);
  });

  it('accepts a Date', () => {
    expect(formatAgo(new Date('2025-03-16T09:00:00Z'), now)).toBe('3 hours ago');
  });
});

describe('toUtcIso', () => {
  it.each<[string, string | undefined]>([
    ['2025-03-14T09:26:53Z', '2025-03-14T09:26:53Z'],
    ['2025-03-13T23:26:53-10:00', '2025-03-14T09:26:53Z'],
    ['2025-02-30T09:26:53Z', undefined],
    ['2025-03-14 09:26:53', undefined],
  ])('%s → %s', (value, expected) => {
    expect(toUtcIso(value)).toBe(expected);
  });
});
