import {nowReaderFor} from '../../helpers/engine.js';
import type {DescribeRouteTablesCommandOutput, Route, RouteTableAssociation} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import type {Action} from '../../../src/aws/action.js';
import type {NowLine} from '../../../src/engine/now-line.js';
import {oddOutputs, openRecord, openScenario, type Opened} from './scenario-facts.js';

const reader = nowReaderFor('CreateRoute');
const table = 'rtb-0123456789abcdef0';
const igw = 'igw-0123456789abcdef0';
const toIgw = (): Opened => openScenario('route-default-to-igw-in-private-table');

const local: Route = {DestinationCidrBlock: '10.20.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active'};
const subnets: RouteTableAssociation[] = [
  {Main: false, RouteTableAssociationId: 'rtbassoc-0123456789abcdef0', RouteTableId: table, SubnetId: 'subnet-0123456789abcdef0', AssociationState: {State: 'associated'}},
  {Main: false, RouteTableAssociationId: 'rtbassoc-0fedcba9876543210', RouteTableId: table, SubnetId: 'subnet-0fedcba9876543210', AssociationState: {State: 'associated'}},
  {Main: false, RouteTableAssociationId: 'rtbassoc-0aaaabbbbccccdddd', RouteTableId: table, SubnetId: 'subnet-0aaaabbbbccccdddd', AssociationState: {State: 'disassociated'}},
];
const reach: NowLine = {tone: 'info', text: 'the table serves subnet-0123456789abcdef0, subnet-0fedcba9876543210'};

function output(routes: Route[], associations: RouteTableAssociation[] = subnets, id = table): DescribeRouteTablesCommandOutput {
  return {
    $metadata: {httpStatusCode: 200},
    RouteTables: [{RouteTableId: id, VpcId: 'vpc-0abcdef0123456789', OwnerId: '111122223333', Routes: routes, Associations: associations, PropagatingVgws: [], Tags: []}],
  };
}

const defaultRoute = (target: Partial<Route>, state: Route['State'] = 'active'): Route => ({DestinationCidrBlock: '0.0.0.0/0', Origin: 'CreateRoute', State: state, ...target});

describe('CreateRoute: query', () => {
  it.each<{id: string; action: Action}>([
    {id: 'route-default-to-igw-in-private-table', action: {service: 'ec2', operation: 'DescribeRouteTables', params: {RouteTableIds: [table]}}},
    {id: 'route-all-traffic-to-an-eni', action: {service: 'ec2', operation: 'DescribeRouteTables', params: {RouteTableIds: ['rtb-0abcdef0123456789']}}},
    {id: 'route-to-foreign-peering-connection', action: {service: 'ec2', operation: 'DescribeRouteTables', params: {RouteTableIds: [table]}}},
    {id: 'route-private-subnets-via-nat', action: {service: 'ec2', operation: 'DescribeRouteTables', params: {RouteTableIds: ['rtb-0fedcba9876543210']}}},
  ])('$id', ({id, action}) => {
    const {record, facts} = openScenario(id);
    expect(reader.query(facts, record)).toEqual(action);
  });

  it.each<{name: string; requestParameters: Record<string, string>}>([
    {name: 'an invalid route table ID', requestParameters: {routeTableId: 'rtb-0123456789abcdef0\u001b[2J', destinationCidrBlock: '0.0.0.0/0', gatewayId: igw}},
    {name: 'no destination', requestParameters: {routeTableId: table, gatewayId: igw}},
    {name: 'no route table', requestParameters: {destinationCidrBlock: '0.0.0.0/0', gatewayId: igw}},
  ])('no query: $name', ({requestParameters}) => {
    const {record, facts} = openRecord({eventSource: 'ec2.amazonaws.com', eventName: 'CreateRoute', requestParameters, responseElements: {_return: true}});
    expect(reader.query(facts, record)).toBeUndefined();
  });
});

