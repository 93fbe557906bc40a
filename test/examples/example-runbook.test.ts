// The example of a user's own runbook (examples/runbooks/SendSSHPublicKey.yaml), for an event no built-in
// answers, logged by another service: it parses as any runbook does; on the published records its facts,
// reads, Now lines and findings are what an operator needs, every finding it declares is raised by one of
// them (or a variant), the risk it contains shows resolved once the change is made, and its own verify
// judges the change. test/examples/example-walk.test.ts walks it on the three tracks.
import {describe, expect, it} from 'vitest';
import {loadNow} from '../../src/app/load-now.js';
import {operationInfo} from '../../src/aws/operations.js';
import type {Snapshot} from '../../src/engine/document.js';
import {engineFor, type RunbookEngine} from '../../src/engine/runbook-engine.js';
import type {CloudTrailRecord} from '../../src/events/record.js';
import {findingsFor, isResolved, type Finding, type FindingsConfig} from '../../src/findings/index.js';
import {builtInRunbook} from '../../src/runbooks/registry.js';
import {verificationFor} from '../../src/runbooks/verifications.js';
import {fixedNow} from '../helpers/ink.js';
import {byInstanceRole, exampleRunbook, forInstance, forUser, recordOf} from './example-records.js';
import {groupId, instanceConnectAccount, instanceId, publicIp} from './instance-connect-account.js';

const runbook = exampleRunbook();
const engine: RunbookEngine = engineFor(runbook);

/** The event opened as the app opens it: its facts, the Now panel read through the runbook's state reads, its findings. */
async function opened(record: CloudTrailRecord, config: FindingsConfig = {}, executor = instanceConnectAccount(record, () => fixedNow)) {
  const facts = engine.facts(record);
  const now = await loadNow(record, facts, engine, executor);
  const snapshot: Snapshot | undefined = now.status === 'done' ? now.snapshot : undefined;
  const findings = findingsFor(record, facts, snapshot, config, engine);
  return {facts, now, snapshot, findings, executor, byId: (id: string): Finding | undefined => findings.find((f) => f.id === id)};
}

const pushed = recordOf('pushed');

