// Runbook text → validated Runbook, or an error naming the file, the field and what is wrong.
// Library procedures (use: library/<file>.yaml#<id>) are put in place first, then the whole is checked.
// Pure: the caller reads the file (built-ins and the built-in library are embedded in the bundle).
import {firstIssue} from '../text/schema-issue.js';
import {knownOperations, operationInfo} from '../aws/operations.js';
import {checkParameters} from './check-parameters.js';
import {includeLibrary, type LibraryLookup} from './include.js';
import {builtInLibrary} from './library/index.js';
import {readYaml} from './read-yaml.js';
import {RunbookError} from './runbook-error.js';
import {runbookFileSchema, type Runbook, type Step} from './schema.js';
import {templateNames} from './template.js';

export {RunbookError};

/** library: where use: finds its files (default: the built-in library). */
export function parseRunbook(text: string, file: string, library: LibraryLookup = builtInLibrary): Runbook {
  const result = runbookFileSchema.safeParse(readYaml(text, file));
  if (!result.success) {
    const {field, problem} = firstIssue(result.error, 'invalid runbook');
    throw new RunbookError(file, field, problem);
  }
  const runbook = includeLibrary(result.data, library, file);
  checkRunbook(runbook, file);
  return runbook;
}

function checkStep(step: Step, at: string, file: string, declared: ReadonlySet<string>): void {
  if (step.kind === 'manual') {
    if (step.action) throw new RunbookError(file, `${at}.action`, 'a manual step has no action (use kind: action or check)');
  } else {
    const action = step.action;
    if (!action) throw new RunbookError(file, `${at}.action`, `a step of kind ${step.kind} needs an action`);
    const info = operationInfo(action.service, action.operation);
    if (!info) {
      throw new RunbookError(file, `${at}.action.operation`, `unknown operation ${action.operation} for ${action.service}; known: ${knownOperations(action.service).join(', ')}`);
    }
    if (step.kind === 'check' && info.mutating) {
      throw new RunbookError(file, `${at}.action.operation`, `${action.operation} changes the account; a check must be read-only`);
    }
    if ('DryRun' in action.params) throw new RunbookError(file, `${at}.action.params.DryRun`, 'do not set DryRun; the executor decides it');
  }
  for (const name of templateNames([step.text, step.title, step.action?.params ?? {}, step.link ?? '', step.expect ?? '', step.console ?? ''])) {
    if (!declared.has(name)) throw new RunbookError(file, at, `uses {{${name}}}, which is not a declared parameter`);
  }
}

function checkRunbook(runbook: Runbook, file: string): void {
  const declared = checkParameters(runbook.parameters, file);
  const stepIds = new Set<string>();
  const procedureIds = new Set<string>();
  runbook.procedures.forEach((procedure, p) => {
    for (const name of templateNames([procedure.title, procedure.summary ?? ''])) {
      if (!declared.has(name)) throw new RunbookError(file, `procedures[${p}]`, `uses {{${name}}}, which is not a declared parameter`);
    }
    if (procedureIds.has(procedure.id)) throw new RunbookError(file, `procedures[${p}].id`, `${procedure.id} is used twice`);
    procedureIds.add(procedure.id);
    procedure.steps.forEach((step, s) => {
      const at = `procedures[${p}].steps[${s}]`;
      if (stepIds.has(step.id)) throw new RunbookError(file, `${at}.id`, `${step.id} is used twice`);
      stepIds.add(step.id);
      const outside = step.tracks?.find((t) => procedure.tracks && !procedure.tracks.includes(t));
      if (outside) throw new RunbookError(file, `${at}.tracks`, `${outside} is not a track of this procedure`);
      checkStep(step, at, file, declared);
    });
  });
  const readSteps = new Set(runbook.procedures.flatMap((p) => p.steps.filter((st) => st.action && operationInfo(st.action.service, st.action.operation)?.mutating === false).map((st) => st.id)));
  runbook.parameters.forEach((param, i) => {
    const unknown = param.choices?.steps.find((id) => !readSteps.has(id));
    if (unknown !== undefined) throw new RunbookError(file, `parameters[${i}].choices.steps`, `${unknown} is not a read-only step of this runbook`);
  });
  if (runbook.procedures[0]?.kind !== 'containment') throw new RunbookError(file, 'procedures[0].kind', 'the first procedure must contain this event (kind: containment)');
}
