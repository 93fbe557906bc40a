// Route table associations and tables in the sandbox: a subnet associated, moved to another table, taken
// off its table, and a table deleted, with EC2's rules and error codes.
import type {RouteTable} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import type {SandboxAccount} from '../../../src/aws/sandbox/account.js';
import {failure, fixture, ids, list, ok} from './fixture.js';

const tables = (account: SandboxAccount): RouteTable[] => list<RouteTable>(ok('DescribeRouteTables', {}, account).output, 'RouteTables');
const tableOf = (account: SandboxAccount, subnetId: string): string | undefined =>
  list<RouteTable>(ok('DescribeRouteTables', {Filters: [{Name: 'association.subnet-id', Values: [subnetId]}]}, account).output, 'RouteTables')[0]?.RouteTableId;
const mainOf = (account: SandboxAccount, vpcId: string): RouteTable | undefined =>
  tables(account).find((t) => t.VpcId === vpcId && t.Associations?.some((a) => a.Main === true));
const associationOf = (account: SandboxAccount, subnetId: string): string =>
  tables(account).flatMap((t) => t.Associations ?? []).find((a) => a.SubnetId === subnetId)?.RouteTableAssociationId ?? '';
const emptyTable = (): {account: SandboxAccount; tableId: string} => {
  // The prod VPC's subnetA moved off ids.rtb leaves that table serving nothing.
  const account = ok('DisassociateRouteTable', {AssociationId: associationOf(fixture(), ids.subnetA)}).account;
  return {account, tableId: ids.rtb};
};

describe('AssociateRouteTable', () => {
  it('gives a subnet without a table of its own this one, with a new association ID', () => {
    const {account, output} = ok('AssociateRouteTable', {RouteTableId: ids.rtb, SubnetId: ids.subnetUsed});
    expect(output).toEqual({AssociationId: expect.stringMatching(/^rtbassoc-[0-9a-f]{17}$/) as unknown, AssociationState: {State: 'associated'}});
    expect(tableOf(fixture(), ids.subnetUsed)).toBeUndefined();
    expect(tableOf(account, ids.subnetUsed)).toBe(ids.rtb);
  });
  it('Resource.AlreadyAssociated for a subnet that has a table of its own', () => {
    const main = mainOf(fixture(), ids.prod)?.RouteTableId ?? '';
    expect(failure('AssociateRouteTable', {RouteTableId: main, SubnetId: ids.subnetA}).code).toBe('Resource.AlreadyAssociated');
  });
  it.each([
    ['InvalidRouteTableID.NotFound', {RouteTableId: 'rtb-0000000000000dead', SubnetId: ids.subnetUsed}],
    ['InvalidSubnetID.NotFound', {RouteTableId: ids.rtb, SubnetId: 'subnet-0000000000000dead'}],
    ['InvalidParameterValue', {RouteTableId: ids.rtb, SubnetId: ids.subnetDefault}],
  ])('%s', (code, params) => {
    expect(failure('AssociateRouteTable', params).code).toBe(code);
  });
});

