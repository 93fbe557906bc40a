// Evidence: where in the record (or the account's state) a value was read, written as
// "path = value". Record paths follow the record as written: camelCase or PascalCase keys, and the
// {"<EventName>Request": {…}} wrapper some EC2 calls use, so the operator finds the exact field.
import {isJsonObject, own} from '../events/detect-shape.js';
import type {CloudTrailRecord} from '../events/record.js';

export interface Located {
  readonly path: string;
  readonly value: string;
}

type Side = 'requestParameters' | 'responseElements';

/** The scalar at keys under the record's request or response (unwrapped, either key casing); undefined if absent. */
export function locate(record: CloudTrailRecord, side: Side, keys: readonly string[]): Located | undefined {
  let node: unknown = record[side];
  let path: string = side;
  const wrapper = `${record.eventName}${side === 'requestParameters' ? 'Request' : 'Response'}`;
  if (isJsonObject(node) && isJsonObject(own(node, wrapper))) {
    node = own(node, wrapper);
    path += `.${wrapper}`;
  }
  for (const key of keys) {
    if (!isJsonObject(node)) return undefined;
    const pascal = key.charAt(0).toUpperCase() + key.slice(1);
    const name = own(node, key) !== undefined ? key : pascal;
    node = own(node, name);
    path += `.${name}`;
  }
  const value = scalar(node);
  return value === undefined ? undefined : {path, value};
}

/** The first of several places that has a value, e.g. the request's field, else the response's. */
export function locateFirst(record: CloudTrailRecord, places: readonly (readonly [Side, readonly string[]])[]): Located | undefined {
  for (const [side, keys] of places) {
    const found = locate(record, side, keys);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A string, finite number or boolean as text; "" and anything else count as absent. */
export function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return String(value);
  return undefined;
}

/** "path = value". */
export function evidence(path: string, value: string): string {
  return `${path} = ${value}`;
}

export function located(found: Located): string {
  return evidence(found.path, found.value);
}

/** The located value, or a fallback path and value when the record has it elsewhere (e.g. only in facts). */
export function evidenceOr(found: Located | undefined, fallbackPath: string, value: string): string {
  return found === undefined ? evidence(fallbackPath, value) : located(found);
}
