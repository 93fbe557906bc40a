// Every built-in training scenario, completed through the keys a trainee presses in the sandbox.
// A risky scenario: the trainee dry-runs (d) each change before executing it (X, typed resource ID);
// the event screen then shows the findings its objectives name as resolved, and the debrief every
// objective met with no mistakes. A benign, failed or hostile scenario: the trainee walks the
// procedure (dry-running is fine), changes nothing, and the debrief agrees.
import {describe, expect, it} from 'vitest';
import {trainingSandbox} from '../../src/app/training-sandbox.js';
import type {Action} from '../../src/aws/action.js';
import {createSandboxExecutor} from '../../src/aws/sandbox/executor.js';
import {seedFor} from '../../src/aws/sandbox/seeds.js';
import type {Candidate} from '../../src/walkthrough/state.js';
import {scenario, scenarioList} from '../helpers/candidates.js';
import {renderApp, type Harness} from '../helpers/ink.js';
import {ENTER, LEFT, RIGHT} from '../helpers/keys.js';

/** A value the event does not hold: typed as given, or looked up in the scenario's starting account. */
type Value = string | ((c: Candidate) => Promise<string>);

/** What the trainee does on one step of the CLI track. */
interface Move {
  /** The step's number ("Step 4 of …"). */
  readonly step: number;
  /** The step's API call. */
  readonly op: string;
  /** Values typed with e, by parameter name, in the order the step asks for them. */
  readonly values?: Readonly<Record<string, Value>>;
  /** What the dry-run (d) answers; default "would succeed". */
  readonly answer?: string;
  /** Execute (X) after the dry-run, typing this resource ID to confirm. */
  readonly execute?: Value;
}

interface Plan {
  readonly moves: readonly Move[];
  /** Titles of the findings the objectives name (as the event screen shows them) that must show as resolved. */
  readonly resolved?: readonly RegExp[];
}

// ---- Values a trainee reads in the console or with the CLI: the sandbox's read-only calls on a fresh
// copy of the scenario's account (check steps' dry-runs do not print what the call returns).

async function readAccount<T>(c: Candidate, action: Action): Promise<T> {
  const sandbox = createSandboxExecutor(seedFor(c.id, c.record));
  const read = await sandbox.read(action, {region: c.record.awsRegion});
  if (!read.ok) throw new Error(`${action.operation} failed in the sandbox of ${c.id}`);
  return read.output as T;
}

/** The ID (sgr-…) of the group's inbound rule open to 0.0.0.0/0, from the rule listing. */
const openRuleId = (groupId: string) => async (c: Candidate) => {
  type Rules = {SecurityGroupRules: Array<{SecurityGroupRuleId: string; IsEgress: boolean; CidrIpv4?: string}>};
  const out = await readAccount<Rules>(c, {service: 'ec2', operation: 'DescribeSecurityGroupRules', params: {Filters: [{Name: 'group-id', Values: [groupId]}]}});
  const rule = out.SecurityGroupRules.find((r) => !r.IsEgress && r.CidrIpv4 === '0.0.0.0/0');
  if (!rule) throw new Error(`${groupId} has no inbound rule open to 0.0.0.0/0`);
  return rule.SecurityGroupRuleId;
};

/** The account's group named "quarantine". */
const quarantineGroupId = async (c: Candidate) => {
  const out = await readAccount<{SecurityGroups: Array<{GroupId: string}>}>(c, {service: 'ec2', operation: 'DescribeSecurityGroups', params: {Filters: [{Name: 'group-name', Values: ['quarantine']}]}});
  const [group] = out.SecurityGroups;
  if (!group) throw new Error(`${c.id} has no quarantine group`);
  return group.GroupId;
};

/** The attachment ID (eni-attach-…) of an interface. */
const attachmentId = (eniId: string) => async (c: Candidate) => {
  const out = await readAccount<{NetworkInterfaces: Array<{Attachment?: {AttachmentId?: string}}>}>(c, {service: 'ec2', operation: 'DescribeNetworkInterfaces', params: {NetworkInterfaceIds: [eniId]}});
  const id = out.NetworkInterfaces[0]?.Attachment?.AttachmentId;
  if (!id) throw new Error(`${eniId} is not attached`);
  return id;
};

