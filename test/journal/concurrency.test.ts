import {spawn} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
import {readJournal} from '../../src/journal/reader.js';

const dir = mkdtempSync(join(tmpdir(), 'trailguide-concurrency-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const child = fileURLToPath(new URL('append-child.ts', import.meta.url));
const repo = fileURLToPath(new URL('../../', import.meta.url));

interface Child {
  /** Resolves once the child has opened its journal. */
  readonly ready: Promise<void>;
  /** Resolves with the journal's path once the child has written everything. */
  readonly done: Promise<string>;
  go(): void;
}

function startChild(eventId: string, count: number): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dir, eventId, String(count)], {cwd: repo, stdio: ['pipe', 'pipe', 'pipe']});
  let out = '';
  let err = '';
  let onReady = (): void => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  proc.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith('ready\n')) onReady();
  });
  proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<string>((resolve, reject) => {
    proc.on('error', reject);
    proc.on('close', (code) => (code === 0 ? resolve(out.slice('ready\n'.length)) : reject(new Error(`child exited ${code}: ${err}`))));
  });
  return {ready: Promise.race([ready, done.then(() => undefined)]), done, go: () => proc.stdin.write('go\n')};
}

describe('two terminals on the same event at the same time', () => {
  it('write two files that never interleave, each read back whole', async () => {
    const event = 'c562f6fb-3f9a-4c4e-9a63-0c4b3d0b7d11';
    const children = [startChild(event, 500), startChild(event, 500)];
    await Promise.all(children.map((c) => c.ready));
    // Both journals are open: let both write at once.
    for (const c of children) c.go();
    const paths = await Promise.all(children.map((c) => c.done));
    expect(new Set(paths).size).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(paths.map((path) => path.slice(dir.length + 1)).sort());
    for (const path of paths) {
      const {entries, warnings} = readJournal(readFileSync(path, 'utf8'), path);
      expect(warnings).toEqual([]);
      expect(entries).toHaveLength(500);
      const [first, ...notes] = entries;
      expect(first?.type).toBe('session-start');
      expect(new Set(entries.map((entry) => entry.session))).toEqual(new Set([first?.session]));
      // One writer per file: the notes are its own, in order.
      const pids = new Set(notes.map((note) => (note.type === 'note' ? note.text.split(' ')[0] : 'not a note')));
      expect(pids.size).toBe(1);
      expect(notes.map((note) => (note.type === 'note' ? Number(note.text.split(' ')[2]) : -1))).toEqual(Array.from({length: 499}, (_, i) => i + 1));
    }
  });
});
