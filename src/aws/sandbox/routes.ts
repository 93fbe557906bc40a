// Route tables in the sandbox: DescribeRouteTables, CreateRoute, DeleteRoute and ReplaceRoute (and the
// associations and tables, in route-associations.ts). A route is named by exactly one destination (IPv4
// CIDR, IPv6 CIDR or prefix list); the VPC's local route can be neither removed nor replaced. ReplaceRoute
// needs an existing route (else CreateRoute is the call); CreateRoute refuses one that exists.
import type {Route, RouteTable} from '@aws-sdk/client-ec2';
import type {SandboxSnapshot} from './account.js';
import {sameCidr} from './cidr.js';
import {applyFilters, type FilterFields} from './filters.js';
import type {Handler} from './handler.js';
import {byIds, fail, optString, optStrings, reqString, type ParamRecord} from './params.js';
import {routeAssociationHandlers} from './route-associations.js';

const fields: FilterFields<RouteTable> = {
  'route-table-id': (t) => [t.RouteTableId],
  'vpc-id': (t) => [t.VpcId],
  'owner-id': (t) => [t.OwnerId],
  'association.main': (t) => (t.Associations ?? []).map((a) => a.Main ?? false),
  'association.subnet-id': (t) => (t.Associations ?? []).map((a) => a.SubnetId),
  'association.route-table-association-id': (t) => (t.Associations ?? []).map((a) => a.RouteTableAssociationId),
  'route.destination-cidr-block': (t) => (t.Routes ?? []).map((r) => r.DestinationCidrBlock),
  'route.destination-ipv6-cidr-block': (t) => (t.Routes ?? []).map((r) => r.DestinationIpv6CidrBlock),
  'route.destination-prefix-list-id': (t) => (t.Routes ?? []).map((r) => r.DestinationPrefixListId),
  'route.gateway-id': (t) => (t.Routes ?? []).map((r) => r.GatewayId),
  'route.nat-gateway-id': (t) => (t.Routes ?? []).map((r) => r.NatGatewayId),
  'route.instance-id': (t) => (t.Routes ?? []).map((r) => r.InstanceId),
  'route.network-interface-id': (t) => (t.Routes ?? []).map((r) => r.NetworkInterfaceId),
  'route.vpc-peering-connection-id': (t) => (t.Routes ?? []).map((r) => r.VpcPeeringConnectionId),
  'route.transit-gateway-id': (t) => (t.Routes ?? []).map((r) => r.TransitGatewayId),
  'route.state': (t) => (t.Routes ?? []).map((r) => r.State),
  'route.origin': (t) => (t.Routes ?? []).map((r) => r.Origin),
};

/** Request keys that name a route's target, and the Route field each fills. */
const targets = [
  ['GatewayId', 'GatewayId'], ['NatGatewayId', 'NatGatewayId'], ['InstanceId', 'InstanceId'], ['NetworkInterfaceId', 'NetworkInterfaceId'],
  ['VpcPeeringConnectionId', 'VpcPeeringConnectionId'], ['TransitGatewayId', 'TransitGatewayId'], ['EgressOnlyInternetGatewayId', 'EgressOnlyInternetGatewayId'],
  ['VpcEndpointId', 'GatewayId'], ['LocalGatewayId', 'LocalGatewayId'], ['CarrierGatewayId', 'CarrierGatewayId'], ['CoreNetworkArn', 'CoreNetworkArn'],
] as const;

type Destination = {readonly key: 'DestinationCidrBlock' | 'DestinationIpv6CidrBlock' | 'DestinationPrefixListId'; readonly value: string};
const filterNames = {DestinationCidrBlock: 'destination-cidr-block', DestinationIpv6CidrBlock: 'destination-ipv6-cidr-block', DestinationPrefixListId: 'destination-prefix-list-id'};

function destinationOf(params: ParamRecord): Destination {
  const given = (['DestinationCidrBlock', 'DestinationIpv6CidrBlock', 'DestinationPrefixListId'] as const).flatMap((key) => {
    const value = optString(params, key);
    return value === undefined ? [] : [{key, value}];
  });
  if (given.length === 0) fail('MissingParameter', 'The request must contain the parameter DestinationCidrBlock, DestinationIpv6CidrBlock or DestinationPrefixListId');
  if (given.length > 1) fail('InvalidParameterCombination', 'Specify only one destination: DestinationCidrBlock, DestinationIpv6CidrBlock or DestinationPrefixListId');
  return given[0] as Destination;
}

function isRoute(route: Route, destination: Destination): boolean {
  const value = route[destination.key];
  return destination.key === 'DestinationPrefixListId' ? value === destination.value : sameCidr(value, destination.value);
}

const tableNotFound = (id: string): never => fail('InvalidRouteTableID.NotFound', `The routeTable ID '${id}' does not exist`);

