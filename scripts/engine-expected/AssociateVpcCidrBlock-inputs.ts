// The inputs the AssociateVpcCidrBlock differential compares on: every record of this event the
// repository holds (fixtures, training scenarios, the records the existing tests build), the states
// and Describe answers those tests use, and records, states and answers fast-check derives from them
// (fields removed, null'ed, replaced, wrapped as {"AssociateVpcCidrBlockRequest": …}, PascalCase).
import {readFileSync} from 'node:fs';
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | {[key: string]: Json};
type Obj = {[key: string]: Json};
export interface Named<T> {
  readonly name: string;
  readonly value: T;
}

const root = new URL('../../', import.meta.url);
const readJson = (path: string): Obj => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as Obj;
const scenario = (id: string): Obj => readJson(`src/scenarios/builtin/${id}.json`);
const scenarioIds = ['cidr-public-range-on-production-vpc', 'cidr-secondary-private-range', 'cidr-refused-public-range'];

const riskyVpc = 'vpc-0abcdef0123456789';
const benignVpc = 'vpc-0aaaabbbbccccdddd';
const base: Obj = {
  eventName: 'AssociateVpcCidrBlock', eventSource: 'ec2.amazonaws.com', awsRegion: 'us-east-1', sourceIPAddress: '192.0.2.10',
  recipientAccountId: '111122223333', userIdentity: {type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/ops/alice', accountId: '111122223333'},
  requestParameters: {}, responseElements: {},
};
const built = (fields: Obj): Obj => ({...base, ...fields});

export const baseRecords: readonly Named<Obj>[] = [
  ...['benign', 'failed', 'risky'].map((v) => ({name: `fixture ${v}`, value: readJson(`test/fixtures/events/AssociateVpcCidrBlock/${v}.json`)})),
  ...scenarioIds.map((id) => ({name: `scenario ${id}`, value: scenario(id)['event'] as Obj})),
  {name: 'RFC 6598 block in the request only', value: built({requestParameters: {vpcId: benignVpc, cidrBlock: '100.64.0.0/16'}})},
  {name: 'Amazon-provided IPv6 (findings test)', value: built({
    requestParameters: {vpcId: benignVpc, amazonProvidedIpv6CidrBlock: true},
    responseElements: {vpcId: benignVpc, ipv6CidrBlockAssociation: {associationId: 'vpc-cidr-assoc-v6', ipv6CidrBlock: '2600:1f18:abcd:1200::/56'}},
  })},
  {name: 'Amazon-provided IPv6, upper-case block (Now test)', value: built({
    requestParameters: {vpcId: riskyVpc, amazonProvidedIpv6CidrBlock: true},
    responseElements: {vpcId: riskyVpc, ipv6CidrBlockAssociation: {associationId: 'vpc-cidr-assoc-0fedcba9876543210', ipv6CidrBlock: '2600:1F18:ABCD:1200::/56', ipv6CidrBlockState: {state: 'associating'}}},
  })},
  {name: 'invalid VPC ID, failed', value: built({errorCode: 'Client.InvalidParameterValue', requestParameters: {vpcId: `${riskyVpc} && curl x`, cidrBlock: '198.51.100.0/24'}, responseElements: null})},
  {name: 'no block to look for, failed', value: built({errorCode: 'Client.InvalidParameterValue', requestParameters: {vpcId: riskyVpc, amazonProvidedIpv6CidrBlock: true}, responseElements: null})},
  {name: 'wrapped PascalCase request, wrapped response', value: built({
    requestParameters: {AssociateVpcCidrBlockRequest: {VpcId: 'vpc-0123456789abcdef0', AmazonProvidedIpv6CidrBlock: true}},
    responseElements: {AssociateVpcCidrBlockResponse: {ipv6CidrBlockAssociation: {associationId: 'vpc-cidr-assoc-0123456789abcdef0', ipv6CidrBlock: '2001:db8::/56'}}},
  })},
  {name: 'wrappers that are not objects', value: {eventName: 'AssociateVpcCidrBlock', eventSource: 'ec2.amazonaws.com', requestParameters: {AssociateVpcCidrBlockRequest: 'x'}, responseElements: {AssociateVpcCidrBlockResponse: [null]}}},
  {name: 'a bare record', value: {eventName: 'AssociateVpcCidrBlock', eventSource: 'ec2.amazonaws.com'}},
  {name: 'null request and response', value: {eventName: 'AssociateVpcCidrBlock', eventSource: 'ec2.amazonaws.com', requestParameters: null, responseElements: null}},
];

// States: the scenarios', and those of test/findings/AssociateVpcCidrBlock.test.ts and odd-input.test.ts.
const vpc = (VpcId: string, blocks: [string, string][], ipv6: [string, string, string][] = []): Obj => ({
  VpcId,
  CidrBlockAssociationSet: blocks.map(([CidrBlock, State], i) => ({AssociationId: `${VpcId}-a${i}`, CidrBlock, CidrBlockState: {State}})),
  Ipv6CidrBlockAssociationSet: ipv6.map(([AssociationId, Ipv6CidrBlock, State]) => ({AssociationId, Ipv6CidrBlock, Ipv6CidrBlockState: {State}})),
});
const peering = (Code: string, CidrBlock: string): Json[] => [
  {VpcPeeringConnectionId: 'pcx-0aaaa', RequesterVpcInfo: {VpcId: benignVpc}, AccepterVpcInfo: {VpcId: 'vpc-peer', CidrBlock}, Status: {Code}},
];
const withAssociation = (State: string): Obj => ({Vpcs: [{VpcId: riskyVpc, CidrBlockAssociationSet: [{AssociationId: 'vpc-cidr-assoc-0123456789abcdef0', CidrBlock: '198.51.100.0/24', CidrBlockState: {State}}]}]});

export const handStates: readonly Named<Obj | null>[] = [
  {name: 'no state', value: null},
  ...scenarioIds.map((id) => ({name: `scenario ${id}`, value: scenario(id)['state'] as Obj})),
  {name: 'another VPC holds 10.21.128.0/17', value: {Vpcs: [vpc('vpc-other', [['10.21.128.0/17', 'associated']])]}},
  {name: 'the other VPC let the block go', value: {Vpcs: [vpc('vpc-other', [['10.21.0.0/16', 'disassociated']])]}},
  {name: 'no overlap', value: {Vpcs: [vpc('vpc-other', [['10.22.0.0/16', 'associated']])]}},
  {name: 'the VPC itself', value: {Vpcs: [vpc(benignVpc, [['10.21.0.0/16', 'associated']])]}},
  {name: 'a peered VPC', value: {Vpcs: [vpc('vpc-peer', [['10.21.0.0/16', 'associated']])], VpcPeeringConnections: peering('active', '10.21.0.0/16')}},
  {name: 'active peering to 10.21.0.0/20', value: {VpcPeeringConnections: peering('active', '10.21.0.0/20')}},
  {name: 'deleted peering', value: {VpcPeeringConnections: peering('deleted', '10.21.0.0/20')}},
  {name: 'peer without overlap', value: {VpcPeeringConnections: peering('active', '10.99.0.0/16')}},
  {name: 'the VPC had no IPv6', value: {Vpcs: [vpc(benignVpc, [['10.30.0.0/16', 'associated']])]}},
  {name: 'only this IPv6 block', value: {Vpcs: [vpc(benignVpc, [], [['vpc-cidr-assoc-v6', '2600:1f18:abcd:1200::/56', 'associating']])]}},
  {name: 'the VPC already had IPv6', value: {Vpcs: [vpc(benignVpc, [], [['vpc-cidr-assoc-old', '2600:1f18:aaaa:1200::/56', 'associated']])]}},
  {name: 'still associated', value: withAssociation('associated')},
  {name: 'disassociating', value: withAssociation('disassociating')},
  {name: 'gone from the VPC', value: {Vpcs: [{VpcId: riskyVpc, CidrBlockAssociationSet: []}]}},
  {name: 'the VPC is gone', value: {Vpcs: []}},
  {name: 'no VPCs in the state', value: {}},
  {name: 'wrong types everywhere', value: {SecurityGroups: 'x', Vpcs: [null, 3, {VpcId: 5, CidrBlockAssociationSet: 'y'}], RouteTables: [{RouteTableId: 'rtb-1', Routes: {}}]}},
];

// Describe answers: those of test/aws/now/AssociateVpcCidrBlock.test.ts, and the scenarios' VPCs.
const primary = {AssociationId: 'vpc-cidr-assoc-0aaaaaaaaaaaaaaaa', CidrBlock: '10.20.0.0/16', CidrBlockState: {State: 'associated'}};
const theBlock = (State: string, AssociationId = 'vpc-cidr-assoc-0123456789abcdef0'): Obj => ({AssociationId, CidrBlock: '198.51.100.0/24', CidrBlockState: {State}});
const answer = (blocks: Obj[], extra: Obj = {}): Obj => ({
  $metadata: {httpStatusCode: 200},
  Vpcs: [{
    VpcId: riskyVpc, OwnerId: '111122223333', State: 'available', CidrBlock: '10.20.0.0/16', IsDefault: false, CidrBlockAssociationSet: blocks,
    Ipv6CidrBlockAssociationSet: [{AssociationId: 'vpc-cidr-assoc-0bbbbbbbbbbbbbbbb', Ipv6CidrBlock: '2600:1f18:abcd:1200::/56', Ipv6CidrBlockState: {State: 'associated'}}],
    ...extra,
  }],
});

export const handOutputs: readonly Named<Json>[] = [
  ...['associated', 'associating', 'disassociating', 'disassociated', 'failed'].map((state) => ({name: `the block ${state}`, value: answer([primary, theBlock(state)])})),
  {name: 'no longer listed', value: answer([primary])},
  {name: 're-associated under a new ID', value: answer([primary, theBlock('disassociated'), theBlock('associated', 'vpc-cidr-assoc-0cccccccccccccccc')])},
  {name: 'IPv6 found by association ID', value: answer([primary], {Ipv6CidrBlockAssociationSet: [{AssociationId: 'vpc-cidr-assoc-0fedcba9876543210', Ipv6CidrBlock: '2600:1f18:abcd:1200::/56', Ipv6CidrBlockState: {State: 'associated'}}]})},
  {name: 'IPv6 gone, no other block', value: answer([], {Ipv6CidrBlockAssociationSet: []})},
  {name: 'a block without a state', value: {Vpcs: [{VpcId: riskyVpc, CidrBlockAssociationSet: [{CidrBlock: '198.51.100.0/24'}]}]}},
  ...([null, 0, 'text', [], {}, {$metadata: {}}, [{}]] as Json[]).map((value) => ({name: `odd ${JSON.stringify(value)}`, value})),
  {name: 'Vpcs not a list', value: {Vpcs: {VpcId: riskyVpc}}},
  {name: 'another VPC only', value: {Vpcs: [{VpcId: 'vpc-0fedcba9876543210', CidrBlockAssociationSet: []}]}},
  {name: 'sets of the wrong type', value: {Vpcs: [{VpcId: riskyVpc, CidrBlockAssociationSet: 'x', Ipv6CidrBlockAssociationSet: [null, {Ipv6CidrBlockState: 'associated'}, {CidrBlockState: {State: 5}}]}]}},
  ...scenarioIds.map((id) => ({name: `scenario ${id}`, value: {Vpcs: (scenario(id)['state'] as Obj)['Vpcs'] ?? null}})),
];

// Derived records, states and answers.
const vpcIds = [riskyVpc, benignVpc, 'vpc-0123456789abcdef0', 'vpc-0fedcba9876543210'];
const associationIds = ['vpc-cidr-assoc-0123456789abcdef0', 'vpc-cidr-assoc-0abcdef0123456789', 'vpc-cidr-assoc-0fedcba9876543210', 'vpc-cidr-assoc-v6'];
const cidrs = ['198.51.100.0/24', '198.51.0.0/16', '203.0.113.0/24', '10.21.0.0/16', '10.21.128.0/17', '10.20.0.0/16', '100.64.0.0/16', '172.16.0.0/12',
  '2600:1f18:abcd:1200::/56', '2600:1F18:ABCD:1200::/56', '2600:1f18:abcd::/48', '2001:db8:1234:1a00::/56', '2001:db8::/56', ' 10.21.0.0/16', 'not-a-cidr', ''];
const associationStates = ['associated', 'associating', 'disassociating', 'disassociated', 'failed', 'failing', 'pending', ''];
const odd: Json[] = [null, '', 0, 5, true, false, 'true', 'false', [], {}];

const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, {nil: undefined});
const present = (entries: readonly (readonly [string, Json | undefined])[]): Obj =>
  Object.fromEntries(entries.filter((entry): entry is [string, Json] => entry[1] !== undefined));

