import {describe, expect, it} from 'vitest';
import {evaluate} from '../../../src/engine/expression.js';

const igw = 'igw-0123456789abcdef0';
const eni = 'eni-0123456789abcdef0';

describe('requested_target', () => {
  it.each<[string, unknown, unknown]>([
    ['a gateway', {routeTableId: 'rtb-1', gatewayId: igw}, {key: 'gatewayId', value: igw}],
    ['PascalCase', {RouteTableId: 'rtb-1', NetworkInterfaceId: eni}, {key: 'networkInterfaceId', value: eni}],
    ['two targets: the first in the lookup order', {vpcEndpointId: 'vpce-1', natGatewayId: 'nat-1', gatewayId: igw}, {key: 'gatewayId', value: igw}],
    ['an empty target is no target', {gatewayId: '', carrierGatewayId: 'cagw-1'}, {key: 'carrierGatewayId', value: 'cagw-1'}],
    ['a number as text', {instanceId: 7}, {key: 'instanceId', value: '7'}],
    ['no target', {routeTableId: 'rtb-1', destinationCidrBlock: '0.0.0.0/0'}, null],
    ['an object where the ID belongs', {gatewayId: {id: igw}}, null],
    ['no request', null, null],
  ])('%s', (_name, request, expected) => {
    expect(evaluate('requested_target(request)', {request})).toEqual(expected);
  });
});

describe('route_targets', () => {
  it('lists the targets a route names, the interface before the instance that holds it', () => {
    const route = {DestinationCidrBlock: '0.0.0.0/0', InstanceId: 'i-1', InstanceOwnerId: '111122223333', NetworkInterfaceId: eni, State: 'active'};
    expect(evaluate('route_targets(route)', {route})).toEqual([eni, 'i-1']);
  });

  it.each<[string, unknown]>([
    ['a target of the wrong type', {DestinationCidrBlock: '0.0.0.0/0', GatewayId: {}}],
    ['an empty target', {GatewayId: ''}],
    ['not a route', 'x'],
    ['nothing', null],
  ])('none for %s', (_name, route) => {
    expect(evaluate('route_targets(route)', {route})).toEqual([]);
  });

  it('reads the newer targets too', () => {
    expect(evaluate('route_targets(route)', {route: {CoreNetworkArn: 'arn:aws:networkmanager::1:core-network/c'}})).toEqual(['arn:aws:networkmanager::1:core-network/c']);
  });
});

