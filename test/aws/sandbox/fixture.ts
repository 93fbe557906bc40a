// A hand-built sandbox account for the operation tests: a production VPC (secondary blocks, one
// used by a subnet), a default VPC, groups that reference each other, interfaces of every kind,
// a route table with one route per destination kind, and peerings in each state and direction.
import type {SecurityGroupRule} from '@aws-sdk/client-ec2';
import type {ActionParams} from '../../../src/aws/action.js';
import {sandboxAccount, type SandboxAccount, type SandboxPermissions} from '../../../src/aws/sandbox/account.js';
import {apply, type ApplyResult} from '../../../src/aws/sandbox/operations.js';
import {allowAllOut, group, merge, network, networkInterface, peering, route, routeTable, rule, subnet} from '../../../src/aws/sandbox/seed-parts.js';

export const place = {owner: '111122223333', region: 'us-east-1'};
export const other = {owner: '444455556666', region: 'ap-southeast-1'};
export const at = new Date('2025-03-16T02:00:00Z');

export const ids = {
  prod: 'vpc-0aaa0000000000001', defaultVpc: 'vpc-0ddd0000000000001',
  publicBlock: 'vpc-cidr-assoc-0aaa0000000000002', usedBlock: 'vpc-cidr-assoc-0aaa0000000000003', ipv6Block: 'vpc-cidr-assoc-0aaa0000000000004',
  subnetA: 'subnet-0aaa0000000000001', subnetUsed: 'subnet-0aaa0000000000002', subnetDefault: 'subnet-0ddd0000000000001',
  web: 'sg-0aaa0000000000001', db: 'sg-0aaa0000000000002', unused: 'sg-0aaa0000000000003', quarantine: 'sg-0aaa0000000000004', openDefault: 'sg-0ddd0000000000002',
  instance: 'i-0aaa0000000000001', primaryEni: 'eni-0aaa0000000000001', secondEni: 'eni-0aaa0000000000002', freeEni: 'eni-0aaa0000000000003', managedEni: 'eni-0aaa0000000000004',
  rtb: 'rtb-0aaa0000000000001', igw: 'igw-0aaa0000000000001', nat: 'nat-0aaa0000000000001',
  pendingOut: 'pcx-0aaa0000000000001', pendingIn: 'pcx-0aaa0000000000002', active: 'pcx-0aaa0000000000003', rejected: 'pcx-0aaa0000000000004',
} as const;

