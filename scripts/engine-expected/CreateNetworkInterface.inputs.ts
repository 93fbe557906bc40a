// The inputs of CreateNetworkInterface's differential fixture: every record of this event the
// repository holds (fixtures, training scenarios, the records the findings, Now and facts tests
// build), the states and Describe answers those tests use, and the edits that matter to its rules.
import {readFileSync} from 'node:fs';
import type {JsonObject} from '../../src/events/record.js';
import type {FindingsConfig} from '../../src/findings/finding.js';
import {scenarioById} from '../../src/scenarios/index.js';
import type {RecordEdit} from '../../test/engine/record-variants.js';

const eventName = 'CreateNetworkInterface';
const account = '111122223333';
const otherAccount = '444455556666';
const eniId = 'eni-0abcdef0123456789';
const subnetId = 'subnet-0123456789abcdef0';

function fixture(variant: string): JsonObject {
  return JSON.parse(readFileSync(new URL(`../../test/fixtures/events/${eventName}/${variant}.json`, import.meta.url), 'utf8')) as JsonObject;
}

function scenarioEvent(id: string): JsonObject {
  const found = scenarioById(id);
  if (found === undefined) throw new Error(`no scenario ${id}`);
  return found.event;
}

/** As test/findings/helpers.ts record(): a successful call by an assumed role on the CLI. */
function record(fields: JsonObject): JsonObject {
  return {
    eventName, eventSource: 'ec2.amazonaws.com', awsRegion: 'us-east-1', sourceIPAddress: '192.0.2.10', userAgent: 'aws-cli/2.24.22 md/awscrt#0.23.8 ua/2.1 os/linux',
    recipientAccountId: account,
    userIdentity: {type: 'AssumedRole', arn: `arn:aws:sts::${account}:assumed-role/ops/alice`, accountId: account, accessKeyId: 'ASIAEXAMPLEEXAMPLE01', sessionContext: {attributes: {mfaAuthenticated: 'true'}}},
    requestParameters: {}, responseElements: {}, ...fields,
  };
}

/** As the findings test's madeBy(): the identity and the response's interface chosen. */
const madeBy = (userIdentity: JsonObject, networkInterface: JsonObject = {}) => record({
  userIdentity: {accountId: account, ...userIdentity},
  requestParameters: {subnetId},
  responseElements: {networkInterface: {networkInterfaceId: eniId, subnetId, requesterManaged: false, ...networkInterface}},
});

export const scenarioIds = ['eni-public-group-unusual-principal', 'eni-efs-mount-target', 'eni-failed-subnet-full'];

export const bases: Readonly<Record<string, JsonObject>> = {
  'fixture-risky': fixture('risky'),
  'fixture-benign': fixture('benign'),
  'fixture-failed': fixture('failed'),
  ...Object.fromEntries(scenarioIds.map((id) => [`scenario-${id}`, scenarioEvent(id)])),
  'requester-managed-role': madeBy({type: 'AssumedRole'}, {requesterManaged: true}),
  'public-ip-in-response': madeBy({type: 'AssumedRole'}, {association: {publicIp: '198.51.100.8'}}),
  'root': madeBy({type: 'Root'}),
  'role': madeBy({type: 'AssumedRole'}),
  'aws-service-managed': madeBy({type: 'AWSService', invokedBy: 'lambda.amazonaws.com'}, {requesterManaged: 'true', interfaceType: 'lambda'}),
  'empty-sets-lone-item': {
    eventName, eventSource: 'ec2.amazonaws.com',
    requestParameters: {subnetId, groupSet: {items: {groupId: 'sg-0123456789abcdef0'}}, privateIpAddressesSet: {}},
    responseElements: {networkInterface: {groupSet: {}, privateIpAddressesSet: {}, tagSet: {}}},
  },
  'wrong-types-everywhere': {eventName, eventSource: 'ec2.amazonaws.com', userIdentity: 'root', requestParameters: [1, 2], responseElements: {networkInterface: 'eni'}, userAgent: 5, sourceIPAddress: {}},
  'hostile-interface-id': {...scenarioEvent('eni-public-group-unusual-principal'), responseElements: {networkInterface: {networkInterfaceId: `${eniId}\n--region eu-west-1`}}},
};

/** The scenario a base comes from (its sandbox account is the scenario's), by base name. */
export const scenarioOfBase = (base: string): string | undefined => scenarioIds.find((id) => base === `scenario-${id}`);

const publicWeb = {GroupId: 'sg-0fedcba9876543210', GroupName: 'public-web', IpPermissions: [{IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{CidrIp: '0.0.0.0/0'}]}]};
const quarantine = {GroupId: 'sg-quarantine', GroupName: 'quarantine', IpPermissions: []};
const eni = (fields: JsonObject = {}): JsonObject => ({NetworkInterfaceId: eniId, ...fields});