describe('route_destination', () => {
  it.each<[unknown, string | null]>([
    [{DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local'}, '10.0.0.0/16'],
    [{DestinationIpv6CidrBlock: '2600:1f18::/56'}, '2600:1f18::/56'],
    [{DestinationCidrBlock: '', DestinationIpv6CidrBlock: '::/0'}, '::/0'],
    [{DestinationPrefixListId: 'pl-63a5400a'}, null],
    [{DestinationCidrBlock: 0}, null],
  ])('%j gives %j', (route, expected) => {
    expect(evaluate('route_destination(route)', {route})).toBe(expected);
  });
});

describe('same_id', () => {
  it.each<[unknown, unknown, boolean]>([
    ['2600:1F18::/32', '2600:1f18::/32', true],
    [' igw-0123ABCD ', 'igw-0123abcd', true],
    ['igw-1', 'igw-2', false],
    ['', '', false],
    [null, null, false],
    [7, '7', false],
  ])('%j and %j: %s', (a, b, expected) => {
    expect(evaluate('same_id(a, b)', {a, b})).toBe(expected);
  });
});

describe('same_destination', () => {
  it.each<[string, unknown, unknown, unknown, boolean]>([
    ['the same block', {DestinationCidrBlock: '0.0.0.0/0'}, '0.0.0.0/0', null, true],
    ['the same block with host bits', {DestinationCidrBlock: '10.0.1.7/24'}, '10.0.1.0/24', null, true],
    ['the same IPv6 block written another way', {DestinationIpv6CidrBlock: '2600:1f18:0::/56'}, '2600:1F18::/56', null, true],
    ['another block', {DestinationCidrBlock: '10.0.0.0/16'}, '10.0.0.0/8', null, false],
    ['the same prefix list', {DestinationPrefixListId: 'pl-63a5400a'}, null, 'pl-63a5400a', true],
    ['another prefix list', {DestinationPrefixListId: 'pl-1'}, null, 'pl-63a5400a', false],
    ['a block route, a prefix-list event', {DestinationCidrBlock: '10.0.0.0/16'}, null, 'pl-63a5400a', false],
    ['a prefix-list route for an event with a block and that list', {DestinationPrefixListId: 'pl-63a5400a'}, '10.0.0.0/16', 'pl-63a5400a', true],
    ['nothing to compare', {DestinationCidrBlock: '10.0.0.0/16'}, null, null, false],
  ])('%s', (_name, route, cidr, prefixListId, expected) => {
    expect(evaluate('same_destination(route, cidr, pl)', {route, cidr, pl: prefixListId})).toBe(expected);
  });
});

describe('find_route', () => {
  const routes = [null, 'x', {DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local'}, {DestinationIpv6CidrBlock: '2600:1f18::/32', EgressOnlyInternetGatewayId: 'eigw-1'}, {DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw}];

  it('finds the route for a destination, ignoring case and spaces', () => {
    expect(evaluate("find_route(routes, 'DestinationIpv6CidrBlock', ' 2600:1F18::/32')", {routes})).toEqual(routes[3]);
    expect(evaluate("find_route(routes, 'DestinationCidrBlock', '0.0.0.0/0')", {routes})).toEqual(routes[4]);
  });

  it('looks only under the field it is given', () => {
    expect(evaluate("find_route(routes, 'DestinationIpv6CidrBlock', '0.0.0.0/0')", {routes})).toBeNull();
  });

  it('gives null when the routes are not a list', () => {
    expect(evaluate("find_route(routes, 'DestinationCidrBlock', '0.0.0.0/0')", {routes: 'all'})).toBeNull();
  });
});

describe('table_privacy', () => {
  const subnets = [{SubnetId: 'subnet-a', MapPublicIpOnLaunch: true}, {SubnetId: 'subnet-b', MapPublicIpOnLaunch: false}];
  const privacy = (table: unknown, state: unknown = subnets) => evaluate('table_privacy(table, subnets)', {table, subnets: state});

  it('a Name tag that says private', () => {
    expect(privacy({RouteTableId: 'rtb-1', Tags: [{Key: 'Team', Value: 'net'}, {Key: 'Name', Value: 'db-Private-rt'}]}))
      .toEqual({isPrivate: true, evidence: 'RouteTables[rtb-1].Tags.Name = db-Private-rt'});
  });

  it('the main table, at its place among the associations', () => {
    expect(privacy({RouteTableId: 'rtb-1', Associations: [null, {SubnetId: 'subnet-a'}, {Main: true}]}))
      .toEqual({isPrivate: true, evidence: 'RouteTables[rtb-1].Associations[1].Main = true'});
  });

  it('a subnet it serves that gives out no public IPs', () => {
    expect(privacy({RouteTableId: 'rtb-1', Associations: [{SubnetId: 'subnet-a'}, {SubnetId: 'subnet-b'}]}))
      .toEqual({isPrivate: true, evidence: 'Subnets[subnet-b].MapPublicIpOnLaunch = false'});
  });

  it('public when every subnet it serves gives out public IPs', () => {
    expect(privacy({RouteTableId: 'rtb-1', Associations: [{SubnetId: 'subnet-a'}]})).toEqual({isPrivate: false});
  });

  it.each<[string, unknown, unknown]>([
    ['its subnets are not in the state', {RouteTableId: 'rtb-1', Associations: [{SubnetId: 'subnet-z'}]}, subnets],
    ['the subnets are unknown', {RouteTableId: 'rtb-1', Associations: [{SubnetId: 'subnet-a'}]}, null],
    ['"Main": "true" is not the main table', {RouteTableId: 'rtb-1', Associations: [{Main: 'true'}]}, subnets],
    ['no table', null, subnets],
  ])('cannot tell when %s', (_name, table, state) => {
    expect(privacy(table, state)).toBeNull();
  });
});

describe('nonempty', () => {
  it.each<[unknown, string | null]>([['active', 'active'], ['', null], [3, null], [null, null], [{}, null]])('%j gives %j', (value, expected) => {
    expect(evaluate('nonempty(value)', {value})).toBe(expected);
  });
});

describe('internet_routes', () => {
  const table = (routes: unknown[]) => ({RouteTableId: 'rtb-1', Routes: routes});
  it('lists the routes of 0.0.0.0/0 or ::/0 to an internet gateway, with their path in the table', () => {
    const routes = [
      {DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local'},
      {DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw, State: 'active'},
      {DestinationIpv6CidrBlock: '::/0', GatewayId: igw},
    ];
    expect(evaluate('internet_routes(t)', {t: table(routes)})).toEqual([
      {destination: '0.0.0.0/0', gatewayId: igw, evidence: `RouteTables[rtb-1].Routes[1].GatewayId = ${igw}`},
      {destination: '::/0', gatewayId: igw, evidence: `RouteTables[rtb-1].Routes[2].GatewayId = ${igw}`},
    ]);
  });
  it.each<[string, unknown]>([
    ['a NAT gateway', {DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1'}],
    ['an egress-only gateway (outbound only)', {DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: 'eigw-1'}],
    ['a virtual private gateway', {DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'vgw-1'}],
    ['a narrower block', {DestinationCidrBlock: '198.51.100.0/24', GatewayId: igw}],
    ['a blackhole', {DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw, State: 'blackhole'}],
  ])('leaves out %s', (_name, route) => {
    expect(evaluate('internet_routes(t)', {t: table([route])})).toEqual([]);
  });
  it('gives [] for anything but a table', () => {
    expect(evaluate('internet_routes(t)', {t: null})).toEqual([]);
    expect(evaluate('internet_routes(t)', {t: {Routes: 'none'}})).toEqual([]);
  });
});

describe('table_association', () => {
  const table = {RouteTableId: 'rtb-1', Associations: [
    {Main: true, RouteTableAssociationId: 'rtbassoc-main'},
    {Main: false, RouteTableAssociationId: 'rtbassoc-sub', SubnetId: 'subnet-1', AssociationState: {State: 'associated'}},
  ]};
  it('finds the association by ID, ignoring case, with its path', () => {
    expect(evaluate("table_association(t, 'RTBASSOC-SUB')", {t: table})).toEqual({
      associationId: 'rtbassoc-sub', subnetId: 'subnet-1', gatewayId: null, isMain: false, state: 'associated',
      evidence: 'RouteTables[rtb-1].Associations[1].RouteTableAssociationId = rtbassoc-sub',
    });
    expect(evaluate("table_association(t, 'rtbassoc-main').isMain", {t: table})).toBe(true);
  });
  it('gives null when the table has no such association, or is not a table', () => {
    expect(evaluate("table_association(t, 'rtbassoc-gone')", {t: table})).toBeNull();
    expect(evaluate('table_association(t, `null`)', {t: table})).toBeNull();
    expect(evaluate("table_association(t, 'rtbassoc-sub')", {t: []})).toBeNull();
  });
});
