// The training objectives beside the walkthrough, with the time the trainee has taken, through the keys a
// trainee presses and a clock the test moves: ○ turns ✓ when the finding is resolved; the debrief says how long it took.
import {describe, expect, it} from 'vitest';
import {trainingSandbox} from '../../src/app/training-sandbox.js';
import {createSandboxExecutor} from '../../src/aws/sandbox/executor.js';
import {seedFor} from '../helpers/seed.js';
import {scenario} from '../helpers/candidates.js';
import {fixedNow, renderApp} from '../helpers/ink.js';
import {ENTER, LEFT} from '../helpers/keys.js';

const sg = scenario('sg-default-ssh-in-default-vpc');

async function openRuleId(): Promise<string> {
  const sandbox = createSandboxExecutor(seedFor(sg.id, sg.record));
  const read = await sandbox.read({service: 'ec2', operation: 'DescribeSecurityGroupRules', params: {Filters: [{Name: 'group-id', Values: ['sg-0123456789abcdef0']}]}}, {region: 'us-east-1'});
  const rules = read.ok ? (read.output as {SecurityGroupRules: Array<{SecurityGroupRuleId: string; IsEgress: boolean; CidrIpv4?: string}>}).SecurityGroupRules : [];
  return rules.find((r) => !r.IsEgress && r.CidrIpv4 === '0.0.0.0/0')!.SecurityGroupRuleId;
}

/** A clock the test moves by hand. */
function manualClock() {
  let now = fixedNow.getTime();
  return {clock: () => new Date(now), advance: (ms: number) => void (now += ms)};
}

/** The panel's lines: what lies between its borders, on the right of the screen. */
const panelLines = (frame: string) => frame.split('\n').flatMap((line) => /│ (.*?) *│$/.exec(line)?.slice(1) ?? []);

describe('the objectives panel', () => {
  it('sits beside the step, turns ○ into ✓ when the finding is resolved, and the debrief says how long it took', async () => {
    const ruleId = await openRuleId();
    const time = manualClock();
    const app = await renderApp([sg], {size: {columns: 160, rows: 40}, services: {sandboxFor: trainingSandbox([sg]), clock: time.clock}});
    const event = await app.waitFor('Enter remediate');
    expect(panelLines(event)).toEqual(['Objectives 0/1', '○ Close SSH (22) to the internet', '', 'elapsed 0 s']);
    await app.pressAndWaitFor(ENTER, 'How do you want');
    time.advance(65_000);
    const step = await app.pressAndWaitFor('2', 'Step 1 of');
    expect(panelLines(step)).toEqual(['Objectives 0/1', '○ Close SSH (22) to the internet', '', 'elapsed 1 min 5 s']);
    // Beside the step's text, not above it.
    expect(step).toMatch(/^Contain this event · Contain the new security group +╭─+╮$/m);
    // The clock ticks on screen without a key pressed (a new frame every second).
    time.advance(10_000);
    await app.waitFor('elapsed 1 min 15 s');
    await app.press('x', 'x', 'x');
    await app.pressAndWaitFor('e', 'securityGroupRuleIds:');
    await app.press(ruleId, ENTER);
    await app.pressAndWaitFor('d', 'RevokeSecurityGroupIngress: would succeed');
    await app.pressAndWaitFor('X', 'Type sg-0123456789abcdef0 to confirm');
    await app.press('sg-0123456789abcdef0', ENTER);
    // The sandbox reads the account again: the open rule is gone, the objective is met.
    const met = await app.waitFor('│ ✓ Close SSH');
    expect(panelLines(met)).toEqual(['Objectives 1/1', '✓ Close SSH (22) to the internet', '', 'elapsed 1 min 15 s']);
    time.advance(177_000);
    await app.press('G'); // to the summary, past every step
    const summary = await app.waitFor('Debrief (training sandbox)');
    expect(summary).toContain('time taken 4 min 12 s');
    // The time stops at the first arrival on the summary.
    time.advance(600_000);
    const back = await app.pressAndWaitFor(LEFT, (frame) => /Step \d+ of \d+/.test(frame));
    expect(panelLines(back)).toContain('time taken 4 min 12 s');
    expect(await app.pressAndWaitFor('G', 'Debrief (training sandbox)')).toContain('time taken 4 min 12 s');
    app.unmount();
  });

  it('is one line on top of the step in 80×24, and every frame still fits', async () => {
    const time = manualClock();
    const app = await renderApp([sg], {size: {columns: 80, rows: 24}, services: {sandboxFor: trainingSandbox([sg]), clock: time.clock}});
    const event = await app.waitFor('Enter remediate');
    expect(event).not.toContain('Objectives');
    await app.pressAndWaitFor(ENTER, 'How do you want');
    time.advance(42_000);
    const step = await app.pressAndWaitFor('2', 'Step 1 of');
    expect(step.split('\n')[1]).toBe('Objectives 0/1: ○ Close SSH (22) to the internet · elapsed 42 s');
    expect(step).not.toContain('╭');
    for (const raw of app.rawFrames()) {
      const lines = raw.replace(/\u001B\[[0-9;]*m/g, '').split('\n');
      expect(lines.length).toBeLessThanOrEqual(23);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    }
    app.unmount();
  });
});
