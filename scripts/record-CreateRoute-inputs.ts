// The inputs scripts/record-CreateRoute-expected.ts runs the TypeScript readers of CreateRoute over:
// every CreateRoute record of the repository (fixtures, training scenarios, the records the tests
// build) and the edits fast-check combines into variants of them. The states and answers are
// test/engine/create-route-states.ts's.
import type {JsonObject, JsonValue} from '../src/events/record.js';

type ReadJson = (path: string) => unknown;
export interface NamedRecord {
  readonly name: string;
  readonly raw: JsonObject;
}

const event = 'CreateRoute';
const account = '111122223333';
const table = 'rtb-0123456789abcdef0';
const igw = 'igw-0123456789abcdef0';
const targetPrefixes: Readonly<Record<string, string>> = {transitGatewayId: 'tgw', localGatewayId: 'lgw', carrierGatewayId: 'cagw', natGatewayId: 'nat', vpcPeeringConnectionId: 'pcx'};
const scenarioIds = ['route-default-to-igw-in-private-table', 'route-all-traffic-to-an-eni', 'route-to-foreign-peering-connection', 'route-private-subnets-via-nat'];

/** A successful record by an assumed role on the CLI (as test/findings/helpers.ts builds them). */
function minimal(requestParameters: JsonValue, fields: JsonObject = {}): JsonObject {
  return {
    eventName: event, eventSource: 'ec2.amazonaws.com', awsRegion: 'us-east-1', sourceIPAddress: '192.0.2.10', recipientAccountId: account,
    userIdentity: {type: 'AssumedRole', arn: `arn:aws:sts::${account}:assumed-role/ops/alice`, accountId: account},
    requestParameters, responseElements: {_return: true}, ...fields,
  };
}

export function pascal(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(pascal);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key.charAt(0).toUpperCase() + key.slice(1), pascal(inner)]));
}

export function baseRecords(readJson: ReadJson): NamedRecord[] {
  const file = (path: string) => ({name: path, raw: readJson(path) as JsonObject});
  const trail = (readJson('test/fixtures/aws/cloudtrail/records.json') as JsonObject[]).filter((r) => r['eventName'] === event);
  const hand = (name: string, request: JsonValue, fields?: JsonObject) => ({name, raw: minimal(request, fields)});
  return [
    ...['risky', 'benign', 'failed'].map((variant) => file(`test/fixtures/events/${event}/${variant}.json`)),
    file('test/fixtures/cloudtrail-public/CreateRoute-failed__panther.json'),
    ...trail.map((raw, i) => ({name: `test/fixtures/aws/cloudtrail/records.json ${i}`, raw})),
    ...scenarioIds.map((id) => ({name: `scenario ${id}`, raw: (readJson(`src/scenarios/builtin/${id}.json`) as {event: JsonObject}).event})),
    // test/findings/CreateRoute.test.ts
    hand('::/0 to an internet gateway', {routeTableId: 'rtb-h', destinationIpv6CidrBlock: '::/0', gatewayId: igw}),
    hand('a narrower route to the gateway', {routeTableId: 'rtb-h', destinationCidrBlock: '198.51.100.0/24', gatewayId: igw}),
    hand('a virtual private gateway', {routeTableId: 'rtb-h', destinationCidrBlock: '0.0.0.0/0', gatewayId: 'vgw-0123'}),
    hand('through an instance', {routeTableId: 'rtb-h', destinationCidrBlock: '10.0.0.0/8', instanceId: 'i-0123456789abcdef0'}),
    hand('10.0.1.0/24 to an ENI', {routeTableId: 'rtb-h', destinationCidrBlock: '10.0.1.0/24', networkInterfaceId: 'eni-x'}),
    hand('an IPv6 /64 to an ENI', {routeTableId: 'rtb-h', destinationIpv6CidrBlock: '2600:1f18:abcd:1201::/64', networkInterfaceId: 'eni-x'}),
    hand('10.99.0.0/16 over a peering', {routeTableId: 'rtb-h', destinationCidrBlock: '10.99.0.0/16', vpcPeeringConnectionId: 'pcx-1'}),
    hand('10.1.1.0/24 to a transit gateway', {routeTableId: 'rtb-h', destinationCidrBlock: '10.1.1.0/24', transitGatewayId: 'tgw-1'}),
    // test/aws/now/CreateRoute.test.ts
    hand('an invalid route table ID', {routeTableId: `${table}\u001b[2J`, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw}),
    hand('no destination', {routeTableId: table, gatewayId: igw}),
    hand('no route table', {destinationCidrBlock: '0.0.0.0/0', gatewayId: igw}),
    hand('an upper-case IPv6 destination', {routeTableId: table, destinationIpv6CidrBlock: '2600:1F18::/32', egressOnlyInternetGatewayId: 'eigw-0123456789abcdef0'}),
    hand('a failed call', {routeTableId: table, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw}, {errorCode: 'Client.RouteAlreadyExists', responseElements: null}),
    // test/events/facts.test.ts
    hand('a prefix list through a VPC endpoint', {routeTableId: table, destinationPrefixListId: 'pl-63a5400a', vpcEndpointId: 'vpce-0123456789abcdef0'}),
    hand('an empty target', {routeTableId: table, destinationCidrBlock: '10.0.0.0/8', gatewayId: ''}),
    // Shapes real records take, and ones nobody foresaw.
    hand('PascalCase', pascal({routeTableId: table, destinationCidrBlock: '10.0.1.0/24', networkInterfaceId: 'eni-0123456789abcdef0'})),
    hand('wrapped', {CreateRouteRequest: {RouteTableId: table, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw}}),
    hand('requestParameters null', null),
    hand('requestParameters not an object', 'oops'),
    hand('two targets', {routeTableId: table, destinationCidrBlock: '0.0.0.0/0', natGatewayId: 'nat-0123456789abcdef0', gatewayId: igw}),
    hand('a number and a boolean', {routeTableId: 5, destinationCidrBlock: '0.0.0.0/0', gatewayId: true}),
    hand('a prefix list and a block', {routeTableId: table, destinationCidrBlock: '10.0.1.0/24', destinationPrefixListId: 'pl-63a5400a', instanceId: 'i-0123456789abcdef0'}),
    hand('::/0 to an internet gateway, valid IDs', {routeTableId: table, destinationIpv6CidrBlock: '::/0', gatewayId: igw}),
    ...['transitGatewayId', 'localGatewayId', 'carrierGatewayId', 'natGatewayId', 'vpcPeeringConnectionId'].map((key) =>
      hand(`a ${key} target`, {routeTableId: table, destinationCidrBlock: '10.0.1.0/24', [key]: `${targetPrefixes[key] ?? 'x'}-0123456789abcdef0`})),
  ];
}

