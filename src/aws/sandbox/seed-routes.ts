// CreateRoute's seed: the route table with the route the event made, the subnets it serves, and the
// target where the sandbox models it (a network interface on an instance, an active peering).
import type {Route} from '@aws-sdk/client-ec2';
import {newId} from './account.js';
import {carve} from './cidr.js';
import {fact, subnetsOf, type SeedContext} from './seed-events.js';
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
