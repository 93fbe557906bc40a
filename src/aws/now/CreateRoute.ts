// Now panel for CreateRoute: is the event's route (same table, same destination) still there,
// and does it still lead to the same target? Also which subnets the table serves (the reach).
import type {DescribeRouteTablesResult, Route, RouteTable, RouteTableAssociation, RouteTableAssociationState} from '@aws-sdk/client-ec2';
import type {JsonRecord} from '../../events/detect-shape.js';
import type {Fact} from '../../events/record.js';
import {factText, idPatterns, line, listText, unknownState, validId, type NowLine, type NowReader} from './now.js';
import {child, findById, flag, items, text} from './output.js';

/** The fields of a Route that name its target, in the order one is shown. */
const targetKeys = [
  'GatewayId', 'NatGatewayId', 'NetworkInterfaceId', 'InstanceId', 'VpcPeeringConnectionId', 'TransitGatewayId',
  'EgressOnlyInternetGatewayId', 'LocalGatewayId', 'CarrierGatewayId', 'CoreNetworkArn', 'OdbNetworkArn',
] as const satisfies readonly (keyof Route)[];

interface Destination {
  readonly key: 'DestinationCidrBlock' | 'DestinationIpv6CidrBlock' | 'DestinationPrefixListId';
  readonly value: string;
}

export const createRouteNow: NowReader = {
  query(facts) {
    const routeTableId = validId(facts, 'routeTableId');
    // Without a destination the route cannot be told from the table's others.
    if (routeTableId === undefined || destinationOf(facts) === undefined) return undefined;
    return {service: 'ec2', operation: 'DescribeRouteTables', params: {RouteTableIds: [routeTableId]}};
  },

  interpret(output, facts) {
    const routeTableId = validId(facts, 'routeTableId');
    const destination = destinationOf(facts);
    if (routeTableId === undefined || destination === undefined) return [];
    const table = findById<DescribeRouteTablesResult, RouteTable>(output, 'RouteTables', 'RouteTableId', routeTableId);
    if (table === undefined) return [unknownState(`the route table ${routeTableId}`)];
    const route = items<RouteTable>(table, 'Routes').find((entry) => same(text<Route>(entry, destination.key), destination.value));
    return [...routeLines(route, destination.value, factText(facts, 'targetId')), reachLine(table)];
  },

  followUps(output, facts) {
    const routeTableId = validId(facts, 'routeTableId');
    const table = routeTableId === undefined ? undefined : findById<DescribeRouteTablesResult, RouteTable>(output, 'RouteTables', 'RouteTableId', routeTableId);
    const subnetIds = items<RouteTable>(table ?? {}, 'Associations').flatMap((a) => text<RouteTableAssociation>(a, 'SubnetId') ?? []).filter((id) => idPatterns.subnetId.test(id));
    // Whether the subnets it serves give out public addresses says whether the table is private.
    return subnetIds.length === 0 ? [] : [{service: 'ec2', operation: 'DescribeSubnets', params: {SubnetIds: subnetIds}}];
  },

  whenError(code, facts) {
    if (code !== 'InvalidRouteTableID.NotFound') return undefined;
    return [line('ok', `the route table ${validId(facts, 'routeTableId') ?? 'of the event'} no longer exists, and the route with it`)];
  },
};

function destinationOf(facts: readonly Fact[]): Destination | undefined {
  const ipv4 = factText(facts, 'destinationCidrBlock');
  if (ipv4 !== undefined) return {key: 'DestinationCidrBlock', value: ipv4};
  const ipv6 = factText(facts, 'destinationIpv6CidrBlock');
  if (ipv6 !== undefined) return {key: 'DestinationIpv6CidrBlock', value: ipv6};
  const prefixList = factText(facts, 'destinationPrefixListId');
  return prefixList === undefined ? undefined : {key: 'DestinationPrefixListId', value: prefixList};
}

/** IPv6 blocks and IDs compare case-insensitively. */
function same(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}

function routeLines(route: JsonRecord | undefined, destination: string, eventTarget: string | undefined): NowLine[] {
  if (route === undefined) return [line('ok', `the route ${destination} is gone`)];
  const targets = targetKeys.map((key) => text<Route>(route, key)).filter((value) => value !== undefined);
  const isSameTarget = eventTarget === undefined || targets.some((target) => same(target, eventTarget));
  const shown = isSameTarget && eventTarget !== undefined ? eventTarget : (targets[0] ?? 'an unknown target');
  const state = text<Route>(route, 'State');
  const lines: NowLine[] = [];
  if (targets.length === 0) lines.push(line('warn', `the route ${destination} is still there, to a target the answer does not name`));
  else if (state === 'blackhole') lines.push(line('warn', `the route ${destination} → ${shown} exists but is a blackhole: its target is gone`));
  else if (!isSameTarget) lines.push(line('warn', `the route ${destination} now points to ${shown} (the event set ${eventTarget ?? '?'})`));
  else if (state === 'active' || state === undefined) lines.push(line('bad', `the route ${destination} → ${shown} is still there`));
  else lines.push(line('warn', `the route ${destination} → ${shown} is there, state ${state}`));
  // A route to an interface shows the instance that holds it: that instance sees the traffic.
  const instance = text<Route>(route, 'InstanceId');
  if (instance !== undefined && !same(instance, shown)) {
    const owner = text<Route>(route, 'InstanceOwnerId');
    lines.push(line('info', `the traffic goes through instance ${instance}${owner === undefined ? '' : ` (account ${owner})`}`));
  }
  const origin = text<Route>(route, 'Origin');
  if (origin !== undefined && origin !== 'CreateRoute') lines.push(line('info', `the route now comes from ${origin}`));
  return lines;
}

/** Which subnets (or gateways) the table serves: how far the route reaches. */
function reachLine(table: JsonRecord): NowLine {
  const live = items<RouteTable>(table, 'Associations').filter((association) => {
    const state = text<RouteTableAssociationState>(child<RouteTableAssociation>(association, 'AssociationState'), 'State');
    return state === undefined || state === 'associated' || state === 'associating';
  });
  const isMain = live.some((association) => flag<RouteTableAssociation>(association, 'Main') === true);
  const served = live.flatMap((association) => {
    const id = text<RouteTableAssociation>(association, 'SubnetId') ?? text<RouteTableAssociation>(association, 'GatewayId');
    return id === undefined ? [] : [id];
  });
  if (isMain) return line('info', `the table is the VPC's main route table (every subnet without its own table)${served.length > 0 ? ` and serves ${listText(served)}` : ''}`);
  return line('info', served.length === 0 ? 'the table is associated with no subnet' : `the table serves ${listText(served)}`);
}
