// The inputs ./CreateVpcPeeringConnection.ts runs the TypeScript readers over:
// every CreateVpcPeeringConnection record of the repository (fixtures, training scenarios, the records
// the tests build), ways to change one, account states, configs, DescribeVpcPeeringConnections answers
// (those of test/aws/now/CreateVpcPeeringConnection.test.ts, for the record's own connection ID) and
// error codes.
import type {FindingsConfig} from '../../src/findings/finding.js';

type Json = null | boolean | number | string | Json[] | {[key: string]: Json};
type Obj = {[key: string]: Json};

type ReadJson = (path: string) => unknown;
export interface NamedRecord {
  readonly name: string;
  readonly raw: Obj;
  readonly isVariant?: boolean;
}

const event = 'CreateVpcPeeringConnection';
const account = '111122223333';
const other = '444455556666';
const productionVpc = 'vpc-0abcdef0123456789';
const peerVpc = 'vpc-0fedcba9876543210';

/** A minimal successful record by an assumed role (as test/findings/helpers.ts builds them). */
function minimal(fields: Obj): Obj {
  return {
    eventName: event, eventSource: 'ec2.amazonaws.com', awsRegion: 'us-east-1', sourceIPAddress: '192.0.2.10', recipientAccountId: account,
    userIdentity: {type: 'AssumedRole', arn: `arn:aws:sts::${account}:assumed-role/ops/alice`, accountId: account},
    requestParameters: {}, responseElements: {}, ...fields,
  };
}

function pascal(value: Json): Json {
  if (Array.isArray(value)) return value.map(pascal);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key.charAt(0).toUpperCase() + key.slice(1), pascal(inner)]));
}

export function baseRecords(readJson: ReadJson): NamedRecord[] {
  const fixture = (variant: string) => ({name: `fixture ${variant}`, raw: readJson(`test/fixtures/events/${event}/${variant}.json`) as Obj});
  const scenario = (id: string) => (readJson(`src/scenarios/builtin/${id}.json`) as {event: Obj}).event;
  const trail = (readJson('test/fixtures/aws/cloudtrail/records.json') as Obj[]).filter((r) => r['eventName'] === event);
  const risky = scenario('peering-cross-account-cross-region');
  const request = risky['requestParameters'] as Obj;
  const response = risky['responseElements'] as Obj;
  return [
    fixture('risky'), fixture('benign'), fixture('failed'),
    ...trail.map((raw, i) => ({name: `cloudtrail records.json ${i}`, raw})),
    ...['peering-cross-account-cross-region', 'peering-shared-services-same-account', 'peering-refused-developer'].map((id) => ({name: `scenario ${id}`, raw: scenario(id)})),
    {name: 'peerOwnerId is the caller\'s own', raw: minimal({requestParameters: {vpcId: 'vpc-1', peerVpcId: 'vpc-2', peerOwnerId: account}})},
    {name: 'peer only in the response', raw: minimal({responseElements: {vpcPeeringConnection: {accepterVpcInfo: {ownerId: other, vpcId: 'vpc-2'}}}})},
    {name: 'peerRegion equals awsRegion', raw: minimal({requestParameters: {vpcId: 'vpc-1', peerVpcId: 'vpc-2', peerRegion: 'us-east-1'}})},
    {name: 'failed call, request only', raw: minimal({errorCode: 'Client.UnauthorizedOperation', requestParameters: {vpcId: 'vpc-0123456789abcdef0', peerVpcId: productionVpc}, responseElements: null})},
    {name: 'scenario without a response', raw: {...risky, responseElements: null}},
    {name: 'scenario with an invalid connection ID', raw: {...risky, responseElements: {vpcPeeringConnection: {vpcPeeringConnectionId: 'pcx-123;reboot'}}}},
    {name: 'a prototype key', raw: {eventName: event, eventSource: 'ec2.amazonaws.com', requestParameters: JSON.parse('{"__proto__": {"peerOwnerId": "1"}, "constructor": "x"}') as Obj}},
    {name: 'wrapped PascalCase request and response', raw: {...risky, requestParameters: {[`${event}Request`]: pascal(request)}, responseElements: {[`${event}Response`]: pascal(response)}}},
    {name: 'PascalCase request only', raw: {...risky, requestParameters: pascal(request), responseElements: null}},
    {name: 'numbers where strings belong', raw: minimal({requestParameters: {vpcId: 'vpc-1', peerVpcId: 'vpc-2', peerOwnerId: 444455556666, peerRegion: true}})},
    {name: 'empty strings', raw: minimal({requestParameters: {vpcId: '', peerVpcId: '', peerOwnerId: '', peerRegion: ''}, responseElements: {vpcPeeringConnection: {vpcPeeringConnectionId: '', accepterVpcInfo: {ownerId: other}}}})},
    {name: 'no account anywhere but the response', raw: {...risky, userIdentity: {type: 'AWSService'}, recipientAccountId: null}},
    {name: 'no account at all', raw: {...risky, userIdentity: {type: 'AWSService'}, recipientAccountId: null, responseElements: null}},
    {name: 'no Region', raw: {...risky, awsRegion: null}},
    {name: 'a long hostile peer account', raw: minimal({requestParameters: {vpcId: productionVpc, peerVpcId: peerVpc, peerOwnerId: `${'9'.repeat(80)}\n\tx`, peerRegion: 'eu-\u202Ewest-1'}})},
  ];
}