export const states: Readonly<Record<string, JsonObject>> = {
  'subnet-of-another-account': {Subnets: [{SubnetId: subnetId, OwnerId: otherAccount}]},
  'subnet-of-this-account': {Subnets: [{SubnetId: subnetId, OwnerId: account}]},
  'interface-with-public-ip': {NetworkInterfaces: [eni({Association: {PublicIp: '198.51.100.7'}})]},
  'interface-private': {NetworkInterfaces: [eni()]},
  'public-web-open': {SecurityGroups: [publicWeb]},
  'public-web-vpc-only': {SecurityGroups: [{...publicWeb, IpPermissions: [{IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{CidrIp: '10.0.0.0/8'}]}]}]},
  'still-in-open-group': {SecurityGroups: [publicWeb, quarantine], NetworkInterfaces: [eni({Groups: [{GroupId: 'sg-0fedcba9876543210'}]})]},
  'moved-to-quarantine': {SecurityGroups: [publicWeb, quarantine], NetworkInterfaces: [eni({Groups: [{GroupId: 'sg-quarantine'}]})]},
  'moved-to-unknown-group': {SecurityGroups: [publicWeb], NetworkInterfaces: [eni({Groups: [{GroupId: 'sg-unknown'}]})]},
  'deleted': {SecurityGroups: [publicWeb], NetworkInterfaces: []},
  'second-group-open-to-ipv6': {
    SecurityGroups: [{...publicWeb, IpPermissions: []}, {GroupId: 'sg-0123456789abcdef0', GroupName: 'a group name longer than twenty characters', IpPermissions: [{IpProtocol: '-1', IpRanges: [{CidrIp: '10.0.0.0/8'}], Ipv6Ranges: [{CidrIpv6: '2001:db8::/32'}, {CidrIpv6: '::/0'}]}]}],
    NetworkInterfaces: [eni({Groups: [{GroupId: 'sg-0fedcba9876543210'}, {GroupId: 'sg-0123456789abcdef0'}]})],
  },
  'service-interface-in-shared-subnet': {
    NetworkInterfaces: [{NetworkInterfaceId: 'eni-0fedcba9876543210', RequesterManaged: true, RequesterId: '555566667777', Groups: [{GroupId: 'sg-0abcdef0123456789'}]}],
    Subnets: [{SubnetId: 'subnet-0abcdef0123456789', OwnerId: otherAccount}],
  },
  'odd-types': {
    NetworkInterfaces: [eni({Association: {PublicIp: 5}, Groups: 'x'})],
    SecurityGroups: [{GroupId: 'sg-0fedcba9876543210', GroupName: 7, IpPermissions: [{IpProtocol: 'tcp', IpRanges: [{CidrIp: 'nonsense'}, {CidrIp: '0.0.0.0/1'}]}]}],
    Subnets: [{SubnetId: subnetId, OwnerId: 12}],
  },
};

const association = {AllocationId: 'eipalloc-0123456789abcdef0', AssociationId: 'eipassoc-0123456789abcdef0', IpOwnerId: account, PublicIp: '203.0.113.25', PublicDnsName: 'ec2-203-0-113-25.compute-1.amazonaws.com'};

/** As the Now test's eni(): the risky scenario's interface as created (available, unattached). */
const described = (fields: JsonObject = {}): JsonObject => ({
  NetworkInterfaceId: eniId, SubnetId: subnetId, VpcId: 'vpc-0abcdef0123456789', AvailabilityZone: 'us-east-1a', Description: 'tmp', OwnerId: account,
  RequesterManaged: false, Status: 'available', MacAddress: '0e:12:34:56:78:9a', PrivateIpAddress: '10.20.1.57', PrivateDnsName: 'ip-10-20-1-57.ec2.internal',
  SourceDestCheck: true, InterfaceType: 'interface', Groups: [{GroupId: 'sg-0fedcba9876543210', GroupName: 'public-web'}],
  PrivateIpAddresses: [{PrivateIpAddress: '10.20.1.57', PrivateDnsName: 'ip-10-20-1-57.ec2.internal', Primary: true}], Ipv6Addresses: [], TagSet: [], ...fields,
});
const answer = (...interfaces: JsonObject[]): JsonObject => ({$metadata: {httpStatusCode: 200}, NetworkInterfaces: interfaces});
const attachment = (fields: JsonObject): JsonObject => ({AttachmentId: 'eni-attach-0123456789abcdef0', DeviceIndex: 1, InstanceId: 'i-0123456789abcdef0', InstanceOwnerId: account, Status: 'attached', ...fields});

