// CreateRoute: where the new route sends traffic. A default route to an internet gateway in a
// private table, any route through a peering, an interface or an instance, and a route carved out
// of a wider one in the same table for another target.
import type {Route, RouteTable} from '@aws-sdk/client-ec2';
import {contains, isWholeInternet, parseCidr} from '../engine/cidr.js';
import {evidence, locateFirst, located, type Located} from './evidence.js';
import {factText, finding, type EventRules, type Finding, type Rule, type RuleInput} from './finding.js';
import {byId, isGone, list, nameTag, str} from './state.js';

function destination(input: RuleInput): Located | undefined {
  return locateFirst(input.record, [['requestParameters', ['destinationCidrBlock']], ['requestParameters', ['destinationIpv6CidrBlock']]]);
}

function target(input: RuleInput): Located | undefined {
  const key = factText(input.facts, 'targetType');
  return key === undefined ? undefined : locateFirst(input.record, [['requestParameters', [key]]]);
}

function table(input: RuleInput): RouteTable | undefined {
  return byId(input.state?.RouteTables, 'RouteTableId', factText(input.facts, 'routeTableId'));
}

/** The new route is 0.0.0.0/0 or ::/0 to an internet gateway. */
function defaultToIgw(input: RuleInput): {destination: Located; gateway: Located} | undefined {
  const dest = destination(input);
  const gateway = target(input);
  const cidr = parseCidr(dest?.value);
  if (dest === undefined || gateway === undefined || cidr === undefined) return undefined;
  return isWholeInternet(cidr) && gateway.value.startsWith('igw-') ? {destination: dest, gateway} : undefined;
}

type Privacy = {readonly isPrivate: true; readonly proof: string} | {readonly isPrivate: false};

/** Private, with the field and value that say so; public when its subnets are public; undefined when the state cannot tell. */
function privacy(input: RuleInput): Privacy | undefined {
  const found = table(input);
  if (found === undefined) return undefined;
  const id = str(found.RouteTableId) ?? '?';
  const name = nameTag(found.Tags);
  if (name !== undefined && /private/i.test(name)) return {isPrivate: true, proof: evidence(`RouteTables[${id}].Tags.Name`, name)};
  const associations = list(found.Associations);
  const main = associations.findIndex((association) => association.Main === true);
  if (main >= 0) return {isPrivate: true, proof: evidence(`RouteTables[${id}].Associations[${main}].Main`, 'true')};
  const subnets = associations.flatMap((association) => byId(input.state?.Subnets, 'SubnetId', str(association.SubnetId)) ?? []);
  const closed = subnets.find((subnet) => subnet.MapPublicIpOnLaunch === false);
  if (closed !== undefined) return {isPrivate: true, proof: evidence(`Subnets[${str(closed.SubnetId) ?? '?'}].MapPublicIpOnLaunch`, 'false')};
  return subnets.length > 0 ? {isPrivate: false} : undefined;
}

export const routeIgwInPrivateTable: Rule = (input) => {
  const route = defaultToIgw(input);
  const reason = route === undefined ? undefined : privacy(input);
  if (route === undefined || reason?.isPrivate !== true) return undefined;
  const title = `${route.destination.value} → ${route.gateway.value} in a private table: its subnets are no longer private`;
  return finding('route-igw-in-private-table', 'high', title, `${located(route.gateway)}; ${reason.proof}`, 'replace-route');
};

/** Without the table's state: the same route, with the question the operator must answer. */
export const routeDefaultToIgw: Rule = (input) => {
  const route = defaultToIgw(input);
  if (route === undefined || privacy(input) !== undefined) return undefined;
  const title = 'Default route to an internet gateway: exposes the subnets if the table is private';
  return finding('route-default-to-igw', 'medium', title, `${located(route.destination)}; ${located(route.gateway)}`, 'describe-route-table');
};

