// The inputs of test/engine/CreateSecurityGroup.differential.test.ts: every CreateSecurityGroup record
// the repository holds (fixtures, training scenarios, the records the facts, findings and Now tests
// build), fast-check variants of them (fields removed, wrapped, PascalCase, null'ed, odd values, other
// callers), and account states and DescribeSecurityGroups answers, hand-written and generated.
import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import type {JsonObject} from '../src/events/record.js';
import {scenarios} from '../src/scenarios/index.js';

type Json = unknown;
type Obj = Record<string, unknown>;

export const groupId = 'sg-0123456789abcdef0';
export const vpcId = 'vpc-0123456789abcdef0';
const account = '111122223333';

const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')) as unknown;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A minimal successful record by an assumed role on the CLI (as test/findings/helpers.ts builds one). */
function minimal(fields: Obj): JsonObject {
  return {
    eventName: 'CreateSecurityGroup', eventSource: 'ec2.amazonaws.com', awsRegion: 'us-east-1', sourceIPAddress: '192.0.2.10',
    userAgent: 'aws-cli/2.24.22 md/awscrt#0.23.8 ua/2.1 os/linux', recipientAccountId: account,
    userIdentity: {type: 'AssumedRole', arn: `arn:aws:sts::${account}:assumed-role/ops/alice`, accountId: account, accessKeyId: 'ASIAEXAMPLEEXAMPLE01', sessionContext: {attributes: {mfaAuthenticated: 'true'}}},
    requestParameters: {}, responseElements: {}, ...fields,
  };
}

export interface Base {
  readonly name: string;
  readonly raw: JsonObject;
  readonly state?: JsonObject;
}

export function baseRecords(): Base[] {
  const fixtures = (['risky', 'benign', 'failed'] as const).map((v) => ({name: `fixture ${v}`, raw: readJson(`test/fixtures/events/CreateSecurityGroup/${v}.json`) as JsonObject}));
  const fromScenarios = scenarios.filter((s) => s.event['eventName'] === 'CreateSecurityGroup').map((s) => ({name: `scenario ${s.id}`, raw: s.event, state: s.state as JsonObject}));
  const logged = (readJson('test/fixtures/aws/cloudtrail/records.json') as JsonObject[]).filter((r) => r['eventName'] === 'CreateSecurityGroup').map((raw, i) => ({name: `aws cloudtrail record ${i}`, raw}));
  const risky = fromScenarios[0]?.raw ?? {};
  const withName = (groupName: string, more: Obj = {}) => minimal({requestParameters: {groupName, vpcId}, ...more});
  const built: Base[] = [
    {name: 'no VPC in the request', raw: minimal({requestParameters: {groupName: 'x', groupDescription: 'x'}})},
    {name: 'launch-wizard-3 from the CLI', raw: withName('launch-wizard-3')},
    {name: 'launch-wizard-3 from the console', raw: withName('launch-wizard-3', {sessionCredentialFromConsole: 'true'})},
    {name: 'ElasticMapReduce-master by a user', raw: withName('ElasticMapReduce-master')},
    {name: 'ElasticMapReduce-master by EMR', raw: withName('ElasticMapReduce-master', {userAgent: 'elasticmapreduce.amazonaws.com'})},
    {name: 'AWS-OpsWorks-Web by a user', raw: withName('AWS-OpsWorks-Web')},
    {name: "the default group's description", raw: minimal({requestParameters: {groupName: 'sg1', groupDescription: 'default VPC security group', vpcId}})},
    {name: 'defaults-review', raw: withName('defaults-review')},
    ...['sg-0123456789abcdef0 --profile prod', 'sg-0123456789ABCDEF0', 'sg-0123456789', 'vpc-0123456789abcdef0'].map((bad) => ({name: `invalid group ID ${bad}`, raw: {...risky, responseElements: {_return: true, groupId: bad}}})),
    {name: 'requestParameters not an object', raw: {eventName: 'CreateSecurityGroup', eventSource: 'ec2.amazonaws.com', requestParameters: 'oops', responseElements: {groupId}}},
    {name: 'fields of the wrong type', raw: {eventName: 'CreateSecurityGroup', eventSource: 'ec2.amazonaws.com', requestParameters: {groupName: {}, vpcId: [vpcId], groupDescription: null}}},
    {name: 'null request and response', raw: {eventName: 'CreateSecurityGroup', eventSource: 'ec2.amazonaws.com', requestParameters: null, responseElements: null}},
    {name: 'a refused call', raw: minimal({errorCode: 'Client.InvalidParameterValue', errorMessage: 'x', requestParameters: {groupName: 'default-ssh'}, responseElements: null})},
  ];
  return [...fixtures, ...fromScenarios, ...logged, ...built];
}

