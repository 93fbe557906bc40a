// Reading the loosely shaped requestParameters / responseElements of EC2 records. Real records
// wrap lists as {"items": [...]} (sometimes {"item": [...]}), write {} for an empty set, may be
// null (failed calls), and for some newer EC2 calls wrap the whole body as
// {"<EventName>Request": {PascalCase…}} / {"<EventName>Response": {…}}. These helpers accept all
// of that and never throw.
import {isJsonObject, own, type JsonRecord} from './detect-shape.js';
import type {CloudTrailRecord, Fact} from './record.js';

const empty: JsonRecord = {};

/** requestParameters of the record, unwrapped from {"<EventName>Request": {…}} when so wrapped. */
export function request(record: CloudTrailRecord): JsonRecord {
  return unwrap(record.requestParameters, `${record.eventName}Request`);
}

/** responseElements of the record, unwrapped from {"<EventName>Response": {…}} when so wrapped. */
export function response(record: CloudTrailRecord): JsonRecord {
  return unwrap(record.responseElements, `${record.eventName}Response`);
}

function unwrap(value: unknown, wrapper: string): JsonRecord {
  if (!isJsonObject(value)) return empty;
  const inner = own(value, wrapper);
  return isJsonObject(inner) ? inner : value;
}

/** The object under key (camelCase or PascalCase), or an empty object. */
export function child(object: JsonRecord, key: string): JsonRecord {
  const value = field(object, key);
  return isJsonObject(value) ? value : empty;
}

/** A scalar under key (camelCase or PascalCase) as a string; booleans and numbers as written; "" counts as absent. */
export function text(object: JsonRecord, key: string): string | undefined {
  const value = field(object, key);
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return String(value);
  return undefined;
}

/** The entries of a list field: [...], {"items": [...]}, {"item": [...]} or a lone object; {} and anything else give []. */
export function entries(object: JsonRecord, key: string): JsonRecord[] {
  let value = field(object, key);
  if (isJsonObject(value)) {
    const inner = own(value, 'items') ?? own(value, 'item') ?? own(value, 'Items') ?? own(value, 'Item');
    if (inner !== undefined) value = inner;
    else if (Object.keys(value).length === 0) return [];
  }
  if (Array.isArray(value)) return value.filter(isJsonObject);
  return isJsonObject(value) ? [value] : [];
}

/** One scalar from each entry of a list field, e.g. the groupId of each item of groupSet. */
export function texts(object: JsonRecord, listKey: string, itemKey: string): string[] {
  return entries(object, listKey).flatMap((entry) => {
    const value = text(entry, itemKey);
    return value === undefined ? [] : [value];
  });
}

function field(object: JsonRecord, key: string): unknown {
  const value = own(object, key);
  return value !== undefined ? value : own(object, key.charAt(0).toUpperCase() + key.slice(1));
}

export type FactRow = readonly [key: string, label: string, value: string | readonly string[] | undefined];

/** Rows → facts, leaving out every fact without a value (undefined, "" or an empty list). */
export function facts(rows: readonly FactRow[]): readonly Fact[] {
  return rows.flatMap(([key, label, value]) => {
    if (value === undefined || value.length === 0) return [];
    return [{key, label, value}];
  });
}
