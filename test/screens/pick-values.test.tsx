// Values from state: a parameter the event does not give is offered as a pick list of what a read
// listed, the likely ones picked; free typing stays possible; and every value given can be changed,
// which drops the dry-runs made with the old one.
import {describe, expect, it} from 'vitest';
import {trainingSandbox} from '../../src/app/training-sandbox.js';
import {scenario} from '../helpers/candidates.js';
import {renderApp, type Harness} from '../helpers/ink.js';
import {ENTER, ESC, RIGHT} from '../helpers/keys.js';

const sg = scenario('sg-default-ssh-in-default-vpc');

async function openSandbox(candidate: typeof sg, track = '2'): Promise<Harness> {
  const app = await renderApp([candidate], {size: {columns: 110, rows: 44}, services: {sandboxFor: trainingSandbox([candidate])}});
  await app.waitFor('Enter remediate');
  await app.pressAndWaitFor(ENTER, 'How do you want');
  await app.pressAndWaitFor(track, 'Step 1 of');
  return app;
}

/** The rule ID of the line of the answer table that matches `line`. */
function ruleOnScreen(frame: string, line: RegExp): string {
  const found = frame.split('\n').find((l) => line.test(l))?.match(/sgr-[0-9a-f]{17}/)?.[0];
  if (!found) throw new Error(`no such rule on screen:\n${frame}`);
  return found;
}

describe('the rule IDs to revoke', () => {
  it('before any read: the pick list says which read lists them, and typing still works', async () => {
    const app = await openSandbox(sg);
    await app.press(RIGHT, RIGHT, RIGHT);
    await app.waitFor('Remove inbound rules open to the internet');
    const frame = await app.pressAndWaitFor('e', 'securityGroupRuleIds:');
    expect(frame).toContain("nothing listed yet: run the read of step 2 (List the group's rules with their IDs) first, or type a value");
    // Typing goes straight into a value of one's own, checked as at the prompt.
    await app.press('s', 'g', 'r', '-', '1', ENTER);
    await app.waitFor('is not one or more rule IDs');
    await app.press(ESC);
    // A paste (bracketed by the terminal) goes in whole too.
    await app.pressAndWaitFor('e', 'securityGroupRuleIds:');
    await app.press('\u001B[200~sgr-0123456789abcdef0\u001B[201~');
    await app.waitFor((f) => f.includes('sgr-0123456789abcdef0') && f.includes('several: separate with spaces or commas'));
    await app.press(ENTER);
    await app.waitFor('--security-group-rule-ids sgr-0123456789abcdef0');
    app.unmount();
  });

  it('after the read: the rule open to the internet is picked; Enter uses it; the command carries it', async () => {
    const app = await openSandbox(sg);
    await app.press(RIGHT);
    const listed = await app.pressAndWaitFor('d', 'Answer ·');
    const open = ruleOnScreen(listed, /inbound +tcp +22 +0\.0\.0\.0\/0/);
    const outbound = ruleOnScreen(listed, /outbound/);
    await app.press(RIGHT, RIGHT);
    await app.waitFor('Remove inbound rules open to the internet');
    const pick = await app.pressAndWaitFor('e', 'listed by the read');
    // Only inbound rules are candidates; the one open to the internet is marked likely and picked.
    expect(pick).toMatch(new RegExp(`\\[x\\] ★ ${open} +inbound +tcp +22 +0\\.0\\.0\\.0/0`));
    expect(pick).not.toContain(outbound);
    await app.press(ENTER);
    await app.waitFor(`--security-group-rule-ids ${open}`);
    app.unmount();
  });

  it('a typed value can be corrected with e; the dry-run made with the old value is dropped', async () => {
    const app = await openSandbox(sg);
    await app.press(RIGHT);
    const listed = await app.pressAndWaitFor('d', 'Answer ·');
    const open = ruleOnScreen(listed, /inbound +tcp +22/);
    await app.press(RIGHT, RIGHT);
    await app.waitFor('Remove inbound rules open to the internet');
    await app.pressAndWaitFor('e', 'listed by the read');
    // A typo, typed instead of picked.
    await app.press('/');
    await app.waitFor('several: separate with spaces or commas');
    await app.press(...'sgr-0000000000000dead'.split(''), ENTER);
    await app.waitFor('--security-group-rule-ids sgr-0000000000000dead');
    await app.pressAndWaitFor('d', 'InvalidSecurityGroupRuleId.NotFound');
    // The step needs nothing any more, yet e reopens the value given, showing it.
    expect(app.frame()).toContain('e change a value');
    const again = await app.pressAndWaitFor('e', 'listed by the read');
    // The typo is named (the read does not list it); the likely rule is picked in its place.
    expect(again).toContain('now: sgr-0000000000000dead (not in this listing)');
    expect(again).toMatch(new RegExp(`\\[x\\] ★ ${open}`));
    await app.press(ENTER);
    const fixed = await app.waitFor(`--security-group-rule-ids ${open}`);
    expect(fixed).toContain('securityGroupRuleIds changed · 1 dry-run made with the old value dropped: run again');
    expect(fixed).not.toContain('InvalidSecurityGroupRuleId.NotFound');
    await app.pressAndWaitFor('d', 'RevokeSecurityGroupIngress: would succeed');
    app.unmount();
  });

  it('Esc leaves the pick list without changing anything', async () => {
    const app = await openSandbox(sg);
    await app.press(RIGHT);
    await app.pressAndWaitFor('d', 'Answer ·');
    await app.press(RIGHT, RIGHT);
    await app.waitFor('Remove inbound rules open to the internet');
    await app.pressAndWaitFor('e', 'listed by the read');
    await app.press(ESC);
    await app.waitFor((f) => !f.includes('listed by the read'));
    expect(app.frame()).toContain('--security-group-rule-ids <securityGroupRuleIds>');
    app.unmount();
  });
});

