// The safety invariant, proved at the wire: in dry-run, no request for a mutating operation leaves
// the process without DryRun=true, and no mutating CloudTrail call leaves it at all. Every action of
// every built-in runbook, on every track, goes through the real executor and the real SDK to a
// loopback server that answers as AWS documents it and records every request. Users' runbooks, loaded
// through the runbook set as --runbooks loads them, are held to the same.
import '../helpers/aws-env.js';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {isMutating, supportsDryRun, type Action} from '../../src/aws/action.js';
import {createConnection} from '../../src/aws/connect.js';
import {createAwsExecutor} from '../../src/aws/executors/aws.js';
import type {Executor} from '../../src/aws/executors/executor.js';
import type {ServiceName} from '../../src/aws/operations.js';
import {createSdk, type Sdk} from '../../src/aws/sdk/aws-sdk.js';
import {builtInEventNames, builtInRunbookFiles} from '../../src/runbooks/catalog.js';
import {parseRecord} from '../../src/events/parse-record.js';
import {baseRecords} from '../helpers/hostile-records.js';
import {bindParameters} from '../../src/runbooks/bind.js';
import {bindSteps} from '../../src/runbooks/bind-steps.js';
import {allParameters} from '../../src/runbooks/bind.js';
import {tracks, type Track} from '../../src/runbooks/tracks.js';
import {loadRunbookSet} from '../../src/app/read-runbook-dirs.js';
import {engineOf} from '../../src/runbooks/registry.js';
import {openIncident, withRunbook} from '../../src/walkthrough/open-incident.js';
import type {Incident} from '../../src/walkthrough/state.js';
import {renamedRunbook, runbookDir} from '../helpers/user-runbooks.js';
import {completeAction} from '../../src/aws/bound-action.js';
import {accountOf} from '../../src/walkthrough/selectors.js';
import {ACCOUNT, firstOf, notFound, startAwsServer, throttled, times, unauthorized, type AwsServer} from '../fixtures/aws/server.js';
import {resourceArn} from '../../src/aws/executors/iam-permission.js';
import {loadedIncident} from '../helpers/incident.js';
import {scenarioList} from '../helpers/candidates.js';

let server: AwsServer;
let sdk: Sdk;
let executor: Executor;
beforeAll(async () => {
  server = await startAwsServer();
  sdk = createSdk({defaultRegion: 'us-east-1', endpoint: server.url});
  const connection = createConnection({sdk: () => Promise.resolve(sdk)});
  executor = createAwsExecutor({sdk: () => Promise.resolve(sdk), connection, defaultRegion: 'us-east-1'});
});
afterAll(async () => {
  sdk.destroy();
  await server.close();
});

/** A valid value for every parameter the event does not give, so every action is complete. */
function answersFor(incident: Incident): Record<string, string> {
  const samples: Record<string, string> = {};
  const candidates = [
    'sg-0123456789abcdef0', 'vpc-0123456789abcdef0', 'subnet-0123456789abcdef0', 'i-0123456789abcdef0', 'vol-0123456789abcdef0', 'snap-0123456789abcdef0',
    'rtb-0123456789abcdef0', 'eni-0123456789abcdef0', 'eni-attach-0123456789abcdef0', 'pcx-0123456789abcdef0', 'acl-0123456789abcdef0', 'nat-0123456789abcdef0',
    'igw-0123456789abcdef0', 'sgr-0123456789abcdef0', 'iip-assoc-0123456789abcdef0', 'vpc-cidr-assoc-0123456789abcdef0', 'ami-0123456789abcdef0',
    'arn:aws:iam::111122223333:role/config-recorder', 'arn:aws:iam::111122223333:instance-profile/app', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    '203.0.113.7/32', '198.51.100.0/24', '10.0.0.0/16', '2001:db8::/56', '443', '100', 'example-trail-logs-111122223333', 'incident-trail', 'us-east-1a', 't3.micro',
    'AKIAIOSFODNN7EXAMPLE', 'oncall-user', 'app.example.com', 'example', 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188',
    'arn:aws:acm:us-east-1:111122223333:certificate/12345678-1234-1234-1234-123456789012', 'arn:aws:logs:us-east-1:111122223333:log-group:flow-logs', '/dev/xvdf', 'ops-alerts',
    'arn:aws:sns:us-east-1:111122223333:ops-alerts', 'arn:aws:iam::aws:policy/AdministratorAccess', '2026-11-25T12:00:00Z',
    'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/0123456789abcdef', '01234567-0123-0123-0123-0123456789ab', 'arn:aws:elasticloadbalancing:us-east-1:111122223333:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2',
    // Last, so broader patterns take the values above: a flow log's resource type, traffic type and destination type.
    'VPC', 'ALL', 's3',
    // A network ACL entry's direction (a boolean parameter) and a subnet's ACL association.
    'false', 'aclassoc-0123456789abcdef0',
    // A route table association (of a subnet moved back, when the event names none).
    'rtbassoc-0123456789abcdef0',
    // A traffic mirror session, target, filter and filter rule (when the event names none of them).
    'tms-0123456789abcdef0', 'tmt-0123456789abcdef0', 'tmf-0123456789abcdef0', 'tmfr-0123456789abcdef0',
  ];
  for (const param of allParameters(incident.runbook!)) {
    const pattern = new RegExp(param.pattern);
    const sample = candidates.find((c) => pattern.test(c));
    if (sample) samples[param.name] = sample;
  }
  return samples;
}

