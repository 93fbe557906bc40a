// The one interface every way of "running" an action sits behind: plan (offline, this file's
// neighbour plan.ts), real AWS with DryRun, and later a training sandbox. Dry-run versus real is
// decided by which executor the app was started with, never by a screen.
import type {Action, ActionParams} from '../action.js';
import type {ServiceName} from '../operations.js';

export type ExecutorMode = 'plan' | 'aws' | 'sandbox';

/** Exactly what would be (or was) sent. */
export interface SentRequest {
  readonly service: ServiceName;
  readonly operation: string;
  readonly params: ActionParams;
  readonly region?: string | undefined;
}

/** How a permission was checked when the API has no DryRun (IAM): the IAM policy simulator. */
export type PermissionCheck = 'SimulatePrincipalPolicy';

export type Verdict =
  /** detail: why not even the permission could be checked (an IAM call from a root session…). */
  | {readonly outcome: 'plan-only'; readonly reason: 'offline' | 'no-dry-run'; readonly detail?: string | undefined}
  | {readonly outcome: 'would-succeed'}
  /**
   * IAM has no DryRun: the policy simulator says the operator's identity may make this call on this
   * resource. Not that the call would succeed (the user or key may not exist), and the call was not sent.
   * statements: the policies that allowed it, as the simulator names them.
   */
  | {readonly outcome: 'permitted'; readonly permission: string; readonly checkedBy: PermissionCheck; readonly statements?: readonly string[] | undefined}
  /**
   * A read-only call (Describe*, Get*, LookupEvents) that was run for real: it changes nothing.
   * output: the answer without the SDK's metadata (absent in journals written before it was kept).
   */
  | {readonly outcome: 'read'; readonly summary: string; readonly output?: unknown}
  /**
   * checkedBy: the denial is the policy simulator's (IAM), not AWS refusing a dry-run; explicit: a
   * Deny statement matched (else no statement allows it); statements: the ones that matched, or what
   * blocked it (an SCP, the permissions boundary); missingContext: condition keys the simulation lacked.
   */
  | {
      readonly outcome: 'denied';
      readonly permission: string;
      readonly encodedMessage?: string | undefined;
      readonly checkedBy?: PermissionCheck | undefined;
      readonly explicit?: boolean | undefined;
      readonly statements?: readonly string[] | undefined;
      readonly missingContext?: readonly string[] | undefined;
    }
  | {readonly outcome: 'would-fail'; readonly code: string; readonly message: string}
  | {readonly outcome: 'error'; readonly kind: 'throttled' | 'timeout' | 'credentials' | 'network' | 'unreadable' | 'cancelled' | 'other'; readonly message: string};

export interface DryRunResult {
  readonly request: SentRequest;
  readonly verdict: Verdict;
  /** Whether anything left the process. */
  readonly sent: boolean;
  /**
   * What was sent instead of the request, when its API has no DryRun (IAM: iam:GetRole to find the
   * caller's role, iam:SimulatePrincipalPolicy). `request` itself was not sent.
   */
  readonly sentInstead?: readonly SentRequest[] | undefined;
  readonly durationMs: number;
  /** ISO time the dry-run finished. */
  readonly at: string;
}

export interface DryRunOptions {
  readonly region?: string | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** The answer of a read-only call run for real (the Now panel): the SDK's output, or why there is none. */
export type ReadResult =
  | {readonly ok: true; readonly output: unknown; readonly durationMs: number}
  | {readonly ok: false; readonly verdict: Verdict; readonly code?: string | undefined; readonly durationMs: number};

/**
 * The outcome of a call carried out for real (the training sandbox, or an AWS account started with
 * --allow-execute), behind a typed confirmation. A failure is either definite (refused before
 * sending, or AWS answered with an error: nothing changed) or `outcomeUnknown` (the request left but
 * no usable answer came back: a timeout, a cut connection, a 5xx): the call may or may not have
 * happened, and only a read-only look at the account can tell. Never send such a call again blindly.
 */
export type ExecuteResult =
  | {readonly ok: true; readonly output: unknown}
  | {readonly ok: false; readonly code: string; readonly message: string; readonly outcomeUnknown?: false | undefined}
  | {readonly ok: false; readonly code: string; readonly message: string; readonly outcomeUnknown: true};

export interface Executor {
  readonly mode: ExecutorMode;
  dryRun(action: Action, options: DryRunOptions): Promise<DryRunResult>;
  /** Run a read-only call for real; only executors connected to an account have it. */
  read?(action: Action, options: DryRunOptions): Promise<ReadResult>;
  /**
   * Carry out a call for real, exactly once (never retried). The sandbox and the AWS executor have
   * it; plan mode has not. The AWS executor executes only mutating EC2 calls that accept DryRun, and
   * only when created with allowExecute; whether *now* is allowed is walkthrough/execute-gate.ts.
   */
  execute?(action: Action, options: DryRunOptions): Promise<ExecuteResult>;
}