describe('the attachment to detach (network interface)', () => {
  it('comes from the interface read: the attachment is offered and picked', async () => {
    const eni = scenario('eni-public-group-unusual-principal');
    const app = await openSandbox(eni);
    const read = await app.pressAndWaitFor('d', 'Answer ·');
    const attachment = read.match(/eni-attach-[0-9a-f]{17}/)?.[0];
    expect(attachment).toBeDefined();
    let frame = app.frame();
    for (let i = 0; i < 10 && !frame.includes('Detach'); i++) {
      await app.press(RIGHT);
      frame = await app.waitFor((f) => f !== frame);
    }
    expect(frame).toMatch(/Step \d+ of \d+ · CLI · Contain · Detach/);
    const pick = await app.pressAndWaitFor('e', 'listed by the read');
    expect(pick).toMatch(new RegExp(`\\(•\\) ★ ${attachment ?? 'none'}`));
    await app.press(ENTER);
    await app.waitFor(`--attachment-id ${attachment ?? 'none'}`);
    app.unmount();
  });
});

describe('when the read that lists the candidates fails', () => {
  it('the pick list says why it has none, and typing still works', async () => {
    const denied = {...sg, scenario: {...sg.scenario!, permissions: {allow: ['ec2:*'], deny: ['ec2:DescribeSecurityGroupRules']}}};
    const app = await openSandbox(denied);
    await app.press(RIGHT);
    await app.pressAndWaitFor('d', 'denied: you lack permission for ec2:DescribeSecurityGroupRules');
    await app.press(RIGHT, RIGHT);
    await app.waitFor('Remove inbound rules open to the internet');
    const pick = await app.pressAndWaitFor('e', 'no candidates');
    expect(pick).toContain('no candidates: the read of step 2 did not answer');
    expect(pick).toContain('denied: you lack permission for ec2:DescribeSecurityGroupRules');
    expect(pick).toContain('Type a value');
    await app.press('sgr-0123456789abcdef0', ENTER);
    await app.waitFor('--security-group-rule-ids sgr-0123456789abcdef0');
    app.unmount();
  });
});
