// The runbooks trailguide walks with: the built-ins, and the runbooks of users' directories (--runbooks
// DIR, TRAILGUIDE_RUNBOOKS). A user's runbook replaces the built-in for each event (source and name)
// both answer; two user files answering the same event is an error naming both. Built from the files'
// texts, all or nothing: the first bad file throws, and no set is made. Pure: the caller reads the files
// (src/app/read-runbook-dirs.ts), so the triage workers build the same set from the same texts.
import {parseJson} from '../events/json-error.js';
import {builtInEventNames, builtInRunbookFiles, eventNamesOfFile, runbookFileOf} from './catalog.js';
import {libraryLookup} from './parse-library.js';
import {builtInLibrary} from './library/index.js';
import {parseRunbook} from './parse.js';
import {cachedRunbook} from './cached-runbook.js';
import type {CheckedRunbook} from './runbook-cache.js';
import type {RunbookSummary} from './summary.js';
import {readYamlSource} from './read-yaml.js';
import type {LibraryLookup} from './include.js';
import {builtInChecked, generalChecked, generalFile} from './registry.js';
import {RunbookError} from './runbook-error.js';
import {anyEvent, type Runbook} from './schema.js';

/** The event source of every built-in runbook. */
export const builtInSource = 'ec2.amazonaws.com';

export interface RunbookText {
  /** The file as errors and the listing name it. */
  readonly path: string;
  readonly text: string;
}

/** One user directory as read: its runbook files (not recursive), and the files of its library/ folder. */
export interface RunbookDirTexts {
  readonly dir: string;
  readonly files: readonly RunbookText[];
  /** Each under the name a use gives it: library/<file>.yaml. */
  readonly library: readonly (RunbookText & {readonly name: string})[];
}

export interface RunbookEntry {
  /** Its events, title and sizes: known as soon as the set is built. */
  readonly summary: RunbookSummary;
  /** The whole runbook: read when first asked for (a cached runbook's body stays on disk until then). */
  readonly runbook: Runbook;
  /** Where it came from: src/runbooks/<Event>.yaml for a built-in, else the user's file as read. */
  readonly file: string;
  readonly isBuiltIn: boolean;
  /** The built-in files this user runbook replaces (for the events both answer). */
  readonly replaces: readonly string[];
}

export interface RunbookSet {
  /** The users' directories it holds the runbooks of, in order. */
  readonly dirs: readonly string[];
  /** What it was built from: a triage worker builds the same set from them. */
  readonly texts: readonly RunbookDirTexts[];
  /** Every event name a runbook answers: the built-ins', then the users' others. */
  readonly eventNames: readonly string[];
  /** The events the users' runbooks answer. */
  readonly userEvents: readonly {readonly source: string; readonly name: string}[];
  /**
   * The runbook for an event: a user's that answers its source and name, else the built-in for the name
   * (parsed now; a broken built-in throws RunbookError). Without a source, a user's runbook for the
   * built-ins' source is preferred, then any user's for the name.
   */
  forEvent(eventName: string, eventSource?: string): RunbookEntry | undefined;
  /** The runbook for an event without one of its own: a user's general runbook (events '*'), else the built-in general one. */
  general(): RunbookEntry;
  /** Every runbook in use: each built-in that is not replaced (parsed now), then each user's, in file order. */
  entries(): readonly RunbookEntry[];
}

/** A user's runbook that cannot be loaded (the CLI exits 3 with its message); a broken built-in stays a RunbookError (a bug). */
export class UserRunbookError extends Error {
  override name = 'UserRunbookError';
  constructor(error: RunbookError) {
    super(error.message, {cause: error});
  }
}

/** The built-in runbook file that answers this event (named after the first event it answers). */
export const builtInFile = (eventName: string): string => `src/runbooks/${runbookFileOf(eventName) ?? eventName}.yaml`;
const key = (source: string, name: string): string => `${source} ${name}`;

/** A .json file is checked as JSON first, so a syntax error says JSON, with its line and column. */
function checkJson(file: RunbookText): void {
  if (!/\.json$/i.test(file.path)) return;
  const parsed = parseJson(file.text);
  if (!parsed.ok) throw new RunbookError(file.path, '', `not valid JSON: ${parsed.error.problem}`, {position: {line: parsed.error.line, column: parsed.error.column}});
}

