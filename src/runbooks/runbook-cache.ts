// Checked runbooks, kept between runs: parsing a runbook's YAML with positions and checking it costs
// ~3 ms warm and ~13 ms cold per file. Each checked runbook is kept as two entries under one key: its
// summary (events, title, sizes: what building a set and listing it need) and its whole body, read only
// when the runbook is walked. The key is a hash of everything the result depends on: the build of
// trailguide (its schema, checks and built-in library), the file's name as errors show it, its text, and
// the texts of the directory's own library. Only runbooks that passed every check are kept; a file with an
// error is parsed again every time, so its message (file, line, column) is always the parser's own. Off
// unless an entry installs a store with its build id (src/cache/runbook-file-store.ts): tests and
// development parse every time. This module is on the startup path (the entry installs the store):
// src/runbooks/cached-runbook.ts, loaded with the runbooks, does the work.
import type {Runbook} from './schema.js';
import type {RunbookSummary} from './summary.js';

/** Where checked runbooks are kept (src/cache/runbook-file-store.ts keeps them in files). */
export interface RunbookStore {
  read(name: string): string | undefined;
  write(name: string, json: string): void;
}

/** A checked runbook: its summary at once, its body when first asked for. */
export interface CheckedRunbook {
  readonly summary: RunbookSummary;
  runbook(): Runbook;
}

let installed: {readonly store: RunbookStore; readonly build: string} | undefined;

/** Use this store from now on (undefined: parse every time). build: what identifies the running code. */
export function installRunbookCache(store: RunbookStore | undefined, build = ''): void {
  installed = store && build !== '' ? {store, build} : undefined;
}

/** The store in use and the build it keeps runbooks for, if any. */
export function installedRunbookCache(): {readonly store: RunbookStore; readonly build: string} | undefined {
  return installed;
}

