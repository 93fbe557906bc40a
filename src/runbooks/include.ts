// A runbook file as written → the runbook with its library procedures in place. Each `use:` brings one
// procedure of a library file: its {{parameters}} renamed by `with` (library name: this runbook's name), its
// id taken from `as` (a variant keeps the id the runbook knows it by), and the library's declarations of
// the parameters it uses added after the runbook's own; the runbook's declaration of a name wins.
// Pure: the caller gives the lookup (the built-in library is library/index.ts).
import {RunbookError} from './runbook-error.js';
import {renameProcedure, usedNames} from './rename.js';
import type {Library, Parameter, Procedure, Runbook, RunbookFile, Use} from './schema.js';
import {contextParameters} from './template.js';

/** A library file by the name a use gives it (library/<file>.yaml): undefined when there is none; a broken one throws RunbookError. */
export type LibraryLookup = (libraryFile: string) => Library | undefined;

interface Included {
  readonly procedure: Procedure;
  /** The library declarations of the parameters it uses, under this runbook's names. */
  readonly parameters: readonly Parameter[];
  readonly source: string;
}

function include(item: Use, at: string, lookup: LibraryLookup, file: string): Included {
  const [libraryFile = '', procedureId = ''] = item.use.split('#');
  const library = lookup(libraryFile);
  if (!library) throw new RunbookError(file, `${at}.use`, `there is no library file ${libraryFile}`);
  const found = library.procedures.find((p) => p.id === procedureId);
  if (!found) {
    throw new RunbookError(file, `${at}.use`, `${libraryFile} has no procedure ${procedureId}; it has: ${library.procedures.map((p) => p.id).join(', ')}`);
  }
  const used = usedNames(found).filter((name) => !(contextParameters as readonly string[]).includes(name));
  const names = item.with ?? {};
  for (const name of Object.keys(names)) {
    if (!used.includes(name)) throw new RunbookError(file, `${at}.with.${name}`, `${item.use} has no parameter ${name}; its parameters: ${used.join(', ') || 'none'}`);
  }
  const parameters = library.parameters.filter((p) => used.includes(p.name)).map((p) => ({...p, name: names[p.name] ?? p.name}));
  return {procedure: {...renameProcedure(found, names), id: item.as ?? found.id, ...(item.events === undefined ? {} : {events: item.events})}, parameters, source: libraryFile};
}

/** The first step of an included procedure that another procedure of the runbook also has. */
function collision(procedures: readonly Procedure[], isIncluded: readonly boolean[]): {index: number; step: string; other: number} | undefined {
  for (const [index, procedure] of procedures.entries()) {
    if (!isIncluded[index]) continue;
    for (const step of procedure.steps) {
      const other = procedures.findIndex((p, i) => i !== index && p.steps.some((s) => s.id === step.id));
      if (other >= 0) return {index, step: step.id, other};
    }
  }
  return undefined;
}

/** JSON with every object's keys sorted, so two declarations compare by content. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );

/** A library parameter's pick list reads only the steps this runbook has; with none of them, there is no pick list. */
function choicesHere(parameter: Parameter, steps: ReadonlySet<string>): Parameter {
  if (!parameter.choices) return parameter;
  const here = parameter.choices.steps.filter((id) => steps.has(id));
  if (here.length === parameter.choices.steps.length) return parameter;
  const {choices, ...rest} = parameter;
  return here.length === 0 ? rest : {...rest, choices: {...choices, steps: here}};
}

export function includeLibrary(runbookFile: RunbookFile, lookup: LibraryLookup, file: string): Runbook {
  const {procedures: items, ...fields} = runbookFile;
  const own = new Set<string>([...contextParameters, ...fields.parameters.map((p) => p.name)]);
  const added = new Map<string, {parameter: Parameter; source: string}>();
  const procedures = items.map((item, i) => {
    if (!('use' in item)) return item;
    const at = `procedures[${i}]`;
    const included = include(item, at, lookup, file);
    for (const parameter of included.parameters.filter((p) => !own.has(p.name))) {
      const earlier = added.get(parameter.name);
      if (earlier && canonical(earlier.parameter) !== canonical(parameter)) {
        throw new RunbookError(file, `${at}.use`, `parameter ${parameter.name} is declared one way in ${earlier.source} and another in ${included.source}; declare it in this runbook`);
      }
      added.set(parameter.name, {parameter, source: included.source});
    }
    return included.procedure;
  });
  const clash = collision(procedures, items.map((item) => 'use' in item));
  if (clash) {
    const item = items[clash.index];
    const use = item && 'use' in item ? item.use : '';
    throw new RunbookError(file, `procedures[${clash.index}].use`, `step ${clash.step} of ${use} is also a step of procedures[${clash.other}] (${procedures[clash.other]?.id ?? ''}); step ids must be unique in a runbook`);
  }
  const steps = new Set(procedures.flatMap((p) => p.steps.map((s) => s.id)));
  return {...fields, parameters: [...fields.parameters, ...[...added.values()].map((a) => choicesHere(a.parameter, steps))], procedures};
}
