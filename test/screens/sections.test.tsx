// Walks that fit an incident: steps grouped in sections named in the title, ] and [ jump between
// sections, G to the summary; a failed call's walk starts by saying nothing was created.
import {describe, expect, it} from 'vitest';
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
});
