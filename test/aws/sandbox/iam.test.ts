// IAM in the training sandbox, through the executor as the walk uses it: users, keys, login profiles and
// inline policies seeded from the scenario's callers; each call's answer and IAM's errors; no dry-run.
import {describe, expect, it} from 'vitest';
import type {Action, ActionParams} from '../../../src/aws/action.js';
import {parseRecord} from '../../../src/events/parse-record.js';
import type {CloudTrailRecord} from '../../../src/events/record.js';
import {createSandboxExecutor} from '../../../src/aws/sandbox/executor.js';
import {iamFromRecords} from '../../../src/aws/sandbox/seed-iam.js';
import {fixture} from './fixture.js';

const iam = (operation: string, params: ActionParams = {}): Action => ({service: 'iam', operation, params});
const here = {region: 'us-east-1'};

const record = (userIdentity: Record<string, unknown>): CloudTrailRecord =>
  parseRecord({eventName: 'ModifySnapshotAttribute', eventSource: 'ec2.amazonaws.com', eventTime: '2025-05-21T03:12:09Z', awsRegion: 'us-east-1', userIdentity}, 'test', 'record');
const user = record({type: 'IAMUser', userName: 'svc-reporting', accessKeyId: 'AKIAEXAMPLEKEY000111', arn: 'arn:aws:iam::111122223333:user/svc-reporting', accountId: '111122223333'});
const session = record({
  type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/app-role/i-0123456789abcdef0', accessKeyId: 'ASIAEXAMPLEKEY000222', accountId: '111122223333',
  sessionContext: {sessionIssuer: {type: 'Role', userName: 'app-role', arn: 'arn:aws:iam::111122223333:role/app-role'}},
});
const linked = record({
  type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForAutoScaling/AutoScaling', accountId: '111122223333',
  sessionContext: {sessionIssuer: {type: 'Role', userName: 'AWSServiceRoleForAutoScaling'}},
});

const sandbox = (records: readonly CloudTrailRecord[] = [user, session, linked]) => createSandboxExecutor(fixture(), undefined, records);
const denyAll = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}';

describe('seeded from the callers of the trail', () => {
  it('the IAM user with the key it used, Active, and a console password; the session roles', () => {
    const state = iamFromRecords([user, session, linked], '111122223333');
    expect(state.users.map((u) => [u.UserName, u.AccessKeys.map((k) => `${k.AccessKeyId}:${k.Status}`), u.LoginProfile !== undefined])).toEqual([
      ['svc-reporting', ['AKIAEXAMPLEKEY000111:Active'], true],
    ]);
    expect(state.roles.map((r) => [r.RoleName, r.Path])).toEqual([['app-role', '/'], ['AWSServiceRoleForAutoScaling', '/aws-service-role/']]);
  });
  it('a user that signed with temporary credentials still has a long-term key to deactivate', () => {
    const temp = record({type: 'IAMUser', userName: 'dev', accessKeyId: 'ASIAEXAMPLEKEY000333'});
    expect(iamFromRecords([temp], '111122223333').users[0]?.AccessKeys[0]?.AccessKeyId).toMatch(/^AKIA[0-9A-F]{16}$/);
  });
  it('a user name that is not an IAM name is not made a user', () => {
    expect(iamFromRecords([record({type: 'IAMUser', userName: 'a b\u001b[31m'})], '111122223333').users).toEqual([]);
  });
});