describe('the example runbook', () => {
  it('parses as any runbook: its events, a containment on every track with reads and one change, the library investigation', () => {
    expect(builtInRunbook('SendSSHPublicKey')).toBeUndefined();
    expect(runbook.events).toEqual({source: 'ec2-instance-connect.amazonaws.com', names: ['SendSSHPublicKey']});
    const [contain, investigate] = runbook.procedures;
    expect(contain?.kind).toBe('containment');
    expect(contain?.tracks).toBeUndefined();
    expect(contain?.steps.every((step) => step.tracks === undefined)).toBe(true);
    const calls = contain?.steps.flatMap((step) => (step.action ? [{id: step.id, kind: step.kind, info: operationInfo(step.action.service, step.action.operation)}] : [])) ?? [];
    expect(calls.filter((c) => c.kind === 'check').every((c) => c.info?.mutating === false)).toBe(true);
    expect(calls.filter((c) => c.kind === 'action')).toEqual([{id: 'revoke-open-ssh', kind: 'action', info: {mutating: true, dryRun: true}}]);
    // The library's procedure, its parameters bound to this runbook's names.
    expect(investigate?.id).toBe('investigate-actor');
    expect(investigate?.steps.find((s) => s.id === 'disable-user-key')?.action?.params).toEqual({UserName: '{{callerUser}}', AccessKeyId: '{{callerKey}}', Status: 'Inactive'});
    expect(engine.answers(pushed)).toBe(true);
    expect(engine.answers({...pushed, eventSource: 'ec2.amazonaws.com'})).toBe(false);
  });

  it('reads the published record: the instance, the OS user, the key; nothing from a refused call that names none', () => {
    expect(engine.facts(pushed).map((f) => [f.key, f.value])).toEqual([
      ['instanceId', instanceId],
      ['osUser', 'ec2-user'],
      ['keyType', 'ssh-ed25519'],
      ['publicKey', 'ssh-ed25519 XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX…'],
      ['callerKey', 'SAMPLE_ACCESS_KEY'],
    ]);
    expect(engine.facts(recordOf('denied')).map((f) => f.key)).toEqual(['callerKey']);
  });

  it('reads the instance, then its groups; never a malformed ID', () => {
    const facts = engine.facts(pushed);
    expect(engine.read(0, pushed, facts, undefined)).toEqual({service: 'ec2', operation: 'DescribeInstances', params: {InstanceIds: [instanceId]}});
    expect(engine.read(1, pushed, facts, undefined)).toBeUndefined();
    expect(engine.read(1, pushed, facts, {Instances: [{InstanceId: instanceId, SecurityGroups: [{GroupId: groupId}, {GroupId: 'sg-1'}]}]}))
      .toEqual({service: 'ec2', operation: 'DescribeSecurityGroups', params: {GroupIds: [groupId]}});
    const malformed = recordOf('pushed', forInstance('i-ABCDEF0123'));
    expect(engine.read(0, malformed, engine.facts(malformed), undefined)).toBeUndefined();
  });

  it('shows the instance now and raises what is wrong, with evidence and the step for each', async () => {
    const event = await opened(pushed);
    expect(event.now).toMatchObject({status: 'done', operation: 'DescribeInstances'});
    expect(event.now.status === 'done' ? event.now.lines : []).toEqual([
      {tone: 'info', text: 'the instance is running (t3.micro in us-west-2a)'},
      {tone: 'bad', text: `public address ${publicIp}: SSH reaches it from wherever its groups allow`},
      {tone: 'bad', text: `${groupId} (web-admin) lets SSH in from 0.0.0.0/0`},
      {tone: 'info', text: 'launched with the key pair deploy: a pushed key works beside it'},
    ]);
    expect(event.findings.map((f) => [f.severity, f.id, f.title, f.evidence, f.stepId])).toEqual([
      ['critical', 'ssh-open-to-internet', `SSH open to 0.0.0.0/0 at ${publicIp}: a pushed key works from anywhere`,
        `SecurityGroups[${groupId}].IpPermissions[0].IpRanges[0].CidrIp = 0.0.0.0/0`, 'revoke-open-ssh'],
      // A finding every event shares, pointing at the caller's step of this runbook: the records were made with Stratus Red Team.
      ['high', 'offensive-user-agent', 'User agent of Stratus Red Team, an attack tool: is a test scheduled? If not, contain it',
        'userAgent = stratus-red-team_8b255a24-d33d-4750-bd4b-4007124741df', 'identify-actor'],
      ['high', 'key-for-privileged-login', 'SSH key for ec2-user pushed from 1.2.3.4: a sudo login',
        'requestParameters.instanceOSUser = ec2-user; sourceIPAddress = 1.2.3.4', 'check-logins'],
      ['medium', 'instance-public-ip', `Public address ${publicIp}: a pushed key is usable from the internet`,
        `Instances[${instanceId}].PublicIpAddress = ${publicIp}`, 'describe-instance'],
    ]);
  });

  it('a key for root is critical; an address the operator lists is routine, any other is named unlisted', async () => {
    const root = await opened(recordOf('pushed', forUser('root')));
    expect(root.byId('key-for-privileged-login')).toMatchObject({severity: 'critical', title: 'SSH key for root pushed from 1.2.3.4: a root login'});
    const listed = await opened(pushed, {allowedSourceIps: ['1.2.3.0/24']});
    expect(listed.byId('key-for-privileged-login')).toBeUndefined();
    const unlisted = await opened(pushed, {allowedSourceIps: ['198.51.100.0/24']});
    expect(unlisted.byId('key-for-privileged-login')?.title).toBe('SSH key for ec2-user pushed from 1.2.3.4, an unlisted address: a sudo login');
    const ordinary = await opened(recordOf('pushed', forUser('deploy')));
    expect(ordinary.byId('key-for-privileged-login')).toBeUndefined();
  });

  it("a key pushed with an instance's role credentials: one instance reaching another, or itself", async () => {
    const other = await opened(recordOf('pushed', byInstanceRole('i-0fedcba9876543210')));
    expect(other.byId('push-by-instance-role')).toEqual({
      id: 'push-by-instance-role', severity: 'high', stepId: 'revoke-role-sessions',
      title: 'Key pushed with the role credentials of i-0fedcba9876543210: lateral movement?',
      evidence: 'userIdentity.arn = arn:aws:sts::111122223333:assumed-role/web-instance-role/i-0fedcba9876543210',
    });
    const itself = await opened(recordOf('pushed', byInstanceRole(instanceId)));
    expect(itself.byId('push-by-instance-role')?.title).toBe(`Key pushed with the role credentials of ${instanceId} (itself): lateral movement?`);
    expect((await opened(pushed)).byId('push-by-instance-role')).toBeUndefined();
  });

  it('SSH open without a public address is medium; with neither, only the key is raised', async () => {
    const event = await opened(pushed);
    const instances = (event.snapshot?.['Instances'] ?? []).map((item) => ({...(item as object), PublicIpAddress: undefined}));
    const noAddress: Snapshot = JSON.parse(JSON.stringify({...event.snapshot, Instances: instances})) as Snapshot;
    const findings = findingsFor(pushed, event.facts, noAddress, {}, engine);
    expect(findings.find((f) => f.id === 'ssh-open-to-internet')).toMatchObject({severity: 'medium', title: 'SSH open to 0.0.0.0/0 (no public address now): a pushed key works from anywhere'});
    expect(findings.find((f) => f.id === 'instance-public-ip')).toBeUndefined();
    expect(engine.nowLines(pushed, event.facts, noAddress)).toContainEqual({tone: 'ok', text: 'the instance has no public address'});
  });

  it('declares only findings the records above raise', () => {
    expect(runbook.findings.map((f) => f.id).sort()).toEqual(['instance-public-ip', 'key-for-privileged-login', 'push-by-instance-role', 'ssh-open-to-internet']);
  });

  it('once the open rule is revoked in the sandbox, fresh state shows SSH closed and that finding resolved; the public address stays', async () => {
    const event = await opened(pushed);
    const rules = await event.executor.read?.({service: 'ec2', operation: 'DescribeSecurityGroupRules', params: {Filters: [{Name: 'group-id', Values: [groupId]}]}}, {region: 'us-west-2'});
    const output = rules?.ok === true ? (rules.output as {SecurityGroupRules: {SecurityGroupRuleId: string; FromPort: number; IsEgress: boolean}[]}) : undefined;
    const ssh = output?.SecurityGroupRules.filter((r) => !r.IsEgress && r.FromPort === 22).map((r) => r.SecurityGroupRuleId) ?? [];
    expect(ssh).toHaveLength(1);
    const revoke = {service: 'ec2' as const, operation: 'RevokeSecurityGroupIngress', params: {GroupId: groupId, SecurityGroupRuleIds: ssh}};
    // The step's own verify: before the change it says SSH is still open, naming the rule.
    const step = runbook.procedures[0]?.steps.find((s) => s.id === 'revoke-open-ssh');
    const verification = verificationFor(revoke, step?.verify);
    expect(verification?.read).toEqual({service: 'ec2', operation: 'DescribeSecurityGroupRules', params: {Filters: [{Name: 'group-id', Values: [groupId]}]}});
    expect(verification?.check(output)).toEqual({reached: false, summary: `${groupId} still lets SSH in from the internet: ${ssh[0] ?? ''}`});

    expect(await event.executor.execute?.(revoke, {region: 'us-west-2'})).toMatchObject({ok: true});
    const after = await opened(pushed, {}, event.executor);
    const answer = await event.executor.read?.(verification?.read ?? revoke, {region: 'us-west-2'});
    expect(verification?.check(answer?.ok === true ? answer.output : undefined)).toEqual({reached: true, summary: `no inbound rule of ${groupId} lets SSH in from the internet`});
    expect(after.now.status === 'done' ? after.now.lines : []).toContainEqual({tone: 'ok', text: 'no security group of the instance lets SSH in from the whole internet'});
    const state = after.snapshot ?? {};
    const before = (id: string) => event.findings.find((f) => f.id === id) as Finding;
    expect(isResolved(before('ssh-open-to-internet'), pushed, event.facts, state, engine)).toBe(true);
    expect(isResolved(before('instance-public-ip'), pushed, event.facts, state, engine)).toBe(false);
    expect(isResolved(before('key-for-privileged-login'), pushed, event.facts, state, engine)).toBe(false);
    // A finding every event shares is about the caller: no state ends it.
    expect(isResolved(before('offensive-user-agent'), pushed, event.facts, state, engine)).toBe(false);
  });

  it('an instance that no longer exists: the Now panel says so and every finding of the runbook is over', async () => {
    const gone = recordOf('pushed', forInstance('i-0123456789abcdef0'));
    const event = await opened(gone);
    expect(event.now).toEqual({status: 'done', operation: 'DescribeInstances', snapshot: {Instances: []},
      lines: [{tone: 'ok', text: 'the instance i-0123456789abcdef0 no longer exists: the key has nothing to open'}]});
    const key = event.byId('key-for-privileged-login');
    expect(key).toBeDefined();
    expect(isResolved(key as Finding, gone, event.facts, event.snapshot ?? {}, engine)).toBe(true);
  });

  it('a malformed instance ID is never looked up', async () => {
    const malformed = recordOf('pushed', forInstance('i-ABCDEF0123'));
    expect((await opened(malformed)).now).toEqual({status: 'failed', message: 'the event names no valid resource ID to look up'});
  });

  it('a refused push raises the findings every event shares, pointing at the caller, and none of its own', async () => {
    const denied = recordOf('denied');
    const event = await opened(denied);
    expect(event.now).toEqual({status: 'failed', message: 'the event names no valid resource ID to look up'});
    expect(event.findings.map((f) => [f.id, f.severity, f.stepId])).toEqual([
      ['call-refused', 'high', 'identify-actor'],
      ['offensive-user-agent', 'high', 'identify-actor'],
    ]);
    // Even with the account read, a call that did nothing raises nothing about the instance.
    const state = (await opened(pushed)).snapshot;
    expect(findingsFor(denied, engine.facts(pushed), state, {}, engine).map((f) => f.id)).toEqual(['call-refused', 'offensive-user-agent']);
  });
});
