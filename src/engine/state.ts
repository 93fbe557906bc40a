// The account's state as a runbook declares it: read-only calls built from the facts (and from
// the answers of the reads before them), and their answers merged into one snapshot by resource
// kind. Pure: the caller runs the calls. A call that is not read-only is never built, whatever the
// file says (the action model decides).
import type {Action} from '../aws/action.js';
import {isMutating} from '../aws/action.js';
import type {Snapshot} from './document.js';
import {evaluate} from './expression.js';
import {asParams, checkedIds} from './ids.js';
import {kindByCollection, kindByDescribe, resourceKinds} from './resource-kinds.js';
import type {StateReadSpec} from './specs.js';
import {isTruthy} from './truthy.js';

/** The call of one state read, or undefined when it does not apply (its when is false, or it names no valid ID). */
export function stateCall(spec: StateReadSpec, data: unknown): Action | undefined {
  const action = {service: spec.service, operation: spec.operation};
  if (isMutating(action)) return undefined;
  if (spec.when !== undefined && !isTruthy(evaluate(spec.when, data))) return undefined;
  const params = asParams(evaluate(spec.params, data));
  const checked = params === undefined ? undefined : checkedIds(params);
  return checked === undefined ? undefined : {...action, params: checked};
}

function plain(value: unknown): unknown {
  // SDK answers hold Dates; expressions read JSON.
  return JSON.parse(JSON.stringify(value ?? null)) as unknown;
}

/** The collections of resource kinds in a Describe answer (DescribeInstances' reservations flattened to Instances). */
export function snapshotOf(output: unknown): Snapshot | undefined {
  if (typeof output !== 'object' || output === null) return undefined;
  const answer = plain(output) as Record<string, unknown>;
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
      const idKey = kindByCollection(collection)?.idKey ?? (collection === 'Instances' ? 'InstanceId' : undefined);
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