describe('CreateRoute: interpret', () => {
  it.each<{name: string; routes: Route[]; lines: NowLine[]}>([
    {name: 'still there', routes: [local, defaultRoute({GatewayId: igw})], lines: [{tone: 'bad', text: `the route 0.0.0.0/0 → ${igw} is still there`}, reach]},
    {
      name: 'a blackhole: the gateway was deleted',
      routes: [local, defaultRoute({GatewayId: igw}, 'blackhole')],
      lines: [{tone: 'warn', text: `the route 0.0.0.0/0 → ${igw} exists but is a blackhole: its target is gone`}, reach],
    },
    {
      name: 'replaced with a NAT gateway',
      routes: [local, defaultRoute({NatGatewayId: 'nat-0123456789abcdef0'})],
      lines: [{tone: 'warn', text: `the route 0.0.0.0/0 now points to nat-0123456789abcdef0 (the event set ${igw})`}, reach],
    },
    {name: 'deleted', routes: [local], lines: [{tone: 'ok', text: 'the route 0.0.0.0/0 is gone'}, reach]},
    {
      name: 'deleted, but the same destination now comes from route propagation',
      routes: [local, defaultRoute({GatewayId: 'vgw-0123456789abcdef0', Origin: 'EnableVgwRoutePropagation'})],
      lines: [
        {tone: 'warn', text: `the route 0.0.0.0/0 now points to vgw-0123456789abcdef0 (the event set ${igw})`},
        {tone: 'info', text: 'the route now comes from EnableVgwRoutePropagation'},
        reach,
      ],
    },
  ])('$name', ({routes, lines}) => {
    const {record, facts} = toIgw();
    expect(reader.interpret(output(routes), facts, record)).toEqual(lines);
  });

  it('a route to an interface names the instance that holds it', () => {
    const {record, facts} = openScenario('route-all-traffic-to-an-eni');
    const found = output(
      [local, defaultRoute({NetworkInterfaceId: 'eni-0123456789abcdef0', InstanceId: 'i-0123456789abcdef0', InstanceOwnerId: '111122223333'})],
      [{Main: true, RouteTableAssociationId: 'rtbassoc-0aaaabbbbcccc1111', RouteTableId: 'rtb-0abcdef0123456789', AssociationState: {State: 'associated'}}],
      'rtb-0abcdef0123456789',
    );
    expect(reader.interpret(found, facts, record)).toEqual([
      {tone: 'bad', text: 'the route 0.0.0.0/0 → eni-0123456789abcdef0 is still there'},
      {tone: 'info', text: 'the traffic goes through instance i-0123456789abcdef0 (account 111122223333)'},
      {tone: 'info', text: 'the table is the VPC\'s main route table (every subnet without its own table)'},
    ]);
  });

  it('a route to a peering connection, in a table no subnet uses', () => {
    const {record, facts} = openScenario('route-to-foreign-peering-connection');
    const found = output([local, {DestinationCidrBlock: '10.99.0.0/16', VpcPeeringConnectionId: 'pcx-0123456789abcdef0', Origin: 'CreateRoute', State: 'active'}], []);
    expect(reader.interpret(found, facts, record)).toEqual([
      {tone: 'bad', text: 'the route 10.99.0.0/16 → pcx-0123456789abcdef0 is still there'},
      {tone: 'info', text: 'the table is associated with no subnet'},
    ]);
  });

  it('an IPv6 destination is matched whatever its case', () => {
    const {record, facts} = openRecord({
      eventSource: 'ec2.amazonaws.com',
      eventName: 'CreateRoute',
      requestParameters: {routeTableId: table, destinationIpv6CidrBlock: '2600:1F18::/32', egressOnlyInternetGatewayId: 'eigw-0123456789abcdef0'},
      responseElements: {_return: true},
    });
    const found = output([local, {DestinationIpv6CidrBlock: '2600:1f18::/32', EgressOnlyInternetGatewayId: 'eigw-0123456789abcdef0', Origin: 'CreateRoute', State: 'active'}]);
    expect(reader.interpret(found, facts, record)[0]).toEqual({tone: 'bad', text: 'the route 2600:1F18::/32 → eigw-0123456789abcdef0 is still there'});
  });

  it('a failed call says first that the route shown was not made by it', () => {
    const {record, facts} = openRecord({
      eventSource: 'ec2.amazonaws.com',
      eventName: 'CreateRoute',
      errorCode: 'Client.RouteAlreadyExists',
      requestParameters: {routeTableId: table, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw},
      responseElements: null,
    });
    expect(reader.interpret(output([local, defaultRoute({GatewayId: igw})]), facts, record)).toEqual([
      {tone: 'info', text: 'the event\'s call failed (Client.RouteAlreadyExists): what follows was not made by it'},
      {tone: 'bad', text: `the route 0.0.0.0/0 → ${igw} is still there`},
      reach,
    ]);
  });

  it.each<{name: string; output: unknown}>([
    ...oddOutputs.map((value) => ({name: String(JSON.stringify(value)), output: value})),
    {name: 'another table only', output: output([defaultRoute({GatewayId: igw})], subnets, 'rtb-0fedcba9876543210')},
  ])('odd output does not throw and claims nothing: $name', ({output: odd}) => {
    const {record, facts} = toIgw();
    expect(reader.interpret(odd, facts, record)).toEqual([{tone: 'warn', text: `the answer does not mention the route table ${table}: its current state is unknown`}]);
  });

  it('routes and associations of the wrong type do not throw', () => {
    const {record, facts} = toIgw();
    const odd = {RouteTables: [{RouteTableId: table, Routes: [null, 'x', {DestinationCidrBlock: 0}, {DestinationCidrBlock: '0.0.0.0/0', State: 3, GatewayId: {}}], Associations: 'all'}]};
    expect(reader.interpret(odd, facts, record)).toEqual([
      {tone: 'warn', text: 'the route 0.0.0.0/0 is still there, to a target the answer does not name'},
      {tone: 'info', text: 'the table is associated with no subnet'},
    ]);
  });
});

describe('CreateRoute: whenError', () => {
  it.each<{code: string; lines: NowLine[] | undefined}>([
    {code: 'InvalidRouteTableID.NotFound', lines: [{tone: 'ok', text: `the route table ${table} no longer exists, and the route with it`}]},
    {code: 'InvalidRouteTableId.Malformed', lines: undefined},
    {code: 'UnauthorizedOperation', lines: undefined},
  ])('$code', ({code, lines}) => {
    expect(reader.whenError(code, toIgw().facts)).toEqual(lines);
  });
});