describe('reads', () => {
  it('ListAccessKeys lists the user\'s keys; an unknown user is NoSuchEntity', async () => {
    const executor = sandbox();
    expect(await executor.read(iam('ListAccessKeys', {UserName: 'svc-reporting'}), here)).toMatchObject({
      ok: true, output: {AccessKeyMetadata: [{UserName: 'svc-reporting', AccessKeyId: 'AKIAEXAMPLEKEY000111', Status: 'Active'}]},
    });
    expect(await executor.read(iam('ListAccessKeys', {UserName: 'nobody'}), here)).toMatchObject({
      ok: false, code: 'NoSuchEntity', verdict: {outcome: 'would-fail', code: 'NoSuchEntity', message: 'The user with name nobody cannot be found.'},
    });
  });
  it('a dry-run of a read runs it and shows the answer', async () => {
    const result = await sandbox().dryRun(iam('GetLoginProfile', {UserName: 'svc-reporting'}), here);
    expect(result.verdict).toMatchObject({outcome: 'read'});
    expect(result.sent).toBe(false);
  });
  it('GetAccountSummary and ListUsers', async () => {
    const root = record({type: 'Root', accessKeyId: 'AKIAROOTKEY000000001', accountId: '111122223333'});
    const executor = sandbox([user, root]);
    expect(await executor.read(iam('GetAccountSummary'), here)).toMatchObject({ok: true, output: {SummaryMap: {AccountAccessKeysPresent: 1, AccountMFAEnabled: 0, Users: 1}}});
    expect(await executor.read(iam('ListUsers'), here)).toMatchObject({ok: true, output: {Users: [{UserName: 'svc-reporting'}]}});
  });
});