// Edits a variant applies to a record (the argument picks among values).
const pick = <T>(list: readonly T[], at: number): T => list[at % list.length] as T;
const pascal = (o: Obj): Obj => Object.fromEntries(Object.entries(o).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), v]));
const names = ['default', 'default-ssh', 'Default_web', 'defaults-review', 'DEFAULT', '  default ', 'launch-wizard-12', 'launch-wizard-x', 'ElasticMapReduce-slave', 'eks-cluster-sg-prod-1', 'AWS-OpsWorks-Web', 'aws_backup', 'web', '', 'a\nb\tc  very long group name that goes on and on', 5, true, {}, null];
const descriptions = ['default VPC security group', 'Default vpc security group ', 'launch-wizard-2 created 2025-04-02T23:51:08.317Z', 'launch-wizard-2 created', 'PostgreSQL', '', 7, null];
const groupIds = [groupId, 'sg-0abcdef0123456789', 'sg-0123abcd', 'sg-0123456789ABCDEF0', 'sg-x', '', 12, null];
const vpcIds = [vpcId, 'vpc-0abcdef0123456789', 'vpc-x', '', null];
const userAgents = ['elasticmapreduce.amazonaws.com', 'eks.amazonaws.com', 'console.amazonaws.com', 'Boto3/1.34', 5, ''];
const identities: Obj[] = [
  {type: 'AWSService', invokedBy: 'eks.amazonaws.com'},
  {type: 'AWSService', invokedBy: 'elasticmapreduce.amazonaws.com'},
  {type: 'AssumedRole', arn: `arn:aws:sts::${account}:assumed-role/EMR_EC2_DefaultRole/i-1`, accountId: account, sessionContext: {sessionIssuer: {userName: 'EMR_EC2_DefaultRole'}}},
  {type: 'AssumedRole', arn: `arn:aws:sts::${account}:assumed-role/AWSServiceRoleForEMRCleanup/x`, accountId: account},
  {type: 'AssumedRole', arn: `arn:aws:sts::${account}:assumed-role/my-eks-nodes/x`, accountId: account},
  {type: 'IAMUser', userName: 'bob', accessKeyId: 'AKIAEXAMPLE'},
  {type: 'Root', invokedBy: ['eks.amazonaws.com']},
];

type Edit = (raw: Obj, at: number) => Obj;
const onSide = (side: 'requestParameters' | 'responseElements', change: (o: Obj, at: number) => Json): Edit => (raw, at) => ({...raw, [side]: isObj(raw[side]) ? change(raw[side], at) : raw[side]});
const setIn = (side: 'requestParameters' | 'responseElements', key: string, values: readonly Json[]): Edit => (raw, at) => ({...raw, [side]: {...(isObj(raw[side]) ? raw[side] : {}), [key]: pick(values, at)}});

export const edits: Readonly<Record<string, Edit>> = {
  'remove a request field': onSide('requestParameters', (o, at) => Object.fromEntries(Object.entries(o).filter((_, i, all) => i !== at % all.length))),
  'remove a response field': onSide('responseElements', (o, at) => Object.fromEntries(Object.entries(o).filter((_, i, all) => i !== at % all.length))),
  'request odd': (raw, at) => ({...raw, requestParameters: pick([null, 'oops', [], {}, undefined], at)}),
  'response odd': (raw, at) => ({...raw, responseElements: pick([null, 'oops', [], {}, undefined], at)}),
  'request PascalCase': onSide('requestParameters', pascal),
  'response PascalCase': onSide('responseElements', pascal),
  'request wrapped': onSide('requestParameters', (o, at) => ({CreateSecurityGroupRequest: at % 2 === 0 ? pascal(o) : o})),
  'response wrapped': onSide('responseElements', (o, at) => ({CreateSecurityGroupResponse: at % 2 === 0 ? pascal(o) : o})),
  'group name': setIn('requestParameters', 'groupName', names),
  'description': setIn('requestParameters', 'groupDescription', descriptions),
  'VPC': setIn('requestParameters', 'vpcId', vpcIds),
  'group ID': setIn('responseElements', 'groupId', groupIds),
  'user agent': (raw, at) => ({...raw, userAgent: pick(userAgents, at)}),
  'source address': (raw, at) => ({...raw, sourceIPAddress: pick(['eks.amazonaws.com', '203.0.113.9', 'AWS Internal'], at)}),
  'caller': (raw, at) => ({...raw, userIdentity: pick(identities, at)}),
  'console session': (raw, at) => ({...raw, sessionCredentialFromConsole: pick(['true', 'false', true], at)}),
  'failed': (raw, at) => ({...raw, errorCode: pick(['Client.UnauthorizedOperation', 'Client.DryRunOperation', ''], at), errorMessage: 'no'}),
};