/** Strings of the record (its VPC, association and blocks) join the pools, so derived states and answers often name them. */
function poolsOf(record: Json): {vpcIds: string[]; associationIds: string[]; cidrs: string[]} {
  const found = JSON.stringify(record).match(/"[^"]*"/g)?.map((quoted) => JSON.parse(quoted) as string) ?? [];
  return {
    vpcIds: [...vpcIds, ...found.filter((t) => t.startsWith('vpc-') && !t.startsWith('vpc-cidr'))],
    associationIds: [...associationIds, ...found.filter((t) => t.startsWith('vpc-cidr-assoc-'))],
    cidrs: [...cidrs, ...found.filter((t) => /^[0-9a-fA-F:.]+\/[0-9]+$/.test(t))],
  };
}
type Pools = ReturnType<typeof poolsOf>;

const association = (pools: Pools, cidrKey: string, stateKey: string) =>
  fc.tuple(maybe(pick(pools.associationIds)), maybe(pick(pools.cidrs)), maybe(pick(associationStates))).map(([id, cidr, state]) =>
    present([['AssociationId', id], [cidrKey, cidr], [stateKey, state === undefined ? undefined : {State: state}]]));
const vpcArb = (pools: Pools) =>
  fc.tuple(maybe(pick(pools.vpcIds)), maybe(pick(pools.cidrs)), fc.array(association(pools, 'CidrBlock', 'CidrBlockState'), {maxLength: 3}), fc.array(association(pools, 'Ipv6CidrBlock', 'Ipv6CidrBlockState'), {maxLength: 2}))
    .map(([id, cidr, ipv4, ipv6]) => present([['VpcId', id], ['CidrBlock', cidr], ['CidrBlockAssociationSet', ipv4], ['Ipv6CidrBlockAssociationSet', ipv6]]));
