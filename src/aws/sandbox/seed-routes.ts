// The route events' seeds. CreateRoute and ReplaceRoute: the route table with the event's route, the
// subnets it serves, and the target where the sandbox models it (a network interface on an instance, an
// active peering). CreateRouteTable: the new, empty table. ReplaceRouteTableAssociation: the subnet on
// the event's table and the table it left, now serving none. DisassociateRouteTable: the table the
// subnet left. A failed call changed nothing: the association stays where it was, no table was made.
import type {Route} from '@aws-sdk/client-ec2';
import {newId} from './account.js';
import {carve} from './cidr.js';
import {fact, subnetsOf, type EventSeeds, type SeedContext} from './seed-events.js';
import {network, networkInterface, peering, routeTable, type Parts} from './seed-parts.js';

/** The route field of each target key CreateRoute takes (a VPC endpoint shows as GatewayId). */
function targetField(key: string): string {
  return key === 'vpcEndpointId' ? 'GatewayId' : key.charAt(0).toUpperCase() + key.slice(1);
}

export function routeSeed(context: SeedContext): Parts[] {
  const {place} = context;
  const tableId = fact(context, 'routeTableId') ?? newId('rtb', 'event');
  const vpcId = newId('vpc', tableId);
  const cidr = '10.0.0.0/16';
  const subnets = subnetsOf(context, vpcId, cidr);
  const base = network(place, vpcId, cidr, {subnets});
  const parts: Parts[] = [base];
  const destination = Object.fromEntries(
    (['DestinationCidrBlock', 'DestinationIpv6CidrBlock', 'DestinationPrefixListId'] as const).flatMap((key) => {
      const value = fact(context, key.charAt(0).toLowerCase() + key.slice(1));
      return value === undefined ? [] : [[key, value]];
    }),
  ) as Partial<Route>;
  const targetType = fact(context, 'targetType');
  const targetId = fact(context, 'targetId');
  let target: Partial<Route> = {};
  if (targetType !== undefined && targetId !== undefined) {
    target = {[targetField(targetType)]: targetId};
    const [first] = subnets;
    const defaultGroup = base.SecurityGroups?.[0];
    if (targetType === 'networkInterfaceId' && first !== undefined && defaultGroup !== undefined) {
      const instanceId = newId('i', targetId);
      const ip = carve(first.CidrBlock ?? cidr, 32, 10).split('/')[0] ?? '';
      const attachment = {instanceId, deviceIndex: 0, at: context.at};
      parts.push({NetworkInterfaces: [networkInterface(place, targetId, first, [defaultGroup], ip, {description: 'Primary network interface', attachment})]});
      target = {...target, InstanceId: instanceId, InstanceOwnerId: place.owner};
    }
    if (targetType === 'vpcPeeringConnectionId') {
      const peer = {vpcId: newId('vpc', targetId), owner: place.owner, region: place.region};
      parts.push({VpcPeeringConnections: [peering(targetId, {vpcId, ...place, cidr}, {...peer, cidr: destination.DestinationCidrBlock}, 'active')]});
    }
  }
  const routes: Route[] = context.failed ? [] : [{...destination, ...target, Origin: 'CreateRoute', State: 'active'}];
  parts.push({RouteTables: [routeTable(place, vpcId, tableId, cidr, routes, subnets.map((s) => s.SubnetId ?? ''))]});
  return parts;
}

/** The event's VPC with its subnets (and main table), the base of the association events' seeds. */
function base(context: SeedContext, key: string): {parts: Parts; vpcId: string; cidr: string; subnetIds: string[]} {
  const vpcId = fact(context, 'vpcId') ?? newId('vpc', key);
  const cidr = '10.0.0.0/16';
  const subnets = subnetsOf(context, vpcId, cidr);
  return {parts: network(context.place, vpcId, cidr, {subnets}), vpcId, cidr, subnetIds: subnets.map((s) => s.SubnetId ?? '')};
}

function createRouteTableSeed(context: SeedContext): Parts[] {
  const tableId = fact(context, 'routeTableId');
  const {parts, vpcId, cidr} = base(context, tableId ?? 'event');
  return tableId === undefined || context.failed ? [parts] : [parts, {RouteTables: [routeTable(context.place, vpcId, tableId, cidr, [], [])]}];
}

/** The event's table holds the subnet under the new association; the table it left serves none. A failed call: the subnet stays on the old one. */
function replaceAssociationSeed(context: SeedContext): Parts[] {
  const tableId = fact(context, 'routeTableId') ?? newId('rtb', 'event');
  const {parts, vpcId, cidr, subnetIds} = base(context, tableId);
  const [subnetId = newId('subnet', tableId)] = subnetIds;
  const previousId = newId('rtb', `${tableId}|previous`);
  const associationId = (context.failed ? fact(context, 'associationId') : fact(context, 'newAssociationId')) ?? newId('rtbassoc', tableId);
  const holder = context.failed ? previousId : tableId;
  const tables = [previousId, tableId].map((id) => {
    const table = routeTable(context.place, vpcId, id, cidr, [], []);
    const association = {Main: false, RouteTableAssociationId: associationId, RouteTableId: id, SubnetId: subnetId, AssociationState: {State: 'associated' as const}};
    return id === holder ? {...table, Associations: [association]} : table;
  });
  return [parts, {RouteTables: tables}];
}

/** The table the subnet left (named after the association): it serves none now, unless the call failed. */
function disassociateSeed(context: SeedContext): Parts[] {
  const associationId = fact(context, 'associationId') ?? newId('rtbassoc', 'event');
  const tableId = newId('rtb', associationId);
  const {parts, vpcId, cidr, subnetIds} = base(context, tableId);
  const [subnetId = newId('subnet', tableId)] = subnetIds;
  const table = routeTable(context.place, vpcId, tableId, cidr, [], []);
  const association = {Main: false, RouteTableAssociationId: associationId, RouteTableId: tableId, SubnetId: subnetId, AssociationState: {State: 'associated' as const}};
  return [parts, {RouteTables: [context.failed ? {...table, Associations: [association]} : table]}];
}

export const routesSeeds: EventSeeds = {
  CreateRoute: routeSeed,
  ReplaceRoute: routeSeed,
  CreateRouteTable: createRouteTableSeed,
  ReplaceRouteTableAssociation: replaceAssociationSeed,
  DisassociateRouteTable: disassociateSeed,
};
