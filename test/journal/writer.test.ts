import {existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import * as fs from 'node:fs';
import {afterAll, describe, expect, it, vi} from 'vitest';
import {readJournal} from '../../src/journal/reader.js';
import {JournalExistsError, openJournal, openNewJournal} from '../../src/journal/writer.js';
import {sessionStart} from '../helpers/journal.js';

// Pass-through spies, to see that each line is written in one call and fsynced before append returns.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return {...actual, writeSync: vi.fn(actual.writeSync), fsyncSync: vi.fn(actual.fsyncSync)};
});

const root = mkdtempSync(join(tmpdir(), 'trailguide-writer-'));
afterAll(() => rmSync(root, {recursive: true, force: true}));

const clock = () => new Date('2026-11-25T12:00:00.123Z');
const id = '20261125T120000Z-c562f6fb-3f9a';

describe('openJournal', () => {
  it('creates the directory tree 0700 and the file 0600', () => {
    const dir = join(root, 'perm', 'state', 'sessions');
    const journal = openJournal(dir, id, clock);
    journal.close();
    expect(journal.path).toBe(join(dir, `${id}.jsonl`));
    expect(statSync(join(root, 'perm', 'state')).mode & 0o777).toBe(0o700);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(journal.path).mode & 0o777).toBe(0o600);
  });

  it('stamps v, at (UTC, ms) and session, and writes one line per entry, even with newlines in the text', () => {
    const journal = openJournal(join(root, 'lines'), id, clock);
    const start = journal.append(sessionStart());
    const note = journal.append({type: 'note', stepId: 'revoke', text: 'line one\nline two\r\n\u2028end'});
    journal.close();
    expect(start).toMatchObject({v: 1, at: '2026-11-25T12:00:00.123Z', session: id, type: 'session-start'});
    const text = readFileSync(journal.path, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(3);
    expect(readJournal(text, journal.path)).toEqual({entries: [start, note], warnings: []});
  });

  it('writes each line whole in one call, then fsyncs it, before append returns', () => {
    const journal = openJournal(join(root, 'flush'), id, clock);
    const writes = vi.mocked(fs.writeSync).mock;
    const syncs = vi.mocked(fs.fsyncSync).mock;
    vi.mocked(fs.writeSync).mockClear();
    vi.mocked(fs.fsyncSync).mockClear();
    journal.append({type: 'track', track: 'cli'});
    const line = `{"v":1,"at":"2026-11-25T12:00:00.123Z","session":"${id}","type":"track","track":"cli"}\n`;
    expect(writes.calls.map((call) => String(call[1]))).toEqual([line]);
    expect(syncs.calls).toHaveLength(1);
    expect(syncs.invocationCallOrder[0]).toBeGreaterThan(writes.invocationCallOrder[0] ?? Infinity);
    expect(readFileSync(journal.path, 'utf8')).toBe(line);
    journal.close();
  });

  it('refuses a second journal on the same file, naming it, and leaves the first untouched', () => {
    const dir = join(root, 'twice');
    const first = openJournal(dir, id, clock);
    first.append(sessionStart());
    let thrown: unknown;
    try {
      openJournal(dir, id, clock);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(JournalExistsError);
    expect((thrown as Error).message).toContain(first.path);
    first.append({type: 'session-end', reason: 'quit'});
    first.close();
    expect(readJournal(readFileSync(first.path, 'utf8'), first.path).entries.map((e) => e.type)).toEqual(['session-start', 'session-end']);
  });

  it('never follows a symlink where the file would go', () => {
    const dir = join(root, 'link');
    const target = join(root, 'link-target.txt');
    writeFileSync(target, 'precious\n');
    openJournal(dir, 'placeholder', clock).close();
    symlinkSync(target, join(dir, `${id}.jsonl`));
    expect(() => openJournal(dir, id, clock)).toThrow(JournalExistsError);
    expect(readFileSync(target, 'utf8')).toBe('precious\n');
  });

  it.each(['../escape', 'a/b', '', '.hidden', 'a b'])('refuses %j as a session ID', (bad) => {
    expect(() => openJournal(join(root, 'bad'), bad, clock)).toThrow('not a session ID');
    expect(existsSync(join(root, 'escape.jsonl'))).toBe(false);
  });

  it('refuses to append after close', () => {
    const journal = openJournal(join(root, 'closed'), id, clock);
    journal.close();
    journal.close();
    expect(() => journal.append({type: 'track', track: 'cli'})).toThrow(`${journal.path}: the journal is closed`);
  });
});

describe('openNewJournal', () => {
  it('takes another random suffix when the ID is taken', () => {
    const dir = join(root, 'retry');
    const suffixes = ['aaaa', 'aaaa', 'bbbb'];
    const random = () => suffixes.shift() ?? 'ffff';
    const first = openNewJournal(dir, 'c562f6fb-3f9a', clock, random);
    const second = openNewJournal(dir, 'c562f6fb-3f9a', clock, random);
    first.close();
    second.close();
    expect([first.sessionId, second.sessionId]).toEqual(['20261125T120000Z-c562f6fb-aaaa', '20261125T120000Z-c562f6fb-bbbb']);
  });
});
