// Whether a step's action may be executed for real right now, and if not, the one short sentence
// that says why (shown in the status line when the execute key is pressed). Pure. On a real
// account: only with --allow-execute, only a mutating call whose API accepts DryRun, and only after
// a passing dry-run of exactly this call, less than 15 minutes ago and newer than the call's last
// execution (a dry-run is good for one execution). In the training sandbox any
// mutating call may be executed: mistakes there are the lesson.
import {isMutating, supportsDryRun, type Action, type ActionParams, type ParamValue} from '../aws/action.js';
import type {DryRunResult, ExecutorMode} from '../aws/executors/executor.js';

/** How old a passing dry-run may be when its call is executed on a real account. */
export const dryRunMaxAgeMs = 15 * 60 * 1000;

export interface ExecuteGateInput {
  readonly mode: ExecutorMode;
  /** --allow-execute or TRAILGUIDE_ALLOW_EXECUTE=1. */
  readonly allowExecute: boolean;
  /** The step's action, complete (no placeholder left); undefined when it has none or is incomplete. */
  readonly action: Action | undefined;
  /** The latest dry-run of this step in this session. */
  readonly lastDryRun: DryRunResult | undefined;
  /** Where the execution would go; when given, it must be where the dry-run went. */
  readonly region?: string | undefined;
  /**
   * When this step's call was last sent for real (ISO), whatever came of it. A dry-run is good for
   * one execution: after an unknown outcome the next dry-run is what shows whether it happened.
   */
  readonly lastExecutedAt?: string | undefined;
  readonly now: Date;
}

export type ExecuteGate = {readonly ok: true} | {readonly ok: false; readonly reason: string};

const allowed: ExecuteGate = {ok: true};
const refused = (reason: string): ExecuteGate => ({ok: false, reason});

function sameValue(a: ParamValue | undefined, b: ParamValue | undefined): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    const right = b as readonly ParamValue[];
    return (a as readonly ParamValue[]).every((item, i) => sameValue(item, right[i]));
  }
  if (typeof a === 'object' && typeof b === 'object') return sameParams(a as ActionParams, b as ActionParams);
  return a === b;
}

/** Deep equality of two requests' parameters, DryRun left out (a dry-run carries it, the real call never). */
export function sameParams(a: ActionParams, b: ActionParams): boolean {
  const keys = (p: ActionParams) => Object.keys(p).filter((k) => k !== 'DryRun' && p[k] !== undefined).sort();
  const [ka, kb] = [keys(a), keys(b)];
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue(a[k], b[k]));
}

function dryRunGate(action: Action, dryRun: DryRunResult | undefined, {region, lastExecutedAt, now}: ExecuteGateInput): ExecuteGate {
  const request = dryRun?.request;
  if (dryRun === undefined || request === undefined || request.service !== action.service || request.operation !== action.operation) {
    return refused('dry-run it first (d): no passing dry-run in this session');
  }
  if (!sameParams(request.params, action.params)) return refused('the parameters changed since the dry-run: dry-run again');
  if (region !== undefined && request.region !== undefined && region !== request.region) return refused(`the dry-run went to ${request.region}, this would go to ${region}: dry-run again`);
  if (dryRun.verdict.outcome !== 'would-succeed' || !dryRun.sent) return refused('dry-run it first (d): the last dry-run did not pass');
  if (lastExecutedAt !== undefined && !(Date.parse(dryRun.at) > Date.parse(lastExecutedAt))) return refused('this call was executed after its dry-run: dry-run again');
  const ageMs = now.getTime() - Date.parse(dryRun.at);
  if (Number.isNaN(ageMs) || ageMs < 0) return refused('the dry-run has no valid time: dry-run again');
  if (ageMs >= dryRunMaxAgeMs) return refused(`the dry-run is ${Math.floor(ageMs / 60_000)} min old: dry-run again (limit ${dryRunMaxAgeMs / 60_000} min)`);
  return allowed;
}

export function executeGate(input: ExecuteGateInput): ExecuteGate {
  const {mode, action} = input;
  if (mode === 'plan') return refused('plan mode: nothing is ever executed');
  if (action === undefined) return refused('this step has no complete call to execute');
  if (!isMutating(action)) return refused('this call only reads: there is nothing to execute');
  switch (mode) {
    case 'sandbox':
      return allowed;
    case 'aws':
      if (action.service !== 'ec2' || !supportsDryRun(action)) return refused('this API has no DryRun: run the shown command yourself');
      if (!input.allowExecute) return refused('start trailguide with --allow-execute (or TRAILGUIDE_ALLOW_EXECUTE=1) to execute on a real account');
      return dryRunGate(action, input.lastDryRun, input);
    default: {
      const never: never = mode;
      return never;
    }
  }
}