export function variants(bases: readonly Base[], count: number): Base[] {
  const editNames = Object.keys(edits);
  const sampled = fc.sample(fc.record({base: fc.nat(), steps: fc.array(fc.tuple(fc.nat(), fc.nat()), {minLength: 1, maxLength: 3})}), {seed: 1414, numRuns: count});
  return sampled.map(({base, steps}, n) => {
    const from = pick(bases, base);
    let raw: Obj = structuredClone(from.raw);
    const applied = steps.map(([which, at]) => {
      const name = pick(editNames, which);
      raw = edits[name]?.(raw, at) ?? raw;
      return name;
    });
    return {name: `variant ${n} of ${from.name}: ${applied.join(', ')}`, raw: JSON.parse(JSON.stringify(raw)) as JsonObject};
  });
}

// States and answers.
const tcp = (from: number, cidr: string, to = from): Obj =>
  cidr.includes(':') ? {IpProtocol: 'tcp', FromPort: from, ToPort: to, Ipv6Ranges: [{CidrIpv6: cidr}]} : {IpProtocol: 'tcp', FromPort: from, ToPort: to, IpRanges: [{CidrIp: cidr}]};
const withRules = (...permissions: Obj[]): JsonObject => ({SecurityGroups: [{GroupId: groupId, VpcId: vpcId, IpPermissions: permissions}]} as JsonObject);

/** The states of the findings tests (test/findings/CreateSecurityGroup.test.ts and odd-input.test.ts). */
export const fixedStates: readonly JsonObject[] = [
  withRules(tcp(22, '0.0.0.0/0')), withRules(tcp(20, '::/0', 25)), withRules(tcp(22, '203.0.113.0/24')), withRules({IpProtocol: '-1', IpRanges: [{CidrIp: '0.0.0.0/0'}]}),
  withRules(tcp(3389, '0.0.0.0/1')), withRules(tcp(3389, '198.51.100.0/24')), withRules(tcp(5432, '0.0.0.0/0')), withRules(tcp(6379, '::/0')), withRules(tcp(8080, '0.0.0.0/0')),
  withRules(tcp(0, '::/0', 65535)), withRules({IpProtocol: 'tcp', IpRanges: [{CidrIp: '0.0.0.0/0'}]}), withRules({IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{CidrIp: '0.0.0.0/0'}]}),
  {SecurityGroups: [{GroupId: 'sg-0abcdef0123456789', IpPermissions: [tcp(443, '0.0.0.0/0')]}]} as JsonObject, withRules({IpProtocol: 'icmp', FromPort: 8, ToPort: -1, IpRanges: [{CidrIp: '0.0.0.0/0'}]}),
  withRules({IpProtocol: '50', IpRanges: [{CidrIp: '0.0.0.0/0'}]}), withRules(tcp(443, '10.0.0.0/8')), withRules(tcp(22, '0.0.0.0/0'), tcp(443, '10.0.0.0/8')),
  {Vpcs: [{VpcId: vpcId, IsDefault: true}]}, {Vpcs: [{VpcId: vpcId, IsDefault: false}]}, {SecurityGroups: []}, {Vpcs: []},
  {SecurityGroups: 'x', Vpcs: [null, 3, {VpcId: 5, CidrBlockAssociationSet: 'y'}], RouteTables: [{RouteTableId: 'rtb-1', Routes: {}}]},
];

const ssh = (cidr: string): Obj => ({IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: cidr}], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: []});