/** How a variant changes a record: the n-th field of its request or response (or the caller's account, Region…). */
export type Mutation = 'remove' | 'null' | 'empty' | 'pascal' | 'number' | 'list' | 'items' | 'object' | 'wrap' | 'pascalAll' | 'ownPeer' | 'sameRegion';

type Path = readonly string[];

function paths(value: Json | undefined, at: Path): Path[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => [[...at, key], ...paths(inner, [...at, key])]);
}

/** Apply change to the n-th path of the record (modulo their count). */
function atPath(raw: Obj, n: number, change: (parent: Obj, key: string) => void): Obj {
  const all = [...paths(raw['requestParameters'], ['requestParameters']), ...paths(raw['responseElements'], ['responseElements']), ['awsRegion'], ['recipientAccountId'], ['errorCode']];
  const path = all[n % all.length] ?? [];
  let parent: Json | undefined = raw;
  for (const key of path.slice(0, -1)) parent = typeof parent === 'object' && parent !== null && !Array.isArray(parent) ? parent[key] : undefined;
  const key = path.at(-1);
  if (typeof parent === 'object' && parent !== null && !Array.isArray(parent) && key !== undefined) change(parent, key);
  return raw;
}

const wrapSide = (raw: Obj, side: 'requestParameters' | 'responseElements', suffix: string): Obj =>
  typeof raw[side] === 'object' && raw[side] !== null ? {...raw, [side]: {[`${event}${suffix}`]: pascal(raw[side])}} : raw;

export const mutations: Readonly<Record<Mutation, (raw: Obj, n: number) => Obj>> = {
  remove: (raw, n) => atPath(raw, n, (p, k) => delete p[k]),
  null: (raw, n) => atPath(raw, n, (p, k) => (p[k] = null)),
  empty: (raw, n) => atPath(raw, n, (p, k) => (p[k] = '')),
  pascal: (raw, n) => atPath(raw, n, (p, k) => {
    const value = p[k];
    delete p[k];
    if (value !== undefined) p[k.charAt(0).toUpperCase() + k.slice(1)] = value;
  }),
  number: (raw, n) => atPath(raw, n, (p, k) => (p[k] = 444455556666)),
  list: (raw, n) => atPath(raw, n, (p, k) => (p[k] = [p[k] ?? null])),
  items: (raw, n) => atPath(raw, n, (p, k) => (p[k] = {items: [p[k] ?? null]})),
  object: (raw, n) => atPath(raw, n, (p, k) => (p[k] = {})),
  wrap: (raw, n) => (n % 2 === 0 ? wrapSide(raw, 'requestParameters', 'Request') : wrapSide(raw, 'responseElements', 'Response')),
  pascalAll: (raw, n) => {
    const side = n % 2 === 0 ? 'requestParameters' : 'responseElements';
    return raw[side] === undefined ? raw : {...raw, [side]: pascal(raw[side])};
  },
  ownPeer: (raw) => {
    const request = raw['requestParameters'];
    return typeof request === 'object' && request !== null && !Array.isArray(request) ? {...raw, requestParameters: {...request, peerOwnerId: account}} : raw;
  },
  sameRegion: (raw) => ({...raw, awsRegion: 'ap-southeast-1'}),
};

const tagged = (name: Json): Obj => ({Vpcs: [{VpcId: productionVpc, Tags: [{Key: 'Env', Value: 'prod'}, {Key: 'Name', Value: name}]}]});

