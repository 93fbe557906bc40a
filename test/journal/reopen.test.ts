// Resume appends to the session's own file; a torn last line does not swallow the next entry.
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {expect, it} from 'vitest';
import {readJournal} from '../../src/journal/reader.js';
import {reopenJournal} from '../../src/journal/reopen.js';
import {openJournal} from '../../src/journal/writer.js';

const clock = () => new Date('2026-11-25T12:00:00.000Z');

it('appends to the file it reopens, after a torn last line, on a line of its own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trailguide-reopen-'));
  const first = openJournal(dir, 's1', clock);
  first.append({type: 'track', track: 'cli'});
  first.close();
  writeFileSync(first.path, `${readFileSync(first.path, 'utf8')}{"v":1,"at":"2026-11-25T12:00:00.000Z","ses`);
  const again = reopenJournal(first.path, clock);
  expect(again.sessionId).toBe('s1');
  again.append({type: 'step', stepId: 'a', status: 'shown'});
  again.close();
  const {entries, warnings} = readJournal(readFileSync(first.path, 'utf8'), first.path);
  expect(entries.map((e) => e.type)).toEqual(['track', 'step']);
  expect(warnings).toHaveLength(1);
});

it('refuses a file that is not there (resume never creates one)', () => {
  expect(() => reopenJournal(join(tmpdir(), 'nope', 'x.jsonl'), clock)).toThrow();
});
