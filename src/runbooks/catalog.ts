// Which events have a built-in runbook: names only, so the picker and the event screen can say so
// without loading the runbooks (and their YAML parser and schema) before the first frame.
// The names are data (src/catalog/built-in-events.json), written from the runbook files' events by `npm run catalog`;
// test/runbooks/builtins.test.ts checks it against the runbook files and the registry.
import names from '../catalog/built-in-events.json' with {type: 'json'};

export const builtInEventNames: readonly string[] = names;

export function hasRunbook(eventName: string): boolean {
  return builtInEventNames.includes(eventName);
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