/** The DescribeSecurityGroups answers of test/aws/now/CreateSecurityGroup.test.ts, as their JSON. */
export function nowTestAnswers(): Json[] {
  const output = (permissions: Obj[]): Obj => ({
    $metadata: {httpStatusCode: 200, requestId: '1b8c6d9e-0000-4000-8000-000000000001'},
    SecurityGroups: [{
      GroupId: groupId, GroupName: 'default-ssh', Description: 'default ssh access', OwnerId: account, VpcId: vpcId,
      SecurityGroupArn: `arn:aws:ec2:us-east-1:${account}:security-group/${groupId}`, IpPermissions: permissions,
      IpPermissionsEgress: [{IpProtocol: '-1', IpRanges: [{CidrIp: '0.0.0.0/0'}], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: []}],
    }],
  });
  return [
    output([{IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '0.0.0.0/0', Description: 'temp'}, {CidrIp: '10.0.0.0/8'}], Ipv6Ranges: [{CidrIpv6: '::/0'}], PrefixListIds: [], UserIdGroupPairs: []},
      {IpProtocol: '-1', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{GroupId: 'sg-0aaaabbbbccccdddd', UserId: account}]}]),
    output([{IpProtocol: 'tcp', FromPort: 1000, ToPort: 2000, IpRanges: [{CidrIp: '0.0.0.0/0'}]}, {IpProtocol: '-1', IpRanges: [{CidrIp: '0.0.0.0/0'}]}]),
    output([ssh('10.20.0.0/16')]),
    output([]),
    output([{IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, IpRanges: [{CidrIp: '0.0.0.0/1'}, {CidrIp: '128.0.0.0/1'}]}]),
    output([{IpProtocol: 'tcp', FromPort: 443, ToPort: 443, UserIdGroupPairs: [{GroupId: 'sg-0fedcba9876543210', UserId: '444455556666'}]},
      {IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, PrefixListIds: [{PrefixListId: 'pl-0123456789abcdef0'}]}]),
    {$metadata: {}, SecurityGroups: []},
    null, 0, 'text', [], {}, {$metadata: {}}, [{}], new Date(0).toISOString(),
    {SecurityGroups: groupId}, {SecurityGroups: [null, 5, 'x', []]}, {SecurityGroups: [{GroupId: groupId, IpPermissions: {}}]},
    {SecurityGroups: [{GroupId: groupId, IpPermissions: [null, {IpRanges: 'x'}, {IpProtocol: 6, FromPort: '22', IpRanges: [{CidrIp: 5}, null, {CidrIp: 'garbage'}], UserIdGroupPairs: [{}]}]}]},
  ];
}

// Generated groups: protocols, ports and sources as EC2 writes them, and odd values.
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, {nil: undefined, freq: 4});
const cidr4 = fc.constantFrom('0.0.0.0/0', '0.0.0.0/1', '128.0.0.0/1', '1.0.0.0/7', '10.0.0.0/8', '203.0.113.7/32', '198.51.100.0/24', ' 0.0.0.0/0 ', 'garbage', 'garbage/0', '0.0.0.0', '', 5, null);
const cidr6 = fc.constantFrom('::/0', '2000::/3', '::/4', '::/5', '2001:db8::/32', '::/129', 'x::/0', '');
const port = fc.constantFrom(undefined, -1, 0, 1, 8, 22, 80, 443, 1000, 1433, 3306, 3389, 5432, 6379, 9200, 27017, 65535, '22', 3.5);
const odd = fc.constantFrom(null, 5, 'x');
const listOf = <T>(arb: fc.Arbitrary<T>) => fc.oneof({weight: 8, arbitrary: fc.array(fc.oneof({weight: 6, arbitrary: arb}, {weight: 1, arbitrary: odd}), {maxLength: 3})}, {weight: 1, arbitrary: fc.constantFrom({}, 'x', undefined)});
const permission = fc.record({
  IpProtocol: fc.constantFrom('-1', 'tcp', 'TCP', '6', 'udp', '17', 'icmp', '1', 'icmpv6', '58', '50', 'all', 'ALL', '', undefined, 6),
  FromPort: port, ToPort: port,
  IpRanges: listOf(fc.record({CidrIp: cidr4})),
  Ipv6Ranges: listOf(fc.record({CidrIpv6: cidr6})),
  PrefixListIds: listOf(fc.record({PrefixListId: fc.constantFrom('pl-0123456789abcdef0', '')})),
  UserIdGroupPairs: listOf(fc.record({GroupId: maybe(fc.constantFrom('sg-0fedcba9876543210', '')), UserId: maybe(fc.constantFrom(account, '444455556666', ''))})),
});
const group = (id: Json) => fc.record({GroupId: fc.constantFrom(id, id, 'sg-0fedcba9876543210'), OwnerId: maybe(fc.constantFrom(account, '444455556666')), VpcId: fc.constant(vpcId), IpPermissions: listOf(permission)});

/** count generated states for a group ID: a few groups (the event's mostly), and maybe VPCs. */
export function generatedStates(id: Json, vpc: Json, count: number, seed: number): JsonObject[] {
  const vpcs = fc.array(fc.record({VpcId: fc.constantFrom(vpc, 'vpc-0abcdef0123456789'), IsDefault: fc.constantFrom(true, false, 'true')}), {maxLength: 2});
  const state = fc.record({SecurityGroups: fc.oneof({weight: 6, arbitrary: fc.array(group(id), {minLength: 1, maxLength: 2})}, {weight: 1, arbitrary: fc.constant(undefined)}), Vpcs: maybe(vpcs)});
  return fc.sample(state, {seed, numRuns: count}).map((s) => JSON.parse(JSON.stringify(s)) as JsonObject);
}
