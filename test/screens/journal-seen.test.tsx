// What the journal keeps of what the trainee saw, through the keys: the findings (those only the
// sandbox's account raises included) and the Now panel's answer, again after a resume, and the
// debrief once the summary is reached; the report written with w carries them.
import {mkdtempSync, readdirSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createSessionJournal} from '../../src/app/session-journal.js';
import {trainingSandbox} from '../../src/app/training-sandbox.js';
import {readJournal} from '../../src/journal/reader.js';
import {scenario} from '../helpers/candidates.js';
import {renderApp} from '../helpers/ink.js';
import {ENTER, RIGHT} from '../helpers/keys.js';

const sg = scenario('sg-default-ssh-in-default-vpc');
const services = (journal: ReturnType<typeof createSessionJournal>) => ({journal, sandboxFor: trainingSandbox([sg])});
const journalIn = (dir: string) => createSessionJournal({dir, clock: () => new Date(), operator: 'tester@host', onError: () => undefined});
const linesOf = (dir: string) => {
  const [file] = readdirSync(dir);
  return readJournal(readFileSync(join(dir, file!), 'utf8'), file!).entries;
};

describe('the journal of what was seen', () => {
  it('records the state\'s findings and the Now answer, again after a resume', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trailguide-seen-'));
    const app = await renderApp([sg], {size: {columns: 160, rows: 60}, services: services(journalIn(dir))});
    await app.waitFor('CRITICAL');
    await app.pressAndWaitFor(ENTER, 'How do you want');
    await app.pressAndWaitFor('2', 'Step 1 of');
    await app.press('x');
    await app.waitFor('Step 2 of');
    app.unmount();
    const first = linesOf(dir);
    const findings = first.filter((e) => e.type === 'findings').at(-1);
    expect(findings?.type === 'findings' && findings.findings.find((f) => f.id === 'sg-open-ssh')).toMatchObject({source: 'state', resolved: false});
    expect(first.some((e) => e.type === 'now' && e.status === 'done')).toBe(true);

    const again = await renderApp([sg], {size: {columns: 160, rows: 60}, services: services(journalIn(dir))});
    await again.waitFor('r resumes it');
    await again.pressAndWaitFor('r', 'resumed session');
    again.unmount();
    const after = linesOf(dir).slice(first.length);
    expect(after.map((e) => e.type)).toEqual(expect.arrayContaining(['step', 'now', 'findings']));
  });

  it('the report written from the summary carries the findings as last seen and the debrief', async () => {
    const root = mkdtempSync(join(tmpdir(), 'trailguide-seen-report-'));
    const app = await renderApp([sg], {size: {columns: 160, rows: 60}, services: services(journalIn(join(root, 'sessions')))});
    await app.waitFor('CRITICAL');
    await app.pressAndWaitFor(ENTER, 'How do you want');
    await app.pressAndWaitFor('2', 'Step 1 of');
    await app.press(...Array<string>(40).fill(RIGHT));
    await app.waitFor('Debrief (training sandbox)');
    const status = await app.pressAndWaitFor('w', 'incident report written to');
    app.unmount();
    const text = readFileSync(/incident report written to (\S+)/.exec(status)?.[1] ?? '', 'utf8');
    expect(text).toMatch(/\| CRITICAL \| open \| SSH \(22\) open to the internet .* \| account state \|/);
    expect(text).toContain('## Debrief');
    expect(text).toContain('○ open: Close SSH (22) to the internet');
    expect(text).toContain('**not contained**: still open: `sg-open-ssh`');
    expect(text).toMatch(/## State at the end\n\nAs last read, at \+\d+:\d\d with `DescribeSecurityGroup/);
  });
});