export const answers: Readonly<Record<string, unknown>> = {
  'as-created': answer(described()),
  'attached-elastic-ip-groups-changed': answer(described({
    Status: 'in-use', Attachment: attachment({AttachTime: '2025-03-16T02:29:51.000Z', DeleteOnTermination: false, NetworkCardIndex: 0}), Association: association,
    PrivateIpAddresses: [{PrivateIpAddress: '10.20.1.57', Primary: true, Association: association}],
    Groups: [{GroupId: 'sg-0fedcba9876543210', GroupName: 'public-web'}, {GroupId: 'sg-0aaaabbbbccccdddd', GroupName: 'admin-ssh'}], SourceDestCheck: false,
  })),
  'attaching-to-another-account-ipv6': answer(described({
    Status: 'in-use', Attachment: attachment({DeviceIndex: 2, InstanceId: 'i-0fedcba9876543210', InstanceOwnerId: otherAccount, Status: 'attaching'}),
    PrivateIpAddresses: [{PrivateIpAddress: '10.20.1.57', Primary: true}, {PrivateIpAddress: '10.20.1.58', Primary: false, Association: {PublicIp: '198.51.100.9', IpOwnerId: 'amazon'}}],
    Ipv6Addresses: [{Ipv6Address: '2600:1f18:abcd:1201::15', IsPrimaryIpv6: false}, {Ipv6Address: '2600:1f18:abcd:1201::15'}],
  })),
  'detaching': answer(described({Status: 'detaching', Attachment: attachment({Status: 'detaching'})})),
  'detached': answer(described({Attachment: attachment({Status: 'detached'})})),
  'service-attached': answer(described({
    NetworkInterfaceId: 'eni-0fedcba9876543210', RequesterManaged: true, RequesterId: '555566667777', Status: 'in-use',
    Attachment: {AttachmentId: 'ela-attach-0123456789abcdef0', DeviceIndex: 1, InstanceOwnerId: 'amazon-aws', Status: 'attached'},
    Groups: [{GroupId: 'sg-0abcdef0123456789', GroupName: 'efs-clients'}],
  })),
  'attached-unknown-owner-carrier-ip': answer(described({
    Attachment: {Status: 'attached'}, RequesterManaged: true, Association: {CarrierIp: '198.51.100.50', PublicIp: '198.51.100.51'},
    PrivateIpAddresses: [{Association: {PublicIp: '198.51.100.50', AllocationId: 'eipalloc-0fedcba9876543210'}}, {Association: {PublicIp: '198.51.100.52', AllocationId: 'eipalloc-0fedcba9876543210'}}],
    Groups: [{GroupName: 'no-id'}, {GroupId: 'sg-0fedcba9876543210'}],
  })),
  'attached-to-another-service-resource': answer(described({Status: 'in-use', Attachment: {AttachmentId: 'ela-attach-0fedcba9876543210', InstanceOwnerId: 'amazon-elb', Status: 'attached'}})),
  'another-interface-only': answer(described({NetworkInterfaceId: 'eni-0fedcba9876543210'})),
  'wrong-types': {NetworkInterfaces: [{NetworkInterfaceId: eniId, Status: 5, Attachment: [], Association: 'x', PrivateIpAddresses: [null, {Association: null}], Groups: {GroupId: 'sg-0fedcba9876543210'}, Ipv6Addresses: 'none', RequesterManaged: 'true', SourceDestCheck: 'false'}]},
  'null': null, 'zero': 0, 'text': 'text', 'list': [], 'object': {}, 'metadata-only': {$metadata: {}}, 'list-of-object': [{}], 'date': '1970-01-01T00:00:00.000Z',
};

export const configs: Readonly<Record<string, FindingsConfig>> = {none: {}, known: {knownAccounts: [otherAccount]}};

export const errorCodes = ['InvalidNetworkInterfaceID.NotFound', 'InvalidNetworkInterfaceID.Malformed', 'UnauthorizedOperation'];

const ni = ['responseElements', 'networkInterface'];

/** Edits its rules care about: who made the call, a failed call, a recorded public IP, requester-managed. */
export const specialEdits: readonly RecordEdit[] = [
  ...['Root', 'IAMUser', 'AWSService', 'AssumedRole'].map((type) => ({op: 'set', path: ['userIdentity', 'type'], value: type}) as const),
  ...['elasticfilesystem.amazonaws.com', '', 'a-service-with-a-name-far-longer-than-forty-characters.amazonaws.com'].map((value) => ({op: 'set', path: ['userIdentity', 'invokedBy'], value}) as const),
  ...['', 'a-user-name-longer-than-twenty-four', 5].map((value) => ({op: 'set', path: ['userIdentity', 'userName'], value}) as const),
  {op: 'set', path: ['responseElements'], value: null},
  {op: 'set', path: ['errorCode'], value: 'Client.UnauthorizedOperation'},
  {op: 'set', path: [...ni, 'association'], value: {publicIp: '198.51.100.8'}},
  {op: 'set', path: [...ni, 'requesterManaged'], value: true},
  {op: 'set', path: [...ni, 'RequesterManaged'], value: 'true'},
  {op: 'set', path: ['recipientAccountId'], value: otherAccount},
  {op: 'remove', path: ['userIdentity', 'accountId']},
];
