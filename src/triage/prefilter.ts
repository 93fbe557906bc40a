// The test on a record before it is decoded and parsed: can it match the event names triage looks
// for? Most of a trail is other events, and skipping their JSON.parse is what makes triage fast.
// The RecordSplitter finds the record's top-level eventName value while it scans the bytes anyway,
// and asks this test only when it is sure of it (no escapes, the key once, an object…); any other
// record is parsed. Pure.
import {builtInEventNames} from '../runbooks/catalog.js';
import type {TriageFilter} from './triage-match.js';

/** The names a record must carry to match, or undefined when any name may match (--all); runbookNames: the events that have a runbook. */
export function wantedNames(filter: TriageFilter, runbookNames: readonly string[] = builtInEventNames): readonly string[] | undefined {
  if (filter.names.length > 0) return filter.names;
  return filter.isAll ? undefined : runbookNames;
}

/** true: the name in bytes[start, end) is none of the names; undefined when every name may match. */
export type CannotMatch = (bytes: Buffer, start: number, end: number) => boolean;

export function cannotMatchFor(names: readonly string[] | undefined): CannotMatch | undefined {
  if (names === undefined) return undefined;
  // Compared as bytes, by length first: no string is made for the records that are skipped.
  const byLength = new Map<number, Buffer[]>();
  for (const name of new Set(names)) {
    const bytes = Buffer.from(name, 'utf8');
    byLength.set(bytes.length, [...(byLength.get(bytes.length) ?? []), bytes]);
  }
  return (bytes, start, end) => byLength.get(end - start)?.some((name) => bytes.compare(name, 0, name.length, start, end) === 0) !== true;
}
