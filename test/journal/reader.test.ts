import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {readJournal, readJournalFile} from '../../src/journal/reader.js';
import {journalText, sessionStart, stamp} from '../helpers/journal.js';

const path = '/state/sessions/s1.jsonl';
const entries = stamp('s1', [sessionStart(), {type: 'track', track: 'cli'}, {type: 'step', stepId: 'check', status: 'done'}]);
const whole = journalText(entries);

describe('readJournal', () => {
  it('reads every line of a whole journal', () => {
    expect(readJournal(whole, path)).toEqual({entries, warnings: []});
  });

  it('ignores a last line cut mid-JSON, with a warning, and keeps every line before it', () => {
    const torn = whole + JSON.stringify(stamp('s1', [{type: 'note', stepId: 'check', text: 'half'}])[0]).slice(0, 40);
    expect(readJournal(torn, path)).toEqual({
      entries,
      warnings: [`${path}: line 4: the last line is cut short (the process stopped while writing it); ignored`],
    });
  });

  it('treats NUL bytes left at the end by a crash as a cut-short last line', () => {
    expect(readJournal(whole + '\0\0\0\0', path).warnings).toEqual([`${path}: line 4: the last line is cut short (the process stopped while writing it); ignored`]);
  });

  it('keeps a complete last line that only lacks its newline', () => {
    expect(readJournal(whole.slice(0, -1), path)).toEqual({entries, warnings: []});
  });

  it('skips a bad line in the middle, naming it, and keeps the lines after it', () => {
    const lines = whole.split('\n');
    const text = [lines[0], '{"v":1,"at":"x", garbage', lines[1], '', lines[2], ''].join('\n');
    expect(readJournal(text, path)).toEqual({entries, warnings: [`${path}: line 2: not JSON; skipped`]});
  });

  it.each<[string, string]>([
    ['[1,2]', 'not an object'],
    ['{"v":2,"at":"t","session":"s1","type":"track","track":"cli"}', 'version 2, expected 1'],
    ['{"v":1,"at":"t","session":"s1","type":"teleport"}', 'unknown type "teleport"'],
    ['{"v":1,"session":"s1","type":"track","track":"cli"}', 'no at'],
    ['{"v":1,"at":"t","type":"track","track":"cli"}', 'no session'],
    ['{"v":1,"at":"t","session":"s1","type":"step","status":"done"}', 'step without stepId'],
    ['{"v":1,"at":"t","session":"s1","type":"step","stepId":"a","status":"maybe"}', 'unknown step status "maybe"'],
    ['{"v":1,"at":"t","session":"s1","type":"session-start","event":{},"mode":"plan"}', 'session-start without event digest, eventName or record'],
    ['{"v":1,"at":"t","session":"s1","type":"toString"}', 'unknown type "toString"'],
    ['{"v":1,"at":"t","session":"s1","type":"findings","findings":{}}', 'findings without findings'],
    ['{"v":1,"at":"t","session":"s1","type":"findings","findings":[{"id":"x","severity":"high","title":"t"}]}', 'findings with a malformed findings item'],
    ['{"v":1,"at":"t","session":"s1","type":"now","status":"done","lines":[{"tone":"ok"}]}', 'now with a malformed lines item'],
    ['{"v":1,"at":"t","session":"s1","type":"debrief","objectives":[],"mistakes":[1],"stillOpen":[]}', 'debrief with a malformed list'],
  ])('skips %s: %s', (line, problem) => {
    const text = `${line}\n${journalText(entries.slice(1))}`;
    expect(readJournal(text, path)).toEqual({entries: entries.slice(1), warnings: [`${path}: line 1: not a journal entry (${problem}); skipped`]});
  });

  it('reads the lines of what was seen: findings, the Now panel\'s answer, the debrief', () => {
    const seen = stamp('s1', [
      {type: 'findings', findings: [{id: 'sg-open-ssh', severity: 'critical', title: 'SSH open', evidence: 'x = 0.0.0.0/0', source: 'state', resolved: true}]},
      {type: 'now', status: 'failed', lines: [], message: 'throttled'},
      {type: 'debrief', objectives: [{text: 'Close SSH', status: 'met'}], findingsResolved: 1, findingsTotal: 2, changes: 1, mistakes: [], stillOpen: []},
    ]);
    expect(readJournal(journalText(seen), path)).toEqual({entries: seen, warnings: []});
  });

  it('never throws on content', () => {
    expect(readJournal('', path)).toEqual({entries: [], warnings: []});
    expect(readJournal('\n\n', path)).toEqual({entries: [], warnings: []});
    expect(readJournal('null\n"x"\n{', path).warnings).toHaveLength(3);
  });
});

describe('readJournalFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trailguide-reader-'));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  it('reads a file and names it in warnings', () => {
    const file = join(dir, 's1.jsonl');
    writeFileSync(file, whole + '{"v":1,');
    expect(readJournalFile(file)).toEqual({entries, warnings: [`${file}: line 4: the last line is cut short (the process stopped while writing it); ignored`]});
  });
});
