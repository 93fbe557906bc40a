// Building blocks of the training seeds: resources in the EC2 API's shapes, with the defaults AWS
// gives them (a VPC's default security group and main route table with its local route, a new
// group's allow-all outbound rule …). IDs not given are derived from stable seeds (newId).
import type {NetworkInterface, Route, RouteTable, SecurityGroup, SecurityGroupRule, Subnet, Vpc, VpcPeeringConnection} from '@aws-sdk/client-ec2';
import type {AccountSnapshot} from '../account-snapshot.js';
import {answerKinds, kindByCollection} from '../../engine/resource-kinds.js';
import {newId, withRules, type SandboxSnapshot} from './account.js';

/** Resources of any collection the account snapshot has, plus the groups' rules with their IDs. */
export type Parts = AccountSnapshot & {readonly SecurityGroupRules?: readonly SecurityGroupRule[]};

/** The field that tells two items of a collection apart (a collection without one keeps every item). */
function idKeyOf(collection: string): string | undefined {
  if (collection === 'SecurityGroupRules') return 'SecurityGroupRuleId';
  return kindByCollection(collection)?.idKey ?? answerKinds.find((k) => k.collection === collection)?.idKey;
}

/** One snapshot of all parts; a later resource with the same ID replaces an earlier one. */
export function merge(...parts: readonly Parts[]): SandboxSnapshot {
  const collections = new Map<string, Map<unknown, unknown>>();
  for (const collection of ['Vpcs', 'Subnets', 'SecurityGroups', 'RouteTables', 'VpcPeeringConnections', 'NetworkInterfaces']) collections.set(collection, new Map());
  for (const part of parts) {
    for (const [collection, items] of Object.entries(part) as [string, readonly unknown[] | undefined][]) {
      const byId = collections.get(collection) ?? new Map<unknown, unknown>();
      collections.set(collection, byId);
      const idKey = idKeyOf(collection);
      for (const [index, item] of (items ?? []).entries()) byId.set(idKey === undefined ? `${byId.size}:${index}` : (item as Record<string, unknown>)[idKey], item);
    }
  }
  const snapshot = Object.fromEntries([...collections].filter(([name]) => name !== 'SecurityGroupRules').map(([name, byId]) => [name, [...byId.values()]])) as AccountSnapshot;
  return withRules(snapshot, [...(collections.get('SecurityGroupRules')?.values() ?? [])] as SecurityGroupRule[]);
}

export interface Place {
  readonly owner: string;
  readonly region: string;
}

export function vpc(place: Place, id: string, cidr: string, options: {readonly isDefault?: boolean; readonly blocks?: readonly (readonly [string, string])[]; readonly name?: string} = {}): Vpc {
  const blocks: readonly (readonly [string, string])[] = [[newId('vpc-cidr-assoc', `${id}|${cidr}`), cidr], ...(options.blocks ?? [])];
  return {
    VpcId: id, OwnerId: place.owner, State: 'available', CidrBlock: cidr, IsDefault: options.isDefault ?? false, InstanceTenancy: 'default', DhcpOptionsId: newId('dopt', id),
    CidrBlockAssociationSet: blocks.map(([AssociationId, CidrBlock]) => ({AssociationId, CidrBlock, CidrBlockState: {State: 'associated'}})),
    Ipv6CidrBlockAssociationSet: [],
    ...(options.name === undefined ? {} : {Tags: [{Key: 'Name', Value: options.name}]}),
  };
}

export function subnet(place: Place, vpcId: string, id: string, cidr: string, zone: string, options: {readonly name?: string; readonly isDefault?: boolean; readonly free?: number} = {}): Subnet {
  const size = 2 ** (32 - Number(cidr.split('/')[1] ?? 32)) - 5;
  return {
    SubnetId: id, VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: `${place.region}${zone}`, State: 'available', OwnerId: place.owner,
    AvailableIpAddressCount: options.free ?? size, DefaultForAz: options.isDefault ?? false, MapPublicIpOnLaunch: options.isDefault ?? false,
    SubnetArn: `arn:aws:ec2:${place.region}:${place.owner}:subnet/${id}`, Ipv6CidrBlockAssociationSet: [],
    ...(options.name === undefined ? {} : {Tags: [{Key: 'Name', Value: options.name}]}),
  };
}

export function group(place: Place, vpcId: string, id: string, name: string, description: string, tags: Record<string, string> = {}): SecurityGroup {
  return {
    GroupId: id, GroupName: name, Description: description, VpcId: vpcId, OwnerId: place.owner, SecurityGroupArn: `arn:aws:ec2:${place.region}:${place.owner}:security-group/${id}`,
    IpPermissions: [], IpPermissionsEgress: [], ...(Object.keys(tags).length > 0 ? {Tags: Object.entries(tags).map(([Key, Value]) => ({Key, Value}))} : {}),
  };
}

export type RuleInput = {readonly egress?: boolean; readonly protocol: string; readonly ports?: readonly [number, number]; readonly cidr?: string; readonly cidr6?: string; readonly group?: string; readonly description?: string};

export function rule(place: Place, groupId: string, input: RuleInput): SecurityGroupRule {
  const [from, to] = input.protocol === '-1' ? [-1, -1] : (input.ports ?? [-1, -1]);
  const source = input.cidr ?? input.cidr6 ?? input.group ?? '';
  return {
    SecurityGroupRuleId: newId('sgr', `${groupId}|${input.egress === true ? 'egress' : 'ingress'}|${input.protocol}|${from}|${to}|${source}`),
    GroupId: groupId, GroupOwnerId: place.owner, IsEgress: input.egress ?? false, IpProtocol: input.protocol, FromPort: from, ToPort: to,
    ...(input.cidr === undefined ? {} : {CidrIpv4: input.cidr}),
    ...(input.cidr6 === undefined ? {} : {CidrIpv6: input.cidr6}),
    ...(input.group === undefined ? {} : {ReferencedGroupInfo: {GroupId: input.group, UserId: place.owner}}),
    ...(input.description === undefined ? {} : {Description: input.description}),
  };
}