// ---- The moves, per scenario (CLI track, containment procedure first).

const sshGroup = 'sg-0123456789abcdef0';
const revokeOpenSsh: readonly Move[] = [
  {step: 1, op: 'DescribeSecurityGroups'},
  {step: 2, op: 'DescribeSecurityGroupRules'},
  {step: 3, op: 'DescribeNetworkInterfaces'},
  {step: 4, op: 'RevokeSecurityGroupIngress', values: {securityGroupRuleIds: openRuleId(sshGroup)}, execute: sshGroup},
  {step: 5, op: 'DescribeSecurityGroupRules'},
];

const publicEni = 'eni-0abcdef0123456789';

const plans: Readonly<Record<string, Plan>> = {
  'sg-default-ssh-in-default-vpc': {moves: revokeOpenSsh, resolved: [/SSH \(22\) open to the internet/]},
  // The load balancer's interfaces use the group: deleting it would fail, and the trainee leaves it.
  'sg-terraform-load-balancer': {
    moves: [
      {step: 1, op: 'DescribeSecurityGroups'},
      {step: 3, op: 'DescribeNetworkInterfaces'},
      {step: 6, op: 'DeleteSecurityGroup', answer: 'would fail: DependencyViolation'},
    ],
  },
  // Refused or invalid calls created no group: the checks have no group ID to read, so there is nothing to dry-run.
  'sg-denied-developer': {moves: []},
  'sg-hostile-strings': {moves: []},
  // Pending acceptance: the requester cannot reject its own request (AWS refuses), it deletes it.
  'peering-cross-account-cross-region': {
    moves: [
      {step: 1, op: 'DescribeVpcPeeringConnections'},
      {step: 2, op: 'DescribeRouteTables'},
      {step: 3, op: 'RejectVpcPeeringConnection', answer: 'would fail: OperationNotPermitted'},
      {step: 4, op: 'DeleteVpcPeeringConnection', execute: 'pcx-0123456789abcdef0'},
      {step: 5, op: 'DescribeVpcPeeringConnections'},
      {step: 6, op: 'DescribeRouteTables'},
    ],
    resolved: [/Peering to account 444455556666, neither ours nor known/],
  },
  'peering-shared-services-same-account': {
    moves: [
      {step: 1, op: 'DescribeVpcPeeringConnections'},
      {step: 2, op: 'DescribeRouteTables'},
      {step: 3, op: 'RejectVpcPeeringConnection'},
    ],
  },
  'peering-refused-developer': {moves: []},
  // DisassociateVpcCidrBlock has no DryRun: d shows the plan, X carries it out in the sandbox.
  'cidr-public-range-on-production-vpc': {
    moves: [
      {step: 1, op: 'DescribeVpcs'},
      {step: 2, op: 'DescribeSubnets'},
      {step: 3, op: 'DisassociateVpcCidrBlock', answer: 'plan only — this API has no dry-run', execute: 'vpc-cidr-assoc-0123456789abcdef0'},
      {step: 4, op: 'DescribeVpcs'},
    ],
    resolved: [/198\.51\.100\.0\/24 is a public range/],
  },
  // The new block already holds a subnet: removing it would fail (InvalidCidrBlock.InUse) were it tried.
  'cidr-secondary-private-range': {moves: [{step: 1, op: 'DescribeVpcs'}, {step: 2, op: 'DescribeSubnets'}]},
  'cidr-refused-public-range': {moves: [{step: 1, op: 'DescribeVpcs'}, {step: 2, op: 'DescribeSubnets'}]},
  // The Now read follows the table to its subnets (DescribeSubnets): they give out no public address, so
  // the table is private and the finding is route-igw-in-private-table.
  'route-default-to-igw-in-private-table': {
    moves: [
      {step: 1, op: 'DescribeRouteTables'},
      {step: 2, op: 'DeleteRoute', execute: 'rtb-0123456789abcdef0'},
      {step: 4, op: 'DescribeRouteTables'},
    ],
    resolved: [/0\.0\.0\.0\/0 → igw-0123456789abcdef0 in a private table/],
  },
  'route-all-traffic-to-an-eni': {
    moves: [
      {step: 1, op: 'DescribeRouteTables'},
      {step: 2, op: 'DeleteRoute', execute: 'rtb-0abcdef0123456789'},
      {step: 4, op: 'DescribeRouteTables'},
    ],
    resolved: [/0\.0\.0\.0\/0 now goes through eni-0123456789abcdef0/],
  },
  'route-to-foreign-peering-connection': {
    moves: [
      {step: 1, op: 'DescribeRouteTables'},
      {step: 2, op: 'DeleteRoute', execute: 'rtb-0123456789abcdef0'},
      {step: 4, op: 'DescribeRouteTables'},
    ],
    resolved: [/10\.99\.0\.0\/16 now leaves the VPC over pcx-0123456789abcdef0/],
  },
  'route-private-subnets-via-nat': {moves: [{step: 1, op: 'DescribeRouteTables'}, {step: 2, op: 'DeleteRoute'}]},
  // Once the interface is deleted, the Now read answers InvalidNetworkInterfaceID.NotFound: its findings show resolved.
  'eni-public-group-unusual-principal': {
    moves: [
      {step: 1, op: 'DescribeNetworkInterfaces'},
      {step: 2, op: 'DescribeSecurityGroups', values: {quarantineGroupId}},
      {step: 3, op: 'ModifyNetworkInterfaceAttribute', execute: publicEni},
      {step: 4, op: 'DetachNetworkInterface', values: {attachmentId: attachmentId(publicEni)}, execute: attachmentId(publicEni)},
      {step: 5, op: 'DescribeNetworkInterfaces'},
      {step: 6, op: 'DeleteNetworkInterface', execute: publicEni},
      {step: 7, op: 'DescribeNetworkInterfaces'},
    ],
    resolved: [/Public IP 198\.51\.100\.23/, /Its group sg-0fedcba9876543210 \(public-web\) lets the internet in/],
  },
  // EFS owns the interface: deleting it by hand would fail (it is in use), and the trainee leaves it.
  'eni-efs-mount-target': {moves: [{step: 1, op: 'DescribeNetworkInterfaces'}, {step: 6, op: 'DeleteNetworkInterface', answer: 'would fail: InvalidNetworkInterface.InUse'}]},
  'eni-failed-subnet-full': {moves: []},
};

