// An event's request parameters or response elements as an indented tree of lines, YAML-like: keys,
// values, lists as "- " items. CloudTrail's `{"items": [...]}` wrapper is read as the list it holds and
// `{}` shows as "(empty)". Every key and value goes through safeLine (they are the caller's own text),
// long values are cut with the cut shown, and a tree past its line budget ends with how many lines are
// left out. Pure: the event screen draws these lines, plan and report print them.
import {safeLine} from '../text/safe-text.js';
import type {JsonValue} from './record.js';

export interface TreeLine {
  /** Spaces, then "- " on the first line of a list item. */
  readonly prefix: string;
  readonly key?: string;
  readonly value?: string;
}

export interface TreeOptions {
  /** Characters of one value before it is cut (default 120). */
  readonly valueWidth?: number;
  /** Lines before the rest is left out (default: all). */
  readonly maxLines?: number;
}

export interface Tree {
  readonly lines: readonly TreeLine[];
  /** Lines left out past maxLines. */
  readonly hidden: number;
}

type JsonObject = {readonly [key: string]: JsonValue};

const isObject = (v: JsonValue): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** CloudTrail writes lists as {"items": [...]} (and sometimes {"item": [...]}): the list itself. */
function unwrap(value: JsonValue): JsonValue {
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  const only = keys.length === 1 ? keys[0] : undefined;
  const inner = only === 'items' || only === 'item' ? value[only] : undefined;
  return Array.isArray(inner) ? inner : value;
}

const isEmpty = (v: JsonValue) => (Array.isArray(v) ? v.length === 0 : isObject(v) && Object.keys(v).length === 0);

/** The tree of one value (requestParameters or responseElements); null or absent gives no lines. */
export function parameterTree(value: JsonValue | undefined, options: TreeOptions = {}): Tree {
  const width = options.valueWidth ?? 120;
  const scalar = (v: JsonValue): string => {
    if (typeof v === 'string') return safeLine(v, width);
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return v === null ? 'null' : '(empty)';
  };
  const lines: TreeLine[] = [];
  const limit = options.maxLines ?? Number.POSITIVE_INFINITY;
  let total = 0;
  const push = (line: TreeLine) => {
    total += 1;
    if (lines.length < limit) lines.push(line);
  };
  // `first` is the prefix of the first line (it may carry a list item's "- "), `rest` of the lines after it.
  const entries = (object: JsonObject, first: string, rest: string, depth: number) => {
    let prefix = first;
    for (const [rawKey, raw] of Object.entries(object)) {
      const key = safeLine(rawKey, 80);
      const v = unwrap(raw);
      if (depth > 40 || !(Array.isArray(v) || isObject(v)) || isEmpty(v)) push({prefix, key, value: depth > 40 ? '…' : scalar(v)});
      else {
        push({prefix, key});
        node(v, `${rest}  `, depth + 1);
      }
      prefix = rest;
    }
  };
  const node = (v: JsonValue, indent: string, depth: number) => {
    if (Array.isArray(v)) {
      for (const raw of v as readonly JsonValue[]) {
        const item = unwrap(raw);
        if (isObject(item) && !isEmpty(item)) entries(item, `${indent}- `, `${indent}  `, depth + 1);
        else if (Array.isArray(item) && item.length) {
          push({prefix: `${indent}- `, value: `(list of ${item.length})`});
          node(item, `${indent}  `, depth + 1);
        } else push({prefix: `${indent}- `, value: scalar(item)});
      }
    } else if (isObject(v)) entries(v, indent, indent, depth);
  };
  if (value !== undefined && value !== null) {
    const top = unwrap(value);
    if (Array.isArray(top) || isObject(top)) node(top, '', 0);
    else push({prefix: '', value: scalar(top)});
  }
  return {lines, hidden: total - lines.length};
}

/** One line as plain text: "  - key: value". */
export function treeLineText(line: TreeLine): string {
  const key = line.key === undefined ? '' : `${line.key}:`;
  const value = line.value === undefined ? '' : `${key ? ' ' : ''}${line.value}`;
  return `${line.prefix}${key}${value}`;
}
