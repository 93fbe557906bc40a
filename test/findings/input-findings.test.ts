// The shared findings that read the whole input: refused-call bursts and instance credentials called
// from elsewhere, on a real trail file of a Stratus Red Team detonation (invictus-ir/aws_dataset), and
// their near misses.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseEvents} from '../../src/events/parse-events.js';
import {parseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord, JsonObject} from '../../src/events/record.js';
import {inputContext, inputTracker} from '../../src/findings/input-context.js';
import type {FindingsConfig} from '../../src/findings/finding.js';
import {findingOf} from './helpers.js';

const file = new URL('../fixtures/findings/218007301253_CloudTrail_us-east-1_20230710T1200Z_iLj9fb7yyUG9X4Bf.json', import.meta.url);
const records = parseEvents(readFileSync(file, 'utf8'), 'trail').records;
const config: FindingsConfig = {input: inputContext(records)};
const byId = (eventID: string): CloudTrailRecord => {
  const found = records.find((r) => r.eventID === eventID);
  if (found === undefined) throw new Error(`no record ${eventID}`);
  return found;
};
/** The record as published with some fields changed (a near miss built on real data). */
const changed = (record: CloudTrailRecord, patch: JsonObject): CloudTrailRecord => parseRecord({...record.raw, ...patch}, 'changed', '');

const probing = records.filter((r) => r.userIdentity.arn?.includes('get-password-data-role') === true);
const stolenUse = byId('d3d5fd99-faa9-4959-a464-56fba613cc2e'); // DescribeInstances with the instance's credentials, from 192.168.10.20
const agentUse = byId('6bf8950b-f1ed-439d-8fc8-211645bfbe0f'); // the SSM agent on the instance, from 3.225.16.109
const fewRefusals = byId('e4bad408-6272-4892-bf47-bd41b435ce40'); // bert-jan's AssumeRole, refused 3 times in the file