/** A directory's own library first, then the built-in one. */
function libraryOf(dir: RunbookDirTexts): LibraryLookup {
  if (dir.library.length === 0) return builtInLibrary;
  const paths = new Map(dir.library.map((f) => [f.name, f.path]));
  const own = libraryLookup(Object.fromEntries(dir.library.map((f) => [f.name, f.text])), (name) => paths.get(name) ?? name);
  return (name) => own(name) ?? builtInLibrary(name);
}

/** One user file → its entry, added to byEvent; throws RunbookError for a bad file or an event already answered. */
function addUserFile(file: RunbookText, dir: RunbookDirTexts, library: LibraryLookup, byEvent: Map<string, RunbookEntry>): RunbookEntry {
  const ownLibrary = dir.library.flatMap((f) => [f.name, f.path, f.text]);
  const checked = cachedRunbook([file.path, file.text, ...ownLibrary], () => {
    checkJson(file);
    return parseRunbook(file.text, file.path, library);
  });
  const {source, names} = checked.summary.events;
  const replaces = source === builtInSource ? [...new Set(names.filter((n) => builtInEventNames.includes(n)).map(builtInFile))] : names.includes(anyEvent) ? [generalFile] : [];
  const entry = entryOf(checked, file.path, false, replaces);
  for (const name of new Set(names)) {
    const other = byEvent.get(key(source, name));
    if (other) {
      const error = new RunbookError(file.path, 'events.names', `${name} (${source}) is also answered by ${other.file}: one event, one runbook`);
      throw error.placed((field) => readYamlSource(file.text, file.path).positionOf(field));
    }
    byEvent.set(key(source, name), entry);
  }
  return entry;
}

function entryOf(checked: CheckedRunbook, file: string, isBuiltIn: boolean, replaces: readonly string[]): RunbookEntry {
  return {
    summary: checked.summary,
    get runbook() {
      return checked.runbook();
    },
    file,
    isBuiltIn,
    replaces,
  };
}

function builtInEntry(eventName: string): RunbookEntry | undefined {
  const checked = builtInChecked(eventName);
  return checked && entryOf(checked, builtInFile(eventName), true, []);
}

/**
 * Builds the set one file at a time, pausing (yield) after each, so a caller that must stay responsive (the
 * interactive view) lets other work run in between; throws UserRunbookError for the first bad file or conflict.
 */
export function* buildRunbookSet(dirs: readonly RunbookDirTexts[] = []): Generator<void, RunbookSet, void> {
  const byEvent = new Map<string, RunbookEntry>();
  const entries: RunbookEntry[] = [];
  for (const dir of dirs) {
    const library = libraryOf(dir);
    for (const file of dir.files) {
      try {
        entries.push(addUserFile(file, dir, library, byEvent));
      } catch (error) {
        throw error instanceof RunbookError ? new UserRunbookError(error) : error;
      }
      yield;
    }
  }
  const userEvents = entries.flatMap((e) => [...new Set(e.summary.events.names)].filter((name) => name !== anyEvent).map((name) => ({source: e.summary.events.source, name})));
  const general = (): RunbookEntry => byEvent.get(key(anyEvent, anyEvent)) ?? entryOf(generalChecked(), generalFile, true, []);
  return {
    dirs: dirs.map((d) => d.dir),
    texts: dirs,
    eventNames: [...new Set([...builtInEventNames, ...userEvents.map((e) => e.name)])],
    userEvents,
    forEvent(eventName, eventSource) {
      const user = eventSource !== undefined
        ? byEvent.get(key(eventSource, eventName))
        : (byEvent.get(key(builtInSource, eventName)) ?? entries.find((e) => e.summary.events.names.includes(eventName)));
      return user ?? builtInEntry(eventName);
    },
    general,
    entries() {
      // A built-in file stays listed while any of its events is still its own (a user may replace one of several).
      const answered = new Set(entries.filter((e) => e.summary.events.source === builtInSource).flatMap((e) => e.summary.events.names));
      const builtIns = builtInRunbookFiles.filter((file) => eventNamesOfFile(file).some((n) => !answered.has(n))).flatMap((file) => builtInEntry(eventNamesOfFile(file)[0] ?? file) ?? []);
      const userGeneral = byEvent.has(key(anyEvent, anyEvent));
      return [...builtIns, ...(userGeneral ? [] : [general()]), ...entries];
    },
  };
}

/** The set of the built-ins and these directories' runbooks, built at once; throws UserRunbookError for the first bad file or conflict. */
export function runbookSet(dirs: readonly RunbookDirTexts[] = []): RunbookSet {
  const steps = buildRunbookSet(dirs);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}
