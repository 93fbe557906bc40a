// Route table associations and tables in the sandbox: AssociateRouteTable, ReplaceRouteTableAssociation,
// DisassociateRouteTable and DeleteRouteTable, with EC2's rules: a subnet has at most one table of its
// own (else Resource.AlreadyAssociated), a table and its subnet are in one VPC, a replaced association
// gets a new ID (the main one keeps its Main flag), the main association cannot be removed, and a table
// that is main or still serves a subnet cannot be deleted (DependencyViolation).
import type {RouteTable, RouteTableAssociation} from '@aws-sdk/client-ec2';
import {newId, type SandboxSnapshot} from './account.js';
import type {Handler} from './handler.js';
import {fail, optString, reqString, type ParamRecord} from './params.js';

const associated = {State: 'associated'} as const;

function tableOf(snapshot: SandboxSnapshot, params: ParamRecord): RouteTable {
  const id = reqString(params, 'RouteTableId');
  return (snapshot.RouteTables ?? []).find((t) => t.RouteTableId === id) ?? fail('InvalidRouteTableID.NotFound', `The routeTable ID '${id}' does not exist`);
}

/** The table holding this association, and the association. */
function associationOf(snapshot: SandboxSnapshot, params: ParamRecord): {table: RouteTable; association: RouteTableAssociation} {
  const id = reqString(params, 'AssociationId');
  for (const table of snapshot.RouteTables ?? []) {
    const association = (table.Associations ?? []).find((a) => a.RouteTableAssociationId === id);
    if (association !== undefined) return {table, association};
  }
  return fail('InvalidAssociationID.NotFound', `The association ID '${id}' does not exist`);
}

/** The snapshot with each table's associations as `change` gives them. */
function withAssociations(snapshot: SandboxSnapshot, change: (table: RouteTable) => RouteTableAssociation[] | undefined): SandboxSnapshot {
  return {
    ...snapshot,
    RouteTables: (snapshot.RouteTables ?? []).map((t) => {
      const next = change(t);
      return next === undefined ? t : {...t, Associations: next};
    }),
  };
}

function sameVpc(table: RouteTable, vpcId: string | undefined, what: string): void {
  if (vpcId !== undefined && table.VpcId !== vpcId) fail('InvalidParameterValue', `Route table ${table.RouteTableId ?? ''} and ${what} belong to different networks`);
}

const associateRouteTable: Handler = (snapshot, params) => {
  const table = tableOf(snapshot, params);
  const subnetId = optString(params, 'SubnetId');
  const gatewayId = optString(params, 'GatewayId');
  if ((subnetId === undefined) === (gatewayId === undefined)) fail('MissingParameter', 'Specify exactly one of SubnetId and GatewayId');
  if (subnetId !== undefined) {
    const subnet = (snapshot.Subnets ?? []).find((s) => s.SubnetId === subnetId) ?? fail('InvalidSubnetID.NotFound', `The subnet ID '${subnetId}' does not exist`);
    sameVpc(table, subnet.VpcId, `subnet ${subnetId}`);
  }
  const holder = (snapshot.RouteTables ?? []).find((t) => (t.Associations ?? []).some((a) => a.Main !== true && (a.SubnetId ?? a.GatewayId) === (subnetId ?? gatewayId)));
  if (holder !== undefined) fail('Resource.AlreadyAssociated', `the specified association for route table ${holder.RouteTableId ?? ''} conflicts with an existing association`);
  const AssociationId = newId('rtbassoc', `${table.RouteTableId ?? ''}|${subnetId ?? gatewayId ?? ''}|${(table.Associations ?? []).length}`);
  const association: RouteTableAssociation = {Main: false, RouteTableAssociationId: AssociationId, RouteTableId: table.RouteTableId, AssociationState: associated,
    ...(subnetId === undefined ? {GatewayId: gatewayId} : {SubnetId: subnetId})};
  const next = withAssociations(snapshot, (t) => (t === table ? [...(t.Associations ?? []), association] : undefined));
  return {snapshot: next, output: {AssociationId, AssociationState: associated}};
};

const replaceRouteTableAssociation: Handler = (snapshot, params) => {
  const {table: from, association} = associationOf(snapshot, params);
  const to = tableOf(snapshot, params);
  sameVpc(to, from.VpcId, `route table ${from.RouteTableId ?? ''}`);
  const NewAssociationId = newId('rtbassoc', `${association.RouteTableAssociationId ?? ''}|${to.RouteTableId ?? ''}`);
  const moved: RouteTableAssociation = {...association, RouteTableAssociationId: NewAssociationId, RouteTableId: to.RouteTableId, AssociationState: associated};
  const next = withAssociations(snapshot, (t) => {
    if (t === from && t === to) return (t.Associations ?? []).map((a) => (a === association ? moved : a));
    if (t === from) return (t.Associations ?? []).filter((a) => a !== association);
    return t === to ? [...(t.Associations ?? []), moved] : undefined;
  });
  return {snapshot: next, output: {NewAssociationId, AssociationState: associated}};
};

const disassociateRouteTable: Handler = (snapshot, params) => {
  const {table, association} = associationOf(snapshot, params);
  if (association.Main === true) fail('InvalidParameterValue', `cannot disassociate the main route table association ${association.RouteTableAssociationId ?? ''}`);
  return {snapshot: withAssociations(snapshot, (t) => (t === table ? (t.Associations ?? []).filter((a) => a !== association) : undefined)), output: {}};
};

const deleteRouteTable: Handler = (snapshot, params) => {
  const table = tableOf(snapshot, params);
  if ((table.Associations ?? []).length > 0) fail('DependencyViolation', `The routeTable '${table.RouteTableId ?? ''}' has dependencies and cannot be deleted.`);
  return {snapshot: {...snapshot, RouteTables: (snapshot.RouteTables ?? []).filter((t) => t !== table)}, output: {}};
};

export const routeAssociationHandlers: ReadonlyArray<readonly [string, Handler]> = [
  ['AssociateRouteTable', associateRouteTable],
  ['ReplaceRouteTableAssociation', replaceRouteTableAssociation],
  ['DisassociateRouteTable', disassociateRouteTable],
  ['DeleteRouteTable', deleteRouteTable],
];
