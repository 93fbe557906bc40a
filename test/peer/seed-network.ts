// The scenario's VPCs (with their extra CIDR blocks), subnets, security groups and their rules,
// created in moto. moto makes each new VPC's default security group, main route table and default
// network ACL itself: the scenario's default group and main table are mapped to those.
import {
  AssociateVpcCidrBlockCommand, AuthorizeSecurityGroupEgressCommand, AuthorizeSecurityGroupIngressCommand, RevokeSecurityGroupEgressCommand, RevokeSecurityGroupIngressCommand, CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand,
  DescribeNetworkAclsCommand, DescribeRouteTablesCommand, DescribeSecurityGroupRulesCommand, DescribeSecurityGroupsCommand,
  type IpPermission, type SecurityGroupRule,
} from '@aws-sdk/client-ec2';
import {keepId, mapId, motoId, type SeedContext} from './seed-context.js';

export async function seedVpcs(context: SeedContext): Promise<void> {
  for (const vpc of context.state.Vpcs ?? []) {
    const made = (await context.ec2.send(new CreateVpcCommand({CidrBlock: vpc.CidrBlock}))).Vpc;
    const vpcId = made?.VpcId;
    mapId(context, vpc.VpcId, vpcId);
    const [primary, ...others] = vpc.CidrBlockAssociationSet ?? [];
    mapId(context, primary?.AssociationId, made?.CidrBlockAssociationSet?.[0]?.AssociationId);
    for (const block of others) {
      const answer = await context.ec2.send(new AssociateVpcCidrBlockCommand({VpcId: vpcId, CidrBlock: block.CidrBlock}));
      mapId(context, block.AssociationId, answer.CidrBlockAssociation?.AssociationId);
    }
    const {SecurityGroups: groups = []} = await context.ec2.send(new DescribeSecurityGroupsCommand({Filters: [{Name: 'vpc-id', Values: [vpcId ?? '']}]}));
    const scenarioDefault = context.state.SecurityGroups?.find((g) => g.VpcId === vpc.VpcId && g.GroupName === 'default');
    mapId(context, scenarioDefault?.GroupId, groups.find((g) => g.GroupName === 'default')?.GroupId);
    const {RouteTables: tables = []} = await context.ec2.send(new DescribeRouteTablesCommand({Filters: [{Name: 'vpc-id', Values: [vpcId ?? '']}]}));
    const scenarioMain = context.state.RouteTables?.find((t) => t.VpcId === vpc.VpcId && t.Associations?.some((a) => a.Main === true));
    mapId(context, scenarioMain?.RouteTableId, tables[0]?.RouteTableId);
    const {NetworkAcls: acls = []} = await context.ec2.send(new DescribeNetworkAclsCommand({Filters: [{Name: 'vpc-id', Values: [vpcId ?? '']}]}));
    for (const acl of acls) keepId(context, acl.NetworkAclId);
  }
}

export async function seedSubnets(context: SeedContext): Promise<void> {
  for (const subnet of context.state.Subnets ?? []) {
    const made = await context.ec2.send(new CreateSubnetCommand({VpcId: motoId(context, subnet.VpcId), CidrBlock: subnet.CidrBlock, AvailabilityZone: subnet.AvailabilityZone}));
    mapId(context, subnet.SubnetId, made.Subnet?.SubnetId);
  }
}

export async function seedGroups(context: SeedContext): Promise<void> {
  for (const group of context.state.SecurityGroups ?? []) {
    if (group.GroupId !== undefined && context.ids.has(group.GroupId)) continue;
    const made = await context.ec2.send(new CreateSecurityGroupCommand({GroupName: group.GroupName, Description: group.Description ?? group.GroupName, VpcId: motoId(context, group.VpcId)}));
    mapId(context, group.GroupId, made.GroupId);
  }
}