describe('ReplaceRouteTableAssociation', () => {
  it('moves the subnet to the other table under a new association ID; the old ID is gone', () => {
    const main = mainOf(fixture(), ids.prod)?.RouteTableId ?? '';
    const old = associationOf(fixture(), ids.subnetA);
    const {account, output} = ok('ReplaceRouteTableAssociation', {AssociationId: old, RouteTableId: main});
    const next = (output as {NewAssociationId: string}).NewAssociationId;
    expect(next).toMatch(/^rtbassoc-[0-9a-f]{17}$/);
    expect(next).not.toBe(old);
    expect(tableOf(account, ids.subnetA)).toBe(main);
    expect(associationOf(account, ids.subnetA)).toBe(next);
    expect(tables(account).find((t) => t.RouteTableId === ids.rtb)?.Associations).toEqual([]);
  });
  it('moves the main-table role with the main association', () => {
    const main = mainOf(fixture(), ids.prod);
    const mainAssociation = main?.Associations?.find((a) => a.Main === true)?.RouteTableAssociationId ?? '';
    const {account} = ok('ReplaceRouteTableAssociation', {AssociationId: mainAssociation, RouteTableId: ids.rtb});
    expect(mainOf(account, ids.prod)?.RouteTableId).toBe(ids.rtb);
  });
  it.each([
    ['InvalidAssociationID.NotFound', {AssociationId: 'rtbassoc-0000000000000dead', RouteTableId: ids.rtb}],
    ['InvalidRouteTableID.NotFound', {AssociationId: 'current', RouteTableId: 'rtb-0000000000000dead'}],
  ])('%s', (code, params) => {
    const AssociationId = params.AssociationId === 'current' ? associationOf(fixture(), ids.subnetA) : params.AssociationId;
    expect(failure('ReplaceRouteTableAssociation', {...params, AssociationId}).code).toBe(code);
  });
  it("InvalidParameterValue for a table of another VPC", () => {
    const other = mainOf(fixture(), ids.defaultVpc)?.RouteTableId ?? '';
    expect(failure('ReplaceRouteTableAssociation', {AssociationId: associationOf(fixture(), ids.subnetA), RouteTableId: other}).code).toBe('InvalidParameterValue');
  });
});

describe('DisassociateRouteTable', () => {
  it("takes the subnet off its table: it uses the VPC's main table again", () => {
    const {account} = emptyTable();
    expect(tableOf(account, ids.subnetA)).toBeUndefined();
    expect(associationOf(account, ids.subnetA)).toBe('');
  });
  it('refuses the main association, and an association that does not exist', () => {
    const mainAssociation = mainOf(fixture(), ids.prod)?.Associations?.find((a) => a.Main === true)?.RouteTableAssociationId ?? '';
    expect(failure('DisassociateRouteTable', {AssociationId: mainAssociation}).code).toBe('InvalidParameterValue');
    expect(failure('DisassociateRouteTable', {AssociationId: 'rtbassoc-0000000000000dead'}).code).toBe('InvalidAssociationID.NotFound');
  });
});

describe('DeleteRouteTable', () => {
  it('deletes a table that serves no subnet: reading it by ID is then NotFound', () => {
    const {account, tableId} = emptyTable();
    const after = ok('DeleteRouteTable', {RouteTableId: tableId}, account).account;
    expect(failure('DescribeRouteTables', {RouteTableIds: [tableId]}, after).code).toBe('InvalidRouteTableID.NotFound');
    expect(list<RouteTable>(ok('DescribeRouteTables', {Filters: [{Name: 'route-table-id', Values: [tableId]}]}, after).output, 'RouteTables')).toEqual([]);
  });
  it('DependencyViolation for a table a subnet uses, and for the main table', () => {
    expect(failure('DeleteRouteTable', {RouteTableId: ids.rtb}).code).toBe('DependencyViolation');
    expect(failure('DeleteRouteTable', {RouteTableId: mainOf(fixture(), ids.prod)?.RouteTableId ?? ''}).code).toBe('DependencyViolation');
  });
});

describe('CreateRoute', () => {
  it('adds the route to its target, and refuses one that exists (RouteAlreadyExists)', () => {
    const {account} = emptyTable();
    const {account: after, output} = ok('CreateRoute', {RouteTableId: ids.rtb, DestinationCidrBlock: '203.0.113.0/24', GatewayId: ids.igw}, account);
    expect(output).toEqual({Return: true});
    const routes = tables(after).find((t) => t.RouteTableId === ids.rtb)?.Routes ?? [];
    expect(routes).toContainEqual({DestinationCidrBlock: '203.0.113.0/24', GatewayId: ids.igw, State: 'active', Origin: 'CreateRoute'});
    expect(failure('CreateRoute', {RouteTableId: ids.rtb, DestinationCidrBlock: '203.0.113.0/24', GatewayId: ids.igw}, after).code).toBe('RouteAlreadyExists');
  });
});
