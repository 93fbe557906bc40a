import {nowReaderFor} from '../../helpers/engine.js';
import type {DescribeNetworkInterfacesCommandOutput, NetworkInterface} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import type {Action} from '../../../src/aws/action.js';
import type {NowLine} from '../../../src/engine/now-line.js';
import {oddOutputs, openScenario, scenarioWith, type Opened} from './scenario-facts.js';

const reader = nowReaderFor('CreateNetworkInterface');
const eniId = 'eni-0abcdef0123456789';
const unusual = (): Opened => openScenario('eni-public-group-unusual-principal');

/** The risky scenario's interface as DescribeNetworkInterfaces returns it, as created (available, unattached). */
function eni(extra: Partial<NetworkInterface> = {}): NetworkInterface {
  return {
    NetworkInterfaceId: eniId,
    SubnetId: 'subnet-0123456789abcdef0',
    VpcId: 'vpc-0abcdef0123456789',
    AvailabilityZone: 'us-east-1a',
    Description: 'tmp',
    OwnerId: '111122223333',
    RequesterManaged: false,
    Status: 'available',
    MacAddress: '0e:12:34:56:78:9a',
    PrivateIpAddress: '10.20.1.57',
    PrivateDnsName: 'ip-10-20-1-57.ec2.internal',
    SourceDestCheck: true,
    InterfaceType: 'interface',
    Groups: [{GroupId: 'sg-0fedcba9876543210', GroupName: 'public-web'}],
    PrivateIpAddresses: [{PrivateIpAddress: '10.20.1.57', PrivateDnsName: 'ip-10-20-1-57.ec2.internal', Primary: true}],
    Ipv6Addresses: [],
    TagSet: [],
    ...extra,
  };
}

function output(...interfaces: NetworkInterface[]): DescribeNetworkInterfacesCommandOutput {
  return {$metadata: {httpStatusCode: 200}, NetworkInterfaces: interfaces};
}

const asCreated: NowLine = {tone: 'info', text: 'security groups: sg-0fedcba9876543210 (public-web)'};
const association = {AllocationId: 'eipalloc-0123456789abcdef0', AssociationId: 'eipassoc-0123456789abcdef0', IpOwnerId: '111122223333', PublicIp: '203.0.113.25', PublicDnsName: 'ec2-203-0-113-25.compute-1.amazonaws.com'};

describe('CreateNetworkInterface: query', () => {
  it.each<{id: string; action: Action | undefined}>([
    {id: 'eni-public-group-unusual-principal', action: {service: 'ec2', operation: 'DescribeNetworkInterfaces', params: {NetworkInterfaceIds: [eniId]}}},
    {id: 'eni-efs-mount-target', action: {service: 'ec2', operation: 'DescribeNetworkInterfaces', params: {NetworkInterfaceIds: ['eni-0fedcba9876543210']}}},
    {id: 'eni-failed-subnet-full', action: undefined},
  ])('$id', ({id, action}) => {
    const {record, facts} = openScenario(id);
    expect(reader.query(facts, record)).toEqual(action);
  });

  it('an invalid interface ID from the event means no query', () => {
    const {record, facts} = scenarioWith('eni-public-group-unusual-principal', {responseElements: {networkInterface: {networkInterfaceId: 'eni-0abcdef0123456789\n--region eu-west-1'}}});
    expect(reader.query(facts, record)).toBeUndefined();
  });
});

