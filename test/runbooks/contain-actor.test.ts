// The "contain the actor" procedure (library/actor.yaml), bound to real records: the steps an operator
// walks depend on who made the call, on every track, in every runbook.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord} from '../../src/events/record.js';
import {bindParameters, contextOf} from '../../src/runbooks/bind.js';
import {bindSteps, type BoundStep} from '../../src/runbooks/bind-steps.js';
import {builtInRunbookFiles, eventNamesOfFile} from '../../src/runbooks/catalog.js';
import {builtInEngine, builtInRunbook} from '../../src/runbooks/registry.js';
import {callerOf} from '../../src/runbooks/caller.js';
import type {Track} from '../../src/runbooks/tracks.js';

const fixture = (path: string): CloudTrailRecord => {
  const json = JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')) as {Records?: unknown[]};
  return parseRecord(json.Records?.[0] ?? json, path, 'record');
};

/** The Stratus Red Team "steal EC2 credentials" trail: the instance's role session, named after the instance. */
function instanceRoleRecord(): CloudTrailRecord {
  const path = 'cloudtrail-public/218007301253_CloudTrail_us-east-1_20230710T1205Z_zs3JGxETHr59VpkX.json';
  const json = JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')) as {Records: {userIdentity: {arn?: string}}[]};
  const raw = json.Records.find((r) => /:assumed-role\/[^/]+\/i-[0-9a-f]+$/.test(r.userIdentity.arn ?? ''));
  // The same session calling EC2, so the record opens the snapshot runbook (its identity is what counts here).
  return parseRecord({...raw, eventSource: 'ec2.amazonaws.com', eventName: 'ModifySnapshotAttribute', requestParameters: {snapshotId: 'snap-0123456789abcdef0'}}, path, 'record');
}

/** A root user's call, as CloudTrail writes it (userIdentity type Root, the account's ARN). */
function rootRecord(): CloudTrailRecord {
  const base = JSON.parse(readFileSync(new URL('../fixtures/events/ModifySnapshotAttribute/risky.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  return parseRecord({...base, userIdentity: {type: 'Root', principalId: '111122223333', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333', accessKeyId: 'AKIAIOSFODNN7EXAMPLE'}}, 'root', 'record');
}

function steps(record: CloudTrailRecord, track: Track = 'cli', answers: Record<string, string> = {}): BoundStep[] {
  const runbook = builtInRunbook(record.eventName)!;
  const facts = builtInEngine(record.eventName)?.facts(record) ?? [];
  return bindSteps(runbook, bindParameters(runbook, facts, contextOf(record), answers), track, false, record.eventName)
    .filter((s) => s.procedure.id === 'contain-actor');
}
const ids = (list: readonly BoundStep[]) => list.map((s) => s.id);

describe('the caller of a record', () => {
  it('tells an IAM user, a role session, an instance role, root and a service apart', () => {
    expect(callerOf(fixture('events/AuthorizeSecurityGroupIngress/risky.json'))).toMatchObject({kind: 'iam-user', userName: 'svc-deploy'});
    expect(callerOf(fixture('events/ModifySnapshotAttribute/risky.json'))).toMatchObject({kind: 'role-session', roleName: 'DeveloperRole'});
    expect(callerOf(instanceRoleRecord())).toEqual({
      kind: 'instance-role', roleName: 'stratus-red-team-ec2-steal-credentials-role', instanceId: 'i-0dbc91f429e48eeed', accessKeyId: 'ASIATFQR7NSCSHSEVYP5',
    });
    expect(callerOf(rootRecord()).kind).toBe('root');
    expect(callerOf(fixture('events/CreateNetworkInterface/benign.json')).kind).toBe('aws-service');
  });
});

