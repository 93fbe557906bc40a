// Route tables in the sandbox: describe, delete and replace routes by each kind of destination.
import type {Route, RouteTable} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import {failure, fixture, ids, list, ok} from './fixture.js';

const routes = (account = fixture()): Route[] => list<RouteTable>(ok('DescribeRouteTables', {RouteTableIds: [ids.rtb]}, account).output, 'RouteTables')[0]?.Routes ?? [];

describe('DescribeRouteTables', () => {
  it('by RouteTableIds: routes and associations', () => {
    const [table] = list<RouteTable>(ok('DescribeRouteTables', {RouteTableIds: [ids.rtb]}).output, 'RouteTables');
    expect(table?.Routes?.[0]).toEqual({DestinationCidrBlock: '10.20.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active'});
    expect(table?.Associations?.map((a) => [a.SubnetId, a.Main])).toEqual([[ids.subnetA, false]]);
  });
  it.each([
    [[{Name: 'route.vpc-peering-connection-id', Values: [ids.active]}], [ids.rtb]],
    [[{Name: 'vpc-id', Values: [ids.prod]}, {Name: 'association.main', Values: ['true']}], 1],
    [[{Name: 'route.gateway-id', Values: ['igw-*']}], [ids.rtb]],
    [[{Name: 'route.vpc-peering-connection-id', Values: ['pcx-0000000000000dead']}], []],
  ])('by Filters %j', (filters, expected) => {
    const found = list<RouteTable>(ok('DescribeRouteTables', {Filters: filters}).output, 'RouteTables').map((t) => t.RouteTableId);
    if (typeof expected === 'number') expect(found).toHaveLength(expected);
    else expect(found).toEqual(expected);
  });
  it('InvalidRouteTableID.NotFound', () => {
    expect(failure('DescribeRouteTables', {RouteTableIds: ['rtb-0000000000000dead']})).toEqual({ok: false, code: 'InvalidRouteTableID.NotFound', message: "The routeTable ID 'rtb-0000000000000dead' does not exist"});
  });
});

describe('DeleteRoute', () => {
  it.each([
    ['DestinationCidrBlock', '0.0.0.0/0', (r: Route) => r.DestinationCidrBlock === '0.0.0.0/0'],
    ['DestinationIpv6CidrBlock', '::/0', (r: Route) => r.DestinationIpv6CidrBlock === '::/0'],
    ['DestinationPrefixListId', 'pl-0aaa0000000000001', (r: Route) => r.DestinationPrefixListId === 'pl-0aaa0000000000001'],
  ])('by %s', (key, value, isIt) => {
    const {account, output} = ok('DeleteRoute', {RouteTableId: ids.rtb, [key]: value});
    expect(output).toEqual({});
    expect(routes().some(isIt)).toBe(true);
    expect(routes(account).some(isIt)).toBe(false);
    expect(routes(account)).toHaveLength(routes().length - 1);
  });
  it('InvalidRoute.NotFound for a destination the table has no route for', () => {
    expect(failure('DeleteRoute', {RouteTableId: ids.rtb, DestinationCidrBlock: '10.98.0.0/16'})).toEqual({
      ok: false, code: 'InvalidRoute.NotFound', message: `no route with destination-cidr-block 10.98.0.0/16 in route table ${ids.rtb}`,
    });
    const gone = ok('DeleteRoute', {RouteTableId: ids.rtb, DestinationCidrBlock: '0.0.0.0/0'}).account;
    expect(failure('DeleteRoute', {RouteTableId: ids.rtb, DestinationCidrBlock: '0.0.0.0/0'}, gone).code).toBe('InvalidRoute.NotFound');
  });
  it.each([
    ['InvalidRouteTableID.NotFound', {RouteTableId: 'rtb-0000000000000dead', DestinationCidrBlock: '0.0.0.0/0'}],
    ['InvalidParameterValue', {RouteTableId: ids.rtb, DestinationCidrBlock: '10.20.0.0/16'}],
    ['MissingParameter', {RouteTableId: ids.rtb}],
    ['InvalidParameterCombination', {RouteTableId: ids.rtb, DestinationCidrBlock: '0.0.0.0/0', DestinationIpv6CidrBlock: '::/0'}],
  ])('%s', (code, params) => {
    expect(failure('DeleteRoute', params).code).toBe(code);
  });
});

describe('ReplaceRoute', () => {
  it('points the route at a NAT gateway instead of the internet gateway', () => {
    const {account, output} = ok('ReplaceRoute', {RouteTableId: ids.rtb, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: ids.nat});
    expect(output).toEqual({});
    expect(routes(account).find((r) => r.DestinationCidrBlock === '0.0.0.0/0')).toEqual({DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: ids.nat, Origin: 'CreateRoute', State: 'active'});
  });
  it('to a pending peering connection: a blackhole', () => {
    const {account} = ok('ReplaceRoute', {RouteTableId: ids.rtb, DestinationCidrBlock: '10.99.0.0/16', VpcPeeringConnectionId: ids.pendingOut});
    expect(routes(account).find((r) => r.DestinationCidrBlock === '10.99.0.0/16')?.State).toBe('blackhole');
  });
  it.each([
    ['InvalidParameterValue', {RouteTableId: ids.rtb, DestinationCidrBlock: '10.98.0.0/16', NatGatewayId: ids.nat}, 'Use CreateRoute instead'],
    ['InvalidParameterValue', {RouteTableId: ids.rtb, DestinationCidrBlock: '10.20.0.0/16', NatGatewayId: ids.nat}, 'local route'],
    ['InvalidRouteTableID.NotFound', {RouteTableId: 'rtb-0000000000000dead', DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: ids.nat}, ''],
    ['MissingParameter', {RouteTableId: ids.rtb, DestinationCidrBlock: '0.0.0.0/0'}, 'target'],
    ['InvalidParameterCombination', {RouteTableId: ids.rtb, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: ids.nat, GatewayId: ids.igw}, 'one target'],
    ['InvalidVpcPeeringConnectionID.NotFound', {RouteTableId: ids.rtb, DestinationCidrBlock: '0.0.0.0/0', VpcPeeringConnectionId: 'pcx-0000000000000dead'}, ''],
    ['InvalidNetworkInterfaceID.NotFound', {RouteTableId: ids.rtb, DestinationCidrBlock: '0.0.0.0/0', NetworkInterfaceId: 'eni-0000000000000dead'}, ''],
  ])('%s (%j)', (code, params, text) => {
    const result = failure('ReplaceRoute', params);
    expect(result.code).toBe(code);
    expect(result.message).toContain(text);
  });
});
