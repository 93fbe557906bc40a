// The runbook cache on disk: where it lives, that it is private to the user, that a write is whole, and
// that it is pruned to the newest entries.
import {mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {fileRunbookStore, runbookCacheDir} from '../../src/cache/runbook-file-store.js';

describe('where runbooks are cached', () => {
  it.each([
    [{TRAILGUIDE_CACHE_DIR: '/c'}, '/c/runbooks'],
    [{TRAILGUIDE_CACHE_DIR: 'off'}, undefined],
    [{TRAILGUIDE_CACHE_DIR: 'OFF', XDG_CACHE_HOME: '/x'}, undefined],
    [{XDG_CACHE_HOME: '/x'}, '/x/trailguide/runbooks'],
    [{TRAILGUIDE_CACHE_DIR: '', XDG_CACHE_HOME: ''}, '/home/u/.cache/trailguide/runbooks'],
    [{}, '/home/u/.cache/trailguide/runbooks'],
  ])('%o → %s', (env, dir) => {
    expect(runbookCacheDir(env, '/home/u')).toBe(dir);
  });
});

describe('the store', () => {
  it('writes entries only the user can read, in a directory only the user can open, and reads them back', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'trailguide-cache-')), 'runbooks');
    const store = fileRunbookStore(dir);
    expect(store.read('abc')).toBeUndefined();
    store.write('abc', '{"a":1}');
    expect(store.read('abc')).toBe('{"a":1}');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'abc.json')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['abc.json']);
  });

  it('a directory it cannot make costs nothing but the cache', () => {
    const base = mkdtempSync(join(tmpdir(), 'trailguide-cache-'));
    writeFileSync(join(base, 'file'), 'not a directory');
    const store = fileRunbookStore(join(base, 'file', 'runbooks'));
    expect(() => store.write('abc', '{}')).not.toThrow();
    expect(store.read('abc')).toBeUndefined();
  });

  it('keeps the newest 200 entries once more than 400 have gathered', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trailguide-cache-'));
    const old = Date.now() / 1000 - 10_000;
    for (let i = 0; i < 399; i++) {
      writeFileSync(join(dir, `old${i}.json`), '{}');
      utimesSync(join(dir, `old${i}.json`), old + i, old + i);
    }
    const store = fileRunbookStore(dir);
    store.write('new', '{}');
    expect(readdirSync(dir)).toHaveLength(400);
    store.write('newer', '{}');
    const left = readdirSync(dir);
    expect(left).toHaveLength(200);
    expect(left).toContain('new.json');
    expect(left).toContain('newer.json');
    expect(left).toContain('old398.json');
    expect(left).not.toContain('old0.json');
  });
});
