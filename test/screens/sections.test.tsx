// Walks that fit an incident: steps grouped in sections named in the title, ] and [ jump between
// sections, G to the summary; a failed call's walk starts by saying nothing was created.
import {describe, expect, it} from 'vitest';
import {trainingSandbox} from '../../src/app/training-sandbox.js';
import {scenario} from '../helpers/candidates.js';
import {renderApp} from '../helpers/ink.js';
import {ENTER, RIGHT} from '../helpers/keys.js';

describe('sections of a walk', () => {
  it('names the section in the title; ] and [ jump between sections; G goes to the summary', async () => {
    const app = await renderApp([scenario('sg-default-ssh-in-default-vpc')], {size: {columns: 120, rows: 40}});
    await app.waitFor('Enter remediate');
    await app.pressAndWaitFor(ENTER, 'How do you want');
    const first = await app.pressAndWaitFor('2', 'Step 1 of');
    expect(first).toMatch(/Step 1 of \d+ · CLI · Contain · Look at the new group/);
    const investigate = await app.pressAndWaitFor(']', '· Investigate ·');
    expect(investigate).toContain('Investigate the caller ·');
    const harden = await app.pressAndWaitFor(']', '· Harden ·');
    expect(harden).toContain('Harden: a general procedure from the source runbook');
    // Back from the start of a section goes to the start of the one before.
    await app.pressAndWaitFor('[', '· Investigate ·');
    await app.press(RIGHT);
    await app.waitFor((f) => f.includes('· Investigate ·') && !f.includes('Identify the source address'));
    await app.pressAndWaitFor('[', 'Identify the source address');
    await app.pressAndWaitFor('G', 'trailguide · Summary');
    app.unmount();
  });

  it('a failed call: the walk starts with what was not created and what to check instead', async () => {
    const app = await renderApp([scenario('sg-denied-developer')], {size: {columns: 120, rows: 40}});
    await app.waitFor('Enter remediate');
    await app.pressAndWaitFor(ENTER, 'How do you want');
    const first = await app.pressAndWaitFor('2', 'Step 1 of');
    expect(first).toMatch(/Step 1 of \d+ · CLI · Investigate · The call failed \(Client\.UnauthorizedOperation\), so it created nothing/);
    expect(first).toContain('aws cloudtrail lookup-events');
    expect(first).toContain('"AttributeKey":"EventName","AttributeValue":"CreateSecurityGroup"');
    // Containment of what the call did not create comes after the investigation.
    await app.pressAndWaitFor(']', '· Contain ·');
    app.unmount();
  });

  it('in training, the read looks in the sandbox\'s event history: the only call there is the one that failed', async () => {
    const refused = scenario('sg-denied-developer');
    const app = await renderApp([refused], {size: {columns: 120, rows: 40}, services: {sandboxFor: trainingSandbox([refused])}});
    await app.waitFor('Enter remediate');
    await app.pressAndWaitFor(ENTER, 'How do you want');
    await app.pressAndWaitFor('2', 'Step 1 of');
    const frame = await app.pressAndWaitFor('d', 'Answer · Events · 1 row');
    // The columns that matter first, whole; the last ones are cut to fit beside the objectives.
    expect(frame).toMatch(/Time +Event +User +Error/);
    expect(frame).toMatch(/2025-03-13T\S+Z +CreateSecurityGroup +li\.wei +Client\.Una/);
    app.unmount();
  });
});
