// IDs before they enter a call: every parameter that takes IDs of a known kind (GroupIds,
// RouteTableId, …) keeps only values of that kind's form. A read whose single ID fails, or whose
// ID list ends up empty, is not made at all.
import type {ActionParams, ParamValue} from '../aws/action.js';
import {resourceKinds, type ResourceKind} from './resource-kinds.js';

function kindOfParam(key: string): {kind: ResourceKind; isList: boolean} | undefined {
  for (const kind of resourceKinds) {
    if (key === kind.describe.idsParam) return {kind, isList: true};
    if (key === kind.idKey) return {kind, isList: false};
  }
  return undefined;
}

/** The params with every ID checked; undefined when an ID parameter is left with nothing valid. */
export function checkedIds(params: ActionParams): ActionParams | undefined {
  const out: Record<string, ParamValue> = {};
  for (const [key, value] of Object.entries(params)) {
    const found = kindOfParam(key);
    if (found === undefined) {
      out[key] = value;
      continue;
    }
    const items = Array.isArray(value) ? (value as readonly ParamValue[]) : [value];
    const valid = items.filter((item): item is string => typeof item === 'string' && found.kind.pattern.test(item));
    if (valid.length === 0 || (!found.isList && valid.length !== items.length)) return undefined;
    out[key] = found.isList ? [...new Set(valid)] : (valid[0] ?? '');
  }
  return out;
}

/** A JSON value that can be an action's parameters: an object of strings, numbers, booleans, lists and objects. */
export function asParams(value: unknown): ActionParams | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const clean = (v: unknown): ParamValue | undefined => {
    if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return v;
    if (Array.isArray(v)) {
      const items = v.map(clean);
      return items.every((i) => i !== undefined) ? (items) : undefined;
    }
    if (typeof v === 'object' && v !== null) {
      const entries = Object.entries(v).filter(([, inner]) => inner !== null).map(([k, inner]) => [k, clean(inner)] as const);
      return entries.every(([, i]) => i !== undefined) ? (Object.fromEntries(entries) as ParamValue) : undefined;
    }
    return undefined;
  };
  const result = clean(value);
  return typeof result === 'object' && !Array.isArray(result) ? (result as ActionParams) : undefined;
}
