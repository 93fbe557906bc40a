// An event's identity for resume: the same record gives the same digest whatever its key order or spacing.
import {createHash} from 'node:crypto';
import type {JsonObject, JsonValue} from '../events/record.js';

/** sha256 (hex) of the record's canonical JSON: object keys sorted at every depth, no spaces. */
export function eventDigest(record: JsonObject): string {
  return createHash('sha256').update(canonicalJson(record), 'utf8').digest('hex');
}

/** JSON with object keys sorted recursively. Written out directly, never through an object, so "__proto__" stays a key. */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map((item: JsonValue | undefined) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const object = value as {readonly [key: string]: JsonValue | undefined};
    const keys = Object.keys(object).filter((key) => object[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key] as JsonValue)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
