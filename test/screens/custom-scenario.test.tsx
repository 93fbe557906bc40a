// A trainer's own scenario (examples/scenarios, as --scenarios DIR loads it) runs in the sandbox
// like a built-in one: the picker lists it with its difficulty, its state is the account, and
// containing it resolves its finding.
import {describe, expect, it} from 'vitest';
import {trainingSandbox} from '../../src/app/training-sandbox.js';
import {scenarioCandidates} from '../../src/commands/load-candidates.js';
import {createSandboxExecutor} from '../../src/aws/sandbox/executor.js';
import {accountFor} from '../../src/aws/sandbox/seeds.js';
import {loadScenarioDir} from '../../src/scenarios/load-dir.js';
import {scenarios} from '../../src/scenarios/index.js';
import type {Candidate} from '../../src/walkthrough/state.js';
import {renderApp} from '../helpers/ink.js';
import {DOWN, ENTER, RIGHT} from '../helpers/keys.js';

const dir = new URL('../../examples/scenarios/', import.meta.url).pathname;
const extra = await loadScenarioDir(dir, scenarios);
const loaded = scenarioCandidates({extra: {dir, scenarios: extra}});
const rdp = loaded.candidates.find((c) => c.id === 'sg-rdp-open-to-the-world')!;

/** The ID of the group's inbound rule on this port, as a trainee would read it with describe-security-group-rules. */
async function openRuleId(c: Candidate, groupId: string, port: number): Promise<string> {
  const sandbox = createSandboxExecutor(accountFor(c.scenario, c.record));
  const read = await sandbox.read({service: 'ec2', operation: 'DescribeSecurityGroupRules', params: {Filters: [{Name: 'group-id', Values: [groupId]}]}}, {region: c.record.awsRegion});
  const rules = read.ok ? (read.output as {SecurityGroupRules: Array<{SecurityGroupRuleId: string; FromPort: number; IsEgress: boolean}>}).SecurityGroupRules : [];
  return rules.find((r) => !r.IsEgress && r.FromPort === port)!.SecurityGroupRuleId;
}

describe('a trainer\'s own scenario', () => {
  it('is listed after the built-in ones with its difficulty and the directory it came from', async () => {
    const app = await renderApp(loaded.candidates, {source: loaded.source, size: {columns: 160, rows: 40}});
    await app.waitFor(`Training scenarios (${scenarios.length} built-in, 2 from ${dir})`);
    // Down past every built-in scenario to the first of the trainer's (↑ stops at the top row).
    await app.press(DOWN.repeat(scenarios.length));
    const frame = await app.waitFor('A Windows jump host');
    expect(frame).toMatch(/CreateSecurityGroup +easy +A Windows jump host's group opens RDP/);
    app.unmount();
  });

  it('is contained in the sandbox from its own account state', async () => {
    const ruleId = await openRuleId(rdp, 'sg-0aa11bb22cc33dd44', 3389);
    const app = await renderApp([rdp], {size: {columns: 160, rows: 70}, services: {sandboxFor: trainingSandbox([rdp])}});
    const event = await app.waitFor((f) => /CRITICAL +RDP \(3389\)/i.test(f));
    expect(event).toContain('training sandbox');
    await app.waitFor('Enter remediate');
    await app.pressAndWaitFor(ENTER, 'How do you want');
    await app.pressAndWaitFor('2', 'Step 1 of');
    await app.press('x', 'x', 'x');
    await app.pressAndWaitFor('e', 'securityGroupRuleIds:');
    await app.press(ruleId, ENTER);
    await app.pressAndWaitFor('d', 'RevokeSecurityGroupIngress: would succeed');
    await app.pressAndWaitFor('X', 'Type sg-0aa11bb22cc33dd44 to confirm');
    await app.press('sg-0aa11bb22cc33dd44', ENTER);
    await app.waitFor('Executed in the sandbox: done');
    const after = await app.pressAndWaitFor('i', '✓ resolved');
    expect(after).toMatch(/✓ resolved +RDP \(3389\) open to the internet/);
    app.unmount();
  });
});

describe('a session with --seed', () => {
  it('meets the same story under other IDs, and the debrief names the seed', async () => {
    const seeded = scenarioCandidates({seed: '7'});
    expect(seeded.source).toContain('seed 7');
    const sg = seeded.candidates.find((c) => c.id === 'sg-default-ssh-in-default-vpc')!;
    const groupId = (sg.record.responseElements as {groupId: string}).groupId;
    expect(groupId).not.toBe('sg-0123456789abcdef0');
    const ruleId = await openRuleId(sg, groupId, 22);
    const app = await renderApp([sg], {size: {columns: 160, rows: 70}, services: {sandboxFor: trainingSandbox([sg])}});
    await app.waitFor('Enter remediate');
    await app.pressAndWaitFor(ENTER, 'How do you want');
    await app.pressAndWaitFor('2', 'Step 1 of');
    await app.press('x', 'x', 'x');
    await app.pressAndWaitFor('e', 'securityGroupRuleIds:');
    await app.press(ruleId, ENTER);
    await app.pressAndWaitFor('d', 'RevokeSecurityGroupIngress: would succeed');
    await app.pressAndWaitFor('X', `Type ${groupId} to confirm`);
    await app.press(groupId, ENTER);
    await app.waitFor('Executed in the sandbox: done');
    await app.press(...Array<string>(30).fill(RIGHT));
    const debrief = await app.waitFor('Debrief (training sandbox)');
    expect(debrief).toContain('✓ contained');
    expect(debrief).toContain('seed 7 (the same again: --seed 7)');
    app.unmount();
  });
});