function snapshot() {
  const subnetA = subnet(place, ids.prod, ids.subnetA, '10.20.1.0/24', 'a');
  const subnets = [subnetA, {...subnet(place, ids.prod, ids.subnetUsed, '10.21.1.0/24', 'b'), Ipv6CidrBlockAssociationSet: [{AssociationId: 'subnet-cidr-assoc-0aaa0000000000001', Ipv6CidrBlock: '2600:1f18:1234:5601::/64'}]}];
  const prod = network(place, ids.prod, '10.20.0.0/16', {blocks: [[ids.publicBlock, '198.51.100.0/24'], [ids.usedBlock, '10.21.0.0/16']], subnets});
  const prodVpcs = (prod.Vpcs ?? []).map((v) => ({...v, Ipv6CidrBlockAssociationSet: [{AssociationId: ids.ipv6Block, Ipv6CidrBlock: '2600:1f18:1234:5600::/56', Ipv6CidrBlockState: {State: 'associated' as const}}]}));
  const defaultVpc = network(place, ids.defaultVpc, '172.31.0.0/16', {isDefault: true, subnets: [subnet(place, ids.defaultVpc, ids.subnetDefault, '172.31.0.0/20', 'a', {isDefault: true})]});
  const [web, db, unused, quarantine] = [
    group(place, ids.prod, ids.web, 'web', 'web tier'), group(place, ids.prod, ids.db, 'db', 'database tier'),
    group(place, ids.prod, ids.unused, 'unused', 'used by nothing'), group(place, ids.prod, ids.quarantine, 'quarantine', 'no rules'),
  ] as const;
  const rules: SecurityGroupRule[] = [
    rule(place, ids.web, {protocol: 'tcp', ports: [443, 443], cidr: '0.0.0.0/0'}), rule(place, ids.web, {protocol: 'tcp', ports: [22, 22], cidr: '0.0.0.0/0'}),
    rule(place, ids.web, {protocol: 'tcp', ports: [22, 22], cidr6: '::/0'}), allowAllOut(place, ids.web),
    rule(place, ids.db, {protocol: 'tcp', ports: [5432, 5432], group: ids.web, description: 'from web'}), allowAllOut(place, ids.db),
    allowAllOut(place, ids.unused),
    rule(place, ids.openDefault, {protocol: 'tcp', ports: [22, 22], cidr: '0.0.0.0/0'}), allowAllOut(place, ids.openDefault),
  ];
  const attachment = (deviceIndex: number, ownerId?: string) => ({instanceId: ownerId === undefined ? ids.instance : undefined, deviceIndex, at, ownerId});
  const enis = [
    networkInterface(place, ids.primaryEni, subnetA, [web], '10.20.1.10', {attachment: attachment(0)}),
    networkInterface(place, ids.secondEni, subnetA, [db], '10.20.1.11', {attachment: attachment(1), publicIp: '198.51.100.23'}),
    networkInterface(place, ids.freeEni, subnetA, [db], '10.20.1.12'),
    networkInterface(place, ids.managedEni, subnetA, [db], '10.20.1.13', {attachment: attachment(1, 'amazon-elb'), requesterManaged: true}),
  ];
  const table = routeTable(place, ids.prod, ids.rtb, '10.20.0.0/16', [
    route('0.0.0.0/0', {GatewayId: ids.igw}), route('10.99.0.0/16', {VpcPeeringConnectionId: ids.active}), route('192.168.0.0/16', {NetworkInterfaceId: ids.secondEni, InstanceId: ids.instance}),
    {DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: 'eigw-0aaa0000000000001', Origin: 'CreateRoute', State: 'active'},
    {DestinationPrefixListId: 'pl-0aaa0000000000001', GatewayId: 'vpce-0aaa0000000000001', Origin: 'CreateRoute', State: 'active'},
  ], [ids.subnetA]);
  const us = {vpcId: ids.prod, ...place, cidr: '10.20.0.0/16'};
  const them = {vpcId: 'vpc-0fff0000000000001', ...other, cidr: '10.99.0.0/16'};
  const rejected = {...peering(ids.rejected, us, them, 'pending-acceptance'), Status: {Code: 'rejected' as const, Message: 'Rejected'}};
  const peerings = [peering(ids.pendingOut, us, them, 'pending-acceptance'), peering(ids.pendingIn, them, us, 'pending-acceptance'), peering(ids.active, us, them, 'active'), rejected];
  return merge(
    {...prod, Vpcs: prodVpcs}, defaultVpc,
    {SecurityGroups: [web, db, unused, quarantine, group(place, ids.defaultVpc, ids.openDefault, 'open-ssh', 'ssh from anywhere')], SecurityGroupRules: rules},
    {NetworkInterfaces: enis, RouteTables: [table], VpcPeeringConnections: peerings},
  );
}

export function fixture(permissions?: SandboxPermissions): SandboxAccount {
  return sandboxAccount({snapshot: snapshot(), accountId: place.owner, region: place.region, permissions});
}

/** apply() on the fixture (or the account given), expecting success. */
export function ok(operation: string, params: ActionParams, account: SandboxAccount = fixture()): Extract<ApplyResult, {ok: true}> {
  const result = apply(account, operation, params);
  if (!result.ok) throw new Error(`${operation} failed: ${result.code}: ${result.message}`);
  return result;
}

/** apply() on the fixture (or the account given), expecting failure. */
export function failure(operation: string, params: ActionParams, account: SandboxAccount = fixture()): Extract<ApplyResult, {ok: false}> {
  const result = apply(account, operation, params);
  if (result.ok) throw new Error(`${operation} succeeded: ${JSON.stringify(result.output)}`);
  return result;
}

/** The output's list under key, typed loosely for assertions. */
export function list<T = Record<string, unknown>>(output: Readonly<Record<string, unknown>>, key: string): T[] {
  const value = output[key];
  if (!Array.isArray(value)) throw new Error(`no list ${key} in ${JSON.stringify(output)}`);
  return value as T[];
}
