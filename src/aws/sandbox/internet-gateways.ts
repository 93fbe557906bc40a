// Internet gateways in the sandbox: DescribeInternetGateways, AttachInternetGateway, DetachInternetGateway and
// DeleteInternetGateway, with EC2's rules: a VPC has at most one gateway and a gateway joins at most one VPC
// (Resource.AlreadyAssociated); a detach names the VPC the gateway is attached to (Gateway.NotAttached) and is
// refused while that VPC has public addresses mapped (DependencyViolation); an attached gateway cannot be deleted
// (DependencyViolation). A working attachment shows State available, as EC2 shows it. Routes to a gateway that is
// detached or deleted stay, as blackholes.
import type {AttachmentStatus, InternetGateway, RouteTable} from '@aws-sdk/client-ec2';
import type {SandboxSnapshot} from './account.js';
import {applyFilters, type FilterFields} from './filters.js';
import type {Handler} from './handler.js';
import {byIds, fail, optStrings, reqString} from './params.js';

const fields: FilterFields<InternetGateway> = {
  'internet-gateway-id': (g) => [g.InternetGatewayId],
  'owner-id': (g) => [g.OwnerId],
  'attachment.vpc-id': (g) => (g.Attachments ?? []).map((a) => a.VpcId),
  'attachment.state': (g) => (g.Attachments ?? []).map((a) => a.State),
  'tag-key': (g) => (g.Tags ?? []).map((t) => t.Key),
};

const notFound = (id: string): never => fail('InvalidInternetGatewayID.NotFound', `The internetGateway ID '${id}' does not exist`);

function gatewayOf(snapshot: SandboxSnapshot, id: string): InternetGateway {
  return (snapshot.InternetGateways ?? []).find((g) => g.InternetGatewayId === id) ?? notFound(id);
}

function vpcOf(snapshot: SandboxSnapshot, id: string): void {
  if (!(snapshot.Vpcs ?? []).some((v) => v.VpcId === id)) fail('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`);
}

/**
 * How EC2 shows a working attachment of an internet gateway (DescribeInternetGateways: "available"); the SDK's
 * AttachmentStatus type lists only the states of other attachments.
 */
export const attachedState = 'available' as AttachmentStatus;

const isAttached = (gateway: InternetGateway): boolean => (gateway.Attachments ?? []).some((a) => a.State !== 'detached');

function withGateway(snapshot: SandboxSnapshot, gateway: InternetGateway, next: InternetGateway | undefined): InternetGateway[] {
  return (snapshot.InternetGateways ?? []).flatMap((g) => (g === gateway ? (next === undefined ? [] : [next]) : [g]));
}

/** Routes to the gateway: active while it is attached to the table's VPC, a blackhole otherwise. */
function routesFollow(tables: readonly RouteTable[], gatewayId: string, attachedVpc: string | undefined): RouteTable[] {
  return tables.map((table) => {
    if (!(table.Routes ?? []).some((r) => r.GatewayId === gatewayId)) return table;
    const state = table.VpcId === attachedVpc ? 'active' : 'blackhole';
    return {...table, Routes: (table.Routes ?? []).map((r) => (r.GatewayId === gatewayId ? {...r, State: state} : r))};
  });
}

const describeInternetGateways: Handler = (snapshot, params) => {
  const ids = optStrings(params, 'InternetGatewayIds');
  const all = snapshot.InternetGateways ?? [];
  const gateways = ids === undefined ? all : byIds(all, ids, (g) => g.InternetGatewayId, notFound);
  return {output: {InternetGateways: applyFilters(gateways, params, fields, 'DescribeInternetGateways')}};
};

const attachInternetGateway: Handler = (snapshot, params) => {
  const gatewayId = reqString(params, 'InternetGatewayId');
  const vpcId = reqString(params, 'VpcId');
  const gateway = gatewayOf(snapshot, gatewayId);
  vpcOf(snapshot, vpcId);
  if (isAttached(gateway)) fail('Resource.AlreadyAssociated', `resource ${gatewayId} is already attached to network ${(gateway.Attachments ?? [])[0]?.VpcId ?? ''}`);
  const other = (snapshot.InternetGateways ?? []).find((g) => (g.Attachments ?? []).some((a) => a.VpcId === vpcId && a.State !== 'detached'));
  if (other !== undefined) fail('Resource.AlreadyAssociated', `Network ${vpcId} already has an internet gateway attached`);
  const next = {...gateway, Attachments: [{VpcId: vpcId, State: attachedState}]};
  return {snapshot: {...snapshot, InternetGateways: withGateway(snapshot, gateway, next), RouteTables: routesFollow(snapshot.RouteTables ?? [], gatewayId, vpcId)}, output: {}};
};

const detachInternetGateway: Handler = (snapshot, params) => {
  const gatewayId = reqString(params, 'InternetGatewayId');
  const vpcId = reqString(params, 'VpcId');
  const gateway = gatewayOf(snapshot, gatewayId);
  vpcOf(snapshot, vpcId);
  if (!(gateway.Attachments ?? []).some((a) => a.VpcId === vpcId && a.State !== 'detached')) fail('Gateway.NotAttached', `resource ${gatewayId} is not attached to network ${vpcId}`);
  const mapped = (snapshot.NetworkInterfaces ?? []).some((eni) => eni.VpcId === vpcId && eni.Association?.PublicIp !== undefined);
  if (mapped) fail('DependencyViolation', `Network ${vpcId} has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.`);
  const next = {...gateway, Attachments: []};
  return {snapshot: {...snapshot, InternetGateways: withGateway(snapshot, gateway, next), RouteTables: routesFollow(snapshot.RouteTables ?? [], gatewayId, undefined)}, output: {}};
};

const deleteInternetGateway: Handler = (snapshot, params) => {
  const gatewayId = reqString(params, 'InternetGatewayId');
  const gateway = gatewayOf(snapshot, gatewayId);
  if (isAttached(gateway)) fail('DependencyViolation', `The internetGateway '${gatewayId}' has dependencies and cannot be deleted.`);
  return {snapshot: {...snapshot, InternetGateways: withGateway(snapshot, gateway, undefined)}, output: {}};
};

export const internetGatewaysHandlers: ReadonlyArray<readonly [string, Handler]> = [
  ['DescribeInternetGateways', describeInternetGateways],
  ['AttachInternetGateway', attachInternetGateway],
  ['DetachInternetGateway', detachInternetGateway],
  ['DeleteInternetGateway', deleteInternetGateway],
];
