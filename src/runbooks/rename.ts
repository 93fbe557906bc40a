// The {{parameters}} a procedure uses, and the same procedure with some of them renamed (a library
// procedure bound to the names of the runbook that uses it). Pure.
import type {Procedure, Step} from './schema.js';
import {templateNames} from './template.js';

/** Every value of a procedure that may hold {{parameter}} templates. */
function templated(procedure: Procedure): unknown[] {
  return [
    procedure.title, procedure.summary ?? '', procedure.note ?? '',
    ...procedure.steps.map((s) => [s.title, s.text, s.expect ?? '', s.console ?? '', s.link ?? '', s.note ?? '', s.action?.params ?? {}]),
  ];
}

/** The parameter names a procedure uses, each once, in order of first use. */
export function usedNames(procedure: Procedure): string[] {
  return [...new Set(templateNames(templated(procedure)))];
}

type Rename = (text: string) => string;

function renameParams(params: Readonly<Record<string, unknown>>, rename: Rename): Record<string, unknown> {
  const value = (v: unknown): unknown => {
    if (typeof v === 'string') return rename(v);
    if (Array.isArray(v)) return v.map(value);
    if (v !== null && typeof v === 'object') return renameParams(v as Record<string, unknown>, rename);
    return v;
  };
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, value(v)]));
}

function renameStep(step: Step, rename: Rename): Step {
  return {
    ...step,
    title: rename(step.title),
    text: rename(step.text),
    ...(step.expect !== undefined && {expect: rename(step.expect)}),
    ...(step.console !== undefined && {console: rename(step.console)}),
    ...(step.link !== undefined && {link: rename(step.link)}),
    ...(step.note !== undefined && {note: rename(step.note)}),
    ...(step.action !== undefined && {action: {...step.action, params: renameParams(step.action.params, rename)}}),
  };
}

/** The procedure with {{old}} written {{new}} for each old → new of names (other templates unchanged). */
export function renameProcedure(procedure: Procedure, names: Readonly<Record<string, string>>): Procedure {
  const rename: Rename = (text) =>
    text.replace(/\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g, (whole, name: string) => (Object.hasOwn(names, name) ? `{{${names[name]}}}` : whole));
  return {
    ...procedure,
    title: rename(procedure.title),
    ...(procedure.summary !== undefined && {summary: rename(procedure.summary)}),
    ...(procedure.note !== undefined && {note: rename(procedure.note)}),
    steps: procedure.steps.map((step) => renameStep(step, rename)),
  };
}
