// Security groups in the sandbox: DescribeSecurityGroups, DescribeSecurityGroupRules,
// Authorize/RevokeSecurityGroupIngress/Egress, ModifySecurityGroupRules, DeleteSecurityGroup and the
// DescribeManagedPrefixLists their rules name, with EC2's errors.
import type {ManagedPrefixList, RevokedSecurityGroupRule, SecurityGroup, SecurityGroupRule} from '@aws-sdk/client-ec2';
import {newId, withRules, type SandboxSnapshot} from './account.js';
import {applyFilters, type FilterFields} from './filters.js';
import {compact, type Handler} from './handler.js';
import {byIds, fail, optInteger, optRecord, optRecords, optString, optStrings, reqString, type ParamRecord} from './params.js';
import {matches, normalizeProtocol, permissionOf, requestedSpecs, ruleOf, ruleText, type RuleSpec, type Source} from './rules.js';

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

/** The one source a SecurityGroupRuleRequest names: exactly one of CidrIpv4, CidrIpv6, PrefixListId, ReferencedGroupId. */
function requestSource(request: ParamRecord): Source {
  const named = ([['CidrIpv4', 'cidr4'], ['CidrIpv6', 'cidr6'], ['PrefixListId', 'prefix'], ['ReferencedGroupId', 'group']] as const).flatMap(([key, kind]) => {
    const value = optString(request, key);
    return value === undefined ? [] : [{kind, value, description: optString(request, 'Description')}];
  });
  const [only] = named;
  if (named.length !== 1 || only === undefined) fail('InvalidParameterValue', 'Specify exactly one of CidrIpv4, CidrIpv6, PrefixListId or ReferencedGroupId');
  return only;
}

/**
 * Each SecurityGroupRules entry rewrites one rule of the group in place: same ID and direction, the
 * protocol, ports and source the request gives. A rule ID the group does not have fails, and so
 * does a rewrite into a rule the group already has.
 */
const modifySecurityGroupRules: Handler = (snapshot, params) => {
  const group = findGroup(snapshot, reqString(params, 'GroupId'));
  const updates = optRecords(params, 'SecurityGroupRules') ?? fail('MissingParameter', 'The request must contain the parameter SecurityGroupRules');
  let rules = snapshot.SecurityGroupRules;
  for (const update of updates) {
    const id = reqString(update, 'SecurityGroupRuleId');
    const current = rules.find((r) => r.SecurityGroupRuleId === id && r.GroupId === group.GroupId) ?? fail('InvalidSecurityGroupRuleId.NotFound', `The security group rule ID '${id}' does not exist`);
    const request = optRecord(update, 'SecurityGroupRule') ?? fail('MissingParameter', 'The request must contain the parameter SecurityGroupRule');
    const protocol = normalizeProtocol(optString(request, 'IpProtocol') ?? fail('MissingParameter', 'The request must contain the parameter IpProtocol'));
    const [fromPort, toPort] = protocol === '-1' ? [-1, -1] : [optInteger(request, 'FromPort') ?? -1, optInteger(request, 'ToPort') ?? -1];
    if ((protocol === 'tcp' || protocol === 'udp') && (fromPort < 0 || toPort > 65535 || fromPort > toPort)) fail('InvalidParameterValue', `Invalid ${protocol.toUpperCase()} port range: ${fromPort} to ${toPort}`);
    const source = requestSource(request);
    if (source.kind === 'group') findGroup(snapshot, source.value);
    const spec: RuleSpec = {isEgress: current.IsEgress === true, protocol, fromPort, toPort, source};
    if (rules.some((r) => r !== current && r.GroupId === group.GroupId && matches(r, spec))) fail('InvalidPermission.Duplicate', `the specified rule "${ruleText(spec)}" already exists`);
    const next = ruleOf(spec, group.GroupId ?? '', current.GroupOwnerId ?? group.OwnerId ?? '', id);
    rules = rules.map((r) => (r === current ? next : r));
  }
  return {snapshot: withRules(snapshot, rules), output: {Return: true}};
};

const prefixListFields: FilterFields<ManagedPrefixList> = {
  'prefix-list-id': (p) => [p.PrefixListId],
  'prefix-list-name': (p) => [p.PrefixListName],
  'owner-id': (p) => [p.OwnerId],
};

const describeManagedPrefixLists: Handler = (snapshot, params) => {
  const ids = optStrings(params, 'PrefixListIds');
  const all = snapshot.PrefixLists ?? [];
  const notFound = (id: string): never => fail('InvalidPrefixListID.NotFound', `The prefix list ID '${id}' does not exist`);
  const lists = ids === undefined ? all : byIds(all, ids, (p) => p.PrefixListId, notFound);
  return {output: {PrefixLists: applyFilters(lists, params, prefixListFields, 'DescribeManagedPrefixLists')}};
};

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
  ['ModifySecurityGroupRules', modifySecurityGroupRules],
  ['DeleteSecurityGroup', deleteSecurityGroup],
  ['DescribeManagedPrefixLists', describeManagedPrefixLists],
];