const sideArb = (pools: Pools) =>
  fc.tuple(maybe(pick([...pools.vpcIds, 'vpc-peer'])), maybe(pick(pools.cidrs)), fc.array(pick(pools.cidrs), {maxLength: 2}), fc.array(pick(pools.cidrs), {maxLength: 2}))
    .map(([id, cidr, set, ipv6]) => present([['VpcId', id], ['CidrBlock', cidr], ['CidrBlockSet', set.map((CidrBlock) => ({CidrBlock}))], ['Ipv6CidrBlockSet', ipv6.map((Ipv6CidrBlock) => ({Ipv6CidrBlock}))]]));
const peeringArb = (pools: Pools) =>
  fc.tuple(maybe(pick(['pcx-0aaaa', 'pcx-0123456789abcdef0'])), maybe(sideArb(pools)), maybe(sideArb(pools)), maybe(pick(['active', 'pending-acceptance', 'deleted', 'failed', 'expired', 'provisioning'])))
    .map(([id, requester, accepter, code]) => present([['VpcPeeringConnectionId', id], ['RequesterVpcInfo', requester], ['AccepterVpcInfo', accepter], ['Status', code === undefined ? undefined : {Code: code}]]));

const stateArb = (pools: Pools): fc.Arbitrary<Obj | null> => fc.oneof(
  {weight: 1, arbitrary: fc.constant(null)},
  {weight: 6, arbitrary: fc.tuple(maybe(fc.array(vpcArb(pools), {maxLength: 3})), maybe(fc.array(peeringArb(pools), {maxLength: 2})))
    .map(([vpcs, peerings]) => present([['Vpcs', vpcs], ['VpcPeeringConnections', peerings]]))},
);
const outputArb = (pools: Pools): fc.Arbitrary<Json> => fc.oneof({weight: 1, arbitrary: pick(odd)}, {weight: 4, arbitrary: fc.array(vpcArb(pools), {maxLength: 3}).map((Vpcs) => ({Vpcs}))});

