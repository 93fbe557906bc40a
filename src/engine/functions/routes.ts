// Routes and route tables: the target a CreateRoute/ReplaceRoute request names, the targets and
// destination of a route as DescribeRouteTables lists it, finding the route for a destination in a
// table, and whether a table is private (by its name, as the main table, or by a subnet it serves).
// Read defensively: a field of the wrong type counts as absent.
import {parseCidr, sameCidr} from '../cidr.js';
import {define, isObject, str, T, type Arg} from './define.js';
import {evidenceText, fieldOf, scalarText} from './record.js';

type Obj = {[key: string]: Arg};

/** The request keys that name a route's target, in the order they are looked for (CreateRoute, ReplaceRoute). */
export const requestTargetKeys = [
  'gatewayId', 'natGatewayId', 'instanceId', 'networkInterfaceId', 'vpcPeeringConnectionId', 'transitGatewayId',
  'egressOnlyInternetGatewayId', 'vpcEndpointId', 'localGatewayId', 'carrierGatewayId',
] as const;

/** The fields of a Route (DescribeRouteTables) that name its target, in the order one is shown. */
export const routeTargetKeys = [
  'GatewayId', 'NatGatewayId', 'NetworkInterfaceId', 'InstanceId', 'VpcPeeringConnectionId', 'TransitGatewayId',
  'EgressOnlyInternetGatewayId', 'LocalGatewayId', 'CarrierGatewayId', 'CoreNetworkArn', 'OdbNetworkArn',
] as const;

function own(object: Arg | undefined, key: string): Arg | undefined {
  return isObject(object) && Object.hasOwn(object, key) ? object[key] : undefined;
}