/** Account states the findings read (their VPCs' Name tags). */
export function findingStates(readJson: ReadJson): Record<string, Obj | null> {
  const scenario = (id: string) => (readJson(`src/scenarios/builtin/${id}.json`) as {state: Obj}).state;
  return {
    none: null,
    'cross-account scenario': scenario('peering-cross-account-cross-region'),
    'same-account scenario': scenario('peering-shared-services-same-account'),
    empty: {},
    'Production-Core tag': tagged('Production-Core'),
    'sandbox tag': tagged('sandbox'),
    'tag of the wrong type': tagged(7),
    'Tags not a list': {Vpcs: [{VpcId: productionVpc, Tags: {Name: 'production'}}]},
    'Vpcs not a list': {Vpcs: {VpcId: productionVpc}},
  };
}

export const configs: Readonly<Record<string, FindingsConfig>> = {
  none: {},
  'known peer': {knownAccounts: [other]},
  'known: ours only': {knownAccounts: [account]},
  'sensitive by id': {sensitiveVpcs: [productionVpc]},
  'sensitive by upper-case id': {sensitiveVpcs: [productionVpc.toUpperCase()]},
  'sensitive accepter': {sensitiveVpcs: [peerVpc, 'vpc-0aaaabbbbccccdddd']},
  'sensitive by name': {sensitiveVpcs: ['production']},
  'sensitive by a name that does not match': {sensitiveVpcs: ['prod-eu']},
  'both lists': {knownAccounts: [other], sensitiveVpcs: ['PROD', productionVpc]},
  'odd lists': {knownAccounts: ['', 5, null] as unknown as string[], sensitiveVpcs: ['', 7] as unknown as string[]},
  'lists that are strings': {knownAccounts: other as unknown as string[], sensitiveVpcs: productionVpc as unknown as string[]},
};

/** States isResolved reads: the connection with each status, gone, absent, or oddly written. */
export function resolvedStates(pcx: string): Record<string, Obj> {
  const withCode = (code: Json): Obj => ({VpcPeeringConnections: [{VpcPeeringConnectionId: pcx, Status: {Code: code}}]});
  const codes = ['pending-acceptance', 'initiating-request', 'provisioning', 'active', 'deleting', 'deleted', 'rejected', 'expired', 'failed', 'quarantined'];
  return {
    ...Object.fromEntries(codes.map((code) => [code, withCode(code)])),
    'code of the wrong type': withCode(5),
    'status as text': {VpcPeeringConnections: [{VpcPeeringConnectionId: pcx, Status: 'deleted'}]},
    'gone from the listing': {VpcPeeringConnections: []},
    'only another connection': {VpcPeeringConnections: [{VpcPeeringConnectionId: 'pcx-0fedcba9876543210', Status: {Code: 'deleted'}}]},
    'not in the state at all': {},
    'connections not a list': {VpcPeeringConnections: {VpcPeeringConnectionId: pcx}},
  };
}

const peeringOptions = {AllowDnsResolutionFromRemoteVpc: false, AllowEgressFromLocalClassicLinkToRemoteVpc: false, AllowEgressFromLocalVpcToRemoteClassicLink: false};

function connection(pcx: string, code: string, message: string, extra: Obj = {}): Obj {
  return {
    VpcPeeringConnectionId: pcx, Status: {Code: code, Message: message}, ExpirationTime: new Date('2025-03-21T23:07:45.000Z') as unknown as string,
    RequesterVpcInfo: {OwnerId: account, VpcId: productionVpc, Region: 'us-east-1', CidrBlock: '10.20.0.0/16', CidrBlockSet: [{CidrBlock: '10.20.0.0/16'}], PeeringOptions: peeringOptions},
    AccepterVpcInfo: {OwnerId: other, VpcId: peerVpc, Region: 'ap-southeast-1'},
    Tags: [], ...extra,
  };
}

const output = (...connections: Obj[]): unknown => ({$metadata: {httpStatusCode: 200}, VpcPeeringConnections: connections});