/** The outbound rule every new group gets. */
export const allowAllOut = (place: Place, groupId: string): SecurityGroupRule => rule(place, groupId, {egress: true, protocol: '-1', cidr: '0.0.0.0/0'});

export function routeTable(place: Place, vpcId: string, id: string, localCidr: string, routes: readonly Route[], subnetIds: readonly string[], isMain = false): RouteTable {
  const association = (subnetId: string | undefined) => ({
    Main: subnetId === undefined, RouteTableAssociationId: newId('rtbassoc', `${id}|${subnetId ?? 'main'}`), RouteTableId: id, AssociationState: {State: 'associated' as const},
    ...(subnetId === undefined ? {} : {SubnetId: subnetId}),
  });
  return {
    RouteTableId: id, VpcId: vpcId, OwnerId: place.owner, PropagatingVgws: [],
    Routes: [{DestinationCidrBlock: localCidr, GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active'}, ...routes],
    Associations: [...(isMain ? [association(undefined)] : []), ...subnetIds.map(association)],
  };
}

/** A route made by CreateRoute: destination and target as the request named them. */
export const route = (destination: string, target: Partial<Route>, state: Route['State'] = 'active'): Route => ({DestinationCidrBlock: destination, ...target, Origin: 'CreateRoute', State: state});

/** A VPC as AWS creates it: its default security group (self-referencing inbound, all outbound) and main route table. */
export function network(place: Place, vpcId: string, cidr: string, options: {readonly isDefault?: boolean; readonly blocks?: readonly (readonly [string, string])[]; readonly subnets?: readonly Subnet[]; readonly name?: string} = {}): Parts {
  const defaultGroup = newId('sg', `${vpcId}|default`);
  return {
    Vpcs: [vpc(place, vpcId, cidr, options)],
    Subnets: options.subnets ?? [],
    SecurityGroups: [group(place, vpcId, defaultGroup, 'default', 'default VPC security group')],
    SecurityGroupRules: [rule(place, defaultGroup, {protocol: '-1', group: defaultGroup}), allowAllOut(place, defaultGroup)],
    RouteTables: [routeTable(place, vpcId, newId('rtb', `${vpcId}|main`), cidr, [], [], true)],
  };
}

export interface AttachmentInput {
  readonly instanceId?: string;
  readonly deviceIndex: number;
  readonly at: Date;
  readonly ownerId?: string;
}

export function networkInterface(place: Place, id: string, inSubnet: Subnet, groups: readonly SecurityGroup[], ip: string, options: {readonly description?: string; readonly attachment?: AttachmentInput; readonly requesterManaged?: boolean; readonly publicIp?: string; readonly mac?: string} = {}): NetworkInterface {
  const attachment = options.attachment;
  return {
    NetworkInterfaceId: id, SubnetId: inSubnet.SubnetId, VpcId: inSubnet.VpcId, AvailabilityZone: inSubnet.AvailabilityZone, OwnerId: place.owner,
    Description: options.description ?? '', InterfaceType: 'interface', RequesterManaged: options.requesterManaged ?? false, SourceDestCheck: true,
    Status: attachment === undefined ? 'available' : 'in-use', MacAddress: options.mac ?? '0e:00:00:00:00:01', PrivateIpAddress: ip,
    PrivateIpAddresses: [{PrivateIpAddress: ip, Primary: true}], Ipv6Addresses: [], TagSet: [],
    Groups: groups.map((g) => ({GroupId: g.GroupId, GroupName: g.GroupName})),
    ...(attachment === undefined ? {} : {Attachment: {
      AttachmentId: newId('eni-attach', id), AttachTime: attachment.at, DeleteOnTermination: attachment.deviceIndex === 0, DeviceIndex: attachment.deviceIndex, NetworkCardIndex: 0,
      Status: 'attached', InstanceOwnerId: attachment.ownerId ?? place.owner, ...(attachment.instanceId === undefined ? {} : {InstanceId: attachment.instanceId}),
    }}),
    ...(options.publicIp === undefined ? {} : {Association: {PublicIp: options.publicIp, IpOwnerId: place.owner, AllocationId: newId('eipalloc', options.publicIp), AssociationId: newId('eipassoc', id)}}),
  };
}

export interface PeerSide {
  readonly vpcId: string;
  readonly owner: string;
  readonly region: string;
  readonly cidr?: string | undefined;
}

export function peering(id: string, requester: PeerSide, accepter: PeerSide, code: 'pending-acceptance' | 'active', expires?: Date): VpcPeeringConnection {
  const info = (side: PeerSide) => ({VpcId: side.vpcId, OwnerId: side.owner, Region: side.region, ...(side.cidr === undefined ? {} : {CidrBlock: side.cidr, CidrBlockSet: [{CidrBlock: side.cidr}]})});
  const message = code === 'active' ? 'Active' : `Pending Acceptance by ${accepter.owner}`;
  return {
    VpcPeeringConnectionId: id, RequesterVpcInfo: info(requester), AccepterVpcInfo: info(code === 'active' ? accepter : {...accepter, cidr: undefined}),
    Status: {Code: code, Message: message}, Tags: [], ...(expires === undefined || code === 'active' ? {} : {ExpirationTime: expires}),
  };
}
