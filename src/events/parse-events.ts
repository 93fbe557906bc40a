// Text → CloudTrail records, whatever accepted shape the text has (see detect-shape.ts). Pure.
// A whole-input problem (not JSON, not CloudTrail, no usable record, too many) is an InputError;
// a bad entry inside a list is skipped and reported with its place, so one odd record in a
// 5,000-record log file does not hide the others.
import {detectShape, isEventBridgeEnvelope, isJsonObject, own, type InputShape} from './detect-shape.js';
import {InputError} from './input-error.js';
import {NoRecordError} from './no-record-error.js';
import {parseJson} from './json-error.js';
import {parseRecord, tryParseRecord} from './parse-record.js';
import type {CloudTrailRecord} from './record.js';

export interface SkippedEntry {
  readonly place: string;
  readonly problem: string;
}

export interface ParsedEvents {
  readonly shape: InputShape;
  readonly records: readonly CloudTrailRecord[];
  readonly skipped: readonly SkippedEntry[];
}

export interface ParseEventsOptions {
  /** More entries than this in one list is an error (default 100,000). */
  readonly maxRecords?: number;
}

export const defaultMaxRecords = 100_000;

export const notCloudTrailProblem =
  'not a CloudTrail event: expected a record (eventName, eventSource), {"Records": [...]}, an EventBridge envelope or lookup-events output';

export function parseEvents(text: string, source: string, options: ParseEventsOptions = {}): ParsedEvents {
  const parsed = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!parsed.ok) {
    const {line, column, problem} = parsed.error;
    throw new InputError(source, `line ${line}, column ${column}`, `not valid JSON: ${problem}`);
  }
  const value = parsed.value;
  const shape = detectShape(value);
  if (shape === undefined || !isJsonObjectOrArray(value)) throw new InputError(source, '', notCloudTrailProblem);
  const maxRecords = options.maxRecords ?? defaultMaxRecords;

  switch (shape) {
    case 'record':
      return {shape, records: [parseRecord(value, source, '')], skipped: []};
    case 'eventbridge':
      return {shape, records: [parseRecord(own(value as Obj, 'detail'), source, 'detail')], skipped: []};
    case 'log-file':
      return {shape, ...parseList(own(value as Obj, 'Records') as readonly unknown[], 'Records', source, maxRecords, false)};
    case 'array':
      return {shape, ...parseList(value as readonly unknown[], '', source, maxRecords, false)};
    case 'lookup-events': {
      const events = own(value as Obj, 'Events');
      if (Array.isArray(events)) return {shape, ...parseList(events, 'Events', source, maxRecords, true)};
      const entry = unwrapEntry(value, '', true);
      if ('problem' in entry) throw new InputError(source, entry.place, entry.problem);
      return {shape, records: [parseRecord(entry.value, source, entry.place)], skipped: []};
    }
    default: {
      const unknownShape: never = shape;
      throw new InputError(source, '', `unsupported input shape ${String(unknownShape)}`);
    }
  }
}

type Obj = {readonly [key: string]: unknown};

function isJsonObjectOrArray(value: unknown): value is Obj | readonly unknown[] {
  return Array.isArray(value) || isJsonObject(value);
}

function parseList(
  items: readonly unknown[],
  listName: string,
  source: string,
  maxRecords: number,
  isLookup: boolean,
): {records: CloudTrailRecord[]; skipped: SkippedEntry[]} {
  if (items.length === 0) {
    throw new NoRecordError(source, '', listName === '' ? 'no records: the list is empty' : `no records: "${listName}" is an empty list`);
  }
  if (items.length > maxRecords) {
    throw new InputError(source, listName, `too many records: ${items.length} (the limit is ${maxRecords})`);
  }
  const records: CloudTrailRecord[] = [];
  const skipped: SkippedEntry[] = [];
  items.forEach((item, index) => {
    const entry = unwrapEntry(item, `${listName}[${index}]`, isLookup);
    if ('problem' in entry) {
      skipped.push(entry);
      return;
    }
    const result = tryParseRecord(entry.value);
    if (result.ok) records.push(result.record);
    else skipped.push({place: entry.place, problem: result.problem});
  });
  const first = skipped[0];
  if (records.length === 0 && first !== undefined) {
    const entries = items.length === 1 ? '1 entry' : `${items.length} entries`;
    throw new InputError(source, '', `no CloudTrail record among ${entries} (${first.place}: ${first.problem})`);
  }
  return {records, skipped};
}

/**
 * One list entry → the record inside it: an EventBridge envelope gives its "detail", a
 * lookup-events Event its parsed "CloudTrailEvent"; anything else is taken as the record itself.
 */
function unwrapEntry(item: unknown, place: string, isLookup: boolean): {value: unknown; place: string} | SkippedEntry {
  if (!isJsonObject(item)) return {value: item, place};
  if (isEventBridgeEnvelope(item)) return {value: own(item, 'detail'), place: join(place, 'detail')};
  const embedded = own(item, 'CloudTrailEvent');
  const embeddedPlace = join(place, 'CloudTrailEvent');
  if (typeof embedded === 'string') {
    const parsed = parseJson(embedded);
    if (parsed.ok) return {value: parsed.value, place: embeddedPlace};
    const {line, column, problem} = parsed.error;
    return {place: embeddedPlace, problem: `not valid JSON (line ${line}, column ${column}): ${problem}`};
  }
  if (embedded !== undefined) return {value: embedded, place: embeddedPlace};
  if (isLookup && own(item, 'eventName') === undefined) return {place, problem: 'has no CloudTrailEvent (the full record)'};
  return {value: item, place};
}

function join(place: string, key: string): string {
  return place === '' ? key : `${place}.${key}`;
}