/** DescribeVpcPeeringConnections answers for a connection ID (Dates as the SDK gives them). */
export const answers: Readonly<Record<string, (pcx: string) => unknown>> = {
  'pending acceptance': (pcx) => output(connection(pcx, 'pending-acceptance', `Pending Acceptance by ${other}`)),
  'active with more blocks': (pcx) => output(connection(pcx, 'active', 'Active', {
    RequesterVpcInfo: {OwnerId: account, VpcId: productionVpc, Region: 'us-east-1', CidrBlock: '10.20.0.0/16', CidrBlockSet: [{CidrBlock: '10.20.0.0/16'}, {CidrBlock: '10.21.0.0/16'}], PeeringOptions: {...peeringOptions, AllowDnsResolutionFromRemoteVpc: true}},
    AccepterVpcInfo: {OwnerId: other, VpcId: peerVpc, Region: 'ap-southeast-1', CidrBlock: '10.99.0.0/16', CidrBlockSet: [{CidrBlock: '10.99.0.0/16'}], Ipv6CidrBlockSet: [{Ipv6CidrBlock: '2600:1f18:abcd:1200::/56'}]},
  })),
  deleted: (pcx) => output(connection(pcx, 'deleted', `Deleted by ${account}`)),
  rejected: (pcx) => output(connection(pcx, 'rejected', `Rejected by ${other}`)),
  expired: (pcx) => output(connection(pcx, 'expired', 'Expired')),
  failed: (pcx) => output(connection(pcx, 'failed', 'Overlapping CIDR range')),
  'failed without a message': (pcx) => output(connection(pcx, 'failed', '')),
  'initiating request': (pcx) => output(connection(pcx, 'initiating-request', 'Initiating Request')),
  provisioning: (pcx) => output(connection(pcx, 'provisioning', 'Provisioning')),
  deleting: (pcx) => output(connection(pcx, 'deleting', 'Deleting')),
  'another accepter': (pcx) => output(connection(pcx, 'pending-acceptance', 'Pending Acceptance by 999988887777', {AccepterVpcInfo: {OwnerId: '999988887777', VpcId: peerVpc, Region: 'ap-southeast-1'}})),
  'another accepter VPC and Region': (pcx) => output(connection(pcx, 'active', 'Active', {AccepterVpcInfo: {OwnerId: other, VpcId: 'vpc-0aaaabbbbccccdddd', Region: 'eu-west-1'}})),
  'same account': (pcx) => output({VpcPeeringConnectionId: pcx, Status: {Code: 'pending-acceptance'}, RequesterVpcInfo: {OwnerId: account, VpcId: productionVpc, CidrBlock: '10.30.0.0/16'}, AccepterVpcInfo: {OwnerId: account, VpcId: peerVpc, Region: 'eu-west-1'}}),
  'no accepter owner': (pcx) => output({VpcPeeringConnectionId: pcx, Status: {Code: 'pending-acceptance'}, ExpirationTime: 1742697105000, RequesterVpcInfo: {OwnerId: account}}),
  'no connection': () => output(),
  'another connection only': () => output(connection('pcx-0fedcba9876543210', 'active', 'Active')),
  'no status': (pcx) => ({VpcPeeringConnections: [{VpcPeeringConnectionId: pcx}]}),
  'an unknown status': (pcx) => ({VpcPeeringConnections: [{VpcPeeringConnectionId: pcx, Status: {Code: 'quarantined'}}]}),
  'wrong types everywhere': (pcx) => ({VpcPeeringConnections: [{VpcPeeringConnectionId: pcx, Status: 'active', ExpirationTime: 'soon', RequesterVpcInfo: [], AccepterVpcInfo: {CidrBlockSet: 'x', Ipv6CidrBlockSet: [null]}}]}),
  'status code of the wrong type': (pcx) => ({VpcPeeringConnections: [{VpcPeeringConnectionId: pcx, Status: {Code: 7}, ExpirationTime: Number.MAX_VALUE}]}),
  'duplicate and odd blocks': (pcx) => output(connection(pcx, 'active', 'Active', {RequesterVpcInfo: {OwnerId: account, CidrBlock: '10.20.0.0/16', CidrBlockSet: [{CidrBlock: '10.20.0.0/16'}, {CidrBlock: ''}, {CidrBlock: 5}, 'x'], Ipv6CidrBlockSet: [{Ipv6CidrBlock: '2600:1f18::/56'}, {Ipv6CidrBlock: '2600:1f18::/56'}], PeeringOptions: {AllowDnsResolutionFromRemoteVpc: 'true'}}})),
  'undefined': () => undefined,
  'null': () => null,
  'zero': () => 0,
  'text': () => 'text',
  'empty list': () => [],
  'empty object': () => ({}),
  'metadata only': () => ({$metadata: {}}),
  'list of an empty object': () => [{}],
  'a Date': () => new Date(0),
};

export const codes: readonly string[] = ['InvalidVpcPeeringConnectionID.NotFound', 'InvalidVpcPeeringConnectionId.Malformed', 'UnauthorizedOperation', 'Throttling', ''];
