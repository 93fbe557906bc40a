// Lint of names that must lead somewhere: every {{parameter}} a procedure uses is declared, and every
// step a finding, the actor steps or a pick list names exists. Worded as parse words the first such
// problem, so lint and a load say the same. Pure.
import {operationInfo} from '../aws/operations.js';
import {error, type Problem} from './lint-problem.js';
import {usedNames} from './rename.js';
import type {Library, Procedure, Runbook} from './schema.js';
import {contextParameters, templateNames} from './template.js';

const declaredIn = (parameters: ReadonlyArray<{readonly name: string}>) => new Set<string>([...contextParameters, ...parameters.map((p) => p.name)]);

function undeclared(names: readonly string[], declared: ReadonlySet<string>): string[] {
  return [...new Set(names)].filter((name) => !declared.has(name));
}

/** A runbook's procedures: each procedure's own text, then each step's, as parse checks them. */
function runbookTemplates(procedures: readonly Procedure[], declared: ReadonlySet<string>): Problem[] {
  return procedures.flatMap((procedure, p) => [
    ...undeclared(templateNames([procedure.title, procedure.summary ?? '', procedure.note ?? '']), declared).map((name) =>
      error(`procedures[${p}]`, `uses {{${name}}}, which is not a declared parameter`),
    ),
    ...procedure.steps.flatMap((step, s) =>
      undeclared(templateNames([step.text, step.title, step.action?.params ?? {}, step.link ?? '', step.expect ?? '', step.console ?? '', step.note ?? '']), declared).map((name) =>
        error(`procedures[${p}].steps[${s}]`, `uses {{${name}}}, which is not a declared parameter`),
      ),
    ),
  ]);
}

function stepReferences(runbook: Runbook): Problem[] {
  const steps = new Set(runbook.procedures.flatMap((p) => p.steps.map((s) => s.id)));
  const reads = new Set(runbook.procedures.flatMap((p) => p.steps.filter((s) => s.action && operationInfo(s.action.service, s.action.operation)?.mutating === false).map((s) => s.id)));
  const missing = (field: string, id: string | undefined): Problem[] => (id === undefined || steps.has(id) ? [] : [error(field, `${id} is not a step of this runbook (its procedures with the library's in place)`)]);
  return [
    ...runbook.findings.flatMap((f, i) => missing(`findings[${i}].step`, f.step)),
    ...Object.entries(runbook.actorSteps).flatMap(([role, id]) => missing(`actorSteps.${role}`, id)),
    ...runbook.parameters.flatMap((p, i) =>
      (p.choices?.steps ?? []).filter((id) => !reads.has(id)).map((id) => error(`parameters[${i}].choices.steps`, `${id} is not a read-only step of this runbook`)),
    ),
  ];
}

/** A runbook with its library procedures in place. */
export function runbookReferences(runbook: Runbook): Problem[] {
  return [...runbookTemplates(runbook.procedures, declaredIn(runbook.parameters)), ...stepReferences(runbook)];
}

export function libraryReferences(library: Library): Problem[] {
  const declared = declaredIn(library.parameters);
  const steps = new Set(library.procedures.flatMap((p) => p.steps.map((s) => s.id)));
  return [
    ...library.procedures.flatMap((procedure, p) =>
      undeclared(usedNames(procedure), declared).map((name) => error(`procedures[${p}]`, `uses {{${name}}}, which this library does not declare`)),
    ),
    ...library.parameters.flatMap((p, i) =>
      (p.choices?.steps ?? []).filter((id) => !steps.has(id)).map((id) => error(`parameters[${i}].choices.steps`, `${id} is not a step of this library`)),
    ),
  ];
}

