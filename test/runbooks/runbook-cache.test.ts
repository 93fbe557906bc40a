// Checked runbooks kept between runs: what comes back from the cache is the runbook a fresh parse gives,
// a changed or broken file is parsed (and its error reported) again, a damaged entry is never trusted,
// and a different build never reads another build's entries.
import {afterEach, describe, expect, it} from 'vitest';
import {builtInRunbookFiles} from '../../src/runbooks/catalog.js';
import {parseRunbook, RunbookError} from '../../src/runbooks/parse.js';
import {cachedRunbook} from '../../src/runbooks/cached-runbook.js';
import {installRunbookCache, type RunbookStore} from '../../src/runbooks/runbook-cache.js';
import {summarize} from '../../src/runbooks/summary.js';
import {builtInText, renamedRunbook} from '../helpers/user-runbooks.js';
import {readFileSync} from 'node:fs';

/** A store in memory that counts what it is asked. */
function memoryStore(): RunbookStore & {entries: Map<string, string>; reads: number} {
  const entries = new Map<string, string>();
  const store = {
    entries,
    reads: 0,
    read(name: string) {
      store.reads++;
      return entries.get(name);
    },
    write(name: string, json: string) {
      entries.set(name, json);
    },
  };
  return store;
}

/** parseRunbook, counting the parses. */
function parser(text: string, file: string): {parse: () => ReturnType<typeof parseRunbook>; count: () => number} {
  let n = 0;
  return {
    parse: () => {
      n++;
      return parseRunbook(text, file);
    },
    count: () => n,
  };
}

afterEach(() => installRunbookCache(undefined));

const example = readFileSync(new URL('../../examples/runbooks/SendSSHPublicKey.yaml', import.meta.url), 'utf8');
const runbooks: [string, string][] = [...builtInRunbookFiles.map((n): [string, string] => [`src/runbooks/${n}.yaml`, builtInText(n)]), ['examples/runbooks/SendSSHPublicKey.yaml', example]];

describe('a runbook kept between runs', () => {
  it.each(runbooks)('%s comes back from the cache equal to a fresh parse, summary and body', (file, text) => {
    const store = memoryStore();
    installRunbookCache(store, 'build-1');
    const first = parser(text, file);
    cachedRunbook([file, text], first.parse);
    expect(first.count()).toBe(1);
    expect(store.entries.size).toBe(2);

    const again = parser(text, file);
    const kept = cachedRunbook([file, text], again.parse);
    const fresh = parseRunbook(text, file);
    expect(kept.summary).toEqual(summarize(fresh));
    expect(kept.runbook()).toEqual(fresh);
    expect(again.count()).toBe(0);
  });

  it('reads the body only when the runbook is walked, and once', () => {
    const [file, text] = runbooks[0]!;
    const store = memoryStore();
    installRunbookCache(store, 'build-1');
    cachedRunbook([file, text], () => parseRunbook(text, file));
    store.reads = 0;
    const kept = cachedRunbook([file, text], () => parseRunbook(text, file));
    expect(store.reads).toBe(1);
    kept.runbook();
    kept.runbook();
    expect(store.reads).toBe(2);
  });

  it('parses a changed file again, and reports its error with its line, never caching it', () => {
    const store = memoryStore();
    installRunbookCache(store, 'build-1');
    const file = 'team/MyEvent.yaml';
    const good = renamedRunbook('CreateRoute', ['MyEvent'], 'Mine');
    cachedRunbook([file, good], () => parseRunbook(good, file));
    const bad = good.replace(/^version: \d+$/m, 'version: two');
    expect(bad).not.toBe(good);
    for (let i = 0; i < 2; i++) {
      expect(() => cachedRunbook([file, bad], () => parseRunbook(bad, file))).toThrow(RunbookError);
      try {
        cachedRunbook([file, bad], () => parseRunbook(bad, file));
      } catch (error) {
        expect((error as Error).message).toMatch(/^team\/MyEvent\.yaml:\d+:\d+/);
      }
    }
    expect(store.entries.size).toBe(2);
  });

  it('does not reuse another build\'s entry', () => {
    const [file, text] = runbooks[1]!;
    const store = memoryStore();
    installRunbookCache(store, 'build-1');
    cachedRunbook([file, text], () => parseRunbook(text, file));
    installRunbookCache(store, 'build-2');
    const later = parser(text, file);
    cachedRunbook([file, text], later.parse);
    expect(later.count()).toBe(1);
    expect(store.entries.size).toBe(4);
  });

  it('the same text under another name is another entry: errors name the file they were read from', () => {
    const [, text] = runbooks[2]!;
    const store = memoryStore();
    installRunbookCache(store, 'build-1');
    cachedRunbook(['a/X.yaml', text], () => parseRunbook(text, 'a/X.yaml'));
    const other = parser(text, 'b/X.yaml');
    cachedRunbook(['b/X.yaml', text], other.parse);
    expect(other.count()).toBe(1);
  });

  it.each([
    ['not JSON', '{"title": '],
    ['not a runbook', '{"title": "x"}'],
    ['null', 'null'],
  ])('a damaged entry (%s) is parsed again and replaced', (_label, damage) => {
    const [file, text] = runbooks[3]!;
    const store = memoryStore();
    installRunbookCache(store, 'build-1');
    cachedRunbook([file, text], () => parseRunbook(text, file));
    for (const name of store.entries.keys()) store.entries.set(name, damage);
    const again = parser(text, file);
    const kept = cachedRunbook([file, text], again.parse);
    expect(kept.runbook()).toEqual(parseRunbook(text, file));
    expect(again.count()).toBe(1);
    expect([...store.entries.values()].some((v) => v === damage)).toBe(false);
  });

  it('a body gone from the store after its summary was read is parsed again', () => {
    const [file, text] = runbooks[4]!;
    const store = memoryStore();
    installRunbookCache(store, 'build-1');
    cachedRunbook([file, text], () => parseRunbook(text, file));
    const kept = cachedRunbook([file, text], () => parseRunbook(text, file));
    for (const name of [...store.entries.keys()]) if (!name.endsWith('.summary')) store.entries.delete(name);
    expect(kept.runbook()).toEqual(parseRunbook(text, file));
  });

  it('without a build id nothing is kept (tests and development parse every time)', () => {
    const [file, text] = runbooks[0]!;
    const store = memoryStore();
    installRunbookCache(store, '');
    cachedRunbook([file, text], () => parseRunbook(text, file));
    expect(store.entries.size).toBe(0);
  });
});
