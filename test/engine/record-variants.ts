// Variants of a CloudTrail record, written as a short list of edits (so a fixture can hold many
// variants of a few records): remove a field, set it, write an object's keys in PascalCase, wrap
// the request or response as {"<EventName>Request": …}, or rewrite a list field in another of the
// shapes real records use. An edit whose path no longer exists changes nothing.

type Json = null | boolean | number | string | Json[] | {[key: string]: Json};
type Path = readonly (string | number)[];

export type RecordEdit =
  | {readonly op: 'remove'; readonly path: Path}
  | {readonly op: 'set'; readonly path: Path; readonly value: Json}
  | {readonly op: 'pascal'; readonly path: Path}
  | {readonly op: 'wrap'; readonly side: 'requestParameters' | 'responseElements'}
  | {readonly op: 'list'; readonly path: Path; readonly shape: ListShape};

/** bare [..], {items: [..]}, {item: [..]}, one object alone, or {} (an empty set). */
export type ListShape = 'bare' | 'items' | 'item' | 'lone' | 'empty';

const isObject = (value: Json | undefined): value is {[key: string]: Json} => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The container that holds the last key of path, or undefined when the path is broken. */
function parentOf(root: Json, path: Path): Json | undefined {
  let node: Json | undefined = root;
  for (const key of path.slice(0, -1)) {
    if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else if (isObject(node) && typeof key === 'string' && Object.hasOwn(node, key)) node = node[key];
    else return undefined;
  }
  return node;
}

function read(parent: Json | undefined, key: string | number | undefined): Json | undefined {
  if (Array.isArray(parent) && typeof key === 'number') return parent[key];
  if (isObject(parent) && typeof key === 'string' && Object.hasOwn(parent, key)) return parent[key];
  return undefined;
}

function write(parent: Json | undefined, key: string | number | undefined, value: Json | undefined): void {
  if (Array.isArray(parent) && typeof key === 'number' && key < parent.length) {
    if (value === undefined) parent.splice(key, 1);
    else parent[key] = value;
  } else if (isObject(parent) && typeof key === 'string') {
    if (value === undefined) delete parent[key];
    else parent[key] = value;
  }
}

function entriesOf(value: Json | undefined): Json[] {
  if (Array.isArray(value)) return value;
  if (!isObject(value)) return [];
  const inner = value['items'] ?? value['item'];
  if (Array.isArray(inner)) return inner;
  if (isObject(inner)) return [inner];
  return Object.keys(value).length === 0 ? [] : [value];
}

function reshaped(value: Json | undefined, shape: ListShape): Json {
  const entries = entriesOf(value);
  switch (shape) {
    case 'bare':
      return entries;
    case 'items':
      return {items: entries};
    case 'item':
      return {item: entries};
    case 'lone':
      return entries[0] ?? {};
    case 'empty':
      return {};
  }
}

const pascal = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);

function apply(root: {[key: string]: Json}, edit: RecordEdit): void {
  if (edit.op === 'wrap') {
    const body = root[edit.side];
    if (!isObject(body)) return;
    const eventName = typeof root['eventName'] === 'string' ? root['eventName'] : '';
    root[edit.side] = {[`${eventName}${edit.side === 'requestParameters' ? 'Request' : 'Response'}`]: body};
    return;
  }
  const parent = parentOf(root, edit.path);
  const key = edit.path.at(-1);
  const current = read(parent, key);
  if (current === undefined && edit.op !== 'set') return;
  if (edit.op === 'remove') write(parent, key, undefined);
  else if (edit.op === 'set') write(parent, key, structuredClone(edit.value));
  else if (edit.op === 'list') write(parent, key, reshaped(current, edit.shape));
  else if (isObject(current)) write(parent, key, Object.fromEntries(Object.entries(current).map(([k, v]) => [pascal(k), v])));
}

/** A copy of the record with the edits made in order. */
export function recordVariant<T>(record: T, edits: readonly RecordEdit[]): T {
  const copy = structuredClone(record) as unknown as Json;
  if (!isObject(copy)) return copy as unknown as T;
  for (const edit of edits) apply(copy, edit);
  return copy as unknown as T;
}
