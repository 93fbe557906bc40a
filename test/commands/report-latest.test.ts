// `trailguide report` with no ID, as a user runs it: the newest session that did something, not a
// newer one that was opened and left at once (said on stderr), in a temporary state directory.
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {JournalEntry} from '../../src/journal/entry.js';
import {stamp, walkedSession} from '../report/journals.js';

const bin = new URL('../../dist/trailguide.js', import.meta.url).pathname;
const stateDir = mkdtempSync(join(tmpdir(), 'trailguide-report-latest-'));

function run(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args, '--state-dir', stateDir], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

function write(entries: readonly JournalEntry[]): string {
  const id = entries[0]!.session;
  mkdirSync(join(stateDir, 'sessions'), {recursive: true});
  writeFileSync(join(stateDir, 'sessions', `${id}.jsonl`), entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
  return id;
}

// The real work, then an hour later another event opened, a track chosen, its first step looked at, and quit.
const worked = write(walkedSession('CreateRoute').entries);
const emptyId = '20261125T140000Z-c562f6fb-9e9e';
const empty = write([
  {...walkedSession('CreateSecurityGroup').entries[0]!, session: emptyId, at: '2026-11-25T14:00:00.000Z'},
  ...stamp(emptyId, [[7210, {type: 'track', track: 'cli'}], [7211, {type: 'step', stepId: 'describe-group', status: 'shown'}]]),
]);

describe('trailguide report without an ID', () => {
  it('reports the newest session that did something, and says which newer one it passed over', () => {
    const {code, stdout, stderr} = run(['report']);
    expect(code).toBe(0);
    expect(stdout).toContain('# Incident report: CreateRoute');
    expect(stderr).toContain(`report of session ${worked}, the newest that did something; passed over 1 newer session where nothing was done (${empty})`);
  });
  it('still reports the empty one when asked by its ID', () => {
    const {code, stdout, stderr} = run(['report', empty]);
    expect(code).toBe(0);
    expect(stdout).toContain('# Incident report: CreateSecurityGroup');
    expect(stderr).toBe('');
  });
  it('the session list says which sessions are empty', () => {
    const list = JSON.parse(run(['sessions', '--format', 'json']).stdout) as Array<{id: string; isEmpty: boolean}>;
    expect(list.map((s) => [s.id, s.isEmpty])).toEqual([[empty, true], [worked, false]]);
  });
});
