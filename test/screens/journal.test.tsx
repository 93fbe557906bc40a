// The session journal through the keys: a walkthrough is recorded as it happens, and opening the
// same event again offers to resume it exactly where it stopped (track, step, marks, dry-runs, notes).
import {mkdtempSync, readdirSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createSessionJournal} from '../../src/app/session-journal.js';
import {trainingSandbox} from '../../src/app/training-sandbox.js';
import {readJournal} from '../../src/journal/reader.js';
import {scenario} from '../helpers/candidates.js';
import {renderApp} from '../helpers/ink.js';
import {ENTER, LEFT, RIGHT} from '../helpers/keys.js';

const sg = scenario('sg-default-ssh-in-default-vpc');

function journalIn(dir: string) {
  const problems: string[] = [];
  return {journal: createSessionJournal({dir, clock: () => new Date(), operator: 'tester@host', onError: (m) => problems.push(m)}), problems};
}

/** The scenario opened in the sandbox, journaled, on step 1 of the CLI track. */
async function onCliTrack(journal: ReturnType<typeof journalIn>['journal']) {
  const app = await renderApp([sg], {size: {columns: 160, rows: 60}, services: {journal, sandboxFor: trainingSandbox([sg])}});
  await app.waitFor('Enter remediate');
  await app.pressAndWaitFor(ENTER, 'How do you want');
  await app.pressAndWaitFor('2', 'Step 1 of');
  return app;
}

describe('the session journal', () => {
  it('records the walkthrough, and a second visit resumes it where it stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trailguide-journal-'));
    const first = journalIn(dir);
    const app = await onCliTrack(first.journal);
    await app.pressAndWaitFor('d', 'Answer · SecurityGroups · 1 row');
    await app.press('x');
    await app.pressAndWaitFor('n', 'Note for');
    await app.press('owner asked', ENTER);
    await app.press('s');
    await app.waitFor('Step 3 of');
    app.unmount();
    expect(first.problems).toEqual([]);

    const [file] = readdirSync(dir);
    const {entries, warnings} = readJournal(readFileSync(join(dir, file!), 'utf8'), file!);
    expect(warnings).toEqual([]);
    expect(entries[0]).toMatchObject({type: 'session-start', operator: 'tester@host', mode: 'sandbox', scenario: sg.id, event: {eventID: sg.record.eventID}});
    expect(entries.map((e) => e.type)).toEqual(expect.arrayContaining(['track', 'step', 'dry-run', 'note']));
    expect(entries.some((e) => e.type === 'session-end')).toBe(false);

    const second = journalIn(dir);
    const again = await renderApp([sg], {size: {columns: 160, rows: 60}, services: {journal: second.journal, sandboxFor: trainingSandbox([sg])}});
    await again.waitFor('r resumes it');
    const resumed = await again.pressAndWaitFor('r', 'Step 3 of');
    expect(resumed).toContain('resumed session');
    const back = await again.pressAndWaitFor(LEFT, 'Step 2 of');
    expect(back).toContain('↷ skipped');
    expect(back).toContain('owner asked');
    const first1 = await again.pressAndWaitFor(LEFT, 'Step 1 of');
    expect(first1).toContain('✓ marked done');
    // The read's answer came back from the journal, table and all.
    expect(first1).toContain('Answer · SecurityGroups · 1 row');
    expect(first1).toMatch(/sg-0123456789abcdef0 +default-ssh/);
    again.unmount();
    // The resumed walkthrough went on in the same file.
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('writes the incident report from the summary (w)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'trailguide-report-'));
    const {journal} = journalIn(join(root, 'sessions'));
    const app = await renderApp([sg], {size: {columns: 160, rows: 60}, services: {journal, sandboxFor: trainingSandbox([sg])}});
    await app.waitFor('Enter remediate');
    await app.pressAndWaitFor(ENTER, 'How do you want');
    await app.pressAndWaitFor('2', 'Step 1 of');
    await app.pressAndWaitFor('d', 'Answer ·');
    await app.press('G'); // to the summary, past every step
    await app.waitFor('Debrief (training sandbox)');
    const status = await app.pressAndWaitFor('w', 'incident report written to');
    const path = /incident report written to (\S+)/.exec(status)?.[1] ?? '';
    expect(path.startsWith(join(root, 'reports'))).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('# Incident report: CreateSecurityGroup');
    // A read is run for real (no --dry-run), and what it read is in the report.
    expect(text).toContain('aws ec2 describe-security-groups --group-ids sg-0123456789abcdef0');
    expect(text).not.toContain('describe-security-groups --group-ids sg-0123456789abcdef0 --dry-run');
    app.unmount();
  });

  it('a corrected value survives resume, and the dry-run made with the old value stays dropped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trailguide-journal-'));
    const first = journalIn(dir);
    const app = await onCliTrack(first.journal);
    await app.press(RIGHT);
    const listed = await app.pressAndWaitFor('d', 'Answer ·');
    const open = /sgr-[0-9a-f]{17}(?= +inbound +tcp +22)/.exec(listed)?.[0] ?? 'none on screen';
    await app.press(RIGHT, RIGHT);
    await app.waitFor('Remove inbound rules open to the internet');
    await app.pressAndWaitFor('e', 'listed by the read');
    await app.press('/', ...'sgr-0000000000000dead'.split(''), ENTER);
    await app.pressAndWaitFor('d', 'InvalidSecurityGroupRuleId.NotFound');
    await app.pressAndWaitFor('e', 'listed by the read');
    await app.press(ENTER);
    await app.waitFor('1 dry-run made with the old value dropped');
    app.unmount();
    expect(first.problems).toEqual([]);

    const again = await renderApp([sg], {size: {columns: 160, rows: 60}, services: {journal: journalIn(dir).journal, sandboxFor: trainingSandbox([sg])}});
    await again.waitFor('r resumes it');
    const resumed = await again.pressAndWaitFor('r', 'Step 4 of');
    expect(resumed).toContain(`--security-group-rule-ids ${open}`);
    expect(resumed).not.toContain('sgr-0000000000000dead');
    expect(resumed).not.toContain('InvalidSecurityGroupRuleId.NotFound');
    again.unmount();
  });
});
