// VPC peering connections in the sandbox: DescribeVpcPeeringConnections, Reject and Delete.
// Only the accepter's owner may reject, and only a pending-acceptance request (error codes from the
// EC2 API reference: InvalidStateTransition, OperationNotPermitted). Either owner may delete an
// active connection, only the requester a pending one, nobody a rejected or failed one (API
// reference, DeleteVpcPeeringConnection). A connection ends as 'rejected' or 'deleted' and stays
// visible in Describe for a while; routes through a deleted one become blackholes.
import type {VpcPeeringConnection} from '@aws-sdk/client-ec2';
import type {SandboxSnapshot} from './account.js';
import {applyFilters, type FilterFields} from './filters.js';
import type {Handler, HandlerContext} from './handler.js';
import {byIds, fail, optStrings, reqString} from './params.js';

const fields: FilterFields<VpcPeeringConnection> = {
  'vpc-peering-connection-id': (p) => [p.VpcPeeringConnectionId],
  'status-code': (p) => [p.Status?.Code],
  'requester-vpc-info.vpc-id': (p) => [p.RequesterVpcInfo?.VpcId],
  'requester-vpc-info.owner-id': (p) => [p.RequesterVpcInfo?.OwnerId],
  'requester-vpc-info.cidr-block': (p) => [p.RequesterVpcInfo?.CidrBlock],
  'accepter-vpc-info.vpc-id': (p) => [p.AccepterVpcInfo?.VpcId],
  'accepter-vpc-info.owner-id': (p) => [p.AccepterVpcInfo?.OwnerId],
  'accepter-vpc-info.cidr-block': (p) => [p.AccepterVpcInfo?.CidrBlock],
};

const notFound = (id: string): never => fail('InvalidVpcPeeringConnectionID.NotFound', `The vpcPeeringConnection ID '${id}' does not exist`);

function find(snapshot: SandboxSnapshot, id: string): VpcPeeringConnection {
  return (snapshot.VpcPeeringConnections ?? []).find((p) => p.VpcPeeringConnectionId === id) ?? notFound(id);
}

/** The side of the connection this account is on, in this Region. */
function isSide(info: VpcPeeringConnection['AccepterVpcInfo'], context: HandlerContext): boolean {
  return info?.OwnerId === context.accountId && (info.Region === undefined || info.Region === context.region);
}

function withStatus(snapshot: SandboxSnapshot, connection: VpcPeeringConnection, code: 'rejected' | 'deleted', message: string): SandboxSnapshot {
  const next: VpcPeeringConnection = {...connection, Status: {Code: code, Message: message}};
  return {...snapshot, VpcPeeringConnections: (snapshot.VpcPeeringConnections ?? []).map((p) => (p === connection ? next : p))};
}

const wrongState = (id: string): never => fail('InvalidStateTransition', `VpcPeeringConnectionID ${id} is not in the correct state for the request.`);

const describeVpcPeeringConnections: Handler = (snapshot, params) => {
  const ids = optStrings(params, 'VpcPeeringConnectionIds');
  const all = snapshot.VpcPeeringConnections ?? [];
  const found = ids === undefined ? all : byIds(all, ids, (p) => p.VpcPeeringConnectionId, notFound);
  return {output: {VpcPeeringConnections: applyFilters(found, params, fields, 'DescribeVpcPeeringConnections')}};
};

const rejectVpcPeeringConnection: Handler = (snapshot, params, context) => {
  const id = reqString(params, 'VpcPeeringConnectionId');
  const connection = find(snapshot, id);
  if (!isSide(connection.AccepterVpcInfo, context)) fail('OperationNotPermitted', `User (${context.accountId}) cannot reject peering ${id}`);
  if (connection.Status?.Code !== 'pending-acceptance') wrongState(id);
  return {snapshot: withStatus(snapshot, connection, 'rejected', `Rejected by ${context.accountId}`), output: {Return: true}};
};

const deleteVpcPeeringConnection: Handler = (snapshot, params, context) => {
  const id = reqString(params, 'VpcPeeringConnectionId');
  const connection = find(snapshot, id);
  const status = connection.Status?.Code;
  const isRequester = isSide(connection.RequesterVpcInfo, context);
  if (!isRequester && !isSide(connection.AccepterVpcInfo, context)) fail('OperationNotPermitted', `User (${context.accountId}) cannot delete peering ${id}`);
  if (status === 'pending-acceptance' && !isRequester) fail('OperationNotPermitted', `User (${context.accountId}) cannot delete peering ${id}: only the requester can delete a pending request`);
  if (status !== 'pending-acceptance' && status !== 'active' && status !== 'provisioning') wrongState(id);
  const ended = withStatus(snapshot, connection, 'deleted', `Deleted by ${context.accountId}`);
  const tables = (ended.RouteTables ?? []).map((t) => ({...t, Routes: (t.Routes ?? []).map((r) => (r.VpcPeeringConnectionId === id ? {...r, State: 'blackhole' as const} : r))}));
  return {snapshot: {...ended, RouteTables: tables}, output: {Return: true}};
};

export const peeringHandlers: ReadonlyArray<readonly [string, Handler]> = [
  ['DescribeVpcPeeringConnections', describeVpcPeeringConnections],
  ['RejectVpcPeeringConnection', rejectVpcPeeringConnection],
  ['DeleteVpcPeeringConnection', deleteVpcPeeringConnection],
];
