// The example user runbook (examples/runbooks/SendSSHPublicKey.yaml) walked in the app on each track —
// Console, CLI, SDK — with real key bytes, as an operator would: the runbook comes from a user's
// directory (the runbook source's catalog lists its event), the event screen shows its findings and the
// instance as the sandbox has it, every step is visited, the reads run, the values come from pick lists,
// the change is dry-run, and on the CLI track carried out behind its typed confirmation and checked by the
// step's own verify, after which the event screen shows the finding resolved.
import {describe, expect, it} from 'vitest';
import {noColorTheme} from '../../src/ui/theme.js';
import {fixedNow, renderApp, type Harness} from '../helpers/ink.js';
import {ENTER, RIGHT} from '../helpers/keys.js';
import type {RunbookSource} from '../../src/app/services.js';
import {engineFor} from '../../src/engine/runbook-engine.js';
import {evaluate} from '../../src/runbooks/expression.js';
import type {Runbook} from '../../src/runbooks/schema.js';
import {exampleRunbook, recordOf} from './example-records.js';
import {groupId, instanceConnectAccount, instanceId, publicIp} from './instance-connect-account.js';

/**
 * The runbooks as the app knows them with a user's directory holding only this one: the catalog lists
 * its events, and opening one of them loads it (with its engine); any other event has no runbook.
 */
function exampleSource(runbook: Runbook): RunbookSource {
  const engine = engineFor(runbook);
  const {source, names} = runbook.events;
  return {
    catalog: () => Promise.resolve({userEvents: names.map((name) => ({source, name})), isComplete: true}),
    load: (eventName) => Promise.resolve(names.includes(eventName) ? {runbook, engine, evaluate} : {}),
  };
}

type Track = 'Console' | 'CLI' | 'SDK';
const trackKey: Readonly<Record<Track, string>> = {Console: '1', CLI: '2', SDK: '3'};

interface StepSeen {
  readonly section: string;
  readonly title: string;
  /** The step once its call (if any) answered. */
  readonly frame: string;
}

const lines = (frame: string): string[] => frame.split('\n');
const hintBar = (frame: string): string => lines(frame).at(-1) ?? '';
const statusLine = (frame: string): string => (lines(frame).at(-2) ?? '').trimEnd();
const isSummary = (frame: string): boolean => frame.includes('trailguide · Summary');

function stepOn(frame: string): {readonly track: string; readonly section: string; readonly title: string} | undefined {
  const m = /^trailguide · Step \d+ of \d+ · (Console|CLI|SDK) · (Contain|Investigate|Harden) · (.*?)\s*$/m.exec(frame);
  return m ? {track: m[1] ?? '', section: m[2] ?? '', title: m[3] ?? ''} : undefined;
}

/** The value prompt on screen: its parameter, and the rows a pick list offers (picked ones first marked). */
function promptOn(frame: string): {readonly param: string; readonly picked: readonly string[]} | undefined {
  const box = lines(frame).flatMap((l) => {
    const m = /^[│║] (.*?) *[│║]$/.exec(l.trimEnd());
    return m ? [m[1] ?? ''] : [];
  });
  const param = /^(\w+): /.exec(box[0] ?? '')?.[1];
  if (param === undefined) return undefined;
  const picked = box.flatMap((l) => {
    const m = /^(\[x\]|\(•\)) ★ (\S+)/.exec(l);
    return m ? [m[2] ?? ''] : [];
  });
  return {param, picked};
}

/**
 * e, then each value the step still needs: the rows its pick list picked (★), or — for the event's time,
 * which the published records write in Panther's form — the same time typed in ISO form. Returns the values given.
 */
async function giveValues(app: Harness, eventTime: string): Promise<Record<string, readonly string[]>> {
  const given: Record<string, readonly string[]> = {};
  const before = app.frame();
  let frame = await app.pressAndWaitFor('e', (f) => f !== before);
  for (let prompt = promptOn(frame); prompt !== undefined; prompt = promptOn(frame)) {
    const {param, picked} = prompt;
    if (param === 'eventTime') {
      given[param] = [eventTime];
      await app.press(eventTime, ENTER);
    } else {
      expect(picked.length, `the pick list of ${param} picks the likely value`).toBeGreaterThan(0);
      given[param] = picked;
      await app.press(ENTER);
    }
    frame = await app.waitFor((f) => promptOn(f)?.param !== param);
  }
  return given;
}

/** d on the step's call: the read's answer, or the dry-run's verdict on the status line. */
async function runCall(app: Harness): Promise<string> {
  const isRead = hintBar(app.frame()).includes('d run the read');
  await app.press('d');
  return app.waitFor((f) => (isRead ? /^Answer · /m.test(f) : /^sandbox · \w+: /.test(statusLine(f))));
}

