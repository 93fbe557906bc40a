// Hand-made but realistic session journals: a built-in scenario's record, walked on the CLI track in
// the sandbox, with a check dry-run and marked done, a skipped step, an action dry-run, executed and
// verified with a note, and a step left on screen. The findings and the account's state are written as
// the app writes them (when the walk begins, and again after the execution resolves the act's findings),
// and the debrief before the end. Requests are bound from the runbook as the app binds them.
import {factsFor, findingsFor} from '../helpers/engine.js';
import {dryRunRequest, supportsDryRun, type Action} from '../../src/aws/action.js';
import {completeAction} from '../../src/aws/bound-action.js';
import {seedFor} from '../helpers/seed.js';
import type {DryRunResult, SentRequest, Verdict} from '../../src/aws/executors/executor.js';
import {parseRecord} from '../../src/events/parse-record.js';
import {journalVersion, type JournalEntry, type SeenFinding, type Unstamped} from '../../src/journal/entry.js';
import {bindParameters} from '../../src/runbooks/bind.js';
import {bindSteps} from '../../src/runbooks/bind-steps.js';
import {builtInRunbook} from '../../src/runbooks/registry.js';
import {runbookFileOf} from '../../src/runbooks/catalog.js';
import type {Runbook} from '../../src/runbooks/schema.js';
import {scenarioById} from '../../src/scenarios/index.js';

export const sessionStartAt = Date.parse('2026-11-25T12:00:00.000Z');

/** Stamp lines as the journal writer does: each `[secondsSinceStart, entry]`. */
export function stamp(session: string, lines: readonly (readonly [number, Unstamped])[]): JournalEntry[] {
  return lines.map(([seconds, entry]) => ({...entry, v: journalVersion, at: new Date(sessionStartAt + seconds * 1000).toISOString(), session}));
}

export interface Walk {
  readonly scenario: string;
  readonly check: string;
  readonly skip: string;
  readonly act: string;
  /** The read-only step whose call verifies the action. */
  readonly verifyWith: string;
  readonly verifySummary: string;
  /** On screen when the session ended, never marked. */
  readonly last: string;
  readonly answers?: Readonly<Record<string, string>>;
  readonly note: string;
  readonly end: 'summary' | 'quit';
}

/** The network ACL runbook's walk, for each of its events (the campaigns pick one record per runbook file). */
const naclWalk: Walk = {
  scenario: 'nacl-allow-all-ahead-of-denies', check: 'describe-acl', skip: 'deny-entry', act: 'delete-entry',
  verifyWith: 'verify-acl', verifySummary: 'acl-0a1b2c3d4e5f60718 has no inbound rule 1 any more', last: 'put-nacl-ssh-rdp-rule',
  note: 'Rule 1 removed: the blocklist and the SSH/RDP denies apply again', end: 'summary',
};

