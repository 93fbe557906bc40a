// The action model: one AWS API call, named exactly as AWS names it.
// Everything the user sees of a call (CLI, SDK code, console link, dry-run request) is rendered from this.
import {operationInfo, type ServiceName} from './operations.js';

export type ParamValue = string | number | boolean | readonly ParamValue[] | {readonly [key: string]: ParamValue};
export type ActionParams = Readonly<Record<string, ParamValue>>;

/** The AWS CLI's --output formats. */
export const cliOutputs = ['json', 'text', 'table', 'yaml', 'yaml-stream'] as const;
export type CliOutput = (typeof cliOutputs)[number];

/** How the AWS CLI shows the answer (--query, --output): the CLI track only, never sent, never in SDK code. */
export interface CliView {
  /** JMESPath over the answer, e.g. SecurityGroups[].GroupId. */
  readonly query?: string | undefined;
  readonly output?: CliOutput | undefined;
}

export interface Action {
  readonly service: ServiceName;
  /** API operation name, e.g. RevokeSecurityGroupIngress. */
  readonly operation: string;
  /** API-cased parameters, e.g. {GroupId: 'sg-…'}; never includes DryRun (executors add it). */
  readonly params: ActionParams;
  /** The Region the call must go to when it is not the event's (a peering accepted in the peer's Region); a valid Region name. */
  readonly region?: string | undefined;
  readonly cli?: CliView | undefined;
}

/** A Region name such as eu-west-1 or us-gov-west-1 (the pattern of the event's own Region). */
export const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d$/;

export function isRegionName(value: string): boolean {
  return regionPattern.test(value);
}

/** Where the call goes: the action's own Region, else the one given (the event's, or --region). */
export function targetRegion(action: Pick<Action, 'region'>, fallback: string | undefined): string | undefined {
  return action.region ?? fallback;
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
