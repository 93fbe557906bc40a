// VPC peering connections in the sandbox: who may reject or delete, in which state, and what follows.
import type {RouteTable, VpcPeeringConnection} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import {failure, fixture, ids, list, ok} from './fixture.js';

const statusOf = (id: string, account = fixture()) =>
  list<VpcPeeringConnection>(ok('DescribeVpcPeeringConnections', {VpcPeeringConnectionIds: [id]}, account).output, 'VpcPeeringConnections')[0]?.Status;

describe('DescribeVpcPeeringConnections', () => {
  it('by IDs and by Filters', () => {
    expect(statusOf(ids.pendingOut)).toEqual({Code: 'pending-acceptance', Message: 'Pending Acceptance by 444455556666'});
    const active = list<VpcPeeringConnection>(ok('DescribeVpcPeeringConnections', {Filters: [{Name: 'status-code', Values: ['active']}]}).output, 'VpcPeeringConnections');
    expect(active.map((p) => p.VpcPeeringConnectionId)).toEqual([ids.active]);
  });
  it('InvalidVpcPeeringConnectionID.NotFound for an ID that does not exist', () => {
    expect(failure('DescribeVpcPeeringConnections', {VpcPeeringConnectionIds: ['pcx-0000000000000dead']})).toEqual({
      ok: false, code: 'InvalidVpcPeeringConnectionID.NotFound', message: "The vpcPeeringConnection ID 'pcx-0000000000000dead' does not exist",
    });
  });
});

describe('RejectVpcPeeringConnection', () => {
  it('the accepter rejects a pending request: status rejected', () => {
    const {account, output} = ok('RejectVpcPeeringConnection', {VpcPeeringConnectionId: ids.pendingIn});
    expect(output).toEqual({Return: true});
    expect(statusOf(ids.pendingIn, account)).toEqual({Code: 'rejected', Message: 'Rejected by 111122223333'});
  });
  it('OperationNotPermitted for the requester (only the accepter may reject)', () => {
    expect(failure('RejectVpcPeeringConnection', {VpcPeeringConnectionId: ids.pendingOut})).toEqual({
      ok: false, code: 'OperationNotPermitted', message: `User (111122223333) cannot reject peering ${ids.pendingOut}`,
    });
  });
  it('InvalidStateTransition for a connection that is not pending acceptance', () => {
    const rejected = ok('RejectVpcPeeringConnection', {VpcPeeringConnectionId: ids.pendingIn}).account;
    expect(failure('RejectVpcPeeringConnection', {VpcPeeringConnectionId: ids.pendingIn}, rejected).code).toBe('InvalidStateTransition');
  });
  it('InvalidVpcPeeringConnectionID.NotFound', () => {
    expect(failure('RejectVpcPeeringConnection', {VpcPeeringConnectionId: 'pcx-0000000000000dead'}).code).toBe('InvalidVpcPeeringConnectionID.NotFound');
  });
});

describe('DeleteVpcPeeringConnection', () => {
  it('the requester deletes a pending request: status deleted, still listed', () => {
    const {account, output} = ok('DeleteVpcPeeringConnection', {VpcPeeringConnectionId: ids.pendingOut});
    expect(output).toEqual({Return: true});
    expect(statusOf(ids.pendingOut, account)?.Code).toBe('deleted');
  });
  it('an active connection: its routes become blackholes', () => {
    const {account} = ok('DeleteVpcPeeringConnection', {VpcPeeringConnectionId: ids.active});
    const tables = list<RouteTable>(ok('DescribeRouteTables', {Filters: [{Name: 'route.vpc-peering-connection-id', Values: [ids.active]}]}, account).output, 'RouteTables');
    expect(tables.map((t) => t.Routes?.find((r) => r.VpcPeeringConnectionId === ids.active)?.State)).toEqual(['blackhole']);
  });
  it('OperationNotPermitted for the accepter of a pending request', () => {
    expect(failure('DeleteVpcPeeringConnection', {VpcPeeringConnectionId: ids.pendingIn}).code).toBe('OperationNotPermitted');
  });
  it('InvalidStateTransition for a rejected or deleted connection', () => {
    expect(failure('DeleteVpcPeeringConnection', {VpcPeeringConnectionId: ids.rejected}).code).toBe('InvalidStateTransition');
    const deleted = ok('DeleteVpcPeeringConnection', {VpcPeeringConnectionId: ids.active}).account;
    expect(failure('DeleteVpcPeeringConnection', {VpcPeeringConnectionId: ids.active}, deleted).code).toBe('InvalidStateTransition');
  });
  it('InvalidVpcPeeringConnectionID.NotFound', () => {
    expect(failure('DeleteVpcPeeringConnection', {VpcPeeringConnectionId: 'pcx-0000000000000dead'}).code).toBe('InvalidVpcPeeringConnectionID.NotFound');
  });
});