describe('refusal-burst', () => {
  it('24 refused GetPasswordData calls in 2 seconds from one role session raise it on each of them', () => {
    expect(probing).toHaveLength(24);
    for (const record of probing) {
      const found = findingOf('refusal-burst', record, undefined, config);
      expect(found?.severity).toBe('high');
      expect(found?.title).toBe('24 refused calls in 2 seconds from this identity: probing, see what else it tried');
      expect(found?.evidence).toContain('errorCode = Client.UnauthorizedOperation ×24, 2023-07-10T11:54:48Z to 2023-07-10T11:54:50Z');
    }
  });

  it('3 refused calls from one user are below the burst', () => {
    expect(findingOf('call-refused', fewRefusals, undefined, config)?.severity).toBe('high');
    expect(findingOf('refusal-burst', fewRefusals, undefined, config)).toBeUndefined();
  });

  it('one record alone has no input to show a burst', () => {
    expect(findingOf('refusal-burst', probing[0] as CloudTrailRecord)).toBeUndefined();
  });

  const refusedAt = (minute: number, second = 0, arn = 'arn:aws:iam::111122223333:user/ci'): CloudTrailRecord =>
    changed(fewRefusals, {eventTime: `2023-07-10T12:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}Z`, userIdentity: {type: 'IAMUser', arn, accessKeyId: 'AKIAIOSFODNN7EXAMPLE'}});

  it('ten refusals in ten minutes are a burst; the same ten over eleven minutes are not', () => {
    const inTen = Array.from({length: 10}, (_, i) => refusedAt(i + (i === 9 ? 1 : 0)));
    const overEleven = Array.from({length: 10}, (_, i) => refusedAt(i === 9 ? 11 : i));
    expect(findingOf('refusal-burst', inTen[0] as CloudTrailRecord, undefined, {input: inputContext(inTen)})?.title).toMatch(/^10 refused calls in 10 minutes/);
    expect(findingOf('refusal-burst', overEleven[0] as CloudTrailRecord, undefined, {input: inputContext(overEleven)})).toBeUndefined();
  });

  it('refusals an AWS service met for the identity (a misconfigured service, not probing) are not counted', () => {
    const byService = Array.from({length: 12}, (_, i) => changed(refusedAt(i % 10), {sourceIPAddress: 'config.amazonaws.com', userAgent: 'config.amazonaws.com'}));
    expect(findingOf('refusal-burst', byService[0] as CloudTrailRecord, undefined, {input: inputContext(byService)})).toBeUndefined();
    const invoked = Array.from({length: 12}, (_, i) => changed(refusedAt(i % 10), {userIdentity: {type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForConfig/AWSConfig-Describe', invokedBy: 'config.amazonaws.com'}}));
    expect(findingOf('refusal-burst', invoked[0] as CloudTrailRecord, undefined, {input: inputContext(invoked)})).toBeUndefined();
  });

  it('counts per identity: ten refusals split between two users are no burst', () => {
    const split = Array.from({length: 10}, (_, i) => refusedAt(i, 0, `arn:aws:iam::111122223333:user/u${i % 2}`));
    expect(findingOf('refusal-burst', split[0] as CloudTrailRecord, undefined, {input: inputContext(split)})).toBeUndefined();
  });

  it('records out of time order still find the densest window; a later success of the identity carries it', () => {
    const shuffled = [7, 2, 9, 0, 5, 1, 8, 3, 6, 4].map((minute) => refusedAt(minute, 30));
    const success = changed(shuffled[0] as CloudTrailRecord, {errorCode: null, errorMessage: null, eventTime: '2023-07-10T13:00:00Z'});
    const input = inputContext([...shuffled, success]);
    expect(findingOf('refusal-burst', success, undefined, {input})?.title).toMatch(/^10 refused calls in 9 minutes/);
  });

  it('while a file streams (triage), the burst is known from its tenth refusal on', () => {
    const tracker = inputTracker();
    const seen = probing.map((record) => {
      tracker.add(record);
      return findingOf('refusal-burst', record, undefined, {input: tracker}) !== undefined;
    });
    expect(seen.indexOf(true)).toBe(9);
    expect(seen.slice(9).every(Boolean)).toBe(true);
  });
});

describe('instance-credentials-elsewhere', () => {
  it('the stolen credentials, called from a second address in the same input: high, naming both addresses', () => {
    const found = findingOf('instance-credentials-elsewhere', stolenUse, undefined, config);
    expect(found?.severity).toBe('high');
    expect(found?.title).toBe('Instance i-0dbc91f429e48eeed credentials used from 2 addresses: likely stolen, revoke them');
    expect(found?.evidence).toBe('sourceIPAddress = 192.168.10.20 (the same credentials also from 3.225.16.109); userIdentity.sessionContext.ec2RoleDelivery = 1.0');
  });

  it('the instance\'s own calls share the finding: the input cannot tell which address is the instance', () => {
    expect(findingOf('instance-credentials-elsewhere', agentUse, undefined, config)?.evidence).toBe('sourceIPAddress = 3.225.16.109 (the same credentials also from 192.168.10.20); userIdentity.sessionContext.ec2RoleDelivery = 2.0');
  });

  it('one record from a public address alone: only a check, medium', () => {
    const found = findingOf('instance-credentials-elsewhere', agentUse);
    expect(found?.severity).toBe('medium');
    expect(found?.title).toBe('Instance i-0dbc91f429e48eeed credentials called from an IP: stolen if not the instance\'s');
    expect(found?.evidence).toBe('sourceIPAddress = 3.225.16.109; userIdentity.sessionContext.ec2RoleDelivery = 2.0');
  });

  it('without ec2RoleDelivery, the session is only named like an instance', () => {
    const userIdentity = {...(agentUse.raw['userIdentity'] as JsonObject), sessionContext: {attributes: {creationDate: '2023-07-10T11:55:22Z', mfaAuthenticated: 'false'}}};
    const found = findingOf('instance-credentials-elsewhere', changed(agentUse, {userIdentity}));
    expect(found?.title).toBe('Session named like i-0dbc91f429e48eeed called from an IP: stolen if not the instance\'s');
    expect(found?.evidence).toBe('sourceIPAddress = 3.225.16.109');
  });

  it('one record from a private address alone: the inside of a VPC, as the instance\'s own calls, not raised', () => {
    expect(findingOf('instance-credentials-elsewhere', stolenUse)).toBeUndefined();
  });

  it.each<[string, JsonObject]>([
    ['called by an AWS service for the session', {sourceIPAddress: 'ssm.amazonaws.com'}],
    ['AWS Internal', {sourceIPAddress: 'AWS Internal'}],
    ['through a VPC endpoint', {vpcEndpointId: 'vpce-0123456789abcdef0'}],
    ['an AWS service calling for the session (invokedBy)', {userIdentity: {...(stolenUse.raw['userIdentity'] as JsonObject), invokedBy: 'eks.amazonaws.com'}}],
    ['a session not named after an instance', {userIdentity: {...(stolenUse.raw['userIdentity'] as JsonObject), arn: 'arn:aws:sts::123837392027:assumed-role/stratus-red-team-ec2-steal-credentials-role/i-dontknow'}}],
    ['an IAM user', {userIdentity: {type: 'IAMUser', arn: 'arn:aws:iam::123837392027:user/i-0dbc91f429e48eeed'}}],
  ])('not raised: %s', (_name, patch) => {
    expect(findingOf('instance-credentials-elsewhere', changed(stolenUse, patch), undefined, config)).toBeUndefined();
  });

  it('a new issue of the credentials (another creationDate) from one address is only a check', () => {
    const later = changed(agentUse, {userIdentity: {...(agentUse.raw['userIdentity'] as JsonObject), sessionContext: {attributes: {creationDate: '2023-07-10T17:55:22Z', mfaAuthenticated: 'false'}, ec2RoleDelivery: '2.0'}}});
    expect(findingOf('instance-credentials-elsewhere', later, undefined, {input: inputContext([...records, later])})?.severity).toBe('medium');
  });
});
