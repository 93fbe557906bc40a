// Training that teaches, through the keys a trainee presses in the sandbox: the list shows the
// trainee's brief and never the trainer's solution; a "change nothing" objective is open (○) until
// the debrief is reached with nothing changed (✓), and a change fails it (✗); the debrief counts a
// change made before anything was looked at, and shows the trainer notes.
import {describe, expect, it} from 'vitest';
import {trainingSandbox} from '../../src/app/training-sandbox.js';
import {createSandboxExecutor} from '../../src/aws/sandbox/executor.js';
import {seedFor} from '../helpers/seed.js';
import {scenario, scenarioList} from '../helpers/candidates.js';
import {renderApp, type Harness} from '../helpers/ink.js';
import {DOWN, ENTER, LEFT, RIGHT} from '../helpers/keys.js';

/** The side panel's text (what lies between its borders, on the right of the screen), its wrapped lines joined. */
const panel = (frame: string) => frame.split('\n').flatMap((line) => /│ (.*?) *│$/.exec(line)?.slice(1) ?? []).join(' ').replace(/\s+/g, ' ');

async function toCliTrack(app: Harness): Promise<string> {
  await app.waitFor('Enter remediate');
  await app.pressAndWaitFor(ENTER, 'How do you want');
  return app.pressAndWaitFor('2', 'Step 1 of');
}

async function toDebrief(app: Harness): Promise<string> {
  for (let i = 0; i < 60 && !app.frame().includes('Debrief (training sandbox)'); i += 1) await app.press(RIGHT);
  return app.waitFor('Debrief (training sandbox)');
}

describe('the scenario list', () => {
  it('shows the selected scenario\'s brief, never the trainer\'s solution', async () => {
    const app = await renderApp(scenarioList, {source: 'Training scenarios', size: {columns: 120, rows: 40}});
    const first = await app.waitFor('Training scenarios');
    const sg = scenario('sg-default-ssh-in-default-vpc').scenario!;
    expect(first).toContain('› CreateSecurityGroup');
    expect(first.replace(/\s+/g, ' ')).toContain(sg.brief);
    // The trainer's summary names the follow-up event to look for (AuthorizeSecurityGroupIngress, now a row
    // of its own in the list): the brief never gives it away.
    expect(sg.summary).toContain('AuthorizeSecurityGroupIngress (port 22 from 0.0.0.0/0) that usually follows');
    expect(first).not.toContain('port 22 from 0.0.0.0/0');
    expect(first).not.toContain('usually follows');
    expect(first).not.toContain('change nothing');
    // Down to a benign one: its brief, not "a planned change" nor its objective's answer.
    const lb = scenario('sg-terraform-load-balancer').scenario!;
    const next = await app.pressAndWaitFor(DOWN, '› CreateSecurityGroup');
    expect(next.replace(/\s+/g, ' ')).toContain(lb.brief);
    expect(next).not.toContain('a planned change');
    expect(next).not.toContain('leave the load balancer');
    app.unmount();
  });
});

// A benign route: private subnets out through a NAT gateway. CLI step 1 reads the table, step 2 deletes the route.
const nat = scenario('route-private-subnets-via-nat');
const objective = 'Recognise a normal NAT route: change nothing';

describe('a "change nothing" objective', () => {
  it('is open (○) from the start, met (✓) once the debrief is reached with nothing changed', async () => {
    const app = await renderApp([nat], {size: {columns: 160, rows: 50}, services: {sandboxFor: trainingSandbox([nat])}});
    const event = await app.waitFor('Enter remediate');
    expect(panel(event)).toContain(`Objectives 0/1 ○ ${objective}`);
    const step = await toCliTrack(app);
    expect(panel(step)).toContain(`Objectives 0/1 ○ ${objective}`);
    const summary = await toDebrief(app);
    expect(summary).toContain(`✓ objective met: ${objective}`);
    expect(summary).toMatch(/0 mistakes/);
    // Back on a step, the panel agrees with the debrief.
    await app.press(LEFT);
    const back = await app.waitFor('Step ');
    expect(panel(back)).toContain(`Objectives 1/1 ✓ ${objective}`);
    app.unmount();
  });

  it('fails (✗) as soon as the trainee changes something, and the debrief says so', async () => {
    const app = await renderApp([nat], {size: {columns: 160, rows: 50}, services: {sandboxFor: trainingSandbox([nat])}});
    await toCliTrack(app);
    await app.pressAndWaitFor(RIGHT, 'Step 2 of');
    await app.pressAndWaitFor('d', 'DeleteRoute: would succeed');
    await app.pressAndWaitFor('X', 'Type rtb-0fedcba9876543210 to confirm');
    await app.press('rtb-0fedcba9876543210', ENTER);
    const changed = await app.waitFor((f) => panel(f).includes(`✗ ${objective}`));
    expect(panel(changed)).toContain(`Objectives 0/1 ✗ ${objective}`);
    const summary = await toDebrief(app);
    expect(summary).toContain(`✗ objective not met: ${objective}`);
    expect(summary).toContain('changed a benign resource');
    app.unmount();
  });
});

describe('the debrief', () => {
  const sg = scenario('sg-default-ssh-in-default-vpc');
  const group = 'sg-0123456789abcdef0';

  async function openRuleId(): Promise<string> {
    const sandbox = createSandboxExecutor(seedFor(sg.id, sg.record));
    const read = await sandbox.read({service: 'ec2', operation: 'DescribeSecurityGroupRules', params: {Filters: [{Name: 'group-id', Values: [group]}]}}, {region: 'us-east-1'});
    const rules = read.ok ? (read.output as {SecurityGroupRules: Array<{SecurityGroupRuleId: string; IsEgress: boolean; CidrIpv4?: string}>}).SecurityGroupRules : [];
    return rules.find((r) => !r.IsEgress && r.CidrIpv4 === '0.0.0.0/0')!.SecurityGroupRuleId;
  }

  /** Revoke the open rule on step 4; `look` first runs step 1's read. */
  async function revoke(look: boolean): Promise<string> {
    const ruleId = await openRuleId();
    const app = await renderApp([sg], {size: {columns: 160, rows: 70}, services: {sandboxFor: trainingSandbox([sg])}});
    try {
      await toCliTrack(app);
      if (look) await app.pressAndWaitFor('d', 'DescribeSecurityGroups:');
      // The checks marked done (x) without being run: nothing looked at the account.
      await app.press('x', 'x', 'x');
      await app.waitFor('Step 4 of');
      await app.pressAndWaitFor('e', 'securityGroupRuleIds:');
      await app.press(ruleId, ENTER);
      await app.pressAndWaitFor('d', 'RevokeSecurityGroupIngress: would succeed');
      await app.pressAndWaitFor('X', `Type ${group} to confirm`);
      await app.press(group, ENTER);
      await app.waitFor('Executed in the sandbox: done');
      return await toDebrief(app);
    } finally {
      app.unmount();
    }
  }

  it('counts a change made before any check step looked at the account', async () => {
    const summary = await revoke(false);
    expect(summary).toMatch(/· 1 mistake\b/);
    expect(summary).toContain(`✗ RevokeSecurityGroupIngress changed ${group} before looking at it: no check step had been run yet (step revoke-open-ingress)`);
  });

  it('does not count it when a check was run first, and shows the trainer notes', async () => {
    const summary = await revoke(true);
    expect(summary).toMatch(/· 0 mistakes/);
    expect(summary).not.toContain('before looking at it');
    expect(summary.replace(/\s+/g, ' ')).toContain(`Trainer notes: ${sg.scenario!.summary}`);
  });
});