function located(snapshot: SandboxSnapshot, params: ParamRecord): {table: RouteTable; destination: Destination; route: Route | undefined} {
  const id = reqString(params, 'RouteTableId');
  const table = (snapshot.RouteTables ?? []).find((t) => t.RouteTableId === id) ?? tableNotFound(id);
  const destination = destinationOf(params);
  return {table, destination, route: (table.Routes ?? []).find((r) => isRoute(r, destination))};
}

function withRoutes(snapshot: SandboxSnapshot, table: RouteTable, routes: Route[]): SandboxSnapshot {
  return {...snapshot, RouteTables: (snapshot.RouteTables ?? []).map((t) => (t === table ? {...table, Routes: routes} : t))};
}

const describeRouteTables: Handler = (snapshot, params) => {
  const ids = optStrings(params, 'RouteTableIds');
  const all = snapshot.RouteTables ?? [];
  const tables = ids === undefined ? all : byIds(all, ids, (t) => t.RouteTableId, tableNotFound);
  return {output: {RouteTables: applyFilters(tables, params, fields, 'DescribeRouteTables')}};
};

const deleteRoute: Handler = (snapshot, params) => {
  const {table, destination, route} = located(snapshot, params);
  const tableId = table.RouteTableId ?? '';
  if (route === undefined) return fail('InvalidRoute.NotFound', `no route with ${filterNames[destination.key]} ${destination.value} in route table ${tableId}`);
  if (route.GatewayId === 'local') fail('InvalidParameterValue', `cannot remove local route ${destination.value} in route table ${tableId}`);
  return {snapshot: withRoutes(snapshot, table, (table.Routes ?? []).filter((r) => r !== route)), output: {}};
};

/** The new target; a peering connection or interface the sandbox knows must exist, and sets the route's state. */
function targetOf(snapshot: SandboxSnapshot, params: ParamRecord): Partial<Route> {
  const given = targets.flatMap(([key, field]) => {
    const value = optString(params, key);
    return value === undefined ? [] : [{key, field, value}];
  });
  if (given.length === 0) fail('MissingParameter', 'The request must contain a target: GatewayId, NatGatewayId, NetworkInterfaceId, VpcPeeringConnectionId …');
  if (given.length > 1) fail('InvalidParameterCombination', `Specify only one target; the request has ${given.map((t) => t.key).join(', ')}`);
  const {key, field, value} = given[0] as (typeof given)[number];
  let state: Route['State'] = 'active';
  if (key === 'VpcPeeringConnectionId') {
    const connection = (snapshot.VpcPeeringConnections ?? []).find((p) => p.VpcPeeringConnectionId === value);
    if (connection === undefined) fail('InvalidVpcPeeringConnectionID.NotFound', `The vpcPeeringConnection ID '${value}' does not exist`);
    state = connection.Status?.Code === 'active' ? 'active' : 'blackhole';
  }
  if (key === 'NetworkInterfaceId') {
    const eni = (snapshot.NetworkInterfaces ?? []).find((e) => e.NetworkInterfaceId === value);
    if (eni === undefined) fail('InvalidNetworkInterfaceID.NotFound', `The networkInterface ID '${value}' does not exist`);
    return {NetworkInterfaceId: value, InstanceId: eni.Attachment?.InstanceId, InstanceOwnerId: eni.Attachment?.InstanceOwnerId, State: 'active'};
  }
  return {[field]: value, State: state};
}

const replaceRoute: Handler = (snapshot, params) => {
  const {table, destination, route} = located(snapshot, params);
  if (route === undefined) return fail('InvalidParameterValue', `There is no route defined for '${destination.value}' in the route table. Use CreateRoute instead.`);
  if (route.GatewayId === 'local') fail('InvalidParameterValue', `cannot replace local route ${destination.value} in route table ${table.RouteTableId ?? ''}`);
  const next: Route = {[destination.key]: route[destination.key], ...targetOf(snapshot, params), Origin: 'CreateRoute'};
  const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as Route;
  return {snapshot: withRoutes(snapshot, table, (table.Routes ?? []).map((r) => (r === route ? clean : r))), output: {}};
};

const createRoute: Handler = (snapshot, params) => {
  const {table, destination, route} = located(snapshot, params);
  if (route !== undefined) return fail('RouteAlreadyExists', `The route identified by ${destination.value} already exists.`);
  const next: Route = {[destination.key]: destination.value, ...targetOf(snapshot, params), Origin: 'CreateRoute'};
  const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as Route;
  return {snapshot: withRoutes(snapshot, table, [...(table.Routes ?? []), clean]), output: {Return: true}};
};

export const routeHandlers: ReadonlyArray<readonly [string, Handler]> = [
  ['DescribeRouteTables', describeRouteTables],
  ['CreateRoute', createRoute],
  ['DeleteRoute', deleteRoute],
  ['ReplaceRoute', replaceRoute],
  ...routeAssociationHandlers,
];
