// The AWS executor: dry-runs against a real account. The one rule it exists to keep: a call that
// changes the account is only ever sent with DryRun=true (EC2), and one whose API has no DryRun is
// never sent (for IAM, iam:SimulatePrincipalPolicy checks the permission instead: iam-permission.ts).
// Read-only calls run for real, without DryRun, and their answer is kept to be shown.
// The SDK is loaded on first use.
// The one exception is execute(): with allowExecute, a mutating EC2 call that accepts DryRun (so it
// could be dry-run first) is sent for real, exactly once, never retried.
import {dryRunRequest, isMutating, supportsDryRun, type Action, type ActionParams} from '../action.js';
import type {ConnectionStatus} from '../connection-status.js';
import {verdictForError, errorCode, executeFailure} from '../interpret-error.js';
import type {Sdk} from '../sdk/aws-sdk.js';
import {checkIamPermission, iamRegion} from './iam-permission.js';
import {answerOf, answerSummary} from '../render/read-table.js';
import type {DryRunOptions, DryRunResult, ExecuteResult, Executor, ReadResult, SentRequest, Verdict} from './executor.js';

export interface AwsExecutorOptions {
  /** The SDK module, loaded lazily by the caller. */
  readonly sdk: () => Promise<Sdk>;
  /** Resolves once: connected (credentials and identity) or offline with a reason. */
  readonly connection: () => Promise<ConnectionStatus>;
  /** --region: wins over the event's Region. */
  readonly regionOverride?: string | undefined;
  /** Region when neither --region nor the event gives one. */
  readonly defaultRegion: string;
  readonly clock?: () => Date;
  /** --allow-execute: without it execute() refuses everything (the gate says so first). */
  readonly allowExecute?: boolean | undefined;
}

/** The code of an execution refused before anything was sent. */
export const refusedCode = 'NotExecuted';

/** Why this action may never be executed on a real account, or undefined when it may. */
export function executeRefusal(action: Pick<Action, 'service' | 'operation'>): string | undefined {
  if (!isMutating(action)) return `${action.operation} only reads: there is nothing to execute`;
  if (action.service !== 'ec2' || !supportsDryRun(action)) return `${action.service}:${action.operation} has no DryRun: trailguide never executes it; run the shown command yourself`;
  return undefined;
}