export const walks: Readonly<Record<string, Walk>> = {
  ModifySnapshotAttribute: {
    scenario: 'snapshot-shared-with-unknown-account', check: 'describe-snapshot', skip: 'find-source-volume', act: 'remove-snapshot-permission',
    verifyWith: 'verify-snapshot-private', verifySummary: 'snap-07e5b3c1a9d2f4e68 is no longer shared with 444455556666', last: 'what-cannot-be-undone',
    note: 'Account 444455556666 is nobody we know; reporting DB passwords to rotate (ticket IR-5120)', end: 'summary',
  },
  ModifyImageAttribute: {
    scenario: 'ami-made-public', check: 'describe-image', skip: 'describe-image-permissions', act: 'remove-image-permission',
    verifyWith: 'verify-image-private', verifySummary: 'ami-0f3a6c9e2b7d41a85 can no longer be launched by all', last: 'check-image-snapshots',
    note: 'Public for 40 minutes; the image holds the app config, keys to rotate', end: 'summary',
  },
  CreateTrafficMirrorSession: {
    scenario: 'mirror-session-to-foreign-target', check: 'list-mirror-session', skip: 'describe-mirror-target', act: 'delete-mirror-session',
    verifyWith: 'verify-mirroring-stopped', verifySummary: 'tms-0c0ffee1234567890 no longer exists', last: 'delete-mirror-target',
    note: 'The payments database was mirrored to account 444455556666; session deleted', end: 'summary',
  },
  DeleteFlowLogs: {
    scenario: 'flowlogs-payments-vpc-blinded', check: 'check-deleted-flow-logs', skip: 'find-flow-log-origin', act: 'recreate-flow-logs',
    verifyWith: 'verify-flow-logs-back', verifySummary: 'vpc-0a11b22c33d44e55f has an active flow log again', last: 'caller-history',
    answers: {resourceIds: 'vpc-0a11b22c33d44e55f', resourceType: 'VPC', trafficType: 'ALL', logDestinationType: 's3', logDestination: 'arn:aws:s3:::acme-flow-logs-111122223333'},
    note: 'Flow logs of the payments VPC deleted by a stolen key; recreated to the same bucket', end: 'summary',
  },
  CreateSecurityGroup: {
    scenario: 'sg-default-ssh-in-default-vpc', check: 'describe-group', skip: 'list-group-rules', act: 'revoke-open-ingress',
    verifyWith: 'verify-ingress-closed', verifySummary: 'no inbound rule of sg-0123456789abcdef0 is open to 0.0.0.0/0', last: 'delete-group',
    answers: {securityGroupRuleIds: 'sgr-0123456789abcdef0'}, note: 'SSH from 0.0.0.0/0 removed; the group is still attached to nothing', end: 'summary',
  },
  AuthorizeSecurityGroupIngress: {
    scenario: 'sgrule-ssh-opened-to-internet', check: 'list-group-rules', skip: 'find-group-users', act: 'revoke-ingress-rules',
    verifyWith: 'verify-rules-gone', verifySummary: 'the 2 revoked inbound rules are gone from sg-07c1e5a9b3d2f4e60', last: 'cut-open-connections',
    note: 'SSH from 0.0.0.0/0 and ::/0 removed by rule ID; the office HTTPS rule stays', end: 'summary',
  },
  CreateVpcPeeringConnection: {
    scenario: 'peering-cross-account-cross-region', check: 'describe-peering', skip: 'find-peering-routes', act: 'delete-peering',
    verifyWith: 'verify-peering-ended', verifySummary: 'pcx-0123456789abcdef0 is deleted', last: 'check-leftover-routes',
    note: 'Peer account 444455556666 is not ours; asked #netops who requested it', end: 'quit',
  },
  AssociateVpcCidrBlock: {
    scenario: 'cidr-public-range-on-production-vpc', check: 'describe-vpc-cidrs', skip: 'find-subnets-in-block', act: 'disassociate-cidr',
    verifyWith: 'verify-cidr-removed', verifySummary: '198.51.100.0/24 is no longer associated with vpc-0abcdef0123456789', last: 'list-amis',
    note: 'No subnet used 198.51.100.0/24, safe to remove', end: 'summary',
  },
  CreateRoute: {
    scenario: 'route-default-to-igw-in-private-table', check: 'describe-route-table', skip: 'replace-route', act: 'delete-route',
    verifyWith: 'verify-route-table', verifySummary: 'rtb-0123456789abcdef0 has no route to 0.0.0.0/0', last: 'cli-list-instance-amis',
    note: 'The private subnets have no NAT yet: skipped the replacement, removed the route', end: 'summary',
  },
  AttachInternetGateway: {
    scenario: 'igw-attached-to-private-payments-vpc', check: 'describe-gateway', skip: 'find-gateway-routes', act: 'detach-gateway',
    verifyWith: 'verify-gateway', verifySummary: 'igw-0c4d8e2f1a3b5c7d9 is no longer attached to vpc-0b7e3a9c1d5f24680', last: 'delete-gateway',
    note: 'Payments VPC back off the internet; the default route is a blackhole until the table is cleaned', end: 'summary',
  },
  CreateNetworkInterface: {
    scenario: 'eni-public-group-unusual-principal', check: 'describe-interface', skip: 'describe-quarantine-group', act: 'isolate-interface',
    verifyWith: 'describe-interface', verifySummary: 'eni-0abcdef0123456789 now has only sg-0aaaaaaaaaaaaaaaa', last: 'detach-interface',
    answers: {quarantineGroupId: 'sg-0aaaaaaaaaaaaaaaa'}, note: 'Isolated, not deleted: kept for forensics (ticket IR-4211)', end: 'summary',
  },
  CreateNetworkAclEntry: naclWalk,
  ReplaceNetworkAclEntry: naclWalk,
  DeleteNetworkAclEntry: naclWalk,
  ReplaceNetworkAclAssociation: naclWalk,
};

export interface Session {
  readonly entries: JournalEntry[];
  readonly runbook: Runbook;
}

