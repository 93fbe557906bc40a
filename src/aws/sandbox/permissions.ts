// The sandbox's IAM check, before anything else, as in EC2: an explicit Deny wins, otherwise an
// Allow must match, otherwise the call is refused (UnauthorizedOperation). Action patterns are
// matched as IAM matches them: case-insensitive, with the wildcards * and ?.
import type {SandboxPermissions} from './account.js';

export type Authorization =
  | {readonly allowed: true}
  | {readonly allowed: false; readonly permission: string; readonly explicitDeny: boolean};

function matchesAction(pattern: string, action: string): boolean {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i').test(action);
}

export function authorize(permissions: SandboxPermissions, service: string, operation: string): Authorization {
  const permission = `${service}:${operation}`;
  if ((permissions.deny ?? []).some((p) => matchesAction(p, permission))) return {allowed: false, permission, explicitDeny: true};
  if (permissions.allow.some((p) => matchesAction(p, permission))) return {allowed: true};
  return {allowed: false, permission, explicitDeny: false};
}

/** A short stand-in for EC2's encoded authorization message: base64url of what was refused and why. */
export function encodedMessage(denial: {readonly permission: string; readonly explicitDeny: boolean}): string {
  const text = JSON.stringify({sandbox: true, allowed: false, explicitDeny: denial.explicitDeny, context: {action: denial.permission}});
  return `sandbox-${Buffer.from(text).toString('base64url')}`;
}

/** The message of EC2's UnauthorizedOperation, with the encoded message at its end. */
export function unauthorizedMessage(denial: {readonly permission: string; readonly explicitDeny: boolean}): string {
  const why = denial.explicitDeny ? 'with an explicit deny in an identity-based policy' : `because no identity-based policy allows the ${denial.permission} action`;
  return `You are not authorized to perform this operation. You are not authorized to perform: ${denial.permission} ${why}. Encoded authorization failure message: ${encodedMessage(denial)}`;
}
