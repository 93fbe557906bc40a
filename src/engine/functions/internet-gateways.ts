// Internet gateways: the VPCs a gateway of DescribeInternetGateways is attached to, and the routes of
// DescribeRouteTables that send traffic to a gateway (what reaches the internet through it, or what
// lost its way out once it is detached or deleted). Read defensively: a field of the wrong type counts as absent.
import {define, isObject, str, T, type Arg} from './define.js';
import {evidenceText} from './record.js';

type Obj = {[key: string]: Arg};

function objects(value: Arg | undefined): Obj[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** Attachment states that carry traffic or soon will (EC2 shows a working attachment as available). */
const liveStates = new Set(['available', 'attached', 'attaching']);

/** The VPCs the gateway is attached to (attaching, attached or available; no state counts as attached), each once. */
export function gatewayVpcs(gateway: Arg | undefined): string[] {
  if (!isObject(gateway)) return [];
  const vpcs = objects(gateway['Attachments']).flatMap((attachment) => {
    const state = attachment['State'];
    const vpcId = str(attachment['VpcId']);
    return vpcId !== undefined && (state === undefined || state === null || (typeof state === 'string' && liveStates.has(state))) ? [vpcId] : [];
  });
  return [...new Set(vpcs)];
}

/** Whether the tables' association list makes it the VPC's main table, and the subnets it serves. */
function served(table: Obj): {isMain: boolean; subnets: string[]} {
  const live = objects(table['Associations']).filter((a) => {
    const state = isObject(a['AssociationState']) ? a['AssociationState']['State'] : undefined;
    return state === undefined || state === 'associated' || state === 'associating';
  });
  return {isMain: live.some((a) => a['Main'] === true), subnets: live.flatMap((a) => str(a['SubnetId']) ?? [])};
}

/**
 * Every route of the tables whose GatewayId is the gateway (ignoring case), in the tables' order:
 * {tableId, vpcId, destination, state, isMain, subnets, path, evidence}.
 */
export function gatewayRoutes(tables: Arg | undefined, gatewayId: Arg | undefined): Obj[] {
  const id = str(gatewayId)?.trim().toLowerCase();
  if (id === undefined) return [];
  return objects(tables).flatMap((table) => {
    const tableId = str(table['RouteTableId']) ?? '?';
    const {isMain, subnets} = served(table);
    return objects(table['Routes']).flatMap((route, index) => {
      if (str(route['GatewayId'])?.trim().toLowerCase() !== id) return [];
      const destination = str(route['DestinationCidrBlock']) ?? str(route['DestinationIpv6CidrBlock']) ?? str(route['DestinationPrefixListId']) ?? '?';
      const path = `RouteTables[${tableId}].Routes[${index}].GatewayId`;
      return [{
        tableId, vpcId: str(table['VpcId']) ?? null, destination, state: str(route['State']) ?? null, isMain, subnets,
        path, evidence: evidenceText(path, str(route['GatewayId']) ?? ''),
      }];
    });
  });
}

define('gateway_vpcs', [{kinds: [T.any], label: 'gateway'}], 'the VPCs an internet gateway of DescribeInternetGateways is attached to (attaching, attached or available), each once', ([gateway]) => gatewayVpcs(gateway));
define(
  'gateway_routes',
  [{kinds: [T.any], label: 'routeTables'}, {kinds: [T.any], label: 'gatewayId'}],
  'every route of the tables whose GatewayId is the gateway: [{tableId, vpcId, destination, state, isMain, subnets, path, evidence}]',
  ([tables, gatewayId]) => gatewayRoutes(tables, gatewayId),
);