// ---- The driver.

const valueOf = (value: Value, c: Candidate): Promise<string> => (typeof value === 'string' ? Promise.resolve(value) : value(c));
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const resolvedLine = (title: RegExp) => new RegExp(`✓ resolved +${title.source}`);
const nowIsRead = (f: string) => f.includes('trailguide · Event') && /from ec2:\w+ on the sandbox account|could not read the current state/.test(f);

/** Go to step n with → / ←. */
async function goToStep(app: Harness, n: number): Promise<void> {
  for (;;) {
    const at = Number(/Step (\d+) of/.exec(app.frame())?.[1]);
    if (at === n) return;
    const next = at < n ? at + 1 : at - 1;
    await app.pressAndWaitFor(at < n ? RIGHT : LEFT, `Step ${next} of`);
  }
}

async function playMove(app: Harness, c: Candidate, move: Move): Promise<void> {
  await goToStep(app, move.step);
  const values = Object.entries(move.values ?? {});
  if (values.length > 0) await app.press('e');
  for (const [name, value] of values) {
    await app.waitFor(`${name}: `);
    await app.press(await valueOf(value, c), ENTER);
    await app.waitFor(`${name} set`);
  }
  const answer = new RegExp(`${move.op}: ${literal(move.answer ?? 'would succeed')}`);
  await app.press('d');
  await app.waitFor((f) => answer.test(f));
  if (move.execute === undefined) return;
  const id = await valueOf(move.execute, c);
  const refusal = /execute for real \(sandbox\): .*/;
  const prompt = await app.pressAndWaitFor('X', (f) => f.includes(`Type ${id} to confirm`) || refusal.test(f));
  if (!prompt.includes(`Type ${id} to confirm`)) throw new Error(`X was refused: ${refusal.exec(prompt)?.[0] ?? ''}`);
  await app.press(id, ENTER);
  await app.waitFor((f) => f.includes(`${move.op} executed in the sandbox`) && f.includes('Executed in the sandbox: done'));
}