const pascal = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);
function pascalDeep(value: Json): Json {
  if (Array.isArray(value)) return value.map(pascalDeep);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [pascal(k), pascalDeep(v)]));
}

type Edit = (body: {request: Obj; response: Obj}) => void;
const requestKeys = ['vpcId', 'cidrBlock', 'ipv6CidrBlock', 'amazonProvidedIpv6CidrBlock', 'ipv6Pool'];
const responsePaths = [['vpcId'], ['cidrBlockAssociation', 'cidrBlock'], ['cidrBlockAssociation', 'associationId'], ['ipv6CidrBlockAssociation', 'ipv6CidrBlock'], ['ipv6CidrBlockAssociation', 'associationId']];
const values = fc.oneof(pick(vpcIds), pick(associationIds), pick(cidrs), pick(odd), pick([`${riskyVpc} && curl x`]));

function setPath(target: Obj, path: readonly string[], value: Json | undefined): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    if (value === undefined) delete target[head];
    else target[head] = value;
    return;
  }
  const next = target[head];
  const child: Obj = next !== null && typeof next === 'object' && !Array.isArray(next) ? next : {};
  target[head] = child;
  setPath(child, rest, value);
}

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(pick(requestKeys), fc.option(values, {nil: undefined})).map(([key, value]): Edit => ({request}) => setPath(request, [key], value)),
  fc.tuple(pick(responsePaths), fc.option(values, {nil: undefined})).map(([path, value]): Edit => ({response}) => setPath(response, path, value)),
  pick(['cidrBlockAssociation', 'ipv6CidrBlockAssociation']).map((key): Edit => ({response}) => setPath(response, [key], null)),
);

