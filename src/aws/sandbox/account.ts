// The training sandbox's account: one account's EC2 network in one Region, as a pure, immutable
// value in the EC2 API's own shapes (AccountSnapshot), plus the IAM policy of whoever drives it.
// Security group rules are kept with their IDs (sgr-…); each group's IpPermissions and
// IpPermissionsEgress are always derived from them, so the two views never disagree.
import type {SecurityGroupRule} from '@aws-sdk/client-ec2';
import type {AccountSnapshot} from '../account-snapshot.js';
import {newId} from '../stable-id.js';
import {permissionsOf, rulesFromPermissions} from './rules.js';

export {newId};

/** IAM actions as policies write them: 'ec2:*', 'ec2:Describe*', 'ec2:DeleteSecurityGroup', '*'. */
export interface SandboxPermissions {
  readonly allow: readonly string[];
  /** An explicit deny wins over any allow. */
  readonly deny?: readonly string[] | undefined;
}

export type SandboxSnapshot = AccountSnapshot & {
  /** Every rule of every group, with its ID: the source of the groups' IpPermissions. */
  readonly SecurityGroupRules: readonly SecurityGroupRule[];
};

export interface SandboxAccount {
  readonly snapshot: SandboxSnapshot;
  readonly permissions: SandboxPermissions;
  readonly accountId: string;
  readonly region: string;
}

/** A snapshot from elsewhere (the Now panel, a test) that may have no rule IDs yet. */
export type SnapshotInput = AccountSnapshot & {readonly SecurityGroupRules?: readonly SecurityGroupRule[] | undefined};

export const allowAll: SandboxPermissions = {allow: ['ec2:*']};

/** The snapshot with these rules; every group's IpPermissions and IpPermissionsEgress re-derived. */
export function withRules(snapshot: AccountSnapshot, rules: readonly SecurityGroupRule[]): SandboxSnapshot {
  const groups = (snapshot.SecurityGroups ?? []).map((group) => {
    const own = rules.filter((rule) => rule.GroupId === group.GroupId);
    return {...group, IpPermissions: permissionsOf(own, false), IpPermissionsEgress: permissionsOf(own, true)};
  });
  return {...snapshot, SecurityGroups: groups, SecurityGroupRules: rules};
}

/** A sandbox snapshot from any snapshot: rules without IDs are read from IpPermissions and given stable IDs. */
export function sandboxSnapshot(input: SnapshotInput, ownerId: string): SandboxSnapshot {
  if (input.SecurityGroupRules !== undefined) return withRules(input, input.SecurityGroupRules);
  const rules = (input.SecurityGroups ?? []).flatMap((group) => {
    const groupId = group.GroupId ?? '';
    const owner = group.OwnerId ?? ownerId;
    const idFor = (isEgress: boolean) => (index: number) => newId('sgr', `${groupId}|${isEgress ? 'egress' : 'ingress'}|${index}`);
    return [
      ...rulesFromPermissions(group.IpPermissions ?? [], false, groupId, owner, idFor(false)),
      ...rulesFromPermissions(group.IpPermissionsEgress ?? [], true, groupId, owner, idFor(true)),
    ];
  });
  return withRules(input, rules);
}

/** Freeze a value and everything it holds, so no one can change an account behind the model's back. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A complete, frozen sandbox account. */
export function sandboxAccount(input: {
  readonly snapshot: SnapshotInput;
  readonly accountId: string;
  readonly region: string;
  readonly permissions?: SandboxPermissions | undefined;
}): SandboxAccount {
  return deepFreeze({snapshot: sandboxSnapshot(input.snapshot, input.accountId), permissions: input.permissions ?? allowAll, accountId: input.accountId, region: input.region});
}
