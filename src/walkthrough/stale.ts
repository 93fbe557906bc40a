// A dry-run (or a read) speaks for the exact request it made. Once the operator changes a value the
// step uses, that request is not the step's any more: the result is dropped, so neither the screen
// nor the execute gate can take an old answer for the new call.
import {completeAction} from '../aws/bound-action.js';
import type {ActionParams, ParamValue} from '../aws/action.js';
import type {DryRunResult} from '../aws/executors/executor.js';
import type {BoundStep} from '../runbooks/bind-steps.js';

/** The same JSON whatever the key order; DryRun left out (whether it was set is the executor's choice). */
function sameParams(a: ActionParams, b: ActionParams): boolean {
  const norm = (value: ParamValue | undefined): unknown => {
    if (Array.isArray(value)) return value.map((v: ParamValue) => norm(v));
    if (value !== null && typeof value === 'object') {
      const record = value as Readonly<Record<string, ParamValue>>;
      return Object.keys(record).filter((k) => k !== 'DryRun').sort().map((k) => [k, norm(record[k])]);
    }
    return value;
  };
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/** True when the result was made for the step's call as it is bound now. */
export function isCurrent(result: DryRunResult, step: BoundStep): boolean {
  const action = step.action && completeAction(step.action);
  return action !== undefined && action.operation === result.request.operation && sameParams(action.params, result.request.params);
}

/** The dry-runs that still speak for their step's call. */
export function currentDryRuns(steps: readonly BoundStep[], dryRuns: Readonly<Record<string, DryRunResult>>): Record<string, DryRunResult> {
  const byId = new Map(steps.map((s) => [s.id, s]));
  return Object.fromEntries(Object.entries(dryRuns).filter(([id, result]) => {
    const step = byId.get(id);
    // A step of another track keeps its result (the walkthrough does not show it here).
    return step === undefined || isCurrent(result, step);
  }));
}
