// A read step shows what it read: the sandbox answers from its simulated account, the step shows the
// table of the fields that matter, pages through long answers, and c copies the answer as JSON.
import {describe, expect, it} from 'vitest';
import {trainingSandbox} from '../../src/app/training-sandbox.js';
import {scenario} from '../helpers/candidates.js';
import {renderApp, type Harness} from '../helpers/ink.js';
import {ENTER, RIGHT} from '../helpers/keys.js';
import type {JsonValue} from '../../src/events/record.js';
import {rawControlsIn} from '../helpers/escape-payloads.js';

const sg = scenario('sg-default-ssh-in-default-vpc');

/** From the event to step 2 of the CLI track, the read that lists the group's rules. */
async function toRuleListing(app: Harness): Promise<void> {
  await app.waitFor('Enter remediate');
  await app.pressAndWaitFor(ENTER, 'How do you want');
  await app.pressAndWaitFor('2', 'Step 1 of');
  await app.press(RIGHT);
  await app.waitFor('List the group');
}

describe('a read step in the training sandbox', () => {
  it('shows the rules it read, with their IDs, direction, ports and source', async () => {
    const app = await renderApp([sg], {size: {columns: 100, rows: 40}, services: {sandboxFor: trainingSandbox([sg])}});
    await toRuleListing(app);
    expect(app.frame()).toContain('d run the read');
    const frame = await app.pressAndWaitFor('d', 'Answer');
    expect(frame).toContain('Read in the sandbox (changes nothing)');
    expect(frame).toMatch(/Rule ID +Direction +Protocol +Ports +Source\/destination/);
    expect(frame).toMatch(/sgr-[0-9a-f]{17} +inbound +tcp +22 +0\.0\.0\.0\/0/);
    expect(frame).toMatch(/sgr-[0-9a-f]{17} +outbound +all +all +0\.0\.0\.0\/0/);
    await app.pressAndWaitFor('?', 'Keys on this screen');
    expect(app.frame()).toMatch(/c +copy answer \(JSON\)/);
    await app.press('?');
    await app.waitFor('Answer ·');
    await app.press('c');
    await app.waitFor('copied the DescribeSecurityGroupRules answer (JSON)');
    const copied = JSON.parse(app.copied.at(-1) ?? '') as {SecurityGroupRules: {SecurityGroupRuleId: string}[]};
    expect(copied.SecurityGroupRules.length).toBeGreaterThanOrEqual(2);
    expect(frame).toContain(copied.SecurityGroupRules[0]?.SecurityGroupRuleId);
    app.unmount();
  });
});

/** The scenario's account with `count` more inbound rules on the event's group. */
function withManyRules(count: number): typeof sg {
  const scenarioFile = sg.scenario!;
  const state = scenarioFile.state as {SecurityGroupRules: JsonValue[]};
  const extra = Array.from({length: count}, (_, i) => ({
    SecurityGroupRuleId: `sgr-${(0x10000000000000000n + BigInt(i)).toString(16).slice(1).padStart(17, '0')}`,
    GroupId: 'sg-0123456789abcdef0', GroupOwnerId: '111122223333', IsEgress: false, IpProtocol: 'tcp', FromPort: 1000 + (i % 60000), ToPort: 1000 + (i % 60000), CidrIpv4: `10.${(i >> 8) & 255}.${i & 255}.0/24`, Description: `rule ${i}`,
  }));
  return {...sg, scenario: {...scenarioFile, state: {...scenarioFile.state, SecurityGroupRules: [...state.SecurityGroupRules, ...extra]}}};
}

describe('a read that returns thousands of rows', () => {
  it('pages ten rows at a time and never draws the rest', async () => {
    const big = withManyRules(3000);
    const app = await renderApp([big], {size: {columns: 100, rows: 40}, services: {sandboxFor: trainingSandbox([big])}});
    await toRuleListing(app);
    const first = await app.pressAndWaitFor('d', 'Answer');
    expect(first).toContain('rows 1–10 of 3002');
    expect(first.match(/^sgr-/gm)).toHaveLength(10);
    const second = await app.pressAndWaitFor('f', 'rows 11–20 of 3002');
    expect(second).toContain('rule 8');
    expect(second).not.toContain('rule 7 ');
    await app.pressAndWaitFor('\u001B[6~', 'rows 21–30 of 3002');
    await app.pressAndWaitFor('b', 'rows 11–20 of 3002');
    await app.pressAndWaitFor('\u001B[5~', 'rows 1–10 of 3002');
    // Before the first rows there is nothing: the key says so and changes nothing.
    await app.pressAndWaitFor('b', 'at the first rows');
    app.unmount();
  });
});

describe('a read without an account', () => {
  it('stays a plan: nothing is read, the step says so', async () => {
    const app = await renderApp([sg]);
    await toRuleListing(app);
    const frame = await app.pressAndWaitFor('d', 'plan only — nothing was sent');
    expect(frame).not.toContain('Answer ·');
    app.unmount();
  });
});

describe('a read that is refused', () => {
  it('says why and shows no answer', async () => {
    const denied = {...sg, scenario: {...sg.scenario!, permissions: {allow: ['ec2:*'], deny: ['ec2:DescribeSecurityGroupRules']}}};
    const app = await renderApp([denied], {size: {columns: 100, rows: 40}, services: {sandboxFor: trainingSandbox([denied])}});
    await toRuleListing(app);
    const frame = await app.pressAndWaitFor('d', 'denied: you lack permission for ec2:DescribeSecurityGroupRules');
    expect(frame).not.toContain('Answer ·');
    app.unmount();
  });
});

describe('an answer that carries hostile text', () => {
  it('shows the account\'s own strings inert in the table, the pick list and the copied JSON', async () => {
    const payload = 'ok\u001b]52;c;cm0gLXJmIC8=\u0007 \u202eevil\u001b[2J';
    const hostile = withManyRules(0);
    const state = hostile.scenario!.state as {SecurityGroupRules: JsonValue[]};
    const rules = state.SecurityGroupRules.map((r) => (typeof r === 'object' && r !== null && !Array.isArray(r) && (r as {IsEgress?: boolean}).IsEgress === false ? {...r, Description: payload} : r));
    const candidate = {...hostile, scenario: {...hostile.scenario!, state: {...hostile.scenario!.state, SecurityGroupRules: rules}}};
    const app = await renderApp([candidate], {size: {columns: 120, rows: 40}, services: {sandboxFor: trainingSandbox([candidate])}});
    await toRuleListing(app);
    const frame = await app.pressAndWaitFor('d', 'Answer ·');
    expect(frame).toContain('ok\\x1b');
    await app.press('c');
    await app.waitFor('copied the DescribeSecurityGroupRules answer (JSON)');
    expect(app.copied.at(-1)).toContain('\\u001b]52;c;');
    expect(app.copied.at(-1)).toContain('\\u202e');
    await app.press(RIGHT, RIGHT);
    await app.waitFor('Remove inbound rules open to the internet');
    await app.pressAndWaitFor('e', 'listed by the read');
    expect(app.rawFrames().flatMap((f) => rawControlsIn(f.replace(/\u001b\[[0-9;]*m/g, '')))).toEqual([]);
    app.unmount();
  });
});
