// Did the change happen? One Describe call straight to moto per containment operation, from the request that
// carried it out (its EC2 Query form fields, as the logging proxy saw them): not trailguide's own check.
import {
  DescribeFlowLogsCommand,
  DescribeImageAttributeCommand,
  DescribeInternetGatewaysCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSnapshotAttributeCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';

type Params = Readonly<Record<string, string>>;
type Probe = (ec2: EC2Client, params: Params) => Promise<boolean>;

/** The values of a Query list field (`Name.1`, `Name.2`, …). */
const listOf = (params: Params, name: string): string[] => Object.keys(params).filter((k) => k.startsWith(`${name}.`)).sort().map((k) => params[k] ?? '');

const probes: Readonly<Record<string, Probe>> = {
  /** The ACL no longer has an entry of that number in that direction. */
  async DeleteNetworkAclEntry(ec2, params) {
    const answer = await ec2.send(new DescribeNetworkAclsCommand({NetworkAclIds: [params['NetworkAclId'] ?? '']}));
    const entries = answer.NetworkAcls?.[0]?.Entries;
    const egress = params['Egress'] === 'true';
    return entries !== undefined && !entries.some((e) => e.RuleNumber === Number(params['RuleNumber']) && e.Egress === egress);
  },
  /** Each resource the call named has a flow log again, of the traffic type, to the destination it named. */
  async CreateFlowLogs(ec2, params) {
    const resources = listOf(params, 'ResourceId');
    const answer = await ec2.send(new DescribeFlowLogsCommand({Filter: [{Name: 'resource-id', Values: resources}]}));
    const logs = answer.FlowLogs ?? [];
    return resources.length > 0 && resources.every((id) => logs.some((l) => l.ResourceId === id && l.TrafficType === params['TrafficType'] && l.LogDestination === params['LogDestination']));
  },
  /** The snapshot's create volume permission no longer lists the accounts or the group the call removed. */
  async ModifySnapshotAttribute(ec2, params) {
    const answer = await ec2.send(new DescribeSnapshotAttributeCommand({SnapshotId: params['SnapshotId'] ?? '', Attribute: 'createVolumePermission'}));
    const left = (answer.CreateVolumePermissions ?? []).map((p) => p.UserId ?? p.Group ?? '');
    const removed = [...listOf(params, 'UserId'), ...listOf(params, 'UserGroup')];
    return params['OperationType'] === 'remove' && removed.length > 0 && removed.every((grant) => !left.includes(grant));
  },
  /** The image's launch permission no longer lists the accounts, groups or organizations the call removed. */
  async ModifyImageAttribute(ec2, params) {
    const answer = await ec2.send(new DescribeImageAttributeCommand({ImageId: params['ImageId'] ?? '', Attribute: 'launchPermission'}));
    const left = (answer.LaunchPermissions ?? []).map((p) => p.UserId ?? p.Group ?? p.OrganizationArn ?? p.OrganizationalUnitArn ?? '');
    const removed = [...listOf(params, 'UserId'), ...listOf(params, 'UserGroup'), ...listOf(params, 'OrganizationArn'), ...listOf(params, 'OrganizationalUnitArn')];
    return params['OperationType'] === 'remove' && removed.length > 0 && removed.every((grant) => !left.includes(grant));
  },
  /** The revoked rules are no longer among the group's rules. */
  async RevokeSecurityGroupIngress(ec2, params) {
    const answer = await ec2.send(new DescribeSecurityGroupRulesCommand({Filters: [{Name: 'group-id', Values: [params['GroupId'] ?? '']}]}));
    const left = new Set((answer.SecurityGroupRules ?? []).map((r) => r.SecurityGroupRuleId));
    const revoked = listOf(params, 'SecurityGroupRuleId');
    return revoked.length > 0 && revoked.every((id) => !left.has(id));
  },
  /** The association is gone from the VPC, or disassociated. */
  async DisassociateVpcCidrBlock(ec2, params) {
    const answer = await ec2.send(new DescribeVpcsCommand({}));
    const set = (answer.Vpcs ?? []).flatMap((v) => v.CidrBlockAssociationSet ?? []);
    const found = set.find((a) => a.AssociationId === params['AssociationId']);
    return found === undefined || found.CidrBlockState?.State === 'disassociated' || found.CidrBlockState?.State === 'disassociating';
  },
  /** The interface has exactly the groups the call gave it. */
  async ModifyNetworkInterfaceAttribute(ec2, params) {
    const answer = await ec2.send(new DescribeNetworkInterfacesCommand({NetworkInterfaceIds: [params['NetworkInterfaceId'] ?? '']}));
    const groups = (answer.NetworkInterfaces?.[0]?.Groups ?? []).map((g) => g.GroupId ?? '').sort();
    const wanted = listOf(params, 'SecurityGroupId').sort();
    return wanted.length > 0 && JSON.stringify(groups) === JSON.stringify(wanted);
  },
  /** The table has no route to that destination any more. */
  async DeleteRoute(ec2, params) {
    const answer = await ec2.send(new DescribeRouteTablesCommand({RouteTableIds: [params['RouteTableId'] ?? '']}));
    const routes = answer.RouteTables?.[0]?.Routes;
    return routes !== undefined && !routes.some((r) => r.DestinationCidrBlock === params['DestinationCidrBlock']);
  },
  /** The table's route to that destination now goes to the NAT gateway the call named. */
  async ReplaceRoute(ec2, params) {
    const answer = await ec2.send(new DescribeRouteTablesCommand({RouteTableIds: [params['RouteTableId'] ?? '']}));
    const route = answer.RouteTables?.[0]?.Routes?.find((r) => r.DestinationCidrBlock === params['DestinationCidrBlock']);
    return params['NatGatewayId'] !== undefined && route?.NatGatewayId === params['NatGatewayId'];
  },
  /** The replaced association ID is gone, and the table the call named holds a new one. */
  async ReplaceRouteTableAssociation(ec2, params) {
    const old = await ec2.send(new DescribeRouteTablesCommand({Filters: [{Name: 'association.route-table-association-id', Values: [params['AssociationId'] ?? '']}]}));
    const table = await ec2.send(new DescribeRouteTablesCommand({RouteTableIds: [params['RouteTableId'] ?? '']}));
    return (old.RouteTables ?? []).length === 0 && (table.RouteTables?.[0]?.Associations ?? []).length > 0;
  },
  /** The subnet's own table is the one the call named. */
  async AssociateRouteTable(ec2, params) {
    const answer = await ec2.send(new DescribeRouteTablesCommand({Filters: [{Name: 'association.subnet-id', Values: [params['SubnetId'] ?? '']}]}));
    return answer.RouteTables?.[0]?.RouteTableId === params['RouteTableId'];
  },
  /** The table no longer exists. */
  async DeleteRouteTable(ec2, params) {
    const answer = await ec2.send(new DescribeRouteTablesCommand({Filters: [{Name: 'route-table-id', Values: [params['RouteTableId'] ?? '']}]}));
    return (answer.RouteTables ?? []).length === 0;
  },
  /** The peering connection is deleted (moto keeps it, in state deleted). */
  async DeleteVpcPeeringConnection(ec2, params) {
    const answer = await ec2.send(new DescribeVpcPeeringConnectionsCommand({VpcPeeringConnectionIds: [params['VpcPeeringConnectionId'] ?? '']}));
    const state = answer.VpcPeeringConnections?.[0]?.Status?.Code;
    return state === undefined || state === 'deleted';
  },
  /** The gateway is no longer attached to that VPC (or no longer exists). */
  async DetachInternetGateway(ec2, params) {
    const answer = await ec2.send(new DescribeInternetGatewaysCommand({Filters: [{Name: 'internet-gateway-id', Values: [params['InternetGatewayId'] ?? '']}]}));
    return !(answer.InternetGateways ?? []).some((g) => (g.Attachments ?? []).some((a) => a.VpcId === params['VpcId'] && a.State !== 'detached'));
  },
  /** The gateway is attached to that VPC. */
  async AttachInternetGateway(ec2, params) {
    const answer = await ec2.send(new DescribeInternetGatewaysCommand({Filters: [{Name: 'attachment.vpc-id', Values: [params['VpcId'] ?? '']}]}));
    return (answer.InternetGateways ?? []).some((g) => g.InternetGatewayId === params['InternetGatewayId']);
  },
  /** The gateway no longer exists. */
  async DeleteInternetGateway(ec2, params) {
    const answer = await ec2.send(new DescribeInternetGatewaysCommand({Filters: [{Name: 'internet-gateway-id', Values: [params['InternetGatewayId'] ?? '']}]}));
    return (answer.InternetGateways ?? []).length === 0;
  },
};

/** True when moto shows the change; throws for an operation no probe covers yet (add one here). */
export function changeSeen(ec2: EC2Client, operation: string, params: Params): Promise<boolean> {
  const probe = Object.hasOwn(probes, operation) ? probes[operation] : undefined;
  if (!probe) throw new Error(`no probe in test/peer/execute-probes.ts for ${operation}: add one that reads the change back from moto`);
  return probe(ec2, params);
}