/** An IAM call that changes something, naming a valid user, role or policy: the simulator checks its permission. */
const checkable = (a: Action) => a.service === 'iam' && isMutating(a) && 'arn' in resourceArn(a, 'aws', ACCOUNT);

/** Every action of the incident's runbook on one track, dry-run through the real executor and SDK: what reached the server. */
async function expectDryRunsSafe(incident: Incident, track: Track): Promise<void> {
  const bindings = bindParameters(incident.runbook!, incident.facts, {region: incident.record.awsRegion, accountId: accountOf(incident)}, answersFor(incident));
  const actions = bindSteps(incident.runbook!, bindings, track).flatMap((s) => (s.action && completeAction(s.action) ? [completeAction(s.action)!] : []));
  const incomplete = bindSteps(incident.runbook!, bindings, track).filter((s) => s.action && !completeAction(s.action)).map((s) => `${s.id}: ${s.missing.join(',')}`);
  expect(incomplete).toEqual([]);
  server.requests.length = 0;
  const results = [];
  for (const action of actions) results.push(await executor.dryRun(action, {region: incident.record.awsRegion}));

  // IAM has no DryRun: a call that changes something is never sent, only the policy simulator that checks its permission
  // (and GetRole for the caller's role); IAM's reads (the keys, the login profile, the policies) run for real, like EC2's.
  const iamSent = server.requests.filter((r) => r.service === 'iam');
  for (const request of iamSent) expect(isMutating({service: 'iam', operation: request.action}), `iam:${request.action} was sent`).toBe(false);
  const iamReads = actions.filter((a) => a.service === 'iam' && !isMutating(a)).map((a) => a.operation);
  // Every IAM read of the walk was sent; nothing else but the check (GetRole also finds the caller's role for it).
  const readsSent = new Set(iamSent.filter((r) => r.action !== 'SimulatePrincipalPolicy').map((r) => r.action));
  for (const read of iamReads) expect(readsSent, `iam:${read} was not sent`).toContain(read);
  for (const read of readsSent) expect([...iamReads, 'GetRole'], `iam:${read} was sent`).toContain(read);
  const simulated = iamSent.filter((r) => r.action === 'SimulatePrincipalPolicy').map((r) => r.params['ActionNames.member.1']);
  // Each IAM call that names a valid user, role or policy is checked once; one that names none is plan only.
  expect(simulated.sort()).toEqual(actions.filter(checkable).map((a) => `iam:${a.operation}`).sort());
  const sent = server.requests.filter((r) => r.service !== 'sts' && r.service !== 'iam');
  for (const request of sent) {
    const service = request.service as ServiceName;
    if (isMutating({service, operation: request.action})) {
      expect(service, `${request.action} was sent`).toBe('ec2');
      expect(request.params['DryRun'], `${request.action} without DryRun`).toBe('true');
    }
  }
  // Exactly the actions that may be sent were sent, once each (DryRunOperation is not retried).
  const sendable = actions.filter((a) => (a.service === 'ec2' && (supportsDryRun(a) || !isMutating(a))) || (a.service === 'cloudtrail' && !isMutating(a)));
  expect(sent.map((r) => r.action).sort()).toEqual(sendable.map((a) => a.operation).sort());
  for (const [i, action] of actions.entries()) {
    const verdict = results[i]!.verdict.outcome;
    if (isMutating(action)) expect(verdict, action.operation).toBe(action.service === 'ec2' && supportsDryRun(action) ? 'would-succeed' : checkable(action) ? 'permitted' : 'plan-only');
    // A read is run for real, without DryRun, and its answer kept to be shown.
    else if (sendable.includes(action)) expect(verdict, action.operation).toBe('read');
  }
  for (const request of sent.filter((r) => !isMutating({service: r.service, operation: r.action}))) {
    expect(request.params['DryRun'], `${request.action} is a read: sent without DryRun`).toBeUndefined();
  }
}