export function walkedSession(eventName: string): Session {
  // A runbook file answering several events has one walk, under the name of its scenario's event.
  const walk = walks[eventName] ?? Object.entries(walks).find(([name]) => runbookFileOf(name) === runbookFileOf(eventName))?.[1];
  const scenario = walk && scenarioById(walk.scenario);
  const runbook = builtInRunbook(eventName);
  if (!walk || !scenario || !runbook) throw new Error(`no walk for ${eventName}`);
  const record = parseRecord(scenario.event, 'test', walk.scenario);
  const answers = walk.answers ?? {};
  const account = record.recipientAccountId ?? '111122223333';
  const region = record.awsRegion;
  const steps = bindSteps(runbook, bindParameters(runbook, factsFor(record), {region, accountId: account}, answers), 'cli');
  const action = (id: string): Action => {
    const found = steps.find((s) => s.id === id)?.action;
    const complete = found && completeAction(found);
    if (!complete) throw new Error(`${eventName}: step ${id} has no complete action`);
    return complete;
  };
  const sent = (a: Action): SentRequest => ({service: a.service, operation: a.operation, params: a.params, region});
  const dryRun = (a: Action, seconds: number): DryRunResult => {
    const verdict: Verdict = supportsDryRun(a) ? {outcome: 'would-succeed'} : {outcome: 'plan-only', reason: 'no-dry-run'};
    return {request: {...sent(a), params: dryRunRequest(a)}, verdict, sent: false, durationMs: 3, at: new Date(sessionStartAt + seconds * 1000).toISOString()};
  };
  const act = action(walk.act);
  const read = action(walk.verifyWith).operation;
  // The findings with the scenario's account as the Now panel reads it; the execution resolves the act's own.
  const fromEvent = new Set(findingsFor(record, factsFor(record)).map((f) => f.id));
  const seen = (resolved: boolean): SeenFinding[] =>
    findingsFor(record, factsFor(record), seedFor(walk.scenario, record).snapshot).map((f) => ({...f, source: fromEvent.has(f.id) ? 'event' : 'state', resolved: resolved && (f.stepId === walk.act || scenario.contained.includes(f.id))}));
  const resolvedIds = new Set(seen(true).filter((f) => f.resolved).map((f) => f.id));
  const objectives = scenario.objectives.map((o) => ({text: o.text, status: 'resolves' in o && o.resolves.some((id) => resolvedIds.has(id)) ? 'met' : 'open'}));
  const lines: [number, Unstamped][] = [
    [0, {type: 'session-start', event: {eventID: record.eventID, eventName, eventTime: record.eventTime, digest: 'sha256:0f3a', record: scenario.event}, runbook: {eventName, version: String(runbook.version)},
      mode: 'sandbox', account, principal: `arn:aws:sts::${account}:assumed-role/IncidentResponder/oncall`, operator: 'oncall@ir-laptop', scenario: walk.scenario, trailguide: '0.1.0'}],
    [38, {type: 'track', track: 'cli'}],
    [38.1, {type: 'now', status: 'done', operation: read, lines: [{tone: 'bad', text: 'as the event left it'}]}],
    [38.2, {type: 'findings', findings: seen(false)}],
    [39, {type: 'step', stepId: walk.check, status: 'shown'}],
    [71, {type: 'dry-run', stepId: walk.check, result: dryRun(action(walk.check), 71)}],
    [83, {type: 'step', stepId: walk.check, status: 'done'}],
    [84, {type: 'step', stepId: walk.skip, status: 'shown'}],
    [102, {type: 'step', stepId: walk.skip, status: 'skipped'}],
    [103, {type: 'step', stepId: walk.act, status: 'shown'}],
    // Each value given a second after the one before (a runbook may ask for several).
    ...Object.entries(answers).map(([name, value], i): [number, Unstamped] => [131 + i, {type: 'answer', name, value}]),
    [149, {type: 'dry-run', stepId: walk.act, result: dryRun(act, 149)}],
    [176, {type: 'execute-start', stepId: walk.act, request: sent(act)}],
    [177, {type: 'execute', stepId: walk.act, request: sent(act), result: {ok: true, output: {Return: true}}}],
    [179, {type: 'verify', stepId: walk.act, request: sent(action(walk.verifyWith)), reached: true, summary: walk.verifySummary}],
    [180, {type: 'now', status: 'done', operation: read, lines: [{tone: 'ok', text: walk.verifySummary}]}],
    [180.1, {type: 'findings', findings: seen(true)}],
    [244, {type: 'note', stepId: walk.act, text: walk.note}],
    [251, {type: 'step', stepId: walk.act, status: 'done'}],
    [252, {type: 'step', stepId: walk.last, status: 'shown'}],
    [3724, {type: 'debrief', objectives, findingsResolved: resolvedIds.size, findingsTotal: seen(true).length, changes: 1, mistakes: [],
      stillOpen: scenario.contained.filter((id) => !resolvedIds.has(id)), ...(walk.end === 'summary' ? {timeTakenMs: 3_686_000} : {})}],
    [3725, {type: 'session-end', reason: walk.end}],
  ];
  return {entries: stamp(`20261125T120000Z-${(record.eventID ?? 'noevent').slice(0, 8)}-3f9a`, lines), runbook};
}