function objects(value: Arg | undefined): Obj[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** {key, value} of the first target the request names (camelCase or PascalCase, the value as text); null when none. */
export function requestedTarget(request: Arg | undefined): Obj | null {
  for (const key of requestTargetKeys) {
    const value = scalarText(fieldOf(request, key));
    if (value !== undefined) return {key, value};
  }
  return null;
}

/** The target IDs a route names (usually one; an instance's route names its interface too). */
export function routeTargets(route: Arg | undefined): string[] {
  return routeTargetKeys.flatMap((key) => str(own(route, key)) ?? []);
}

/** The block a route sends: its IPv4 destination, else its IPv6 one. */
export function routeDestination(route: Arg | undefined): string | undefined {
  return str(own(route, 'DestinationCidrBlock')) ?? str(own(route, 'DestinationIpv6CidrBlock'));
}

/** IDs and IPv6 blocks as the same text, ignoring case and surrounding spaces. */
export function sameId(a: Arg | undefined, b: Arg | undefined): boolean {
  return typeof a === 'string' && typeof b === 'string' && a !== '' && b !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The route sends this destination: the same block however written when both are CIDR blocks,
 * else the same prefix list.
 */
export function sameDestination(route: Arg | undefined, cidr: Arg | undefined, prefixListId: Arg | undefined): boolean {
  const have = routeDestination(route);
  if (parseCidr(cidr) !== undefined && parseCidr(have) !== undefined) return sameCidr(cidr, have);
  return str(prefixListId) !== undefined && own(route, 'DestinationPrefixListId') === prefixListId;
}

/** The first route whose field key holds value (ignoring case and spaces); null when none. */
export function findRoute(routes: Arg | undefined, key: string, value: Arg | undefined): Obj | null {
  return objects(routes).find((route) => sameId(own(route, key), value)) ?? null;
}

/**
 * Whether a route table keeps its subnets private, with the field that says so: its Name tag says
 * private, it is the VPC's main table, or a subnet it serves gives out no public IPs. {isPrivate:
 * false} when it serves only subnets that do; null when the state cannot tell.
 */
export function tablePrivacy(table: Arg | undefined, subnets: Arg | undefined): Obj | null {
  if (!isObject(table)) return null;
  const at = `RouteTables[${str(table['RouteTableId']) ?? '?'}]`;
  const name = str(own(objects(table['Tags']).find((tag) => tag['Key'] === 'Name'), 'Value'));
  if (name !== undefined && /private/i.test(name)) return {isPrivate: true, evidence: evidenceText(`${at}.Tags.Name`, name)};
  const associations = objects(table['Associations']);
  const main = associations.findIndex((association) => association['Main'] === true);
  if (main >= 0) return {isPrivate: true, evidence: evidenceText(`${at}.Associations[${main}].Main`, 'true')};
  const served = associations.flatMap((association): Obj[] => {
    const id = str(association['SubnetId']);
    const subnet = objects(subnets).find((item) => id !== undefined && item['SubnetId'] === id);
    return subnet === undefined ? [] : [subnet];
  });
  const closed = served.find((subnet) => subnet['MapPublicIpOnLaunch'] === false);
  if (closed !== undefined) return {isPrivate: true, evidence: evidenceText(`Subnets[${str(closed['SubnetId']) ?? '?'}].MapPublicIpOnLaunch`, 'false')};
  return served.length > 0 ? {isPrivate: false} : null;
}

/**
 * The routes of a table that send the whole internet (0.0.0.0/0 or ::/0) to an internet gateway and
 * are not a blackhole, in order: {destination, gatewayId, evidence} with the route's path in the table.
 */
export function internetRoutes(table: Arg | undefined): Obj[] {
  if (!isObject(table)) return [];
  const at = `RouteTables[${str(table['RouteTableId']) ?? '?'}]`;
  return objects(table['Routes']).flatMap((route, index) => {
    const destination = routeDestination(route);
    const gatewayId = str(own(route, 'GatewayId'));
    const whole = destination !== undefined && (sameCidr(destination, '0.0.0.0/0') || sameCidr(destination, '::/0'));
    if (!whole || gatewayId === undefined || !gatewayId.toLowerCase().startsWith('igw-') || own(route, 'State') === 'blackhole') return [];
    return [{destination, gatewayId, evidence: evidenceText(`${at}.Routes[${index}].GatewayId`, gatewayId)}];
  });
}

/**
 * The association of a table with this ID (DescribeRouteTables' Associations), as {associationId,
 * subnetId, gatewayId, isMain, state, evidence}; null when the table has none with it.
 */
export function tableAssociation(table: Arg | undefined, associationId: Arg | undefined): Obj | null {
  if (!isObject(table)) return null;
  const associations = objects(table['Associations']);
  const index = associations.findIndex((association) => sameId(own(association, 'RouteTableAssociationId'), associationId));
  const found = associations[index];
  if (found === undefined) return null;
  const id = str(own(found, 'RouteTableAssociationId')) ?? '';
  const at = `RouteTables[${str(table['RouteTableId']) ?? '?'}].Associations[${index}]`;
  const state = str(own(own(found, 'AssociationState'), 'State')) ?? null;
  return {
    associationId: id, subnetId: str(own(found, 'SubnetId')) ?? null, gatewayId: str(own(found, 'GatewayId')) ?? null,
    isMain: own(found, 'Main') === true, state, evidence: evidenceText(`${at}.RouteTableAssociationId`, id),
  };
}

const any = (label: string) => ({kinds: [T.any], label});

define('requested_target', [any('request')], 'the target a CreateRoute or ReplaceRoute request names, as {key, value} (gatewayId, natGatewayId, instanceId … in that order); null when none',
  ([request]) => requestedTarget(request));
define('route_targets', [any('route')], 'the target IDs a route of DescribeRouteTables names (GatewayId, NatGatewayId, NetworkInterfaceId, InstanceId …)', ([route]) => routeTargets(route));
define('route_destination', [any('route')], "a route's destination block: DestinationCidrBlock, else DestinationIpv6CidrBlock; null when neither", ([route]) => routeDestination(route) ?? null);
define('same_id', [any('a'), any('b')], 'the same ID or block text, ignoring case and surrounding spaces', ([a, b]) => sameId(a, b));
define('same_destination', [any('route'), any('cidr'), any('prefixListId')], 'the route sends this destination: the same block however written, else the same prefix list',
  ([route, cidr, prefixListId]) => sameDestination(route, cidr, prefixListId));
define('find_route', [any('routes'), {kinds: [T.string], label: 'key'}, any('value')], 'the first route whose key (e.g. DestinationCidrBlock) holds value, ignoring case; null when none',
  ([routes, key, value]) => findRoute(routes, typeof key === 'string' ? key : '', value));
define('table_privacy', [any('table'), any('subnets')], 'whether a route table keeps its subnets private, as {isPrivate, evidence}: Name tag, main table, or a subnet without public IPs; null when the state cannot tell',
  ([table, subnets]) => tablePrivacy(table, subnets));
define('nonempty', [any('value')], 'a non-empty string as is; anything else (numbers included) gives null', ([value]) => str(value) ?? null);
define('internet_routes', [any('table')], "the routes of a DescribeRouteTables table that send 0.0.0.0/0 or ::/0 to an internet gateway (not blackholes): [{destination, gatewayId, evidence}]",
  ([table]) => internetRoutes(table));
define('table_association', [any('table'), any('associationId')], "the table's association with this ID: {associationId, subnetId, gatewayId, isMain, state, evidence}; null when it has none",
  ([table, associationId]) => tableAssociation(table, associationId));
