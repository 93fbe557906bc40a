// The action model: one AWS API call, named exactly as AWS names it.
// Everything the user sees of a call (CLI, SDK code, console link, dry-run request) is rendered from this.
import {operationInfo, type ServiceName} from './operations.js';

export type ParamValue = string | number | boolean | readonly ParamValue[] | {readonly [key: string]: ParamValue};
export type ActionParams = Readonly<Record<string, ParamValue>>;

export interface Action {
  readonly service: ServiceName;
  /** API operation name, e.g. RevokeSecurityGroupIngress. */
  readonly operation: string;
  /** API-cased parameters, e.g. {GroupId: 'sg-…'}; never includes DryRun (executors add it). */
  readonly params: ActionParams;
}

/** True when the call changes something in the account. */
export function isMutating(action: Pick<Action, 'service' | 'operation'>): boolean {
  return operationInfo(action.service, action.operation)?.mutating ?? true;
}

/** True when the API accepts DryRun (EC2 only). */
export function supportsDryRun(action: Pick<Action, 'service' | 'operation'>): boolean {
  return operationInfo(action.service, action.operation)?.dryRun ?? false;
}

/** The request exactly as a dry-run would send it: DryRun is added where the API supports it. */
export function dryRunRequest(action: Action): ActionParams {
  return supportsDryRun(action) ? {...action.params, DryRun: true} : action.params;
}
