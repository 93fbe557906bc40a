// The sandbox executor: the third way of running an action, against a simulated account instead
// of AWS. Nothing leaves the process (sent: false). A dry-run answers what EC2 would: the IAM check
// first (denied), then the error the real call would meet on the current state (would-fail), else
// would-succeed; the state is not changed. A dry-run of a read-only call runs it on the current
// state and answers with its output, as the AWS executor does. read() runs Describe* on the current state. execute()
// is a real call in the sandbox: on success the state changes (the app asks a typed confirmation).
import {dryRunRequest, isMutating, supportsDryRun, targetRegion, type Action} from '../action.js';
import type {DryRunOptions, DryRunResult, ExecuteResult, Executor, ReadResult, Verdict} from '../executors/executor.js';
import {deepFreeze, withRules, type SandboxAccount} from './account.js';
import {apply, unsupportedCode} from './operations.js';
import {answerOf, answerSummary} from '../render/read-table.js';
import type {CloudTrailRecord} from '../../events/record.js';
import {SandboxFault} from './params.js';
import {lookupEvents} from './trail.js';
import {authorize, encodedMessage, unauthorizedMessage} from './permissions.js';
import {iamHandlers, type IamState} from './iam.js';
import {iamFromRecords} from './seed-iam.js';

export type {ExecuteResult} from '../executors/executor.js';

export interface SandboxExecutor extends Executor {
  readonly mode: 'sandbox';
  dryRun(action: Action, options: DryRunOptions): Promise<DryRunResult>;
  read(action: Action, options: DryRunOptions): Promise<ReadResult>;
  /** Run the action for real in the sandbox. */
  execute(action: Action, options: DryRunOptions): Promise<ExecuteResult>;
  /** The account as it is now. */
  account(): SandboxAccount;
  /** Its IAM users, roles and root summary as they are now (seeded from the trail's callers). */
  iam(): IamState;
}

/** A ReadResult before it is timed. */
type Untimed<T> = T extends unknown ? Omit<T, 'durationMs'> : never;

/** A simulated read: its answer, or the error EC2/CloudTrail would give. */
function simulated(read: () => unknown): {ok: true; output: unknown} | {ok: false; code: string; verdict: Verdict} {
  try {
    return {ok: true, output: read()};
  } catch (error) {
    if (!(error instanceof SandboxFault)) throw error;
    return {ok: false, code: error.code, verdict: {outcome: 'would-fail', code: error.code, message: error.message}};
  }
}

function readVerdict(output: unknown): Verdict {
  return {outcome: 'read', summary: answerSummary(output), output: answerOf(output)};
}

const noDryRun: Verdict = {outcome: 'plan-only', reason: 'no-dry-run'};
const cancelled: Verdict = {outcome: 'error', kind: 'cancelled', message: 'cancelled'};

/** The initial account is frozen in place (it is immutable by contract); its groups' IpPermissions are re-derived from its rules. */
/**
 * trail: the events CloudTrail's history holds in this account (a scenario's own record): what
 * LookupEvents answers from.
 */
