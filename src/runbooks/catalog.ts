// Which events have a built-in runbook: names only, so the picker and the event screen can say so
// without loading the runbooks (and their YAML parser and schema) before the first frame.
// The names are data (src/catalog/built-in-events.json: each runbook file and the event names it answers), written
// from the runbook files' events by `npm run catalog`; test/runbooks/builtins.test.ts checks it against the files.
import files from '../catalog/built-in-events.json' with {type: 'json'};

const catalogFiles: Readonly<Record<string, readonly string[]>> = files;

/** The built-in runbook files, by name without `.yaml` (each is named after the first event it answers). */
export const builtInRunbookFiles: readonly string[] = Object.keys(catalogFiles);

/** Every event name a built-in runbook answers. */
export const builtInEventNames: readonly string[] = Object.values(catalogFiles).flat();

const fileByEvent = new Map(Object.entries(catalogFiles).flatMap(([file, names]) => names.map((name) => [name, file] as const)));

/** The width of an event-name column that holds every built-in event name whole (the picker's). */
export const eventNameWidth: number = Math.max(27, ...builtInEventNames.map((name) => name.length));

/** The built-in runbook file (name without `.yaml`) that answers this event. */
export function runbookFileOf(eventName: string): string | undefined {
  return fileByEvent.get(eventName);
}

/** The event names one built-in runbook file answers. */
export function eventNamesOfFile(file: string): readonly string[] {
  return Object.hasOwn(catalogFiles, file) ? (catalogFiles[file] ?? []) : [];
}

export function hasRunbook(eventName: string): boolean {
  return fileByEvent.has(eventName);
}

/**
 * Which events have a runbook, as the picker and the event screen know it without parsing any: the
 * built-ins always, users' runbooks (--runbooks) once their directories have been read.
 */
export interface RunbookCatalog {
  /** The events users' runbooks answer. */
  readonly userEvents: readonly {readonly source: string; readonly name: string}[];
  /** false while users' runbooks are being read: any event may have one, so opening it asks the loader. */
  readonly isComplete: boolean;
}

export const builtInCatalog: RunbookCatalog = {userEvents: [], isComplete: true};

/** Users' directories are being read: nothing is known of them yet. */
export const pendingCatalog: RunbookCatalog = {userEvents: [], isComplete: false};

/** A runbook answers this event, as far as the catalog knows. */
export function catalogHas(catalog: RunbookCatalog, record: {readonly eventName: string; readonly eventSource: string}): boolean {
  return hasRunbook(record.eventName) || catalog.userEvents.some((e) => e.name === record.eventName && e.source === record.eventSource);
}

/** The event names the catalog's runbooks answer: the built-ins', then the users' others. */
export function catalogNames(catalog: RunbookCatalog): readonly string[] {
  return [...new Set([...builtInEventNames, ...catalog.userEvents.map((e) => e.name)])];
}
