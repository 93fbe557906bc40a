// CreateRoute: everything is in the request (the response is only {requestId, _return: true}).
// A route has one destination (IPv4 CIDR, IPv6 CIDR or prefix list) and one target; the target
// is given under its own key, so targetType names that key and targetId holds its value.
import type {CloudTrailRecord, Fact} from '../record.js';
import {facts, request, text, type FactRow} from './fields.js';

/** The request keys that name a route's target, with their labels, in the order they are looked for. */
export const routeTargets = [
  ['gatewayId', 'Gateway'],
  ['natGatewayId', 'NAT gateway'],
  ['instanceId', 'Instance'],
  ['networkInterfaceId', 'Network interface'],
  ['vpcPeeringConnectionId', 'Peering connection'],
  ['transitGatewayId', 'Transit gateway'],
  ['egressOnlyInternetGatewayId', 'Egress-only internet gateway'],
  ['vpcEndpointId', 'VPC endpoint'],
  ['localGatewayId', 'Local gateway'],
  ['carrierGatewayId', 'Carrier gateway'],
] as const;

export type RouteTargetKey = (typeof routeTargets)[number][0];

export function createRouteFacts(record: CloudTrailRecord): readonly Fact[] {
  const req = request(record);
  const target = routeTargets
    .map(([key, label]) => ({key, label, value: text(req, key)}))
    .find((candidate) => candidate.value !== undefined);
  const targetRows: FactRow[] = target === undefined ? [] : [[target.key, target.label, target.value]];
  return facts([
    ['routeTableId', 'Route table', text(req, 'routeTableId')],
    ['destinationCidrBlock', 'Destination (IPv4)', text(req, 'destinationCidrBlock')],
    ['destinationIpv6CidrBlock', 'Destination (IPv6)', text(req, 'destinationIpv6CidrBlock')],
    ['destinationPrefixListId', 'Destination prefix list', text(req, 'destinationPrefixListId')],
    ['targetType', 'Target type', target?.key],
    ['targetId', 'Target', target?.value],
    ...targetRows,
  ]);
}
