// The account states and DescribeRouteTables answers the CreateRoute differential runs over (the
// TypeScript readers in scripts/record-CreateRoute-expected.ts, the runbook's declarations in
// CreateRoute.differential.test.ts), built around the route a record names (its table, destination
// and target): those of test/findings/CreateRoute.test.ts and test/aws/now/CreateRoute.test.ts, the
// training scenarios' states, and more shapes of the same.
import type {JsonObject, JsonValue} from '../../src/events/record.js';

export interface RouteOf {
  readonly table: string;
  readonly destinationKey: string;
  readonly destination: string;
  readonly targetKey: string;
  readonly target: string;
}

type Facts = readonly {readonly key: string; readonly value: string | readonly string[]}[];
const text = (facts: Facts, key: string): string | undefined => {
  const value = facts.find((fact) => fact.key === key)?.value;
  return typeof value === 'string' ? value : undefined;
};

/** The route the facts name, with a default for each part they lack. */
export function routeOf(facts: Facts): RouteOf {
  const destination = (['destinationCidrBlock', 'destinationIpv6CidrBlock', 'destinationPrefixListId'] as const)
    .flatMap((key) => text(facts, key) === undefined ? [] : [[`D${key.slice(1)}`, text(facts, key) ?? ''] as const])[0] ?? ['DestinationCidrBlock', '0.0.0.0/0'];
  const type = text(facts, 'targetType');
  return {
    table: text(facts, 'routeTableId') ?? 'rtb-0123456789abcdef0',
    destinationKey: destination[0],
    destination: destination[1],
    targetKey: type === undefined ? 'GatewayId' : `${type.charAt(0).toUpperCase()}${type.slice(1)}`,
    target: text(facts, 'targetId') ?? 'igw-0123456789abcdef0',
  };
}

const scenarioIds = ['route-default-to-igw-in-private-table', 'route-all-traffic-to-an-eni', 'route-to-foreign-peering-connection', 'route-private-subnets-via-nat'];

/** The training scenarios' account states, by name. */
export function scenarioStates(readJson: (path: string) => unknown): Record<string, JsonObject> {
  return Object.fromEntries(scenarioIds.map((id) => [`scenario ${id}`, (readJson(`src/scenarios/builtin/${id}.json`) as {state: JsonObject}).state]));
}

const local = {DestinationCidrBlock: '10.20.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active'};
const nat = 'nat-0123456789abcdef0';

/** The event's route as a Describe answer lists it, with other target fields or state. */
function eventRoute(r: RouteOf, fields: JsonObject = {[r.targetKey]: r.target}, state: JsonValue = 'active'): JsonObject {
  return {[r.destinationKey]: r.destination, Origin: 'CreateRoute', State: state, ...fields};
}

/** The same block written another way (host bits set, or upper case). */
function rewritten(destination: string): string {
  const v4 = /^(\d+\.\d+\.\d+\.)\d+(\/\d+)$/.exec(destination);
  return v4 === null ? destination.toUpperCase() : `${v4[1] ?? ''}1${v4[2] ?? ''}`;
}

