// Describe answers → what the account holds now, by resource kind (the collections of the one
// resource-kind table), merged by ID. Pure, and free of the expression library: the app's Now
// effect uses it directly.
import type {Snapshot} from './document.js';
import {answerKindOf, answerKinds, kindByCollection, kindByDescribe, resourceKinds} from './resource-kinds.js';

function plain(value: unknown): unknown {
  // SDK answers hold Dates; expressions read JSON.
  return JSON.parse(JSON.stringify(value ?? null)) as unknown;
}

/**
 * The collections of resource kinds in a Describe answer (DescribeInstances' reservations flattened to Instances);
 * an attribute or setting read (answerKinds) is kept whole, as the one item of its collection.
 */
export function snapshotOf(output: unknown, operation?: string): Snapshot | undefined {
  if (typeof output !== 'object' || output === null) return undefined;
  const answer = plain(output) as Record<string, unknown>;
  const answerKind = operation === undefined ? undefined : answerKindOf(operation);
  if (answerKind !== undefined) {
    return {[answerKind.collection]: [Object.fromEntries(Object.entries(answer).filter(([key]) => key !== '$metadata'))]};
  }
  const out: Record<string, unknown[]> = {};
  for (const kind of resourceKinds) {
    const list = answer[kind.collection];
    if (Array.isArray(list)) out[kind.collection] = list;
  }
  const reservations = answer['Reservations'];
  if (Array.isArray(reservations)) {
    out['Instances'] = reservations.flatMap((r: unknown) => (typeof r === 'object' && r !== null && Array.isArray((r as Record<string, unknown>)['Instances']) ? ((r as Record<string, unknown>)['Instances'] as unknown[]) : []));
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The snapshots as one: each collection the union of theirs by ID (the first answer wins). */
export function mergeSnapshots(snapshots: readonly (Snapshot | undefined)[]): Snapshot | undefined {
  const present = snapshots.filter((s) => s !== undefined);
  if (present.length === 0) return undefined;
  const out: Record<string, unknown[]> = {};
  for (const snapshot of present) {
    for (const [collection, items] of Object.entries(snapshot)) {
      if (items === undefined) continue;
      const idKey = kindByCollection(collection)?.idKey ?? answerKinds.find((k) => k.collection === collection)?.idKey ?? (collection === 'Instances' ? 'InstanceId' : undefined);
      const have = out[collection] ?? [];
      const ids = new Set(have.map((item) => (idKey && typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[idKey] : undefined)));
      out[collection] = [...have, ...items.filter((item) => !(idKey && typeof item === 'object' && item !== null && ids.has((item as Record<string, unknown>)[idKey])))];
    }
  }
  return out;
}

/** The read answered that its resource does not exist: the empty collection that says so, or undefined for any other code. */
export function goneSnapshot(operation: string, code: string | undefined): Snapshot | undefined {
  const kind = kindByDescribe(operation);
  if (kind === undefined || code === undefined || !kind.notFound.includes(code)) return undefined;
  return {[kind.collection === 'Reservations' ? 'Instances' : kind.collection]: []};
}
