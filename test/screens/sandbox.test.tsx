// A training scenario in the sandbox, through the keys a trainee presses: the findings show the open
// SSH rule, the trainee revokes it for real (typed confirmation), and the finding shows as resolved.
import {describe, expect, it} from 'vitest';
import {trainingSandbox} from '../../src/app/training-sandbox.js';
import {createSandboxExecutor} from '../../src/aws/sandbox/executor.js';
import {seedFor} from '../helpers/seed.js';
import {scenario} from '../helpers/candidates.js';
import {renderApp} from '../helpers/ink.js';
import {ENTER, ESC, RIGHT} from '../helpers/keys.js';

const sg = scenario('sg-default-ssh-in-default-vpc');

async function openRuleId(): Promise<string> {
  const sandbox = createSandboxExecutor(seedFor(sg.id, sg.record));
  const read = await sandbox.read({service: 'ec2', operation: 'DescribeSecurityGroupRules', params: {Filters: [{Name: 'group-id', Values: ['sg-0123456789abcdef0']}]}}, {region: 'us-east-1'});
  const rules = read.ok ? (read.output as {SecurityGroupRules: Array<{SecurityGroupRuleId: string; IsEgress: boolean; CidrIpv4?: string}>}).SecurityGroupRules : [];
  return rules.find((r) => !r.IsEgress && r.CidrIpv4 === '0.0.0.0/0')!.SecurityGroupRuleId;
}

describe('the training sandbox', () => {
  it('contains the open security group for real and resolves its findings', async () => {
    const ruleId = await openRuleId();
    const app = await renderApp([sg], {size: {columns: 160, rows: 70}, services: {sandboxFor: trainingSandbox([sg])}});
    const event = await app.waitFor('the rule 0.0.0.0/0');
    expect(event).toContain('training sandbox: actions run on a simulated account');
    expect(event).toMatch(/CRITICAL +SSH \(22\)/i);
    await app.waitFor('Enter remediate');
    await app.pressAndWaitFor(ENTER, 'How do you want');
    await app.pressAndWaitFor('2', 'Step 1 of');
    await app.pressAndWaitFor('d', 'Answer · SecurityGroups · 1 row');
    await app.press('x', 'x', 'x');
    await app.pressAndWaitFor('e', 'securityGroupRuleIds:');
    await app.press(ruleId, ENTER);
    await app.waitFor(`--security-group-rule-ids ${ruleId}`);
    await app.pressAndWaitFor('d', 'RevokeSecurityGroupIngress: would succeed');
    // Executing asks for the resource ID; a wrong one is refused.
    await app.pressAndWaitFor('X', 'Type sg-0123456789abcdef0 to confirm');
    await app.press('sg-wrong', ENTER);
    await app.waitFor('type sg-0123456789abcdef0 exactly to execute');
    await app.press(ESC);
    await app.pressAndWaitFor('X', 'Type sg-0123456789abcdef0 to confirm');
    await app.press('sg-0123456789abcdef0', ENTER);
    await app.waitFor('Executed in the sandbox: done');
    expect(app.frame()).toContain('sandbox · RevokeSecurityGroupIngress executed in the sandbox');
    // On the event screen, the Now panel has read the account again: the open rule is gone.
    const after = await app.pressAndWaitFor('i', '✓ resolved');
    expect(after).toMatch(/✓ resolved +SSH \(22\) open to the internet/);
    expect(after).toContain('no inbound rule is open to the internet');
    // Enter goes back to the walkthrough where it was.
    await app.pressAndWaitFor(ENTER, 'How do you want');
    const step = await app.pressAndWaitFor(ENTER, 'Step 4 of');
    // The objectives panel beside the step: the objective is met.
    expect(step).toMatch(/│ Objectives 1\/1 +│/);
    expect(step).toMatch(/│ ✓ Close SSH \(22\) to the internet +│/);
    await app.press(...Array<string>(30).fill(RIGHT));
    const summary = await app.waitFor('Debrief (training sandbox)');
    expect(summary).toContain('✓ objective met: Close SSH (22) to the internet');
    expect(summary).toMatch(/1 of \d+ findings resolved · 1 change made · 0 mistakes/);
    app.unmount();
  });
  it('answers a dry-run of deleting a group still in use with DependencyViolation', async () => {
    const lb = scenario('sg-terraform-load-balancer');
    const app = await renderApp([lb], {size: {columns: 160, rows: 70}, services: {sandboxFor: trainingSandbox([lb])}});
    await app.waitFor('Enter remediate');
    await app.pressAndWaitFor(ENTER, 'How do you want');
    await app.pressAndWaitFor('2', 'Step 1 of');
    await app.press('x', 'x', 'x', 's', 's');
    await app.waitFor('Delete the group');
    const frame = await app.pressAndWaitFor('d', 'would fail: DependencyViolation');
    expect(frame).toContain('DependencyViolation');
    app.unmount();
  });
});

describe('the debrief', () => {
  it('counts a change executed without a dry-run first, and a change to a benign resource', async () => {
    const lb = scenario('sg-terraform-load-balancer');
    const app = await renderApp([lb], {size: {columns: 160, rows: 70}, services: {sandboxFor: trainingSandbox([lb])}});
    await app.waitFor('Enter remediate');
    await app.pressAndWaitFor(ENTER, 'How do you want');
    await app.pressAndWaitFor('2', 'Step 1 of');
    // Straight to the delete step, executed without a dry-run: the group is in use, so AWS refuses it.
    await app.press('x', 'x', 'x', 's', 's');
    await app.waitFor('Delete the group');
    await app.pressAndWaitFor('X', 'to confirm');
    await app.press('sg-0abcdef0123456789', ENTER);
    await app.waitFor('Executed in the sandbox: failed: DependencyViolation');
    await app.press(...Array<string>(30).fill(RIGHT));
    const summary = await app.waitFor('Debrief (training sandbox)');
    // The refused call changed nothing: no change made, but still a mistake, and listed as a failed execution.
    expect(summary).toMatch(/0 changes made · 1 mistake/);
    expect(summary).toContain('✗ DeleteSecurityGroup was executed without a dry-run first (step delete-group)');
    expect(summary).toContain('Calls: 0 dry-runs · 1 executed (1 failed)');
    expect(summary).toMatch(/● +6 executed +Delete the group/);
    expect(summary).toContain('executed DeleteSecurityGroup: failed: DependencyViolation');
    app.unmount();
  });
});
