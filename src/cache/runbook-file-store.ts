// The runbook cache's store on disk: one JSON file per checked runbook under the user's cache directory
// ($TRAILGUIDE_CACHE_DIR, else $XDG_CACHE_HOME/trailguide, else ~/.cache/trailguide; TRAILGUIDE_CACHE_DIR=off
// keeps nothing). Best effort: a directory that cannot be made or a file that cannot be read or written
// only means parsing again. Private to the user (0700 / 0600), written whole (temporary file, then rename),
// and pruned to the newest entries so it cannot grow without bound.
import {mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {buildId} from '../build-id.js';
import {installRunbookCache, type RunbookStore} from '../runbooks/runbook-cache.js';

/** Entries kept after a prune; a prune runs when a write finds more than twice as many. */
const keep = 200;

/** The directory runbooks are cached in, or undefined when caching is off. */
export function runbookCacheDir(env: NodeJS.ProcessEnv = process.env, home = homedir()): string | undefined {
  const own = env['TRAILGUIDE_CACHE_DIR'];
  if (own !== undefined && own !== '') return own.toLowerCase() === 'off' ? undefined : join(own, 'runbooks');
  const xdg = env['XDG_CACHE_HOME'];
  return join(xdg !== undefined && xdg !== '' ? xdg : join(home, '.cache'), 'trailguide', 'runbooks');
}

function prune(dir: string): void {
  const names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  if (names.length <= 2 * keep) return;
  const aged = names.map((n) => ({n, t: statSync(join(dir, n)).mtimeMs})).sort((a, b) => b.t - a.t);
  for (const {n} of aged.slice(keep)) unlinkSync(join(dir, n));
}

export function fileRunbookStore(dir: string): RunbookStore {
  return {
    read(key) {
      try {
        return readFileSync(join(dir, `${key}.json`), 'utf8');
      } catch {
        return undefined;
      }
    },
    write(key, json) {
      try {
        mkdirSync(dir, {recursive: true, mode: 0o700});
        const temporary = join(dir, `.${key}.${process.pid}.tmp`);
        writeFileSync(temporary, json, {mode: 0o600});
        renameSync(temporary, join(dir, `${key}.json`));
        prune(dir);
      } catch {
        // best effort: the next run parses again
      }
    },
  };
}

/** Called by each entry (the program, a triage worker): cache checked runbooks when this is a build. */
export function installRunbookFileCache(env: NodeJS.ProcessEnv = process.env): void {
  const dir = runbookCacheDir(env);
  installRunbookCache(dir === undefined ? undefined : fileRunbookStore(dir), buildId);
}