describe('CreateNetworkInterface: interpret', () => {
  it.each<{name: string; eni: NetworkInterface; lines: NowLine[]}>([
    {
      name: 'as created: unattached, no public IP, same group',
      eni: eni(),
      lines: [
        {tone: 'info', text: 'status: available'},
        {tone: 'ok', text: 'not attached to anything'},
        {tone: 'ok', text: 'no public IP address'},
        asCreated,
      ],
    },
    {
      name: 'attached to an instance, with an Elastic IP, groups changed, forwarding on',
      eni: eni({
        Status: 'in-use',
        Attachment: {AttachmentId: 'eni-attach-0123456789abcdef0', AttachTime: new Date('2025-03-16T02:29:51Z'), DeleteOnTermination: false, DeviceIndex: 1, NetworkCardIndex: 0, InstanceId: 'i-0123456789abcdef0', InstanceOwnerId: '111122223333', Status: 'attached'},
        Association: association,
        PrivateIpAddresses: [{PrivateIpAddress: '10.20.1.57', Primary: true, Association: association}],
        Groups: [{GroupId: 'sg-0fedcba9876543210', GroupName: 'public-web'}, {GroupId: 'sg-0aaaabbbbccccdddd', GroupName: 'admin-ssh'}],
        SourceDestCheck: false,
      }),
      lines: [
        {tone: 'info', text: 'status: in-use'},
        {tone: 'bad', text: 'attached to instance i-0123456789abcdef0 as device 1'},
        {tone: 'bad', text: 'public IP: 203.0.113.25 (Elastic IP eipalloc-0123456789abcdef0)'},
        {tone: 'warn', text: 'security groups now: sg-0fedcba9876543210 (public-web), sg-0aaaabbbbccccdddd (admin-ssh) (at creation: sg-0fedcba9876543210)'},
        {tone: 'warn', text: 'source/destination check is off: it can forward others\' traffic'},
      ],
    },
    {
      name: 'attached to another account\'s instance, public IPv4 and IPv6 on a secondary address',
      eni: eni({
        Status: 'in-use',
        Attachment: {AttachmentId: 'eni-attach-0fedcba9876543210', DeviceIndex: 2, InstanceId: 'i-0fedcba9876543210', InstanceOwnerId: '444455556666', Status: 'attaching'},
        PrivateIpAddresses: [
          {PrivateIpAddress: '10.20.1.57', Primary: true},
          {PrivateIpAddress: '10.20.1.58', Primary: false, Association: {PublicIp: '198.51.100.9', IpOwnerId: 'amazon'}},
        ],
        Ipv6Addresses: [{Ipv6Address: '2600:1f18:abcd:1201::15', IsPrimaryIpv6: false}],
      }),
      lines: [
        {tone: 'info', text: 'status: in-use'},
        {tone: 'bad', text: 'being attached to instance i-0fedcba9876543210 of account 444455556666 as device 2'},
        {tone: 'bad', text: 'public IP: 198.51.100.9'},
        {tone: 'warn', text: 'IPv6 (reachable from the internet if routes and groups allow): 2600:1f18:abcd:1201::15'},
        asCreated,
      ],
    },
    {
      name: 'being detached',
      eni: eni({Status: 'detaching', Attachment: {AttachmentId: 'eni-attach-0123456789abcdef0', DeviceIndex: 1, InstanceId: 'i-0123456789abcdef0', InstanceOwnerId: '111122223333', Status: 'detaching'}}),
      lines: [
        {tone: 'info', text: 'status: detaching'},
        {tone: 'warn', text: 'being detached from instance i-0123456789abcdef0'},
        {tone: 'ok', text: 'no public IP address'},
        asCreated,
      ],
    },
  ])('$name', ({eni: found, lines}) => {
    const {record, facts} = unusual();
    expect(reader.interpret(output(found), facts, record)).toEqual(lines);
  });

  it('an AWS service\'s own interface: attached as expected', () => {
    const {record, facts} = openScenario('eni-efs-mount-target');
    const found = eni({
      NetworkInterfaceId: 'eni-0fedcba9876543210',
      RequesterManaged: true,
      RequesterId: '555566667777',
      Status: 'in-use',
      Attachment: {AttachmentId: 'ela-attach-0123456789abcdef0', DeviceIndex: 1, InstanceOwnerId: 'amazon-aws', Status: 'attached'},
      Groups: [{GroupId: 'sg-0abcdef0123456789', GroupName: 'efs-clients'}],
    });
    expect(reader.interpret(output(found), facts, record)).toEqual([
      {tone: 'info', text: 'status: in-use'},
      {tone: 'info', text: 'attached to a resource of amazon-aws as device 1'},
      {tone: 'ok', text: 'no public IP address'},
      {tone: 'info', text: 'security groups: sg-0abcdef0123456789 (efs-clients)'},
      {tone: 'info', text: 'managed by an AWS service (555566667777): do not delete it by hand'},
    ]);
  });

  it.each<{name: string; output: unknown}>([
    ...oddOutputs.map((value) => ({name: String(JSON.stringify(value)), output: value})),
    {name: 'another interface only', output: output(eni({NetworkInterfaceId: 'eni-0fedcba9876543210'}))},
  ])('odd output does not throw and claims nothing: $name', ({output: odd}) => {
    const {record, facts} = unusual();
    expect(reader.interpret(odd, facts, record)).toEqual([{tone: 'warn', text: `the answer does not mention the network interface ${eniId}: its current state is unknown`}]);
  });

  it('fields of the wrong type do not throw', () => {
    const {record, facts} = unusual();
    const odd = {NetworkInterfaces: [{NetworkInterfaceId: eniId, Status: 5, Attachment: [], Association: 'x', PrivateIpAddresses: [null, {Association: null}], Groups: {GroupId: 'sg-0fedcba9876543210'}, Ipv6Addresses: 'none', RequesterManaged: 'true', SourceDestCheck: 'false'}]};
    expect(reader.interpret(odd, facts, record)).toEqual([
      {tone: 'ok', text: 'not attached to anything'},
      {tone: 'ok', text: 'no public IP address'},
      {tone: 'warn', text: 'security groups now: none (at creation: sg-0fedcba9876543210)'},
    ]);
  });
});

describe('CreateNetworkInterface: whenError', () => {
  it.each<{code: string; lines: NowLine[] | undefined}>([
    {code: 'InvalidNetworkInterfaceID.NotFound', lines: [{tone: 'ok', text: `the network interface ${eniId} is deleted`}]},
    {code: 'InvalidNetworkInterfaceID.Malformed', lines: undefined},
    {code: 'UnauthorizedOperation', lines: undefined},
  ])('$code', ({code, lines}) => {
    expect(reader.whenError(code, unusual().facts)).toEqual(lines);
  });
});
