// Verifying route changes: the route table read back by ID, and the route found by its one
// destination (IPv4 or IPv6 CIDR compared as a block, or a prefix list). Delete: no such route any
// more. Create and replace: the route sends its destination to the requested target.
import type {Route, RouteTable} from '@aws-sdk/client-ec2';
import type {ActionParams} from '../action.js';
import {sameCidr} from '../sandbox/cidr.js';
import {ec2, listIn, notReached, reached, str, unexpected, verification, type Builder, type VerifyCheck} from './check.js';

type DestinationKey = 'DestinationCidrBlock' | 'DestinationIpv6CidrBlock' | 'DestinationPrefixListId';
interface Destination {
  readonly key: DestinationKey;
  readonly value: string;
}

/** Request keys that name a route's target, and the Route field that shows it. */
const targets: ReadonlyArray<readonly [string, keyof Route]> = [
  ['GatewayId', 'GatewayId'], ['NatGatewayId', 'NatGatewayId'], ['InstanceId', 'InstanceId'], ['NetworkInterfaceId', 'NetworkInterfaceId'],
  ['VpcPeeringConnectionId', 'VpcPeeringConnectionId'], ['TransitGatewayId', 'TransitGatewayId'], ['EgressOnlyInternetGatewayId', 'EgressOnlyInternetGatewayId'],
  ['VpcEndpointId', 'GatewayId'], ['LocalGatewayId', 'LocalGatewayId'], ['CarrierGatewayId', 'CarrierGatewayId'], ['CoreNetworkArn', 'CoreNetworkArn'],
];

function destinationOf(params: ActionParams): Destination | undefined {
  const given = (['DestinationCidrBlock', 'DestinationIpv6CidrBlock', 'DestinationPrefixListId'] as const).flatMap((key) => {
    const value = str(params, key);
    return value === undefined ? [] : [{key, value}];
  });
  return given.length === 1 ? given[0] : undefined;
}

function isRoute(route: Route, destination: Destination): boolean {
  const value = route[destination.key];
  return destination.key === 'DestinationPrefixListId' ? value === destination.value : sameCidr(value, destination.value);
}

/** Where a route sends traffic, as the console shows it. */
function targetText(route: Route): string {
  const found = targets.map(([, field]) => route[field]).find((v): v is string => typeof v === 'string' && v !== '');
  return found ?? 'no target';
}

/** Read the table, find the route; judge it. A table that no longer exists answers `gone`. */
function onRoute(params: ActionParams, judge: (route: Route | undefined, tableId: string, destination: string) => VerifyCheck, gone: (tableId: string) => VerifyCheck) {
  const tableId = str(params, 'RouteTableId');
  const destination = destinationOf(params);
  if (tableId === undefined || destination === undefined) return undefined;
  return verification(ec2('DescribeRouteTables', {RouteTableIds: [tableId]}), {
    errors: {'InvalidRouteTableID.NotFound': gone(tableId)},
    output(output) {
      const tables = listIn<RouteTable>(output, 'RouteTables');
      if (tables === undefined) return unexpected;
      const table = tables.find((t) => t.RouteTableId === tableId);
      if (table === undefined) return gone(tableId);
      return judge((table.Routes ?? []).find((r) => isRoute(r, destination)), tableId, destination.value);
    },
  });
}

const deleteRoute: Builder = (params) =>
  onRoute(
    params,
    (route, tableId, destination) =>
      route === undefined ? reached(`${tableId} has no route for ${destination}`) : notReached(`${tableId} still sends ${destination} to ${targetText(route)}`),
    (tableId) => reached(`${tableId} no longer exists, so neither does the route`),
  );

/** CreateRoute and ReplaceRoute: the route exists and goes to the requested target. */
const routeTo: Builder = (params) => {
  const given = targets.flatMap(([key, field]) => {
    const value = str(params, key);
    return value === undefined ? [] : [{field, value}];
  });
  const target = given.length === 1 ? given[0] : undefined;
  if (target === undefined) return undefined;
  return onRoute(
    params,
    (route, tableId, destination) => {
      if (route === undefined) return notReached(`${tableId} has no route for ${destination}`);
      if (route[target.field] !== target.value) return notReached(`${tableId} still sends ${destination} to ${targetText(route)}`);
      return reached(`${tableId} sends ${destination} to ${target.value}${route.State === 'blackhole' ? ' (state blackhole: the target is gone or not active)' : ''}`);
    },
    (tableId) => notReached(`${tableId} does not exist`),
  );
};

export const routeVerifications: Readonly<Record<string, Builder>> = {
  DeleteRoute: deleteRoute,
  ReplaceRoute: routeTo,
  CreateRoute: routeTo,
};