/** The record's body as camelCase, unwrapped; edited; then written in one of the shapes records come in. */
function reshape(raw: Obj, edits: readonly Edit[], shape: {failed: boolean; wrap: [boolean, boolean]; pascal: [boolean, boolean]}): Obj {
  const body = (side: string, wrapper: string): Obj => {
    const node = raw[side];
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return {};
    const inner = node[wrapper];
    const unwrapped = inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? inner : node;
    return JSON.parse(JSON.stringify(unwrapped).replace(/"([A-Z])([A-Za-z0-9]*)":/g, (_m, a: string, b: string) => `"${a.toLowerCase()}${b}":`)) as Obj;
  };
  const parts = {request: body('requestParameters', 'AssociateVpcCidrBlockRequest'), response: body('responseElements', 'AssociateVpcCidrBlockResponse')};
  for (const edit of edits) edit(parts);
  const write = (node: Obj, wrapper: string, wrap: boolean, upper: boolean): Json => {
    const cased = upper ? pascalDeep(node) : node;
    return wrap ? {[wrapper]: cased} : cased;
  };
  const rest = {...raw};
  delete rest['errorCode'];
  return {
    ...rest,
    ...(shape.failed ? {errorCode: 'Client.UnauthorizedOperation'} : {}),
    requestParameters: write(parts.request, 'AssociateVpcCidrBlockRequest', shape.wrap[0], shape.pascal[0]),
    responseElements: shape.failed ? null : write(parts.response, 'AssociateVpcCidrBlockResponse', shape.wrap[1], shape.pascal[1]),
  };
}

const recordArb: fc.Arbitrary<Named<Obj>> = fc
  .tuple(fc.nat({max: baseRecords.length - 1}), fc.array(editArb, {maxLength: 4}), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.nat({max: 9}))
  .map(([at, edits, wrapRequest, wrapResponse, pascalRequest, pascalResponse, roll]) => {
    const from = baseRecords[at] ?? baseRecords[0];
    if (from === undefined) throw new Error('no base record');
    const shape = {failed: roll === 0, wrap: [wrapRequest, wrapResponse && roll < 4], pascal: [pascalRequest, pascalResponse && roll < 3]} as const;
    return {name: `derived from ${from.name}`, value: reshape(from.value, edits, {failed: shape.failed, wrap: [...shape.wrap], pascal: [...shape.pascal]})};
  });

/** A derived record with states and Describe answers that often name its VPC, association and blocks. */
export const derivedArb = recordArb.chain((named) => {
  const pools = poolsOf(named.value);
  return fc.tuple(fc.constant(named), fc.array(stateArb(pools), {minLength: 3, maxLength: 3}), fc.array(outputArb(pools), {minLength: 3, maxLength: 3}));
});
