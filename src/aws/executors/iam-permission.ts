// IAM has no DryRun, so the dry-run of an IAM call that changes the account asks the IAM policy
// simulator instead (iam:SimulatePrincipalPolicy): may the operator's identity make this call on
// this user, role or policy? The call itself is never sent. The answer is about permission only:
// an allowed UpdateAccessKey can still fail because the key does not exist.
import type {Action, ParamValue} from '../action.js';
import {callProblem, errorCode, isDeniedCode} from '../interpret-error.js';
import type {SentRequest, Verdict} from './executor.js';

/** The IAM reads the check sends (src/aws/sdk/aws-sdk.ts sends only these for IAM). */
export type IamCheckOperation = 'SimulatePrincipalPolicy' | 'GetRole';

export interface IamCheckSdk {
  iam(operation: IamCheckOperation, params: object, region: string, signal?: AbortSignal): Promise<unknown>;
}

/** An IAM user or role name (IAM's own pattern and length). */
const iamName = /^[\w+=,.@-]{1,64}$/;
const policyArn = /^arn:aws(-[a-z]+)*:iam::(\d{12}|aws):policy\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,128}$/;
const partitionOf = /^arn:(aws(?:-[a-z]+)*):/;

/** Whose policies are simulated: the caller's IAM user or role, or why it cannot be simulated. */
export type PolicySource =
  | {readonly kind: 'arn'; readonly arn: string; readonly partition: string}
  | {readonly kind: 'role'; readonly roleName: string; readonly partition: string}
  | {readonly kind: 'none'; readonly why: string};

