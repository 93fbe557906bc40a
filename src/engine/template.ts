// Templates of findings, Now lines and verifications: text with {{ expression }} parts, each
// evaluated over the same data as the expressions beside it. A part that fails or gives nothing
// reads as ''. (Step texts use {{parameter}} templates instead: runbooks/template.ts.)
import type {JSONValue} from '@jmespath-community/jmespath';
import {evaluate} from './expression.js';

const part = /\{\{(.+?)\}\}/g;

/** The expressions inside a template (for lint). */
export function templateExpressions(text: string): string[] {
  return [...text.matchAll(part)].map((m) => (m[1] ?? '').trim());
}

function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(shown).filter((s) => s !== '').join(', ');
  return '';
}

export function fill(text: string, data: unknown, variables: Readonly<Record<string, JSONValue>>): string {
  return text.replace(part, (_all, expression: string) => shown(evaluate(expression.trim(), data, variables)));
}