describe('changes: plan only on dry-run, carried out by execute, read back', () => {
  it('IAM has no dry-run: an IAM change is plan only and changes nothing', async () => {
    const executor = sandbox();
    const result = await executor.dryRun(iam('UpdateAccessKey', {UserName: 'svc-reporting', AccessKeyId: 'AKIAEXAMPLEKEY000111', Status: 'Inactive'}), here);
    expect(result.verdict).toEqual({outcome: 'plan-only', reason: 'no-dry-run'});
    expect(executor.iam().users[0]?.AccessKeys[0]?.Status).toBe('Active');
  });
  it('UpdateAccessKey makes the key Inactive; an unknown key or status is refused', async () => {
    const executor = sandbox();
    expect(await executor.execute(iam('UpdateAccessKey', {UserName: 'svc-reporting', AccessKeyId: 'AKIAEXAMPLEKEY000999', Status: 'Inactive'}), here)).toEqual({
      ok: false, code: 'NoSuchEntity', message: 'The Access Key with id AKIAEXAMPLEKEY000999 cannot be found.',
    });
    expect(await executor.execute(iam('UpdateAccessKey', {UserName: 'svc-reporting', AccessKeyId: 'AKIAEXAMPLEKEY000111', Status: 'Off'}), here)).toMatchObject({ok: false, code: 'ValidationError'});
    expect(await executor.execute(iam('UpdateAccessKey', {UserName: 'svc-reporting', AccessKeyId: 'AKIAEXAMPLEKEY000111', Status: 'Inactive'}), here)).toEqual({ok: true, output: {}});
    expect(await executor.read(iam('ListAccessKeys', {UserName: 'svc-reporting'}), here)).toMatchObject({ok: true, output: {AccessKeyMetadata: [{Status: 'Inactive'}]}});
  });
  it('DeleteLoginProfile removes the password: GetLoginProfile is then NoSuchEntity, and so is a second delete', async () => {
    const executor = sandbox();
    expect(await executor.read(iam('GetLoginProfile', {UserName: 'svc-reporting'}), here)).toMatchObject({ok: true, output: {LoginProfile: {UserName: 'svc-reporting'}}});
    expect(await executor.execute(iam('DeleteLoginProfile', {UserName: 'svc-reporting'}), here)).toEqual({ok: true, output: {}});
    expect(await executor.read(iam('GetLoginProfile', {UserName: 'svc-reporting'}), here)).toMatchObject({ok: false, code: 'NoSuchEntity'});
    expect(await executor.execute(iam('DeleteLoginProfile', {UserName: 'svc-reporting'}), here)).toEqual({ok: false, code: 'NoSuchEntity', message: 'Login Profile for User svc-reporting cannot be found.'});
  });
  it('PutUserPolicy attaches the inline policy; GetUserPolicy returns it URL-encoded, as IAM does', async () => {
    const executor = sandbox();
    expect(await executor.read(iam('GetUserPolicy', {UserName: 'svc-reporting', PolicyName: 'trailguide-deny-all'}), here)).toMatchObject({ok: false, code: 'NoSuchEntity'});
    expect(await executor.execute(iam('PutUserPolicy', {UserName: 'svc-reporting', PolicyName: 'trailguide-deny-all', PolicyDocument: denyAll}), here)).toEqual({ok: true, output: {}});
    const read = await executor.read(iam('GetUserPolicy', {UserName: 'svc-reporting', PolicyName: 'trailguide-deny-all'}), here);
    expect(read).toMatchObject({ok: true, output: {UserName: 'svc-reporting', PolicyName: 'trailguide-deny-all'}});
    expect(read.ok && decodeURIComponent((read.output as {PolicyDocument: string}).PolicyDocument)).toBe(denyAll);
  });
  it('a policy that is not a JSON policy document: MalformedPolicyDocument, nothing attached', async () => {
    const executor = sandbox();
    for (const document of ['{"Version":', '{"Version":"2012-10-17"}']) {
      expect(await executor.execute(iam('PutUserPolicy', {UserName: 'svc-reporting', PolicyName: 'p', PolicyDocument: document}), here)).toMatchObject({ok: false, code: 'MalformedPolicyDocument'});
    }
    expect(executor.iam().users[0]?.Policies).toEqual({});
  });
  it('PutRolePolicy revokes a role\'s sessions; a service-linked role is UnmodifiableEntity; an unknown role NoSuchEntity', async () => {
    const executor = sandbox();
    const revoke = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:TokenIssueTime":"2025-05-21T04:00:00Z"}}}]}';
    expect(await executor.execute(iam('PutRolePolicy', {RoleName: 'app-role', PolicyName: 'AWSRevokeOlderSessions', PolicyDocument: revoke}), here)).toEqual({ok: true, output: {}});
    expect(await executor.read(iam('GetRolePolicy', {RoleName: 'app-role', PolicyName: 'AWSRevokeOlderSessions'}), here)).toMatchObject({ok: true, output: {RoleName: 'app-role', PolicyName: 'AWSRevokeOlderSessions'}});
    expect(await executor.execute(iam('PutRolePolicy', {RoleName: 'AWSServiceRoleForAutoScaling', PolicyName: 'AWSRevokeOlderSessions', PolicyDocument: revoke}), here)).toMatchObject({ok: false, code: 'UnmodifiableEntity'});
    expect(await executor.execute(iam('PutRolePolicy', {RoleName: 'other-role', PolicyName: 'AWSRevokeOlderSessions', PolicyDocument: revoke}), here)).toEqual({ok: false, code: 'NoSuchEntity', message: 'The role with name other-role cannot be found.'});
  });
  it('a name IAM would refuse: ValidationError; an IAM call the sandbox does not simulate says so', async () => {
    const executor = sandbox();
    expect(await executor.execute(iam('DeleteLoginProfile', {UserName: 'a/b'}), here)).toMatchObject({ok: false, code: 'ValidationError'});
    expect(await executor.execute(iam('CreateRole', {RoleName: 'x'}), here)).toMatchObject({ok: false, code: 'UnsupportedOperation'});
  });
  it('a scenario whose permissions name IAM actions decides them: an explicit deny is AccessDenied', async () => {
    const base = fixture();
    const executor = createSandboxExecutor({...base, permissions: {allow: ['ec2:*', 'iam:List*'], deny: ['iam:UpdateAccessKey']}}, undefined, [user]);
    expect(await executor.execute(iam('UpdateAccessKey', {UserName: 'svc-reporting', AccessKeyId: 'AKIAEXAMPLEKEY000111', Status: 'Inactive'}), here)).toMatchObject({ok: false, code: 'AccessDenied'});
    expect(await executor.read(iam('ListAccessKeys', {UserName: 'svc-reporting'}), here)).toMatchObject({ok: true});
    expect(await executor.read(iam('GetLoginProfile', {UserName: 'svc-reporting'}), here)).toMatchObject({ok: false, verdict: {outcome: 'denied', permission: 'iam:GetLoginProfile'}});
  });
});
