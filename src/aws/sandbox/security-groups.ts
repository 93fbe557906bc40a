// Security groups in the sandbox: DescribeSecurityGroups, DescribeSecurityGroupRules,
// Authorize/RevokeSecurityGroupIngress/Egress and DeleteSecurityGroup, with EC2's errors.
import type {RevokedSecurityGroupRule, SecurityGroup, SecurityGroupRule} from '@aws-sdk/client-ec2';
import {newId, withRules, type SandboxSnapshot} from './account.js';
import {applyFilters, type FilterFields} from './filters.js';
import {compact, type Handler} from './handler.js';
import {byIds, fail, optString, optStrings, reqString} from './params.js';
import {matches, permissionOf, requestedSpecs, ruleOf, ruleText, type RuleSpec} from './rules.js';

const groupFields: FilterFields<SecurityGroup> = {
  'group-id': (g) => [g.GroupId],
  'group-name': (g) => [g.GroupName],
  'vpc-id': (g) => [g.VpcId],
  description: (g) => [g.Description],
  'owner-id': (g) => [g.OwnerId],
};

const ruleFields: FilterFields<SecurityGroupRule> = {
  'group-id': (r) => [r.GroupId],
  'security-group-rule-id': (r) => [r.SecurityGroupRuleId],
};

const groupNotFound = (id: string): never => fail('InvalidGroup.NotFound', `The security group '${id}' does not exist`);

export function findGroup(snapshot: SandboxSnapshot, groupId: string): SecurityGroup {
  return (snapshot.SecurityGroups ?? []).find((g) => g.GroupId === groupId) ?? groupNotFound(groupId);
}

const describeSecurityGroups: Handler = (snapshot, params) => {
  const ids = optStrings(params, 'GroupIds');
  const all = snapshot.SecurityGroups ?? [];
  const groups = ids === undefined ? all : byIds(all, ids, (g) => g.GroupId, groupNotFound);
  return {output: {SecurityGroups: applyFilters(groups, params, groupFields, 'DescribeSecurityGroups')}};
};

const describeSecurityGroupRules: Handler = (snapshot, params) => {
  const ids = optStrings(params, 'SecurityGroupRuleIds');
  const notFound = (id: string): never => fail('InvalidSecurityGroupRuleId.NotFound', `The security group rule ID '${id}' does not exist`);
  const rules = ids === undefined ? snapshot.SecurityGroupRules : byIds(snapshot.SecurityGroupRules, ids, (r) => r.SecurityGroupRuleId, notFound);
  return {output: {SecurityGroupRules: applyFilters(rules, params, ruleFields, 'DescribeSecurityGroupRules')}};
};

function authorize(isEgress: boolean): Handler {
  return (snapshot, params, context) => {
    const group = findGroup(snapshot, reqString(params, 'GroupId'));
    const groupId = group.GroupId ?? '';
    const specs = requestedSpecs(params, isEgress);
    if (specs.length === 0) fail('MissingParameter', 'The request must contain the parameter IpPermissions');
    for (const spec of specs) if (spec.source.kind === 'group') findGroup(snapshot, spec.source.value);
    const own = snapshot.SecurityGroupRules.filter((r) => r.GroupId === groupId);
    const added: SecurityGroupRule[] = [];
    for (const spec of specs) {
      if ([...own, ...added].some((rule) => matches(rule, spec))) fail('InvalidPermission.Duplicate', `the specified rule "${ruleText(spec)}" already exists`);
      const id = newId('sgr', `${groupId}|${snapshot.SecurityGroupRules.length + added.length}|${ruleText(spec)}`);
      added.push(ruleOf(spec, groupId, group.OwnerId ?? context.accountId, id));
    }
    return {snapshot: withRules(snapshot, [...snapshot.SecurityGroupRules, ...added]), output: {Return: true, SecurityGroupRules: added}};
  };
}

function revoked(rule: SecurityGroupRule): RevokedSecurityGroupRule {
  const {SecurityGroupRuleId, GroupId, IsEgress, IpProtocol, FromPort, ToPort, CidrIpv4, CidrIpv6, PrefixListId, Description} = rule;
  const referenced = rule.ReferencedGroupInfo?.GroupId;
  return compact({SecurityGroupRuleId, GroupId, IsEgress, IpProtocol, FromPort, ToPort, CidrIpv4, CidrIpv6, PrefixListId, ReferencedGroupId: referenced, Description});
}