/** States for the findings and isResolved. */
export function findingStates(r: RouteOf, scenarios: Readonly<Record<string, JsonObject>>): Record<string, JsonObject | null> {
  const withTable = (fields: JsonObject, more: JsonObject = {}): JsonObject => ({RouteTables: [{RouteTableId: r.table, ...fields}], ...more});
  const routes = (...list: JsonValue[]) => withTable({Routes: list, Associations: [{SubnetId: 'subnet-b'}]}, {Subnets: [{SubnetId: 'subnet-b', MapPublicIpOnLaunch: false}]});
  return {
    'none': null,
    'empty': {},
    'no tables': {RouteTables: []},
    'table without routes': withTable({}),
    'private subnets': withTable({Associations: [{SubnetId: 'subnet-a'}, {SubnetId: 'subnet-b'}]}, {Subnets: [{SubnetId: 'subnet-a', MapPublicIpOnLaunch: true}, {SubnetId: 'subnet-b', MapPublicIpOnLaunch: false}]}),
    'public subnets': withTable({Associations: [{SubnetId: 'subnet-a'}, {SubnetId: 'subnet-a'}]}, {Subnets: [{SubnetId: 'subnet-a', MapPublicIpOnLaunch: true}]}),
    'named private': withTable({Tags: [{Key: 'Team', Value: 'private'}, {Key: 'Name', Value: 'db-Private-rt'}]}),
    'main table': withTable({Associations: [{SubnetId: 'subnet-a', Main: false}, {Main: true}]}, {Subnets: [{SubnetId: 'subnet-a', MapPublicIpOnLaunch: true}]}),
    'subnets not in the state': withTable({Associations: [{SubnetId: 'subnet-z'}]}, {Subnets: []}),
    'odd shapes': withTable({Routes: 'x', Associations: [null, 'a', {Main: 'true'}, {SubnetId: 5}], Tags: [null, {Key: 'Name'}, {Key: 'Name', Value: 7}]}, {Subnets: 'x'}),
    'another table only': {RouteTables: [{RouteTableId: 'rtb-0dddddddddddddddd', Associations: [{Main: true}], Routes: [eventRoute(r)]}]},
    'wider local and default': withTable({Routes: [{DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local'}, {DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1'}]}),
    'wider IPv6': withTable({Routes: [{DestinationIpv6CidrBlock: '2600:1f18:abcd:1200::/56', GatewayId: 'local'}]}),
    'default only': withTable({Routes: [{DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1'}]}),
    'wider, the same target': withTable({Routes: [{DestinationCidrBlock: '10.0.0.0/8', [r.targetKey]: r.target}, {DestinationCidrBlock: '10.0.0.0/12', GatewayId: 'local'}]}),
    'wide blocks': withTable({Routes: [
      'x', null, {DestinationCidrBlock: '0.0.0.0/1', GatewayId: 'igw-0fedcba9876543210'}, {DestinationIpv6CidrBlock: '::/1', EgressOnlyInternetGatewayId: 'eigw-1'},
      {DestinationCidrBlock: null, DestinationIpv6CidrBlock: '2600:1f18::/32', CoreNetworkArn: 'arn:aws:networkmanager::111122223333:core-network/core-network-1'},
      {DestinationCidrBlock: '198.51.0.0/16', NetworkInterfaceId: 'eni-0fedcba9876543210', InstanceId: 'i-0fedcba9876543210'}, {DestinationCidrBlock: '10.0.0.0/8'},
    ]}),
    'the route still there': routes(local, eventRoute(r)),
    'the route deleted': routes(local),
    'the route to a NAT gateway now': routes(eventRoute(r, {NatGatewayId: nat})),
    'the route written another way': routes({...eventRoute(r), [r.destinationKey]: rewritten(r.destination)}),
    'the target in upper case': routes(eventRoute(r, {[r.targetKey]: r.target.toUpperCase()})),
    ...scenarios,
  };
}

const subnets = [
  {Main: false, RouteTableAssociationId: 'rtbassoc-0123456789abcdef0', SubnetId: 'subnet-0123456789abcdef0', AssociationState: {State: 'associated'}},
  {Main: false, RouteTableAssociationId: 'rtbassoc-0fedcba9876543210', SubnetId: 'subnet-0fedcba9876543210', AssociationState: {State: 'associated'}},
  {Main: false, RouteTableAssociationId: 'rtbassoc-0aaaabbbbccccdddd', SubnetId: 'subnet-0aaaabbbbccccdddd', AssociationState: {State: 'disassociated'}},
];
const main = {Main: true, RouteTableAssociationId: 'rtbassoc-0aaaabbbbcccc1111', AssociationState: {State: 'associated'}};

/** DescribeRouteTables answers for the Now panel (undefined and a Date stand for answers nobody foresaw). */
export function answers(r: RouteOf): Record<string, unknown> {
  const output = (routes: JsonValue[], associations: JsonValue[] = subnets, id = r.table) => ({
    $metadata: {httpStatusCode: 200},
    RouteTables: [{RouteTableId: id, VpcId: 'vpc-0abcdef0123456789', OwnerId: '111122223333', Routes: routes, Associations: associations, PropagatingVgws: [], Tags: []}],
  });
  const route = (fields?: JsonObject, state?: JsonValue) => eventRoute(r, fields, state);
  const without = (key: string): JsonObject => Object.fromEntries(Object.entries(route()).filter(([k]) => k !== key));
  return {
    'still there': output([local, route()]),
    'a blackhole': output([local, route(undefined, 'blackhole')]),
    'replaced with a NAT gateway': output([local, route({NatGatewayId: nat})]),
    'deleted': output([local]),
    'from route propagation': output([local, route({GatewayId: 'vgw-0123456789abcdef0', Origin: 'EnableVgwRoutePropagation'})]),
    'through an instance, main table': output([local, route({NetworkInterfaceId: 'eni-0123456789abcdef0', InstanceId: 'i-0123456789abcdef0', InstanceOwnerId: '111122223333'})], [main]),
    'in a table no subnet uses': output([local, route()], []),
    'the destination in upper case': output([local, {...route(), [r.destinationKey]: ` ${r.destination.toUpperCase()} `}]),
    'the target in upper case': output([route({[r.targetKey]: r.target.toUpperCase()})]),
    'pending': output([route(undefined, 'pending')]),
    'no state': output([without('State')]),
    'no origin': output([without('Origin')]),
    'an instance without owner': output([route({[r.targetKey]: r.target, InstanceId: 'i-0fedcba9876543210'})]),
    'no target named': output([route({})]),
    'main, serving subnets': output([route()], [main, ...subnets]),
    'gateway and pending associations': output([route()], [
      {GatewayId: 'igw-0123456789abcdef0', AssociationState: {State: 'associated'}}, {SubnetId: 'subnet-0123456789abcdef0', AssociationState: {State: 'associating'}},
      {SubnetId: 'subnet-0fedcba9876543210', AssociationState: {State: 'failed'}}, {SubnetId: 'subnet-0aaaabbbbccccdddd'},
    ]),
    'odd associations': output([route()], [null, 'x', {SubnetId: ''}, {SubnetId: 5, GatewayId: 'vgw-0123456789abcdef0'}, {AssociationState: 'x', SubnetId: 'subnet-0123456789abcdef0'}, {Main: 'true'}]),
    'routes and associations of the wrong type': {RouteTables: [{RouteTableId: r.table, Routes: [null, 'x', {DestinationCidrBlock: 0}, {[r.destinationKey]: r.destination, State: 3, GatewayId: {}}], Associations: 'all'}]},
    'another table only': output([route()], subnets, 'rtb-0dddddddddddddddd'),
    'two tables': {RouteTables: [output([], [main], 'rtb-0dddddddddddddddd').RouteTables[0], output([local, route()]).RouteTables[0]]},
    'undefined': undefined, 'null': null, '0': 0, 'text': 'text', '[]': [], '{}': {}, 'metadata only': {$metadata: {}}, '[{}]': [{}], 'a Date': new Date(0),
  };
}