/** A training scenario's event, else the event's first real record (test/fixtures/events/<EventName>/). */
function builtInIncident(eventName: string): Incident {
  const scenario = scenarioList.find((c) => c.record.eventName === eventName);
  if (scenario) return loadedIncident(scenario.record);
  const record = baseRecords.find((r) => r.eventName === eventName);
  if (!record) throw new Error(`${eventName}: no scenario and no record in test/fixtures/events/${eventName}/`);
  return loadedIncident(parseRecord(record.raw, record.name, 'record'));
}

it('the IAM rule below is exercised: built-in runbooks have IAM calls whose permission the simulator checks', () => {
  const checked = builtInEventNames.flatMap((eventName) => {
    const incident = builtInIncident(eventName);
    const bindings = bindParameters(incident.runbook!, incident.facts, {region: incident.record.awsRegion, accountId: accountOf(incident)}, answersFor(incident));
    return bindSteps(incident.runbook!, bindings, 'cli').flatMap((s) => (s.action && completeAction(s.action) ? [completeAction(s.action)!] : [])).filter(checkable);
  });
  expect(checked.length).toBeGreaterThan(0);
});

describe.each(builtInEventNames)('%s', (eventName) => {
  it.each(tracks)('the %s track: every dry-run request of a mutating call carries DryRun=true; nothing without DryRun is sent', async (track) => {
    await expectDryRunsSafe(builtInIncident(eventName), track);
  });
});

// Users' runbooks (--runbooks) go through the same gate: each built-in copied to answer another event, read
// from a directory through the runbook set, as the CLI loads it.
describe.each(builtInRunbookFiles)('a user runbook copied from %s, loaded through the set', (eventName) => {
  const userEvent = `Team${eventName}`;
  let incident: Incident;
  beforeAll(async () => {
    const set = await loadRunbookSet([runbookDir({[`${userEvent}.yaml`]: renamedRunbook(eventName, [userEvent], `Our ${eventName}`)})]);
    const record = {...builtInIncident(eventName).record, eventName: userEvent};
    const entry = set.forEvent(userEvent, record.eventSource);
    expect(entry?.isBuiltIn).toBe(false);
    incident = withRunbook(openIncident(record), {runbook: entry?.runbook, engine: entry && engineOf(entry.runbook)});
    expect(incident.runbook?.title).toBe(`Our ${eventName}`);
  });
  it.each(tracks)('the %s track: every dry-run request of a mutating call carries DryRun=true; nothing without DryRun is sent', async (track) => {
    await expectDryRunsSafe(incident, track);
  });
});

describe('answers other than "would succeed", at the wire', () => {
  const group = {service: 'ec2', operation: 'DeleteSecurityGroup', params: {GroupId: 'sg-0123456789abcdef0'}} as const;
  it.each([
    ['denied', unauthorized('DeleteSecurityGroup'), {outcome: 'denied', permission: 'ec2:DeleteSecurityGroup'}],
    ['already gone', notFound('DeleteSecurityGroup'), {outcome: 'would-fail', code: 'InvalidGroup.NotFound'}],
    ['throttled once, then fine', times(1, throttled('DeleteSecurityGroup')), {outcome: 'would-succeed'}],
  ])('%s', async (_name, behaviour, verdict) => {
    server.setBehaviour(firstOf(behaviour));
    try {
      const result = await executor.dryRun(group, {region: 'us-east-1'});
      expect(result.verdict).toMatchObject(verdict);
      if (verdict.outcome === 'denied') expect(result.verdict).toHaveProperty('encodedMessage', expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/));
    } finally {
      server.setBehaviour(undefined);
    }
  });
  it('tags every request with trailguide\'s user agent', async () => {
    server.requests.length = 0;
    await executor.dryRun(group, {region: 'us-east-1'});
    const agent = server.requests.at(-1)?.headers['user-agent'] ?? server.requests.at(-1)?.headers['x-amz-user-agent'];
    expect(String(agent)).toContain('trailguide/');
  });
});
