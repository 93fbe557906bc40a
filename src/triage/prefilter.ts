// A cheap test on a record's raw bytes, before it is decoded and parsed: can it match the event
// names triage looks for? Most of a trail is other events, and skipping their JSON.parse is what
// makes triage fast. Conservative, never wrong: it reads the value of every plain "eventName" key
// in the record, and a record it cannot be sure of (no plain "eventName" key, a value with escapes,
// any \u escape that could spell the key) is parsed. Pure.
import {builtInEventNames} from '../runbooks/catalog.js';
import type {TriageFilter} from './triage-match.js';

const LBRACE = 0x7b, QUOTE = 0x22, COLON = 0x3a, BACKSLASH = 0x5c;
const isSpace = (b: number | undefined): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
const key = Buffer.from('"eventName"');
const unicodeEscape = Buffer.from('\\u');

/** The names a record must carry to match, or undefined when any name may match (--all). */
export function wantedNames(filter: TriageFilter): readonly string[] | undefined {
  if (filter.names.length > 0) return filter.names;
  return filter.isAll ? undefined : builtInEventNames;
}

/** true: the record may match and must be parsed; false: it cannot match the names. */
export type Prefilter = (bytes: Buffer) => boolean;

export function prefilterFor(names: readonly string[] | undefined): Prefilter {
  if (names === undefined) return () => true;
  const wanted = new Set(names);
  return (bytes) => {
    // Not an object, or no plain key: parse it, so a problem is reported.
    if (bytes[0] !== LBRACE) return true;
    let at = bytes.indexOf(key);
    if (at === -1) return true;
    while (at !== -1) {
      const value = valueAt(bytes, at + key.length);
      if (value === true || (value !== undefined && wanted.has(value))) return true;
      at = bytes.indexOf(key, at + key.length);
    }
    return bytes.includes(unicodeEscape);
  };
}

/** The string after `: "` at i; undefined when there is none; true when it cannot be read without parsing (escapes, cut). */
function valueAt(bytes: Buffer, from: number): string | true | undefined {
  let i = from;
  while (isSpace(bytes[i])) i++;
  if (bytes[i] !== COLON) return undefined;
  i++;
  while (isSpace(bytes[i])) i++;
  if (bytes[i] !== QUOTE) return undefined;
  const end = bytes.indexOf(QUOTE, i + 1);
  if (end === -1) return true;
  const slash = bytes.indexOf(BACKSLASH, i + 1);
  if (slash !== -1 && slash < end) return true;
  return bytes.toString('utf8', i + 1, end);
}