/** A route through a target that can see (and change) the traffic: possible interception. */
function throughTarget(id: string, key: string, says: (destination: string, target: string) => string): Rule {
  return (input) => {
    if (factText(input.facts, 'targetType') !== key) return undefined;
    const via = target(input);
    if (via === undefined) return undefined;
    const to = destination(input)?.value ?? factText(input.facts, 'destinationPrefixListId') ?? 'traffic';
    return finding(id, 'high', says(to, via.value), located(via), 'delete-route');
  };
}

export const routeViaNetworkInterface = throughTarget('route-via-network-interface', 'networkInterfaceId', (to, eni) =>
  `${to} now goes through ${eni}: whoever holds it can read or alter it`);
export const routeViaInstance = throughTarget('route-via-instance', 'instanceId', (to, instance) =>
  `${to} now goes through ${instance}: whoever runs it can read or alter it`);
export const routeViaPeering = throughTarget('route-via-peering', 'vpcPeeringConnectionId', (to, pcx) =>
  `${to} now leaves the VPC over ${pcx}: who is on the other side?`);

const routeTargetKeys = ['GatewayId', 'NatGatewayId', 'TransitGatewayId', 'NetworkInterfaceId', 'InstanceId', 'VpcPeeringConnectionId',
  'EgressOnlyInternetGatewayId', 'LocalGatewayId', 'CarrierGatewayId', 'CoreNetworkArn'] as const;

function targetsOf(route: Route): string[] {
  return routeTargetKeys.flatMap((key) => str(route[key]) ?? []);
}

function routeDestination(route: Route): string | undefined {
  return str(route.DestinationCidrBlock) ?? str(route.DestinationIpv6CidrBlock);
}

/** A route more specific than another of the same table (not the default route) for another target: the subset is hijacked. */
export const routeMoreSpecificHijack: Rule = (input) => {
  const dest = destination(input);
  const cidr = parseCidr(dest?.value);
  const via = factText(input.facts, 'targetId');
  const found = table(input);
  if (dest === undefined || cidr === undefined || via === undefined || found === undefined) return undefined;
  const routes = list(found.Routes);
  const index = routes.findIndex((route) => {
    const wider = parseCidr(routeDestination(route));
    return wider !== undefined && wider.prefix > 0 && wider.prefix < cidr.prefix && contains(wider, cidr) && !targetsOf(route).includes(via);
  });
  const wider = routes[index];
  if (wider === undefined) return undefined;
  const field = wider.DestinationCidrBlock === undefined ? 'DestinationIpv6CidrBlock' : 'DestinationCidrBlock';
  const widerText = routeDestination(wider) ?? '?';
  const title = `${dest.value} → ${via} is carved out of ${widerText} → ${targetsOf(wider)[0] ?? '?'}: traffic hijack`;
  const proof = `${located(dest)}; ${evidence(`RouteTables[${str(found.RouteTableId) ?? '?'}].Routes[${index}].${field}`, widerText)}`;
  return finding('route-more-specific-hijack', 'high', title, proof, 'delete-route');
};

/** Every finding ends when the table no longer has the route to the event's target (deleted or replaced), or the table is gone. */
function isResolved(_finding: Finding, input: RuleInput): boolean {
  if (isGone(input.state?.RouteTables, 'RouteTableId', factText(input.facts, 'routeTableId'))) return true;
  const found = table(input);
  const via = factText(input.facts, 'targetId');
  const wanted = parseCidr(destination(input)?.value);
  const prefixList = factText(input.facts, 'destinationPrefixListId');
  const routes: unknown = found?.Routes;
  if (found === undefined || via === undefined || !Array.isArray(routes)) return false;
  return !list(found.Routes).some((route) => {
    const have = parseCidr(routeDestination(route));
    const sameDestination =
      wanted !== undefined && have !== undefined
        ? have.version === wanted.version && have.prefix === wanted.prefix && have.network === wanted.network
        : prefixList !== undefined && route.DestinationPrefixListId === prefixList;
    return sameDestination && targetsOf(route).includes(via);
  });
}

export const createRouteRules: EventRules = {
  rules: [routeIgwInPrivateTable, routeDefaultToIgw, routeViaNetworkInterface, routeViaInstance, routeViaPeering, routeMoreSpecificHijack],
  isResolved,
};