/** The simulation's PolicySourceArn from GetCallerIdentity's Arn (an assumed-role session needs GetRole: its role may have a path). */
export function policySource(callerArn: string): PolicySource {
  const partition = partitionOf.exec(callerArn)?.[1];
  if (partition === undefined) return {kind: 'none', why: 'the caller is not an AWS principal trailguide can read'};
  if (/^arn:[a-z-]+:iam::\d{12}:root$/.test(callerArn)) return {kind: 'none', why: 'the root user cannot be simulated (it is allowed everything an SCP does not deny)'};
  if (/^arn:[a-z-]+:sts::\d{12}:federated-user\//.test(callerArn)) return {kind: 'none', why: 'a federated user session cannot be simulated'};
  if (/^arn:[a-z-]+:iam::\d{12}:user\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/.test(callerArn)) return {kind: 'arn', arn: callerArn, partition};
  const role = /^arn:[a-z-]+:sts::\d{12}:assumed-role\/([^/]+)\/[^/]+$/.exec(callerArn)?.[1];
  if (role !== undefined && iamName.test(role)) return {kind: 'role', roleName: role, partition};
  return {kind: 'none', why: 'the caller is neither an IAM user nor a role session'};
}

/** IAM is global: its calls go to the partition's home Region (the SDK's endpoint rules sign for it there). */
export function iamRegion(partition: string, fallback: string): string {
  return ({aws: 'us-east-1', 'aws-cn': 'cn-north-1', 'aws-us-gov': 'us-gov-west-1'} as Readonly<Record<string, string>>)[partition] ?? fallback;
}

const text = (value: ParamValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

/** The ARN of what the action names (its role, user or policy), validated, or why there is none. */
export function resourceArn(action: Pick<Action, 'params'>, partition: string, account: string): {readonly arn: string} | {readonly why: string} {
  const role = text(action.params['RoleName']);
  const user = text(action.params['UserName']);
  const policy = text(action.params['PolicyArn']);
  if (role !== undefined) return iamName.test(role) ? {arn: `arn:${partition}:iam::${account}:role/${role}`} : {why: 'RoleName is not a valid IAM role name'};
  if (user !== undefined) return iamName.test(user) ? {arn: `arn:${partition}:iam::${account}:user/${user}`} : {why: 'UserName is not a valid IAM user name'};
  if (policy !== undefined) return policyArn.test(policy) ? {arn: policy} : {why: 'PolicyArn is not an IAM policy ARN'};
  return {why: 'the call names no user, role or policy to check it on'};
}

/** The simulator's names for where a decision came from: "ReadOnlyAccess (aws-managed)", "an SCP". */
function sources(result: EvaluationResult): string[] {
  const named = (result.MatchedStatements ?? []).map((s) => [s.SourcePolicyId, s.SourcePolicyType && `(${s.SourcePolicyType})`].filter(Boolean).join(' ')).filter((s) => s !== '');
  if (result.OrganizationsDecisionDetail?.AllowedByOrganizations === false) named.push('an SCP of the organization');
  if (result.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary === false) named.push('the permissions boundary');
  return [...new Set(named)].slice(0, 5);
}

interface EvaluationResult {
  readonly EvalActionName?: string;
  readonly EvalDecision?: string;
  readonly MatchedStatements?: readonly {readonly SourcePolicyId?: string; readonly SourcePolicyType?: string}[];
  readonly MissingContextValues?: readonly string[];
  readonly OrganizationsDecisionDetail?: {readonly AllowedByOrganizations?: boolean};
  readonly PermissionsBoundaryDecisionDetail?: {readonly AllowedByPermissionsBoundary?: boolean};
}

/** The verdict for the simulator's answer about `permission`. */
export function simulationVerdict(output: unknown, permission: string): Verdict {
  const results = (typeof output === 'object' && output !== null ? (output as {EvaluationResults?: unknown}).EvaluationResults : undefined) ?? [];
  const result = Array.isArray(results) ? (results as EvaluationResult[]).find((r) => r.EvalActionName?.toLowerCase() === permission.toLowerCase()) : undefined;
  const statements = result && sources(result);
  const some = (list: readonly string[] | undefined) => (list !== undefined && list.length > 0 ? list : undefined);
  const decision = result?.EvalDecision;
  if (decision === 'allowed') return {outcome: 'permitted', permission, checkedBy: 'SimulatePrincipalPolicy', statements: some(statements)};
  if (decision === 'explicitDeny' || decision === 'implicitDeny') {
    return {
      outcome: 'denied',
      permission,
      checkedBy: 'SimulatePrincipalPolicy',
      explicit: decision === 'explicitDeny',
      statements: some(statements),
      missingContext: some(result?.MissingContextValues?.filter((k) => typeof k === 'string').slice(0, 5)),
    };
  }
  return {outcome: 'error', kind: 'unreadable', message: `cannot check: iam:SimulatePrincipalPolicy's answer has no decision for ${permission}`};
}

/** A check call that failed: never the action's own denial, always "could not check". */
export function checkFailure(operation: IamCheckOperation, error: unknown): Verdict {
  const code = errorCode(error) ?? 'Error';
  const problem = callProblem(error);
  if (problem?.kind === 'cancelled') return {outcome: 'error', ...problem};
  if (problem) return {outcome: 'error', kind: problem.kind, message: `cannot check with iam:${operation}: ${problem.message}`};
  if (isDeniedCode(code)) return {outcome: 'error', kind: 'other', message: `cannot check: iam:${operation} refused (${code}): your identity may not use the IAM policy simulator`};
  const message = typeof error === 'object' && error !== null && typeof (error as {message?: unknown}).message === 'string' ? (error as {message: string}).message.split('\n')[0]!.slice(0, 200) : '';
  return {outcome: 'error', kind: 'other', message: `cannot check: iam:${operation} failed (${code})${message ? `: ${message}` : ''}`};
}

export interface IamCheckInput {
  readonly action: Action;
  /** The connection's account and caller ARN (GetCallerIdentity). */
  readonly account: string;
  readonly callerArn: string;
  /** Region when the partition has no known home Region. */
  readonly fallbackRegion: string;
  readonly signal?: AbortSignal | undefined;
}

export interface IamCheckOutcome {
  readonly verdict: Verdict;
  /** What left the process (GetRole, SimulatePrincipalPolicy), in order; empty when nothing did. */
  readonly sent: readonly SentRequest[];
}

/**
 * The permission check for one IAM call. `roleArns` caches the caller's role ARN across checks
 * (resolved once per session; a failed GetRole is asked again next time).
 */
export async function checkIamPermission(sdk: IamCheckSdk, input: IamCheckInput, roleArns: Map<string, string>): Promise<IamCheckOutcome> {
  const {action, signal} = input;
  const permission = `iam:${action.operation}`;
  const notChecked = (why: string): IamCheckOutcome => ({verdict: {outcome: 'plan-only', reason: 'no-dry-run', detail: `permission not checked: ${why}`}, sent: []});
  const source = policySource(input.callerArn);
  if (source.kind === 'none') return notChecked(source.why);
  const target = resourceArn(action, source.partition, input.account);
  if ('why' in target) return notChecked(target.why);
  const region = iamRegion(source.partition, input.fallbackRegion);
  const sent: SentRequest[] = [];
  const send = async (operation: IamCheckOperation, params: Readonly<Record<string, ParamValue>>): Promise<unknown> => {
    sent.push({service: 'iam', operation, params, region});
    return sdk.iam(operation, params, region, signal);
  };
  let sourceArn: string;
  if (source.kind === 'role') {
    const known = roleArns.get(source.roleName);
    if (known === undefined) {
      try {
        const out = (await send('GetRole', {RoleName: source.roleName})) as {Role?: {Arn?: unknown}} | undefined;
        const arn = out?.Role?.Arn;
        if (typeof arn !== 'string' || !arn.startsWith(`arn:${source.partition}:iam::`)) return {verdict: {outcome: 'error', kind: 'unreadable', message: `cannot check: iam:GetRole's answer has no ARN for ${source.roleName}`}, sent};
        roleArns.set(source.roleName, arn);
        sourceArn = arn;
      } catch (error) {
        return {verdict: checkFailure('GetRole', error), sent};
      }
    } else sourceArn = known;
  } else sourceArn = source.arn;
  try {
    const output = await send('SimulatePrincipalPolicy', {PolicySourceArn: sourceArn, ActionNames: [permission], ResourceArns: [target.arn]});
    return {verdict: simulationVerdict(output, permission), sent};
  } catch (error) {
    return {verdict: checkFailure('SimulatePrincipalPolicy', error), sent};
  }
}
