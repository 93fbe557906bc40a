// One step of a runbook or a library file: its kind and its action agree, the operation is one the
// action model knows (read-only for a check), DryRun is left to the executor, a verify reads without
// changing anything, and its texts use only declared {{parameters}}. Pure.
import {knownOperations, operationInfo} from '../aws/operations.js';
import {checkReadOnly} from './check-operations.js';
import {RunbookError} from './runbook-error.js';
import type {Procedure, Step} from './schema.js';
import {templateNames} from './template.js';

export function checkStep(step: Step, at: string, file: string, declared: ReadonlySet<string>): void {
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
  if (step.verify) checkReadOnly(step.verify.read.service, step.verify.read.operation, file, `${at}.verify.read.operation`, 'a verification read');
  for (const name of templateNames([step.text, step.title, step.action?.params ?? {}, step.link ?? '', step.expect ?? '', step.console ?? ''])) {
    if (!declared.has(name)) throw new RunbookError(file, at, `uses {{${name}}}, which is not a declared parameter`);
  }
}

/** A procedure's or step's `events` name only events the runbook answers, a step's within its procedure's. */
export function checkEventLimits(procedure: Procedure, at: string, file: string, names: readonly string[]): void {
  const outside = procedure.events?.find((name) => !names.includes(name));
  if (outside !== undefined) throw new RunbookError(file, `${at}.events`, `${outside} is not one of the runbook's events (${names.join(', ')})`);
  procedure.steps.forEach((step, s) => {
    const allowed = procedure.events ?? names;
    const stray = step.events?.find((name) => !allowed.includes(name));
    if (stray !== undefined) throw new RunbookError(file, `${at}.steps[${s}].events`, `${stray} is not one of the ${procedure.events ? "procedure's" : "runbook's"} events (${allowed.join(', ')})`);
  });
}

/** Every step of a procedure, and its tracks within the procedure's. */
export function checkSteps(procedure: Procedure, at: string, file: string, declared: ReadonlySet<string>): void {
  procedure.steps.forEach((step, s) => {
    const here = `${at}.steps[${s}]`;
    const outside = step.tracks?.find((t) => procedure.tracks && !procedure.tracks.includes(t));
    if (outside) throw new RunbookError(file, `${here}.tracks`, `${outside} is not a track of this procedure`);
    checkStep(step, here, file, declared);
  });
}
