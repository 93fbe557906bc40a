// After a call that changes the account was carried out (or its outcome is unknown): the read-only
// call that shows whether it took effect, built from the call's own parameters, and a pure check
// of its answer. One table, by operation; the checks live in verify/<family>.ts. Calls that create
// something (its ID is only in their output) have no verification here: undefined.
import type {Action} from './action.js';
import type {ReadResult} from './executors/executor.js';
import type {Builder, Verification} from './verify/check.js';
import {instanceVerifications} from './verify/instances.js';
import {interfaceVerifications} from './verify/interfaces.js';
import {networkVerifications} from './verify/network.js';
import {routeVerifications} from './verify/routes.js';
import {securityGroupVerifications} from './verify/security-groups.js';

export type {Verification, VerifyCheck} from './verify/check.js';

const ec2Verifications: Readonly<Record<string, Builder>> = {
  ...securityGroupVerifications,
  ...routeVerifications,
  ...interfaceVerifications,
  ...networkVerifications,
  ...instanceVerifications,
};

/** The EC2 operations that have a verification (when their parameters name what they change). */
export const verifiedOperations: readonly string[] = Object.keys(ec2Verifications);

/**
 * The read-only call that shows whether `action` took effect, and the check of its answer; undefined
 * when trailguide cannot tell from the action alone (a create, another service, parameters it does
 * not know).
 */
export function verificationFor(action: Action): Verification | undefined {
  if (action.service !== 'ec2' || !Object.hasOwn(ec2Verifications, action.operation)) return undefined;
  return ec2Verifications[action.operation]?.(action.params);
}

/** What check() takes from an executor's read(): the output, or {code, problem} of the failed read (problem: what happened, in words). */
export function verifyInput(result: ReadResult): unknown {
  if (result.ok) return result.output;
  return {code: result.code ?? result.verdict.outcome, problem: result.verdict.outcome === 'error' ? result.verdict.message : undefined};
}