/**
 * By rule ID, or by rule properties. A rule ID that is not one of this group's rules of this
 * direction fails. Properties that match no rule fail in a non-default VPC; in a default VPC EC2
 * answers without error and lists them as UnknownIpPermissions (API reference, RevokeSecurityGroupIngress).
 */
function revoke(isEgress: boolean): Handler {
  return (snapshot, params) => {
    const group = findGroup(snapshot, reqString(params, 'GroupId'));
    const own = snapshot.SecurityGroupRules.filter((r) => r.GroupId === group.GroupId && r.IsEgress === isEgress);
    const ids = optStrings(params, 'SecurityGroupRuleIds') ?? [];
    const specs = requestedSpecs(params, isEgress);
    if (ids.length === 0 && specs.length === 0) fail('MissingParameter', 'The request must contain the parameter IpPermissions or SecurityGroupRuleIds');
    const byId = ids.map((id) => own.find((r) => r.SecurityGroupRuleId === id) ?? fail('InvalidSecurityGroupRuleId.NotFound', `The security group rule ID '${id}' does not exist`));
    const unknown: RuleSpec[] = specs.filter((spec) => !own.some((rule) => matches(rule, spec)));
    const isDefaultVpc = (snapshot.Vpcs ?? []).some((v) => v.VpcId === group.VpcId && v.IsDefault === true);
    if (unknown.length > 0 && !isDefaultVpc) fail('InvalidPermission.NotFound', 'The specified rule does not exist in this security group.');
    const removed = own.filter((rule) => byId.includes(rule) || specs.some((spec) => matches(rule, spec)));
    const output = {Return: true, RevokedSecurityGroupRules: removed.map(revoked), ...(unknown.length > 0 ? {UnknownIpPermissions: unknown.map(permissionOf)} : {})};
    return {snapshot: withRules(snapshot, snapshot.SecurityGroupRules.filter((r) => !removed.includes(r))), output};
  };
}

/** A group is in use while a network interface has it or another group's rule refers to it. */
const deleteSecurityGroup: Handler = (snapshot, params) => {
  const id = optString(params, 'GroupId');
  const name = optString(params, 'GroupName');
  const defaultVpc = (snapshot.Vpcs ?? []).find((v) => v.IsDefault === true)?.VpcId;
  let group: SecurityGroup;
  if (id !== undefined) group = findGroup(snapshot, id);
  else if (name !== undefined) group = (snapshot.SecurityGroups ?? []).find((g) => g.GroupName === name && g.VpcId === defaultVpc) ?? groupNotFound(name);
  else return fail('MissingParameter', 'The request must contain the parameter GroupId');
  const groupId = group.GroupId ?? '';
  if (group.GroupName === 'default') fail('CannotDelete', `the specified group: "${groupId}" name: "default" cannot be deleted by a user`);
  const usedByInterface = (snapshot.NetworkInterfaces ?? []).some((eni) => (eni.Groups ?? []).some((g) => g.GroupId === groupId));
  const referenced = snapshot.SecurityGroupRules.some((r) => r.GroupId !== groupId && r.ReferencedGroupInfo?.GroupId === groupId);
  if (usedByInterface || referenced) fail('DependencyViolation', `resource ${groupId} has a dependent object`);
  const next = {...snapshot, SecurityGroups: (snapshot.SecurityGroups ?? []).filter((g) => g !== group)};
  return {snapshot: withRules(next, snapshot.SecurityGroupRules.filter((r) => r.GroupId !== groupId)), output: {Return: true, GroupId: groupId}};
};

export const securityGroupHandlers: ReadonlyArray<readonly [string, Handler]> = [
  ['DescribeSecurityGroups', describeSecurityGroups],
  ['DescribeSecurityGroupRules', describeSecurityGroupRules],
  ['AuthorizeSecurityGroupIngress', authorize(false)],
  ['AuthorizeSecurityGroupEgress', authorize(true)],
  ['RevokeSecurityGroupIngress', revoke(false)],
  ['RevokeSecurityGroupEgress', revoke(true)],
  ['DeleteSecurityGroup', deleteSecurityGroup],
];