/** Play the moves, then read the event screen (once the Now panel has read the account again) and the debrief. */
async function play(c: Candidate, plan: Plan): Promise<{event: string; debrief: string}> {
  const app = await renderApp([c], {size: {columns: 160, rows: 70}, services: {sandboxFor: trainingSandbox([c])}});
  try {
    await app.waitFor('Enter remediate');
    await app.pressAndWaitFor(ENTER, 'How do you want');
    await app.pressAndWaitFor('2', 'Step 1 of');
    for (const move of plan.moves) await playMove(app, c, move);
    const event = await app.pressAndWaitFor('i', nowIsRead);
    await app.pressAndWaitFor(ENTER, 'How do you want');
    await app.pressAndWaitFor(ENTER, 'Step ');
    for (let i = 0; i < 40 && !app.frame().includes('Debrief (training sandbox)'); i += 1) await app.press(RIGHT);
    const debrief = await app.waitFor('Debrief (training sandbox)');
    return {event, debrief};
  } finally {
    app.unmount();
  }
}

/** Play the scenario and check what the trainee sees at the end. */
async function complete(c: Candidate, plan: Plan): Promise<void> {
  const objectives = c.scenario?.objectives ?? [];
  expect(objectives.length, 'the scenario has objectives').toBeGreaterThan(0);
  const resolves = objectives.some((o) => 'resolves' in o);
  expect((plan.resolved ?? []).length > 0, 'the plan names the findings to resolve exactly when an objective resolves one').toBe(resolves);
  const {event, debrief} = await play(c, plan);
  for (const title of plan.resolved ?? []) expect(event, `resolved on the event screen: ${title.source}`).toMatch(resolvedLine(title));
  if (!resolves) expect(event, 'nothing changed, so nothing shows as resolved').not.toContain('✓ resolved');
  for (const objective of objectives) expect(debrief, `objective met: ${objective.text}`).toContain(`✓ objective met: ${objective.text}`);
  expect(debrief).not.toContain('objective not met');
  expect(debrief, 'every finding the scenario names is resolved').toContain('✓ contained');
  const executed = plan.moves.filter((m) => m.execute !== undefined).length;
  const counts = new RegExp(`(\\d+) of (\\d+) findings resolved · ${executed} changes? made · 0 mistakes`).exec(debrief);
  expect(counts, 'the debrief line').not.toBeNull();
  expect(Number(counts?.[1])).toBeGreaterThanOrEqual((plan.resolved ?? []).length);
  if (!resolves) expect(Number(counts?.[1])).toBe(0);
}

describe('every built-in training scenario can be completed with the keys', () => {
  it('has a plan for each scenario', () => {
    expect(Object.keys(plans).sort()).toEqual(scenarioList.map((c) => c.id).sort());
  });

  for (const {id} of scenarioList) {
    const plan = plans[id];
    it(id, async () => {
      if (!plan) throw new Error(`no plan for ${id}`);
      await complete(scenario(id), plan);
    });
  }

  // The runbook's next change, deleting the group nothing uses: the Now read then answers
  // InvalidGroup.NotFound, and the SSH finding stays resolved (the group is gone with its rule).
  it('sg-default-ssh-in-default-vpc, also deleting the group as the runbook goes on to', async () => {
    const plan: Plan = {
      moves: [...revokeOpenSsh, {step: 6, op: 'DeleteSecurityGroup', execute: sshGroup}, {step: 7, op: 'DescribeSecurityGroups'}],
      resolved: [/SSH \(22\) open to the internet/],
    };
    await complete(scenario('sg-default-ssh-in-default-vpc'), plan);
  });
});
