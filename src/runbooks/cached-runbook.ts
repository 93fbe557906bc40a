// The runbook cache at work (src/runbooks/runbook-cache.ts says what is kept and when): a checked runbook
// from the installed store by the hash of its inputs, else parsed and kept.
import {createHash} from 'node:crypto';
import {installedRunbookCache, type CheckedRunbook, type RunbookStore} from './runbook-cache.js';
import type {Runbook} from './schema.js';
import {summarize, type RunbookSummary} from './summary.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A kept entry is used only if it still has its shape; anything else is parsed again. */
function readKept<T>(store: RunbookStore, name: string, shaped: (value: Record<string, unknown>) => boolean): T | undefined {
  const kept = store.read(name);
  if (kept === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(kept);
    return isObject(value) && shaped(value) ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}

const isSummary = (v: Record<string, unknown>): boolean => isObject(v['events']) && isObject(v['steps']) && typeof v['title'] === 'string';
const isRunbook = (v: Record<string, unknown>): boolean => isObject(v['events']) && Array.isArray(v['procedures']) && Array.isArray(v['parameters']);

function checked(runbook: Runbook): CheckedRunbook {
  return {summary: summarize(runbook), runbook: () => runbook};
}

/**
 * The runbook for these inputs: from the store when kept, else parse() (which throws for a bad file) now,
 * keeping the result. A kept body that has gone or is damaged when asked for is parsed again.
 */
export function cachedRunbook(inputs: readonly string[], parse: () => Runbook): CheckedRunbook {
  const installed = installedRunbookCache();
  if (!installed) return checked(parse());
  const {store, build} = installed;
  const hash = createHash('sha256').update(build);
  for (const input of inputs) hash.update(`\0${input.length}\0`).update(input);
  const key = hash.digest('hex');
  const summary = readKept<RunbookSummary>(store, `${key}.summary`, isSummary);
  if (summary) {
    let body: Runbook | undefined;
    return {summary, runbook: () => (body ??= readKept<Runbook>(store, key, isRunbook) ?? parse())};
  }
  const fresh = checked(parse());
  store.write(key, JSON.stringify(fresh.runbook()));
  store.write(`${key}.summary`, JSON.stringify(fresh.summary));
  return fresh;
}