/** The partition of a Region: aws-cn for cn-*, aws-us-gov for us-gov-*, else aws. */
function partitionOf(region: string): string {
  return region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

/** The parameters exactly as the real call sends them: never DryRun. */
function withoutDryRun(params: ActionParams): ActionParams {
  return Object.fromEntries(Object.entries(params).filter(([key]) => key !== 'DryRun'));
}

export function createAwsExecutor(options: AwsExecutorOptions): Executor {
  const clock = options.clock ?? (() => new Date());
  // The action's own Region (a peering rejected in the peer's Region) wins over --region and the event's.
  // IAM is global: its calls go to the partition's home Region, whatever the event's.
  const regionFor = (action: Action, eventRegion: string | undefined): string => (action.service === 'iam' ? iamRegion(partitionOf(eventRegion ?? options.defaultRegion), 'us-east-1') : (action.region ?? options.regionOverride ?? eventRegion ?? options.defaultRegion));

  async function timed(request: SentRequest, sent: boolean, run: () => Promise<Verdict>): Promise<DryRunResult> {
    const start = clock().getTime();
    const verdict = await run();
    const end = clock();
    return {request, verdict, sent, durationMs: end.getTime() - start, at: end.toISOString()};
  }

  // The caller's role ARN (with its path), found once with iam:GetRole for every IAM permission check.
  const roleArns = new Map<string, string>();
  async function iamCheck(sdk: Sdk, action: Action, planned: SentRequest, status: Extract<ConnectionStatus, {kind: 'connected'}>, signal: AbortSignal | undefined): Promise<DryRunResult> {
    const start = clock().getTime();
    const {verdict, sent} = await checkIamPermission(sdk, {action, account: status.account, callerArn: status.principal, fallbackRegion: options.defaultRegion, signal}, roleArns);
    const end = clock();
    return {request: planned, verdict, sent: sent.length > 0, ...(sent.length > 0 ? {sentInstead: sent} : {}), durationMs: end.getTime() - start, at: end.toISOString()};
  }

  return {
    mode: 'aws',
    async dryRun(action: Action, {region: eventRegion, signal}: DryRunOptions): Promise<DryRunResult> {
      const region = regionFor(action, eventRegion);
      const mutating = isMutating(action);
      // A read-only call is run for real, without DryRun, so its answer can be shown: it changes nothing.
      const planned: SentRequest = {service: action.service, operation: action.operation, params: mutating ? dryRunRequest(action) : action.params, region};
      const status = await options.connection();
      if (status.kind !== 'connected') return timed(planned, false, () => Promise.resolve({outcome: 'plan-only', reason: 'offline'}));
      const sdk = await options.sdk();
      // IAM has no DryRun: the policy simulator checks the permission instead; the call itself is never sent.
      if (mutating && action.service === 'iam') return iamCheck(sdk, action, planned, status, signal);
      if (mutating && !supportsDryRun(action)) return timed(planned, false, () => Promise.resolve({outcome: 'plan-only', reason: 'no-dry-run'}));
      if (!sdk.canSend(action.service, action.operation)) return timed(planned, false, () => Promise.resolve({outcome: 'plan-only', reason: 'no-dry-run'}));
      const service = action.service;
      // From here a request leaves the process: with DryRun=true, or a read-only call without DryRun.
      return timed(planned, true, async () => {
        try {
          const output = await sdk.send(service, action.operation, planned.params, region, signal);
          // A mutating call answered with data although DryRun was set: never take that for a dry-run.
          return mutating ? {outcome: 'error', kind: 'other', message: 'AWS answered a dry-run as if it ran'} : {outcome: 'read', summary: answerSummary(output), output: answerOf(output)};
        } catch (error) {
          return verdictForError(error, action);
        }
      });
    },
    async read(action: Action, {region: eventRegion, signal}: DryRunOptions): Promise<ReadResult> {
      const start = clock().getTime();
      const elapsed = () => clock().getTime() - start;
      if (isMutating(action)) return {ok: false, verdict: {outcome: 'plan-only', reason: 'no-dry-run'}, durationMs: 0};
      const status = await options.connection();
      if (status.kind !== 'connected') return {ok: false, verdict: {outcome: 'plan-only', reason: 'offline'}, durationMs: elapsed()};
      const sdk = await options.sdk();
      if (!sdk.canSend(action.service, action.operation)) return {ok: false, verdict: {outcome: 'plan-only', reason: 'no-dry-run'}, durationMs: elapsed()};
      try {
        const output = await sdk.send(action.service, action.operation, action.params, regionFor(action, eventRegion), signal);
        return {ok: true, output, durationMs: elapsed()};
      } catch (error) {
        return {ok: false, verdict: verdictForError(error, action), code: errorCode(error), durationMs: elapsed()};
      }
    },
    async execute(action: Action, {region: eventRegion, signal}: DryRunOptions): Promise<ExecuteResult> {
      const refuse = (why: string): ExecuteResult => ({ok: false, code: refusedCode, message: `${why}: nothing was sent`});
      const refusal = executeRefusal(action);
      if (refusal !== undefined) return refuse(refusal);
      if (options.allowExecute !== true) return refuse('trailguide was started without --allow-execute');
      const status = await options.connection();
      if (status.kind !== 'connected') return refuse('not connected to an AWS account');
      const sdk = await options.sdk();
      if (!sdk.canSend(action.service, action.operation)) return refuse(`trailguide has no ${action.service} command ${action.operation}`);
      if (signal?.aborted === true) return {ok: false, code: 'AbortError', message: 'cancelled: nothing was sent'};
      // From here the request leaves the process, for real, once: the client never retries it.
      try {
        return {ok: true, output: await sdk.sendOnce(action.service, action.operation, withoutDryRun(action.params), regionFor(action, eventRegion), signal)};
      } catch (error) {
        return executeFailure(error, action);
      }
    },
  };
}
