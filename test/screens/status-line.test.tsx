// The status line shows the report's path whole: from ~ when it is under the home directory, on a
// line of its own when the message does not fit one, and the screen still fits the terminal.
import {homedir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {JournalService} from '../../src/app/services.js';
import {statusLines} from '../../src/components/StatusLine.js';
import {homeRelative} from '../../src/text/home-path.js';
import {noColorTheme} from '../../src/ui/theme.js';
import {scenario} from '../helpers/candidates.js';
import {renderApp} from '../helpers/ink.js';
import {ENTER} from '../helpers/keys.js';

const reportAt = (path: string): JournalService => ({record: () => undefined, unfinished: () => Promise.resolve(null), report: () => Promise.resolve(path)});

async function writeReport(path: string, columns: number, rows: number): Promise<string[]> {
  const app = await renderApp([scenario('sg-default-ssh-in-default-vpc')], {theme: noColorTheme, size: {columns, rows}, services: {journal: reportAt(path)}});
  await app.waitFor('Enter remediate');
  await app.pressAndWaitFor(ENTER, 'How do you want');
  await app.pressAndWaitFor('2', 'Step 1');
  await app.pressAndWaitFor('G', 'trailguide · Summary');
  const frame = await app.pressAndWaitFor('w', 'incident report written to');
  app.unmount();
  return frame.split('\n');
}

describe('the status line after w', () => {
  it('at 80×24: the path under the home directory from ~, whole, on a line of its own', async () => {
    const path = join(homedir(), '.local', 'state', 'trailguide', 'reports', '20261125T120000Z-c562f6fb-3f9a.md');
    const lines = await writeReport(path, 80, 24);
    expect(lines).toContain('~/.local/state/trailguide/reports/20261125T120000Z-c562f6fb-3f9a.md');
    expect(lines.find((l) => l.includes('incident report written to'))).toMatch(/· incident report written to$/);
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(lines.at(-1)).toMatch(/q quit/);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
  });
  it('wide enough: one line, the path elsewhere than home kept as it is', async () => {
    const lines = await writeReport('/srv/ir/reports/x.md', 120, 30);
    expect(lines).toContainEqual(expect.stringMatching(/· incident report written to \/srv\/ir\/reports\/x\.md$/));
  });
});

describe('statusLines and homeRelative', () => {
  it('never more than two lines, the second cut with …', () => {
    expect(statusLines(`AWS · ${'word '.repeat(60)}`, 40)).toHaveLength(2);
    expect(statusLines(`AWS · ${'word '.repeat(60)}`, 40)[1]).toMatch(/…$/);
    expect(statusLines('plan mode (offline): nothing is sent to AWS', 80)).toEqual(['plan mode (offline): nothing is sent to AWS']);
  });
  it('shows control characters in a status as escapes', () => {
    expect(statusLines('denied: \u001B]0;pwned\u0007', 80)).toEqual(['denied: \\x1b]0;pwned\\x07']);
  });
  it.each([
    ['/home/ana/.local/x.md', '/home/ana', '~/.local/x.md'],
    ['/home/anabel/x.md', '/home/ana', '/home/anabel/x.md'],
    ['/tmp/x.md', '/home/ana', '/tmp/x.md'],
    ['/x.md', '/', '/x.md'],
  ])('%s under %s reads %s', (path, home, shown) => {
    expect(homeRelative(path, home)).toBe(shown);
  });
});
