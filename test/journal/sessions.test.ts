import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Unstamped} from '../../src/journal/entry.js';
import {eventDigest} from '../../src/journal/digest.js';
import {findUnfinished, latestWorkedSession, listSessions, sessionById} from '../../src/journal/sessions.js';
import {dryRun, journalText, record, request, sessionStart, stamp} from '../helpers/journal.js';

const dir = mkdtempSync(join(tmpdir(), 'trailguide-sessions-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const other = {eventID: '9d1e0000-aaaa', eventName: 'RunInstances', eventSource: 'ec2.amazonaws.com'};
const digest = eventDigest(record);

function session(id: string, startIso: string, entries: Unstamped[], event = record, extra = ''): void {
  writeFileSync(join(dir, `${id}.jsonl`), journalText(stamp(id, [sessionStart({scenario: 'open-ssh'}, event), ...entries], Date.parse(startIso))) + extra);
}

beforeAll(() => {
  // Oldest: finished.
  session('20261125T090000Z-c562f6fb-aaaa', '2026-11-25T09:00:00.000Z', [{type: 'session-end', reason: 'summary'}]);
  // Middle: unfinished, same event, with progress and a torn last line.
  session(
    '20261125T100000Z-c562f6fb-bbbb',
    '2026-11-25T10:00:00.000Z',
    [
      {type: 'track', track: 'cli'},
      {type: 'step', stepId: 'check', status: 'done'},
      {type: 'step', stepId: 'tag', status: 'skipped'},
      {type: 'step', stepId: 'tag', status: 'pending'},
      {type: 'step', stepId: 'tag', status: 'skipped'},
      {type: 'dry-run', stepId: 'revoke', result: dryRun('denied', '2026-11-25T10:00:06.000Z')},
      {type: 'dry-run', stepId: 'revoke', result: dryRun('would-succeed', '2026-11-25T10:00:07.000Z')},
      {type: 'execute', stepId: 'revoke', request, result: {ok: true, output: {}}},
    ],
    record,
    '{"v":1,"at":"2026-11-25T10:01',
  );
  // Newest: unfinished, another event.
  session('20261125T110000Z-9d1e0000-cccc', '2026-11-25T11:00:00.000Z', [], other);
  // Not sessions: a foreign .jsonl, an empty file (crash before the first line), a non-journal name, a directory.
  writeFileSync(join(dir, 'notes.jsonl'), '{"hello":"world"}\n');
  writeFileSync(join(dir, '20261125T120000Z-x-dddd.jsonl'), '');
  writeFileSync(join(dir, 'headless.jsonl'), journalText(stamp('headless', [{type: 'track', track: 'cli'}])));
  writeFileSync(join(dir, 'README.txt'), 'hi');
  mkdirSync(join(dir, 'sub.jsonl'));
});

describe('listSessions', () => {
  it('summarises every session, newest first, and says which files it skipped', () => {
    const {sessions, warnings} = listSessions(dir);
    expect(sessions.map((s) => s.id)).toEqual(['20261125T110000Z-9d1e0000-cccc', '20261125T100000Z-c562f6fb-bbbb', '20261125T090000Z-c562f6fb-aaaa']);
    expect([...warnings].sort()).toEqual([
      `${join(dir, '20261125T120000Z-x-dddd.jsonl')}: empty (the session stopped before its first line); skipped`,
      `${join(dir, 'notes.jsonl')}: no journal lines (not a trailguide session); skipped`,
      `${join(dir, 'headless.jsonl')}: does not start with session-start (not a trailguide session); skipped`,
    ].sort());
  });

  it('counts the progress of a session and keeps its reader warnings', () => {
    const middle = listSessions(dir).sessions[1];
    expect(middle).toEqual({
      id: '20261125T100000Z-c562f6fb-bbbb',
      path: join(dir, '20261125T100000Z-c562f6fb-bbbb.jsonl'),
      startedAt: '2026-11-25T10:00:00.000Z',
      lastAt: '2026-11-25T10:00:08.000Z',
      eventName: 'AuthorizeSecurityGroupIngress',
      eventID: 'c562f6fb-3f9a-4c4e-9a63-0c4b3d0b7d11',
      digest,
      scenario: 'open-ssh',
      mode: 'plan',
      track: 'cli',
      ended: false,
      stepsDone: 1,
      stepsSkipped: 1,
      dryRuns: 2,
      executions: 1,
      failedExecutions: 0,
      isEmpty: false,
      warnings: [`${join(dir, '20261125T100000Z-c562f6fb-bbbb.jsonl')}: line 10: the last line is cut short (the process stopped while writing it); ignored`],
    });
  });

  it('a directory that does not exist holds no sessions', () => {
    expect(listSessions(join(dir, 'nowhere'))).toEqual({sessions: [], warnings: []});
    expect(latestWorkedSession(join(dir, 'nowhere'))).toEqual({session: undefined, skipped: []});
  });
});

describe('resume lookups', () => {
  it('findUnfinished: the newest session of that event without a session-end', () => {
    expect(findUnfinished(dir, digest)?.id).toBe('20261125T100000Z-c562f6fb-bbbb');
    expect(findUnfinished(dir, eventDigest(other))?.id).toBe('20261125T110000Z-9d1e0000-cccc');
    expect(findUnfinished(dir, eventDigest({eventName: 'Nothing'}))).toBeUndefined();
  });

  it('latestWorkedSession: the newest that did something, passing over newer empty ones', () => {
    const {session, skipped} = latestWorkedSession(dir);
    expect(session?.id).toBe('20261125T100000Z-c562f6fb-bbbb');
    expect(skipped.map((s) => s.id)).toEqual(['20261125T110000Z-9d1e0000-cccc']);
  });

  it.each<[string, Unstamped[], boolean]>([
    ['only a track chosen and a step looked at', [{type: 'track', track: 'cli'}, {type: 'step', stepId: 'check', status: 'shown'}], true],
    ['a mark taken back', [{type: 'step', stepId: 'check', status: 'done'}, {type: 'step', stepId: 'check', status: 'pending'}], true],
    ['a step skipped', [{type: 'step', stepId: 'check', status: 'skipped'}], false],
    ['a dry-run', [{type: 'dry-run', stepId: 'revoke', result: dryRun('denied', '2026-11-25T10:00:06.000Z')}], false],
    ['a note', [{type: 'note', stepId: 'check', text: 'looked'}], false],
    ['a typed value', [{type: 'answer', name: 'groupId', value: 'sg-0123456789abcdef0'}], false],
    ['a call sent for real, outcome unknown', [{type: 'execute-start', stepId: 'revoke', request}], false],
  ])('isEmpty after %s: %s', (_name, entries, isEmpty) => {
    const one = mkdtempSync(join(tmpdir(), 'trailguide-one-'));
    writeFileSync(join(one, 's.jsonl'), journalText(stamp('s', [sessionStart(), ...entries])));
    expect(listSessions(one).sessions[0]?.isEmpty).toBe(isEmpty);
    rmSync(one, {recursive: true});
  });

  it('latestWorkedSession: the newest of all when none did anything', () => {
    const none = mkdtempSync(join(tmpdir(), 'trailguide-none-'));
    for (const [id, at] of [['a', '2026-11-25T09:00:00.000Z'], ['b', '2026-11-25T10:00:00.000Z']] as const) {
      writeFileSync(join(none, `${id}.jsonl`), journalText(stamp(id, [sessionStart(), {type: 'track', track: 'cli'}], Date.parse(at))));
    }
    expect(latestWorkedSession(none)).toMatchObject({session: {id: 'b', isEmpty: true}, skipped: []});
    rmSync(none, {recursive: true});
  });

  it('sessionById: the exact ID or a unique prefix', () => {
    expect(sessionById(dir, '20261125T090000Z-c562f6fb-aaaa').ended).toBe(true);
    expect(sessionById(dir, '20261125T10').id).toBe('20261125T100000Z-c562f6fb-bbbb');
  });

  it('sessionById: an ambiguous prefix lists the candidates; no match says so', () => {
    expect(() => sessionById(dir, '20261125T')).toThrow(/"20261125T" matches 3 sessions in .*\n {2}20261125T110000Z-9d1e0000-cccc {2}RunInstances/);
    expect(() => sessionById(dir, '2027')).toThrow(`no session "2027" in ${dir}`);
    expect(() => sessionById(dir, '')).toThrow('no session ID given');
  });
});