/** The rule as an IpPermission moto can authorize, its referenced group already moto's. */
function permissionOf(context: SeedContext, rule: SecurityGroupRule): IpPermission {
  const referenced = rule.ReferencedGroupInfo?.GroupId;
  return {
    IpProtocol: rule.IpProtocol,
    ...(rule.IpProtocol === '-1' ? {} : {FromPort: rule.FromPort, ToPort: rule.ToPort}),
    ...(rule.CidrIpv4 === undefined ? {} : {IpRanges: [{CidrIp: rule.CidrIpv4}]}),
    ...(rule.CidrIpv6 === undefined ? {} : {Ipv6Ranges: [{CidrIpv6: rule.CidrIpv6}]}),
    ...(referenced === undefined ? {} : {UserIdGroupPairs: [{GroupId: motoId(context, referenced)}]}),
    ...(rule.PrefixListId === undefined ? {} : {PrefixListIds: [{PrefixListId: rule.PrefixListId}]}),
  };
}

/** What tells two rules of one group apart (the source, ports and direction), in moto's IDs. */
function signature(rule: SecurityGroupRule, referenced: string | undefined): string {
  const ports = rule.IpProtocol === '-1' ? '' : `${rule.FromPort}-${rule.ToPort}`;
  return [rule.IsEgress, rule.IpProtocol, ports, rule.CidrIpv4, rule.CidrIpv6, referenced, rule.PrefixListId].join('|');
}

/**
 * Every rule authorized on its group (moto gives new groups their default egress rule, and default
 * groups their self-reference, so those already exist), then matched to moto's rule IDs.
 */
export async function seedRules(context: SeedContext): Promise<void> {
  const rules = context.state.SecurityGroupRules ?? [];
  if (rules.length === 0) return;
  const groupIds = [...new Set([...rules.map((rule) => motoId(context, rule.GroupId)), ...(context.state.SecurityGroups ?? []).map((g) => motoId(context, g.GroupId))])];
  const existing = async () => (await context.ec2.send(new DescribeSecurityGroupRulesCommand({Filters: [{Name: 'group-id', Values: groupIds}]}))).SecurityGroupRules ?? [];
  const key = (rule: SecurityGroupRule, referenced: string | undefined) => `${rule.GroupId}|${signature(rule, referenced)}`;
  const motoKey = (rule: SecurityGroupRule) => key(rule, rule.ReferencedGroupInfo?.GroupId);
  const wanted = (rule: SecurityGroupRule) => `${motoId(context, rule.GroupId)}|${signature(rule, rule.ReferencedGroupInfo?.GroupId === undefined ? undefined : motoId(context, rule.ReferencedGroupInfo.GroupId))}`;
  const present = new Set((await existing()).map(motoKey));
  for (const rule of rules) {
    if (present.has(wanted(rule))) continue;
    const request = {GroupId: motoId(context, rule.GroupId), IpPermissions: [permissionOf(context, rule)]};
    if (rule.IsEgress === true) await context.ec2.send(new AuthorizeSecurityGroupEgressCommand(request));
    else await context.ec2.send(new AuthorizeSecurityGroupIngressCommand(request));
  }
  // A group holds exactly the scenario's rules: moto's own defaults (a new group's allow-all egress) that
  // the scenario does not list are revoked, so a group the scenario gives no rules has none.
  const scenarioGroups = new Set((context.state.SecurityGroups ?? []).map((g) => motoId(context, g.GroupId)));
  const wantedKeys = new Set(rules.map(wanted));
  for (const rule of await existing()) {
    if (rule.GroupId === undefined || !scenarioGroups.has(rule.GroupId) || wantedKeys.has(motoKey(rule)) || rule.SecurityGroupRuleId === undefined) continue;
    const request = {GroupId: rule.GroupId, SecurityGroupRuleIds: [rule.SecurityGroupRuleId]};
    if (rule.IsEgress === true) await context.ec2.send(new RevokeSecurityGroupEgressCommand(request));
    else await context.ec2.send(new RevokeSecurityGroupIngressCommand(request));
  }
  const byKey = new Map((await existing()).map((rule) => [motoKey(rule), rule.SecurityGroupRuleId]));
  for (const rule of rules) {
    const id = byKey.get(wanted(rule));
    if (id === undefined) throw new Error(`moto shows no rule like ${rule.SecurityGroupRuleId ?? '?'} (${wanted(rule)}) after authorizing it`);
    mapId(context, rule.SecurityGroupRuleId, id);
  }
}