/** X, the resource ID the prompt asks for, Enter: the change is carried out and checked. */
async function execute(app: Harness): Promise<{readonly typed: string; readonly frame: string}> {
  const asked = await app.pressAndWaitFor('X', (f) => /Type (\S+) to confirm/.test(f));
  const typed = /Type (\S+) to confirm/.exec(asked)?.[1] ?? '';
  await app.press(typed, ENTER);
  return {typed, frame: await app.waitFor((f) => /Check \(\w+\): [✓✗?]/.test(f))};
}

interface Walk {
  readonly event: string;
  readonly steps: readonly StepSeen[];
  readonly values: Record<string, readonly string[]>;
  readonly dryRun: string;
  readonly executed?: {readonly typed: string; readonly frame: string};
  readonly summary: string;
  readonly eventAfter: string;
}

/** Open the published record with the example runbook in its sandbox account, and walk every step of one track. */
async function walk(track: Track, options: {readonly execute: boolean}): Promise<Walk> {
  const record = recordOf('pushed');
  const runbook = exampleRunbook();
  const account = instanceConnectAccount(record, () => fixedNow);
  const app = await renderApp([{id: '0', record}], {theme: noColorTheme, size: {columns: 200, rows: 64}, services: {sandboxFor: () => account, runbooks: exampleSource(runbook)}});
  try {
    const event = await app.waitFor('from ec2:DescribeInstances on the sandbox account');
    await app.pressAndWaitFor(ENTER, 'How do you want');
    await app.pressAndWaitFor(trackKey[track], `Step 1 of`);
    const steps: StepSeen[] = [];
    let values: Record<string, readonly string[]> = {};
    let dryRun = '';
    let executed: Walk['executed'];
    for (let step = stepOn(app.frame()); step !== undefined; step = stepOn(app.frame())) {
      expect(step.track).toBe(track);
      if (step.section === 'Contain') {
        if (app.frame().includes('⚠ needs')) values = {...values, ...(await giveValues(app, '2025-01-13T19:58:59Z'))};
        if (/\bd (run the read|dry-run)\b/.test(hintBar(app.frame()))) {
          const answered = await runCall(app);
          if (hintBar(answered).includes('X ')) dryRun = answered;
          if (options.execute && /^sandbox · RevokeSecurityGroupIngress: would succeed/.test(statusLine(answered))) executed = await execute(app);
        }
      }
      const shown = app.frame();
      steps.push({section: step.section, title: stepOn(shown)?.title ?? step.title, frame: shown});
      await app.press(RIGHT);
      await app.waitFor((f) => f !== shown && (isSummary(f) || stepOn(f) !== undefined));
    }
    const summary = app.frame();
    const eventAfter = await app.pressAndWaitFor('i', 'from ec2:DescribeInstances on the sandbox account');
    return {event, steps, values, dryRun, executed, summary, eventAfter};
  } finally {
    app.unmount();
  }
}

const containment = ['Look at the instance', 'Look for a login with the pushed key', "List the rules of the instance's groups", 'Close SSH to the internet', 'Check that SSH is closed to the internet'];
const investigation = ['Identify the source address and the identity used', 'List the access keys of the user involved', 'Deactivate the misused access key', 'If a role was used, revoke its sessions'];

