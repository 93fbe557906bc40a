// A value the event does not know and the operator has not given yet. Renderers show it as a
// clearly marked placeholder (<groupId>); an action holding one can be neither copied nor dry-run.
import type {ParamValue} from './action.js';

export class Placeholder {
  constructor(readonly name: string) {}
  toString(): string {
    return `<${this.name}>`;
  }
}

export type RenderValue = ParamValue | Placeholder | readonly RenderValue[] | {readonly [key: string]: RenderValue};
export type RenderParams = Readonly<Record<string, RenderValue>>;

export function hasPlaceholder(value: RenderValue): boolean {
  if (value instanceof Placeholder) return true;
  if (isList(value)) return value.some(hasPlaceholder);
  if (value !== null && typeof value === 'object') return Object.values(value as Record<string, RenderValue>).some(hasPlaceholder);
  return false;
}

export function isRecord(value: RenderValue): value is {readonly [key: string]: RenderValue} {
  return typeof value === 'object' && value !== null && !isList(value) && !(value instanceof Placeholder);
}

/** Array.isArray without losing the element type (it narrows readonly arrays to any[]). */
export function isList(value: RenderValue | undefined): value is readonly RenderValue[] {
  return Array.isArray(value);
}
