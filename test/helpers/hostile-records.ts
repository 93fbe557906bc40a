// Hostile variants of real records: every scalar leaf of each fixture record (test/fixtures/events/<EventName>/*.json)
// is a field an attacker can write, so the field list is walked from the records themselves, never kept by hand.
// Each field gets its own marker ("~m12~") and a payload after it; the marker says which field a piece of
// output came from, and whether that field was shown at all.
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {JsonObject, JsonValue} from '../../src/events/record.js';
import {payloadFor, type Payload} from './escape-payloads.js';
import {runbookFileOf} from '../../src/runbooks/catalog.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'events');

export interface BaseRecord {
  /** "CreateRoute/failed" */
  readonly name: string;
  readonly eventName: string;
  readonly raw: JsonObject;
}

/** Every fixture record, one per event name and kind (risky, benign, failed). */
export const baseRecords: readonly BaseRecord[] = readdirSync(fixtures, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .flatMap((dir) =>
    readdirSync(join(fixtures, dir.name))
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => ({name: `${dir.name}/${file.replace(/\.json$/, '')}`, eventName: dir.name, raw: JSON.parse(readFileSync(join(fixtures, dir.name, file), 'utf8')) as JsonObject})),
  );

/**
 * The records a campaign walks: every one with TRAILGUIDE_LONG=1 (npm run campaigns -- --long); otherwise one
 * per runbook file, taking turns over its records (the k-th file gives its k-th record, wrapping), so every
 * runbook is covered on every run and the run's length grows with the runbooks, not with their fixtures.
 */
export function campaignRecords(records: readonly BaseRecord[] = baseRecords, isLong = process.env['TRAILGUIDE_LONG'] === '1'): readonly BaseRecord[] {
  if (isLong) return records;
  const byFile = new Map<string, BaseRecord[]>();
  for (const record of records) {
    // Events without a runbook of their own all walk the general runbook: one group, taking turns like the others.
    const file = runbookFileOf(record.eventName) ?? 'general';
    byFile.set(file, [...(byFile.get(file) ?? []), record]);
  }
  return [...byFile.values()].map((list, k) => list[k % list.length]).filter((r) => r !== undefined);
}

export type Path = readonly (string | number)[];

export interface Leaf {
  readonly path: Path;
  /** "userIdentity.sessionContext.sessionIssuer.arn", "requestParameters.groupSet.items[1].groupId" */
  readonly name: string;
  readonly value: string | number | boolean;
}

const nameOf = (path: Path): string => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

/** Every string, number and boolean in the record, with its path. */
export function leaves(value: JsonValue, path: Path = []): Leaf[] {
  if (value === null) return [];
  if (Array.isArray(value)) return (value as readonly JsonValue[]).flatMap((item, i) => leaves(item, [...path, i]));
  if (typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  return [{path, name: nameOf(path), value}];
}

/**
 * Which walk a field belongs to. `event`: eventName and eventSource, which decide the runbook and the facts
 * (changed, the event has none: the walk ends at the event screen). `fields`: every other field at once (a
 * bound value with a control character in it is rejected and shown as "the event says …" on its steps).
 */
export type Group = 'fields' | 'event';

export function groupOf(leaf: Leaf): Group {
  return leaf.path[0] === 'eventName' || leaf.path[0] === 'eventSource' ? 'event' : 'fields';
}

function withLeaf(value: JsonValue, path: Path, leaf: JsonValue): JsonValue {
  const [head, ...rest] = path;
  if (head === undefined) return leaf;
  if (Array.isArray(value)) return (value as readonly JsonValue[]).map((item, i) => (i === head ? withLeaf(item, rest, leaf) : item));
  if (value !== null && typeof value === 'object' && typeof head === 'string') {
    const object = value as JsonObject;
    return {...object, [head]: withLeaf(object[head] ?? null, rest, leaf)};
  }
  return value;
}

export interface InjectedField {
  readonly name: string;
  readonly marker: string;
  readonly payload: Payload;
}

export interface Variant {
  readonly raw: JsonObject;
  readonly fields: readonly InjectedField[];
}

/**
 * The base record with every field of the group written as `<original><marker><payload>` (`offset` rotates
 * which payload each field gets). Without payloads (isBaseline), the same markers alone: what a field shows
 * when nothing in it is hostile.
 */
export function variant(base: BaseRecord, group: Group, offset: number, isBaseline = false): Variant {
  const all = leaves(base.raw);
  let raw: JsonObject = base.raw;
  const fields: InjectedField[] = [];
  all.forEach((leaf, index) => {
    if (groupOf(leaf) !== group) return;
    const marker = `~m${index}~`;
    const payload = payloadFor(index, offset);
    fields.push({name: leaf.name, marker, payload});
    // A leaf is replaced in place: the record stays an object.
    raw = withLeaf(raw, leaf.path, `${String(leaf.value)}${marker}${isBaseline ? '' : payload.bytes}`) as JsonObject;
  });
  return {raw, fields};
}
