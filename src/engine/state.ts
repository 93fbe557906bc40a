// The account's state as a runbook declares it: read-only calls built from the facts (and from
// the answers of the reads before them), and their answers merged into one snapshot by resource
// kind. Pure: the caller runs the calls. A call that is not read-only is never built, whatever the
// file says (the action model decides).
import type {Action} from '../aws/action.js';
import {isMutating} from '../aws/action.js';
import {evaluate} from './expression.js';
import {asParams, checkedIds} from './ids.js';
import type {StateReadSpec} from './specs.js';
import {isTruthy} from './truthy.js';

/** The call of one state read, or undefined when it does not apply (its when is false, or it names no valid ID). */
export function stateCall(spec: StateReadSpec, data: unknown): Action | undefined {
  const action = {service: spec.service, operation: spec.operation};
  if (isMutating(action)) return undefined;
  if (spec.when !== undefined && !isTruthy(evaluate(spec.when, data))) return undefined;
  const params = asParams(evaluate(spec.params, data));
  const checked = params === undefined ? undefined : checkedIds(params);
  return checked === undefined ? undefined : {...action, params: checked};
}