describe('contain-actor, bound to a record', () => {
  it('an IAM user: its keys listed, the key used deactivated, its password removed, everything denied', () => {
    const record = fixture('events/AuthorizeSecurityGroupIngress/risky.json');
    const bound = steps(record);
    expect(ids(bound)).toEqual(['actor-list-user-keys', 'actor-deactivate-key', 'actor-check-login-profile', 'actor-delete-login-profile', 'actor-deny-user']);
    const key = record.userIdentity.accessKeyId!;
    expect(bound[1]?.action).toMatchObject({service: 'iam', operation: 'UpdateAccessKey', params: {UserName: 'svc-deploy', AccessKeyId: key, Status: 'Inactive'}});
    expect(bound[1]?.missing).toEqual([]);
    expect(bound[3]?.action).toMatchObject({operation: 'DeleteLoginProfile', params: {UserName: 'svc-deploy'}});
    const deny = bound[4]?.action;
    expect(deny).toMatchObject({operation: 'PutUserPolicy', params: {UserName: 'svc-deploy', PolicyName: 'trailguide-deny-all'}});
    expect(JSON.parse(deny?.params['PolicyDocument'] as string)).toEqual({Version: '2012-10-17', Statement: [{Effect: 'Deny', Action: '*', Resource: '*'}]});
    // IAM has no dry-run: each change says so, and names its permission check.
    for (const step of bound.filter((s) => s.kind === 'action')) expect(step.text).toContain('iam:SimulatePrincipalPolicy');
  });

  it('a role session: the role named by the session issuer gets the AWS revoke-older-sessions policy at the time given', () => {
    const record = fixture('events/ModifySnapshotAttribute/risky.json');
    const unbound = steps(record);
    expect(ids(unbound)).toEqual(['actor-revoke-role-sessions']);
    expect(unbound[0]?.missing).toEqual(['revokeSessionsBefore']);
    const [revoke] = steps(record, 'cli', {revokeSessionsBefore: '2026-12-07T20:30:00Z'});
    expect(revoke?.action).toMatchObject({service: 'iam', operation: 'PutRolePolicy', params: {RoleName: 'DeveloperRole', PolicyName: 'AWSRevokeOlderSessions'}});
    expect(JSON.parse(revoke?.action?.params['PolicyDocument'] as string)).toEqual({
      Version: '2012-10-17',
      Statement: [{Effect: 'Deny', Action: '*', Resource: '*', Condition: {DateLessThan: {'aws:TokenIssueTime': '2026-12-07T20:30:00Z'}}}],
    });
  });

  it('refuses a revocation time that is not a UTC time', () => {
    const [revoke] = steps(fixture('events/ModifySnapshotAttribute/risky.json'), 'cli', {revokeSessionsBefore: '2026-12-07T20:30:00Z","x":"'});
    expect(revoke?.missing).toEqual(['revokeSessionsBefore']);
    expect(JSON.stringify(revoke?.action?.params)).not.toContain('"x"');
  });

  it("an instance's role credentials: the sessions revoked, and the instance isolated with dry-run EC2 calls", () => {
    const bound = steps(instanceRoleRecord());
    expect(ids(bound)).toEqual([
      'actor-revoke-role-sessions', 'actor-describe-instance', 'actor-create-quarantine-group', 'actor-find-quarantine-group',
      'actor-quarantine-no-egress', 'actor-list-instance-interfaces', 'actor-isolate-instance',
    ]);
    expect(bound[0]?.note).toMatch(/instance's own current\s+credentials/);
    expect(bound[1]?.action).toMatchObject({service: 'ec2', operation: 'DescribeInstances', params: {InstanceIds: ['i-0dbc91f429e48eeed']}});
    expect(bound[6]?.action).toMatchObject({service: 'ec2', operation: 'ModifyNetworkInterfaceAttribute'});
  });

  it('root: the root-credential steps, manual where only root can act', () => {
    const bound = steps(rootRecord());
    expect(ids(bound)).toEqual(['actor-root-account-summary', 'actor-root-sign-in', 'actor-root-delete-keys', 'actor-root-mfa', 'actor-root-new-identities']);
    expect(bound.find((s) => s.id === 'actor-root-delete-keys')).toMatchObject({kind: 'manual', link: 'https://console.aws.amazon.com/iam/home#/security_credentials'});
    expect(bound.find((s) => s.id === 'actor-root-delete-keys')?.text).toMatch(/IAM users cannot do this/);
    expect(bound.some((s) => s.action?.operation === 'PutUserPolicy' || s.action?.operation === 'PutRolePolicy')).toBe(false);
  });

  it('an AWS service: nothing to revoke, one step that says where to look instead', () => {
    const bound = steps(fixture('events/CreateNetworkInterface/benign.json'));
    expect(ids(bound)).toEqual(['actor-service-caller']);
    expect(bound[0]?.kind).toBe('manual');
  });

  it.each(['console', 'cli', 'sdk'] as const)('is on the %s track', (track) => {
    expect(ids(steps(fixture('events/AuthorizeSecurityGroupIngress/risky.json'), track))).toContain('actor-deny-user');
  });
});

describe('every runbook file', () => {
  it.each(builtInRunbookFiles.map((file) => eventNamesOfFile(file)[0]!))('%s contains the actor right after its own containment', (eventName) => {
    const runbook = builtInRunbook(eventName)!;
    const kinds = runbook.procedures.map((p) => `${p.id}:${p.kind}`);
    const at = kinds.indexOf('contain-actor:containment');
    expect(at).toBeGreaterThan(0);
    expect(kinds.slice(0, at).every((k) => k.endsWith(':containment'))).toBe(true);
    expect(kinds.slice(at + 1).some((k) => k.endsWith(':containment'))).toBe(false);
  });
});
