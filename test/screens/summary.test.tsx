// The summary screen as a trainee sees it after a mixed walk, driven with real keys in the sandbox:
// a step marked done, one skipped, one dry-run and passed, one executed without a mark (refused by
// EC2, so no change), and the rest not reached. Nothing it did is called "not reached".
import {describe, expect, it} from 'vitest';
import {trainingSandbox} from '../../src/app/training-sandbox.js';
import {scenario} from '../helpers/candidates.js';
import {renderApp} from '../helpers/ink.js';
import {ENTER, RIGHT} from '../helpers/keys.js';

const lb = scenario('sg-terraform-load-balancer');

describe('the summary screen', () => {
  it('shows every step\'s status, the failed execution as failed, and counts it apart', async () => {
    const app = await renderApp([lb], {size: {columns: 160, rows: 70}, services: {sandboxFor: trainingSandbox([lb])}});
    await app.waitFor('Enter remediate');
    await app.pressAndWaitFor(ENTER, 'How do you want');
    await app.pressAndWaitFor('2', 'Step 1 of');
    await app.press('x', 's');
    await app.waitFor('Step 3 of');
    await app.pressAndWaitFor('d', 'DescribeNetworkInterfaces');
    await app.press(RIGHT, RIGHT, RIGHT);
    await app.waitFor('Delete the group');
    await app.pressAndWaitFor('X', 'to confirm');
    await app.press('sg-0abcdef0123456789', ENTER);
    await app.waitFor('Executed in the sandbox: failed: DependencyViolation');
    await app.press(...Array<string>(40).fill(RIGHT));
    const summary = await app.waitFor('Calls:');
    expect(summary).toMatch(/✓ +1 done +Look at the/);
    expect(summary).toMatch(/↷ +2 skipped +List the group's rules/);
    expect(summary).toMatch(/◦ +3 read +Find what uses the group/);
    expect(summary).toMatch(/· +4 not reached +/);
    expect(summary).toMatch(/● +6 executed +Delete the group/);
    expect(summary).toContain('      executed DeleteSecurityGroup: failed: DependencyViolation');
    expect(summary).toMatch(/Steps: 1 done · 1 skipped · 1 read · 1 executed, not marked · \d+ not reached/);
    expect(summary).toContain('Calls: 1 read · 0 dry-runs · 1 executed (1 failed)');
    // The debrief agrees: a refused call is no change.
    expect(summary).toMatch(/0 changes made · 1 mistake/);
    app.unmount();
  });
});