describe.each([
  {track: 'Console' as const, shows: new RegExp(`EC2 console → Security Groups → ${groupId} → Inbound rules → Edit inbound rules`)},
  {track: 'CLI' as const, shows: new RegExp(`aws ec2 revoke-security-group-ingress \\\\\n +--group-id ${groupId} \\\\\n +--security-group-rule-ids sgr-[0-9a-f]{17}`)},
  {track: 'SDK' as const, shows: /ec2\.revoke_security_group_ingress\(/},
])('the example runbook on the $track track', ({track, shows}) => {
  it('shows its findings and the instance now, visits every step, takes the values from the reads and dry-runs the change', async () => {
    const w = await walk(track, {execute: track === 'CLI'});
    expect(w.event).toMatch(/CRITICAL +SSH open to 0\.0\.0\.0\/0 at 203\.0\.113\.10: a pushed key works from anywhere/);
    expect(w.event).toMatch(/HIGH +SSH key for ec2-user pushed from 1\.2\.3\.4: a sudo login/);
    expect(w.event).toMatch(/MEDIUM +Public address 203\.0\.113\.10/);
    expect(w.event).toContain(`✗ ${groupId} (web-admin) lets SSH in from 0.0.0.0/0`);
    expect(w.event).toContain('Runbook: An SSH public key was pushed to an instance (EC2 Instance Connect)');

    // Every step of the track, section by section (the walk of a successful call contains first).
    const titles = w.steps.map((s) => s.title.replace(/ \(.*\)$/, ''));
    expect(titles).toEqual([...containment, ...investigation]);
    expect(w.steps.map((s) => s.section)).toEqual([...containment.map(() => 'Contain'), ...investigation.map(() => 'Investigate')]);

    // The event's time, which the record writes in Panther's form, is given in ISO form where a step needs it.
    expect(w.steps[1]?.frame).toContain('The key was valid for 60 seconds after 2025-01-13T19:58:59Z.');
    // The values came from what the reads listed: the instance's group, then its rule open to SSH.
    expect(w.values['instanceGroupIds']).toEqual([groupId]);
    expect(w.values['sshGroupId']).toEqual([groupId]);
    expect(w.values['sshRuleIds']).toHaveLength(1);
    const ruleId = w.values['sshRuleIds']?.[0] ?? '';
    const rules = w.steps.find((s) => s.title.startsWith("List the rules of the instance's groups"))?.frame ?? '';
    expect(rules.split('\n').find((l) => l.includes(ruleId))).toMatch(/inbound +tcp +22 +0\.0\.0\.0\/0/);

    // The change: this track's rendering, then a dry-run that sends nothing and would succeed.
    const revoke = w.steps.find((s) => s.title.startsWith('Close SSH to the internet'))?.frame ?? '';
    expect(revoke).toMatch(shows);
    expect(w.dryRun).toMatch(/^sandbox · RevokeSecurityGroupIngress: would succeed/m);
    expect(w.dryRun).toContain('"DryRun":true');
    expect(w.steps.find((s) => s.title.startsWith('Look at the instance'))?.frame).toMatch(new RegExp(`${instanceId} +running +t3\\.micro +10\\.0\\.1\\.25 +${publicIp.replace(/\./g, '\\.')}`));

    if (track !== 'CLI') {
      expect(w.executed).toBeUndefined();
      expect(w.eventAfter).not.toContain('✓ resolved');
      return;
    }
    // Carried out behind the typed confirmation, then checked by the step's own verify.
    expect(w.executed?.typed).toBe(groupId);
    expect(w.executed?.frame).toContain('Executed in the sandbox: done');
    expect(w.executed?.frame).toContain(`Check (DescribeSecurityGroupRules): ✓ no inbound rule of ${groupId} lets SSH in from the internet`);
    const check = w.steps.find((s) => s.title.startsWith('Check that SSH is closed'))?.frame ?? '';
    expect(check).not.toContain(ruleId);
    expect(w.summary).toContain('executed RevokeSecurityGroupIngress: succeeded');
    expect(w.eventAfter).toMatch(/✓ resolved +SSH open to 0\.0\.0\.0\/0 at 203\.0\.113\.10/);
    expect(w.eventAfter).toContain('✓ no security group of the instance lets SSH in from the whole internet');
    expect(w.eventAfter).toMatch(/MEDIUM +Public address 203\.0\.113\.10/);
  });
});

describe('the example runbook on a refused push', () => {
  it('starts with the caller: nothing was pushed, and the event history of the sandbox has the refused call', async () => {
    const record = recordOf('denied');
    const account = instanceConnectAccount(record, () => fixedNow);
    const app = await renderApp([{id: '0', record}], {theme: noColorTheme, size: {columns: 200, rows: 64}, services: {sandboxFor: () => account, runbooks: exampleSource(exampleRunbook())}});
    try {
      const event = await app.waitFor('the event names no valid resource ID to look up');
      expect(event).toMatch(/HIGH +Refused \(AccessDenied\): possible reconnaissance, see what else it tried/);
      expect(event).toContain('step: identify-actor');
      expect(event).not.toMatch(/CRITICAL|SSH key for/);
      await app.pressAndWaitFor(ENTER, 'How do you want');
      const first = await app.pressAndWaitFor('2', 'Step 1 of');
      expect(stepOn(first)).toEqual({track: 'CLI', section: 'Investigate', title: 'The call failed (AccessDenied), so it created nothing'});
      const given = await giveValues(app, '2025-01-13T20:46:57Z');
      expect(given).toEqual({eventTime: ['2025-01-13T20:46:57Z']});
      const answer = await runCall(app);
      expect(answer).toMatch(/^Answer · Events · 1 row/m);
      expect(answer).toMatch(/SendSSHPublicKey +\S+ +AccessDenied/);
    } finally {
      app.unmount();
    }
  });
});
