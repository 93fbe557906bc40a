// Runbook text → validated Runbook, or a RunbookError naming the file, the line and column, the field
// and what is wrong. Library procedures (use: library/<file>.yaml#<id>) are put in place first, then the
// whole is checked; an error in a library file names that file and its own line. Nothing is half-loaded:
// either every check passed and the runbook is returned, or it throws.
// Pure: the caller reads the file (built-ins and the built-in library are embedded in the bundle).
import {operationInfo} from '../aws/operations.js';
import {checkDeclarations} from './check-declarations.js';
import {checkParameters} from './check-parameters.js';
import {checkEventLimits, checkSteps} from './check-steps.js';
import {includeLibrary, type LibraryLookup} from './include.js';
import {builtInLibrary} from './library/index.js';
import {shapeError, withPositions} from './placed-errors.js';
import {readYamlSource} from './read-yaml.js';
import {RunbookError} from './runbook-error.js';
import {runbookFileSchema, type Runbook} from './schema.js';
import {templateNames} from './template.js';

export {RunbookError};

/** library: where use: finds its files (default: the built-in library). */
export function parseRunbook(text: string, file: string, library: LibraryLookup = builtInLibrary): Runbook {
  const source = readYamlSource(text, file);
  const result = runbookFileSchema.safeParse(source.data);
  if (!result.success) throw shapeError(result.error, file, source, 'invalid runbook');
  return withPositions(source, file, () => {
    const runbook = includeLibrary(result.data, library, file);
    checkRunbook(runbook, file);
    return runbook;
  });
}

/** Throws at the second of two places that give `id`, naming the first. */
function once(seen: Map<string, string>, id: string, field: string, file: string): void {
  const first = seen.get(id);
  if (first !== undefined) throw new RunbookError(file, field, `${id} is used twice`, {first});
  seen.set(id, field);
}

function checkRunbook(runbook: Runbook, file: string): void {
  const declared = checkParameters(runbook.parameters, file);
  const stepIds = new Map<string, string>();
  const procedureIds = new Map<string, string>();
  runbook.procedures.forEach((procedure, p) => {
    for (const name of templateNames([procedure.title, procedure.summary ?? ''])) {
      if (!declared.has(name)) throw new RunbookError(file, `procedures[${p}]`, `uses {{${name}}}, which is not a declared parameter`);
    }
    once(procedureIds, procedure.id, `procedures[${p}].id`, file);
    procedure.steps.forEach((step, s) => once(stepIds, step.id, `procedures[${p}].steps[${s}].id`, file));
    checkSteps(procedure, `procedures[${p}]`, file, declared);
    checkEventLimits(procedure, `procedures[${p}]`, file, runbook.events.names);
  });
  const readSteps = new Set(runbook.procedures.flatMap((p) => p.steps.filter((st) => st.action && operationInfo(st.action.service, st.action.operation)?.mutating === false).map((st) => st.id)));
  runbook.parameters.forEach((param, i) => {
    const unknown = param.choices?.steps.find((id) => !readSteps.has(id));
    if (unknown !== undefined) throw new RunbookError(file, `parameters[${i}].choices.steps`, `${unknown} is not a read-only step of this runbook`);
  });
  checkDeclarations(runbook, file);
  if (runbook.procedures[0]?.kind !== 'containment') throw new RunbookError(file, 'procedures[0].kind', 'the first procedure must contain this event (kind: containment)');
}
