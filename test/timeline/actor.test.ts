// The actor of a record, for every identity type CloudTrail writes, and the same-actor test, on
// records in their real shape: the public trail fixtures, and the AWS documentation's userIdentity
// examples for the types no fixture has.
import {readFileSync} from 'node:fs';
import {gunzipSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {parseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord} from '../../src/events/record.js';
import {actorNeedles, actorOf, matchesActor} from '../../src/timeline/actor.js';
import type {Actor} from '../../src/timeline/types.js';

const publicDir = new URL('../fixtures/cloudtrail-public/', import.meta.url).pathname;
const plainLog = `${publicDir}218007301253_CloudTrail_us-east-1_20230710T1205Z_zs3JGxETHr59VpkX.json`;
const gzLog = `${publicDir}218007301253_CloudTrail_us-east-1_20230710T1235Z_YbVFCP9AYzJDhHV9.json.gz`;

function recordsOf(path: string): CloudTrailRecord[] {
  const bytes = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  return (JSON.parse(text) as {Records: unknown[]}).Records.map((r, i) => parseRecord(r, path, `Records[${i}]`));
}

const trail = [...recordsOf(plainLog), ...recordsOf(gzLog)];
const first = (test: (r: CloudTrailRecord) => boolean): CloudTrailRecord => {
  const found = trail.find(test);
  if (!found) throw new Error('fixture record not found');
  return found;
};

/** A record around a userIdentity, as CloudTrail writes it. */
const withIdentity = (userIdentity: unknown): CloudTrailRecord =>
  parseRecord({eventVersion: '1.09', eventTime: '2024-05-01T10:00:00Z', eventSource: 'ec2.amazonaws.com', eventName: 'DescribeInstances', awsRegion: 'us-east-1', eventID: 'e-1', ...(userIdentity === undefined ? {} : {userIdentity})}, 'test', 'event');

const ok = (record: CloudTrailRecord): Actor => {
  const result = actorOf(record);
  if (!result.ok) throw new Error(`no actor: ${result.reason}`);
  return result.actor;
};

describe('actorOf', () => {
  it('an IAM user: its user name, ARN and access key', () => {
    const actor = ok(first((r) => r.userIdentity.accessKeyId === 'AKIATFQR7NSC8Q4X20BJ'));
    expect(actor).toMatchObject({type: 'IAMUser', userName: 'bert-jan', arn: 'arn:aws:iam::123837392027:user/bert-jan', accessKeyId: 'AKIATFQR7NSC8Q4X20BJ', accountId: '123837392027'});
    expect(actor.label).toBe('IAMUser bert-jan (AKIATFQR7NSC8Q4X20BJ)');
  });

  it('a role session (EC2 instance credentials): the role from the session issuer, the session name from the ARN', () => {
    const actor = ok(first((r) => r.userIdentity.type === 'AssumedRole'));
    expect(actor).toMatchObject({type: 'AssumedRole', userName: 'stratus-red-team-ec2-steal-credentials-role', sessionName: 'i-0dbc91f429e48eeed', accessKeyId: 'ASIATFQR7NSCSHSEVYP5'});
    expect(actor.label).toBe('AssumedRole stratus-red-team-ec2-steal-credentials-role/i-0dbc91f429e48eeed (ASIATFQR7NSCSHSEVYP5)');
  });

  it('an AWS service acting itself: no actor, and the sentence names the service', () => {
    const result = actorOf(first((r) => r.userIdentity.type === 'AWSService'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/AWS service cloudtrail\.amazonaws\.com .*no actor to follow/);
  });

  it('no userIdentity at all: no actor, and says so', () => {
    const result = actorOf(withIdentity(undefined));
    expect(result).toEqual({ok: false, reason: expect.stringContaining('has no userIdentity') as unknown});
  });

  it.each([
    ['Root', {type: 'Root', principalId: '111122223333', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333', accessKeyId: 'ASIAXXXXXXXXXXXXXXXX'}, 'Root of 111122223333 (ASIAXXXXXXXXXXXXXXXX)'],
    ['FederatedUser', {type: 'FederatedUser', principalId: '111122223333:bob', arn: 'arn:aws:sts::111122223333:federated-user/bob', accountId: '111122223333', accessKeyId: 'ASIAFEDERATEDEXAMPL', sessionContext: {sessionIssuer: {type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: 'arn:aws:iam::111122223333:user/bob', accountId: '111122223333', userName: 'bob'}}}, 'FederatedUser arn:aws:sts::111122223333:federated-user/bob (ASIAFEDERATEDEXAMPL)'],
    ['AWSAccount (another account, principal ID only)', {type: 'AWSAccount', principalId: 'AIDAOTHERACCOUNTUSER', accountId: '444455556666'}, 'AWSAccount AIDAOTHERACCOUNTUSER'],
    ['IdentityCenterUser (onBehalfOf.userId)', {type: 'IdentityCenterUser', accountId: '111122223333', onBehalfOf: {userId: '544894e8-80c1-707f-60e3-3ba6510dfac1', identityStoreArn: 'arn:aws:identitystore::111122223333:identitystore/d-9067642ac7'}, credentialId: 'EXAMPLEcredential'}, 'IdentityCenterUser 544894e8-80c1-707f-60e3-3ba6510dfac1'],
    ['Unknown with a user name and principal', {type: 'Unknown', principalId: 'AIDAUNKNOWNEXAMPLE', accountId: '111122223333', userName: 'someone'}, 'Unknown someone'],
  ])('%s', (_name, identity, label) => {
    expect(ok(withIdentity(identity)).label).toBe(label);
  });

  it('an Unknown identity with nothing to search by: no actor, with the reason', () => {
    const result = actorOf(withIdentity({type: 'Unknown', accountId: '111122223333', accessKeyId: ''}));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('no access key, ARN or principal ID');
  });
});

describe('matchesActor', () => {
  const user = ok(first((r) => r.userIdentity.accessKeyId === 'ASIATFQR7NSCQQ7DYXIG'));

  it('the same user: every record of its ARN, whatever the key (the console session keys included)', () => {
    const matched = trail.filter((r) => matchesActor(r, user));
    expect(matched.length).toBe(trail.filter((r) => r.userIdentity.arn === 'arn:aws:iam::123837392027:user/bert-jan').length);
    expect(new Set(matched.map((r) => r.userIdentity.accessKeyId)).size).toBeGreaterThan(5);
    expect(matched.some((r) => r.userIdentity.arn?.endsWith('user/benjamin') === true)).toBe(false);
  });

  it('the same role session only: another session of the same role is another actor', () => {
    const session = ok(first((r) => r.userIdentity.type === 'AssumedRole'));
    const other = withIdentity({type: 'AssumedRole', arn: 'arn:aws:sts::123837392027:assumed-role/stratus-red-team-ec2-steal-credentials-role/i-0aaaaaaaaaaaaaaaa', accessKeyId: 'ASIAOTHERSESSIONKEY0'});
    expect(trail.filter((r) => matchesActor(r, session))).toHaveLength(2);
    expect(matchesActor(other, session)).toBe(false);
  });

  it('the same access key under another ARN still matches (the key is the strongest handle)', () => {
    const sameKey = withIdentity({type: 'AssumedRole', arn: 'arn:aws:sts::123837392027:assumed-role/x/y', accessKeyId: 'ASIATFQR7NSCQQ7DYXIG'});
    expect(matchesActor(sameKey, user)).toBe(true);
  });

  it('a principal ID counts only for an actor without key or ARN, and within its account', () => {
    const account = ok(withIdentity({type: 'AWSAccount', principalId: 'AIDAOTHERACCOUNTUSER', accountId: '444455556666'}));
    expect(matchesActor(withIdentity({type: 'AWSAccount', principalId: 'AIDAOTHERACCOUNTUSER', accountId: '444455556666'}), account)).toBe(true);
    expect(matchesActor(withIdentity({type: 'AWSAccount', principalId: 'AIDAOTHERACCOUNTUSER', accountId: '777788889999'}), account)).toBe(false);
    expect(matchesActor(withIdentity({type: 'IAMUser', principalId: user.principalId, arn: 'arn:aws:iam::123837392027:user/other'}), user)).toBe(false);
  });

  it('an empty access key never matches another empty one', () => {
    const a = ok(withIdentity({type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/a', accessKeyId: ''}));
    expect(matchesActor(withIdentity({type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/b', accessKeyId: ''}), a)).toBe(false);
  });
});

describe('actorNeedles', () => {
  it('the key and the ARN as JSON writes them; the principal ID only without either', () => {
    expect(actorNeedles({type: 'IAMUser', accessKeyId: 'AKIAX', arn: 'arn:aws:iam::1:user/a"b\\c', principalId: 'P', label: ''})).toEqual(['AKIAX', 'arn:aws:iam::1:user/a\\"b\\\\c']);
    expect(actorNeedles({type: 'AWSAccount', principalId: 'AIDAP', label: ''})).toEqual(['AIDAP']);
  });
});
