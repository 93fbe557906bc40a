// Reading SDK output that arrives as `unknown`: each accessor names the field by its SDK name,
// checked at compile time against the SDK's own shape (import type only), and checks the value
// at run time. Missing fields, wrong types, null and arrays where objects belong all read as
// "absent"; nothing here throws.
import {isJsonObject, own, type JsonRecord} from '../../events/detect-shape.js';

type Key<T> = keyof T & string;

/** The raw value of one own field, or undefined when value is not an object. */
export function field<T>(value: unknown, key: Key<T>): unknown {
  return isJsonObject(value) ? own(value, key) : undefined;
}

/** A non-empty string field. */
export function text<T>(value: unknown, key: Key<T>): string | undefined {
  const found = field<T>(value, key);
  return typeof found === 'string' && found !== '' ? found : undefined;
}

/** A finite number field. */
export function int<T>(value: unknown, key: Key<T>): number | undefined {
  const found = field<T>(value, key);
  return typeof found === 'number' && Number.isFinite(found) ? found : undefined;
}

/** A boolean field. */
export function flag<T>(value: unknown, key: Key<T>): boolean | undefined {
  const found = field<T>(value, key);
  return typeof found === 'boolean' ? found : undefined;
}

/** An object field, or undefined. */
export function child<T>(value: unknown, key: Key<T>): JsonRecord | undefined {
  const found = field<T>(value, key);
  return isJsonObject(found) ? found : undefined;
}

/** The object entries of a list field; anything that is not a list gives []. */
export function items<T>(value: unknown, key: Key<T>): readonly JsonRecord[] {
  const found = field<T>(value, key);
  return Array.isArray(found) ? found.filter(isJsonObject) : [];
}

/** The non-empty string of one field of each entry of a list field. */
export function texts<T, I>(value: unknown, listKey: Key<T>, itemKey: Key<I>): readonly string[] {
  return items<T>(value, listKey).flatMap((entry) => {
    const found = text<I>(entry, itemKey);
    return found === undefined ? [] : [found];
  });
}

/** The entry of a list field whose idKey equals id. */
export function findById<T, I>(value: unknown, listKey: Key<T>, idKey: Key<I>, id: string): JsonRecord | undefined {
  return items<T>(value, listKey).find((entry) => text<I>(entry, idKey) === id);
}

/** A time field (Date from the SDK, or an ISO string) as "2025-03-21T23:07:45Z"; undefined when unreadable. */
export function time<T>(value: unknown, key: Key<T>): string | undefined {
  const found = field<T>(value, key);
  const date = found instanceof Date ? found : typeof found === 'string' || typeof found === 'number' ? new Date(found) : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) return undefined;
  return date.toISOString().replace(/\.000Z$/, 'Z');
}
