// Reading a CloudTrail record as written. Real records wrap lists as {"items": [...]} (or "item"),
// write {} for an empty set, may have null responseElements (a failed call), use camelCase or
// PascalCase keys, and for some newer EC2 calls wrap the body as {"<EventName>Request": {…}}.
import {define, isObject, str, T, type Arg} from './define.js';

type Side = 'requestParameters' | 'responseElements';

function own(object: {[key: string]: Arg}, key: string): Arg | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** The value under key, camelCase or PascalCase. */
export function fieldOf(object: Arg | undefined, key: string): Arg | undefined {
  if (!isObject(object)) return undefined;
  const value = own(object, key);
  return value !== undefined ? value : own(object, key.charAt(0).toUpperCase() + key.slice(1));
}

/** The record's request or response, unwrapped from {"<EventName>Request": {…}}, with the path that leads to it. */
function body(event: Arg, side: Side): {node: Arg; path: string} {
  const node = isObject(event) ? own(event, side) : undefined;
  const name = isObject(event) ? str(own(event, 'eventName')) : undefined;
  const wrapper = `${name ?? ''}${side === 'requestParameters' ? 'Request' : 'Response'}`;
  if (isObject(node) && isObject(own(node, wrapper))) return {node: own(node, wrapper) ?? null, path: `${side}.${wrapper}`};
  return {node: node ?? null, path: side};
}

/** A scalar as text: strings ("" is absent), finite numbers and booleans as written. */
export function scalarText(value: Arg | undefined): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return String(value);
  return undefined;
}

/** The entries of a list field: [...], {"items": [...]}, {"item": [...]} or a lone object; {} and anything else give []. */
export function entriesOf(value: Arg | undefined): Arg[] {
  let list = value;
  if (isObject(list)) {
    const inner = own(list, 'items') ?? own(list, 'item') ?? own(list, 'Items') ?? own(list, 'Item');
    if (inner !== undefined) list = inner;
    else if (Object.keys(list).length === 0) return [];
  }
  if (Array.isArray(list)) return list.filter(isObject);
  return isObject(list) ? [list] : [];
}

/** "path = value". */
export function evidenceText(path: string, value: string): string {
  return `${path} = ${value}`;
}

const foldable = /[ \t\n]+/g;

/** A record string for a title: one line, at most max characters (cut with "…"). */
export function quoted(value: string, max: number): string {
  const line = value.replace(foldable, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

const event = {kinds: [T.object, T.null], label: 'event'} as const;

define('request', [event], "the event's requestParameters, unwrapped from {<EventName>Request: …}; null when absent", ([e]) => body(e ?? null, 'requestParameters').node);
define('response', [event], "the event's responseElements, unwrapped from {<EventName>Response: …}; null when absent (a failed call)", ([e]) => body(e ?? null, 'responseElements').node);
define('field', [{kinds: [T.any], label: 'object'}, {kinds: [T.string], label: 'key'}], 'the value under key, written camelCase or PascalCase; null when absent', ([o, k]) => fieldOf(o, typeof k === 'string' ? k : '') ?? null);
define('entries', [{kinds: [T.any], label: 'list'}], 'the objects of a list as records write it: [...], {items: [...]}, {item: [...]} or one object; {} gives []', ([v]) => entriesOf(v));
define('scalar', [{kinds: [T.any], label: 'value'}], 'a string, number or boolean as text; "" and anything else give null', ([v]) => scalarText(v) ?? null);
define('evidence', [{kinds: [T.string], label: 'path'}, {kinds: [T.any], label: 'value'}], '"path = value"', ([p, v]) => evidenceText(typeof p === 'string' ? p : '', scalarText(v) ?? ''));
define('quote', [{kinds: [T.any], label: 'text'}, {kinds: [T.number], optional: true, label: 'max'}], 'text on one line, cut to max characters (default 24) with …', ([v, max]) =>
  quoted(scalarText(v) ?? '', typeof max === 'number' ? max : 24));
define('locate', [event, {kinds: [T.string], label: 'side'}, {kinds: [T.array], label: 'keys'}],
  "the scalar at keys under the event's requestParameters or responseElements (unwrapped, either key casing) as {path, value, evidence}; null when absent", ([e, side, keys]) => {
    if (side !== 'requestParameters' && side !== 'responseElements') return null;
    let {node, path} = body(e ?? null, side);
    for (const key of Array.isArray(keys) ? keys : []) {
      if (!isObject(node) || typeof key !== 'string') return null;
      const name = own(node, key) !== undefined ? key : key.charAt(0).toUpperCase() + key.slice(1);
      node = own(node, name) ?? null;
      path += `.${name}`;
    }
    const value = scalarText(node);
    return value === undefined ? null : {path, value, evidence: evidenceText(path, value)};
  });