/** One change to a raw record; at picks among the candidates. */
export type Mutation = (raw: JsonObject, at: number) => JsonObject;

const pick = <T>(list: readonly T[], at: number): T => list[at % list.length] as T;
const requestOf = (raw: JsonObject): JsonObject => (typeof raw['requestParameters'] === 'object' && raw['requestParameters'] !== null && !Array.isArray(raw['requestParameters']) ? raw['requestParameters'] as JsonObject : {});
const withRequest = (raw: JsonObject, request: JsonValue): JsonObject => ({...raw, requestParameters: request});
const odd: readonly JsonValue[] = [null, '', 0, 7, true, {}, [], ' ', 'x'];
const destinations: readonly (readonly [string, string])[] = [
  ['destinationCidrBlock', '0.0.0.0/0'], ['destinationCidrBlock', '10.0.1.0/24'], ['destinationCidrBlock', '10.20.5.0/24'], ['destinationCidrBlock', '0.0.0.0/1'],
  ['destinationIpv6CidrBlock', '::/0'], ['destinationIpv6CidrBlock', '2600:1F18:ABCD:1201::/64'], ['destinationPrefixListId', 'pl-63a5400a'], ['destinationCidrBlock', 'not a cidr'],
];
const targets: readonly (readonly [string, string])[] = [
  ['gatewayId', igw], ['gatewayId', 'vgw-0123456789abcdef0'], ['natGatewayId', 'nat-0123456789abcdef0'], ['instanceId', 'i-0123456789abcdef0'],
  ['networkInterfaceId', 'eni-0123456789abcdef0'], ['vpcPeeringConnectionId', 'pcx-0123456789abcdef0'], ['transitGatewayId', 'tgw-0123456789abcdef0'],
  ['egressOnlyInternetGatewayId', 'eigw-0123456789abcdef0'], ['gatewayId', 'IGW-0123456789ABCDEF0'], ['vpcEndpointId', 'vpce-0123456789abcdef0'],
];
const tables: readonly JsonValue[] = [table, 'rtb-0fedcba9876543210', 'rtb-1', 'rtb-h', 'rtb-0123456789ABCDEF0'];

export const mutations: Readonly<Record<string, Mutation>> = {
  'remove a field': (raw, at) => {
    const request = requestOf(raw);
    const key = pick(Object.keys(request).length > 0 ? Object.keys(request) : ['routeTableId'], at);
    return withRequest(raw, Object.fromEntries(Object.entries(request).filter(([k]) => k !== key)));
  },
  'a field of an odd value': (raw, at) => {
    const request = requestOf(raw);
    const key = pick(Object.keys(request).length > 0 ? Object.keys(request) : ['routeTableId'], at);
    return withRequest(raw, {...request, [key]: pick(odd, Math.floor(at / 7))});
  },
  'PascalCase request': (raw) => withRequest(raw, pascal(requestOf(raw))),
  'wrapped request': (raw) => withRequest(raw, {CreateRouteRequest: requestOf(raw)}),
  'request null': (raw) => withRequest(raw, null),
  'response null': (raw) => ({...raw, responseElements: null}),
  'a failed call': (raw) => ({...raw, errorCode: 'Client.InvalidRouteTableID.NotFound', responseElements: null}),
  'another destination': (raw, at) => {
    const [key, value] = pick(destinations, at);
    const request = Object.fromEntries(Object.entries(requestOf(raw)).filter(([k]) => !k.startsWith('destination')));
    return withRequest(raw, {...request, [key]: value});
  },
  'another target': (raw, at) => {
    const [key, value] = pick(targets, at);
    const request = Object.fromEntries(Object.entries(requestOf(raw)).filter(([k]) => !/(Id)$/.test(k) || k === 'routeTableId' || k.startsWith('destination')));
    return withRequest(raw, {...request, [key]: value});
  },
  'a second target': (raw, at) => {
    const [key, value] = pick(targets, at);
    return withRequest(raw, {...requestOf(raw), [key]: value});
  },
  'another route table': (raw, at) => withRequest(raw, {...requestOf(raw), routeTableId: pick(tables, at)}),
};