export function createSandboxExecutor(initial: SandboxAccount, clock: () => Date = () => new Date(), trail: readonly CloudTrailRecord[] = []): SandboxExecutor {
  let state: SandboxAccount = deepFreeze({...initial, snapshot: withRules(initial.snapshot, initial.snapshot.SecurityGroupRules)});
  let iam: IamState = deepFreeze(iamFromRecords(trail, initial.accountId));

  /**
   * IAM calls: a scenario's permissions are about EC2, so IAM is allowed unless they name IAM actions
   * (then they decide, as for EC2). The actor's containment then works in every scenario.
   */
  const iamAuthorization = (operation: string) => {
    const namesIam = [...state.permissions.allow, ...(state.permissions.deny ?? [])].some((p) => /^iam:/i.test(p));
    return namesIam ? authorize(state.permissions, 'iam', operation) : {allowed: true as const};
  };

  /** One IAM call on the simulated IAM: its answer (and the new IAM for a change), or IAM's error. */
  function iamCall(action: Action): {ok: true; output: unknown; next?: IamState | undefined} | {ok: false; code: string; message: string; denied?: {permission: string; explicitDeny: boolean}} {
    const handler = iamHandlers.get(action.operation);
    if (handler === undefined) return {ok: false, code: unsupportedCode, message: `the sandbox does not simulate iam:${action.operation}`};
    const authorization = iamAuthorization(action.operation);
    if (!authorization.allowed) return {ok: false, code: 'AccessDenied', message: unauthorizedMessage(authorization), denied: authorization};
    try {
      const result = handler(iam, action.params);
      return {ok: true, output: result.output, next: result.state};
    } catch (error) {
      if (error instanceof SandboxFault) return {ok: false, code: error.code, message: error.message};
      throw error;
    }
  }

  /** The account the call reaches: the sandbox's own Region, or an empty one elsewhere (whose resources do not exist). */
  const reached = (region: string | undefined): SandboxAccount =>
    region === undefined || region === state.region ? state : {...state, region, snapshot: {SecurityGroupRules: []}};

  function dryRunVerdict(action: Action, region: string | undefined, signal: AbortSignal | undefined): Verdict {
    if (signal?.aborted === true) return cancelled;
    if (action.service !== 'ec2' || !supportsDryRun(action)) return noDryRun;
    const authorization = authorize(state.permissions, action.service, action.operation);
    if (!authorization.allowed) return {outcome: 'denied', permission: authorization.permission, encodedMessage: encodedMessage(authorization)};
    const result = apply(reached(region), action.operation, action.params);
    return result.ok ? {outcome: 'would-succeed'} : {outcome: 'would-fail', code: result.code, message: result.message};
  }

  function readNow(action: Action, region: string | undefined, signal: AbortSignal | undefined): Untimed<ReadResult> {
    if (signal?.aborted === true) return {ok: false, verdict: cancelled};
    // The event history: a scenario's permissions are about EC2, so reading the trail is always allowed here.
    if (action.service === 'cloudtrail' && action.operation === 'LookupEvents') return simulated(() => lookupEvents(trail, action.params));
    if (action.service === 'iam') {
      const result = iamCall(action);
      if (result.ok) return {ok: true, output: result.output};
      const verdict: Verdict = result.denied === undefined
        ? {outcome: 'would-fail', code: result.code, message: result.message}
        : {outcome: 'denied', permission: result.denied.permission, encodedMessage: encodedMessage(result.denied)};
      return {ok: false, code: result.code, verdict};
    }
    if (action.service !== 'ec2') return {ok: false, verdict: {outcome: 'error', kind: 'other', message: `the training sandbox does not simulate ${action.service}:${action.operation}: run it on a real account`}};
    const authorization = authorize(state.permissions, action.service, action.operation);
    if (!authorization.allowed) {
      return {ok: false, code: 'UnauthorizedOperation', verdict: {outcome: 'denied', permission: authorization.permission, encodedMessage: encodedMessage(authorization)}};
    }
    const result = apply(reached(region), action.operation, action.params);
    return result.ok ? {ok: true, output: result.output} : {ok: false, code: result.code, verdict: {outcome: 'would-fail', code: result.code, message: result.message}};
  }

  function executeNow(action: Action, region: string | undefined, signal: AbortSignal | undefined): ExecuteResult {
    if (signal?.aborted === true) return {ok: false, code: 'AbortError', message: 'cancelled'};
    if (action.service === 'iam') {
      const result = iamCall(action);
      if (!result.ok) return {ok: false, code: result.code, message: result.message};
      if (result.next !== undefined) iam = deepFreeze(result.next);
      return {ok: true, output: result.output as Readonly<Record<string, unknown>>};
    }
    if (action.service !== 'ec2') return {ok: false, code: unsupportedCode, message: `the sandbox does not simulate ${action.service}:${action.operation}`};
    const authorization = authorize(state.permissions, action.service, action.operation);
    if (!authorization.allowed) return {ok: false, code: 'UnauthorizedOperation', message: unauthorizedMessage(authorization)};
    const target = reached(region);
    const result = apply(target, action.operation, action.params);
    if (!result.ok) return {ok: false, code: result.code, message: result.message};
    if (target === state) state = deepFreeze(result.account);
    return {ok: true, output: result.output};
  }

  return {
    mode: 'sandbox',
    dryRun(action, {region, signal}) {
      const start = clock().getTime();
      const target = targetRegion(action, region) ?? state.region;
      const request = {service: action.service, operation: action.operation, params: isMutating(action) ? dryRunRequest(action) : action.params, region: target};
      // A read-only call runs on the simulated account, as it would on AWS: its answer is shown.
      const read = isMutating(action) ? undefined : readNow(action, target, signal);
      const verdict = read === undefined ? dryRunVerdict(action, target, signal) : read.ok ? readVerdict(read.output) : read.verdict;
      const end = clock();
      return Promise.resolve({request, verdict, sent: false, durationMs: end.getTime() - start, at: end.toISOString()});
    },
    read(action, {region, signal}) {
      if (isMutating(action)) return Promise.resolve({ok: false, verdict: noDryRun, durationMs: 0});
      const start = clock().getTime();
      const result = readNow(action, targetRegion(action, region), signal);
      return Promise.resolve({...result, durationMs: clock().getTime() - start});
    },
    execute(action, {region, signal}) {
      return Promise.resolve(executeNow(action, targetRegion(action, region), signal));
    },
    account: () => state,
    iam: () => iam,
  };
}
