// fast-check arbitraries of the answers a verification's read may get, by operation (see
// generated.ts): the list the check reads, absent or of the wrong type now and then, items whose
// fields are missing or of the wrong type, a NextToken that says more pages follow.
import fc, {type Arbitrary} from 'fast-check';
import {ids} from '../../test/aws/sandbox/fixture.js';
import {pools} from './generated.js';

const pick = <T>(...values: T[]): Arbitrary<T> => fc.constantFrom(...values);
const mostly = (good: Arbitrary<unknown>, ...bad: unknown[]): Arbitrary<unknown> => fc.oneof({weight: 6, arbitrary: good}, {weight: 1, arbitrary: fc.constantFrom(...bad)});
/** An object whose fields are each left out now and then. */
const object = (model: Record<string, Arbitrary<unknown>>): Arbitrary<Record<string, unknown>> =>
  fc.record(Object.fromEntries(Object.entries(model).map(([key, value]) => [key, fc.option(value, {nil: undefined, freq: 5})])))
    .map((value) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)));
const from = (pool: readonly string[]) => mostly(fc.constantFrom(...pool), 5, '');
const list = (item: Arbitrary<unknown>) => fc.array(item, {maxLength: 4, size: 'medium'});

/** {<key>: list} with a NextToken now and then; the list now and then missing or not a list. */
function answer(key: string, items: Arbitrary<unknown>, extra: Record<string, Arbitrary<unknown>> = {}): Arbitrary<unknown> {
  return fc.record({[key]: mostly(list(items), 'x', {}, 3), NextToken: fc.option(mostly(pick('more'), '', 7), {nil: undefined, freq: 2}), ...extra})
    .map((value) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)));
}

const groupRule = object({
  SecurityGroupRuleId: from(pools.rule), GroupId: from(pools.group), IsEgress: mostly(fc.boolean(), 'false'),
  IpProtocol: pick('tcp', '6', '-1', 'udp', '17', 'icmp', 'TCP'), FromPort: mostly(pick(22, 443, -1, 0), '22'), ToPort: mostly(pick(22, 443, -1, 65535), '22'),
  CidrIpv4: mostly(fc.constantFrom(...pools.cidr), 5), CidrIpv6: pick('::/0', '2001:db8::/32'), PrefixListId: pick('pl-0aaa0000000000001'),
  ReferencedGroupInfo: mostly(object({GroupId: from(pools.group)}), 'x'),
});
const route = object({
  DestinationCidrBlock: mostly(fc.constantFrom(...pools.cidr), 5), DestinationIpv6CidrBlock: pick('::/0', '2001:0db8::/32'), DestinationPrefixListId: pick('pl-0aaa0000000000001'),
  GatewayId: from(pools.target), NatGatewayId: pick(ids.nat), InstanceId: from(pools.instance), VpcPeeringConnectionId: pick('pcx-0aaa0000000000003'), State: pick('active', 'blackhole'),
});
const eni = object({
  NetworkInterfaceId: from(pools.eni), Groups: list(object({GroupId: from(pools.group), GroupName: pick('web')})), SourceDestCheck: mostly(fc.boolean(), 'true'),
  Description: mostly(pick('quarantined', ''), 5),
  Attachment: object({AttachmentId: from(pools.attachment), Status: mostly(pick('attached', 'attaching', 'detaching', 'detached'), 5), InstanceId: from(pools.instance), DeleteOnTermination: mostly(fc.boolean(), 'false')}),
});
const association = (cidrKey: string, stateKey: string) =>
  object({AssociationId: from(pools.association), [cidrKey]: mostly(fc.constantFrom(...pools.cidr), 5), [stateKey]: mostly(object({State: mostly(pick('associated', 'disassociating', 'disassociated', 'failed'), 5)}), 'x')});
const vpc = object({VpcId: from(['vpc-0aaa0000000000001', 'vpc-0ddd0000000000001']), CidrBlockAssociationSet: list(association('CidrBlock', 'CidrBlockState')), Ipv6CidrBlockAssociationSet: list(association('Ipv6CidrBlock', 'Ipv6CidrBlockState'))});
const aclEntry = object({
  RuleNumber: mostly(pick(90, 100, 32767), '90'), Egress: mostly(fc.boolean(), 'false'), RuleAction: pick('allow', 'deny'), CidrBlock: mostly(fc.constantFrom(...pools.cidr), 5),
  Ipv6CidrBlock: pick('::/0'), Protocol: pick('-1', '6', '17', 'tcp', 'TCP', 'all'), PortRange: mostly(object({From: mostly(pick(22, 0), '22'), To: mostly(pick(22, 65535), '22')}), 'x'),
});
const address = object({PublicIp: from(pools.ip), AllocationId: from(pools.allocation), AssociationId: from(pools.eipAssociation), InstanceId: from(pools.instance), NetworkInterfaceId: from(pools.eni)});
const metadata = object({HttpTokens: mostly(pick('required', 'optional'), 5), HttpEndpoint: pick('enabled', 'disabled'), HttpPutResponseHopLimit: mostly(pick(1, 2), '2'), HttpProtocolIpv6: pick('enabled'), InstanceMetadataTags: pick('disabled')});
const instance = object({InstanceId: from(pools.instance), State: mostly(object({Name: mostly(pick('pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated'), 16)}), 'x'), MetadataOptions: mostly(metadata, 'x')});
const reservations = answer('Reservations', mostly(object({Instances: mostly(list(instance), 'x', {})}), 4));
const volume = object({
  VolumeId: from(pools.volume), State: pick('in-use', 'available'),
  Attachments: list(object({InstanceId: from(pools.instance), State: mostly(pick('attached', 'attaching', 'detaching', 'detached'), 5), Device: pick('/dev/sdf', '/dev/sdg')})),
});
const attribute = object({
  InstanceId: from(pools.instance), Groups: mostly(list(object({GroupId: from(pools.group)})), 'x'),
  ...Object.fromEntries(['SourceDestCheck', 'DisableApiTermination', 'DisableApiStop', 'EbsOptimized', 'EnaSupport'].map((key) => [key, mostly(object({Value: mostly(fc.boolean(), 'true', 1)}), 'x', [])])),
  InstanceType: object({Value: pick('t3.micro', 'm5.large')}), InstanceInitiatedShutdownBehavior: object({Value: pick('stop', 'terminate')}),
});

const rules = answer('SecurityGroupRules', groupRule);
const tables = answer('RouteTables', object({RouteTableId: from(pools.table), Routes: mostly(list(route), {})}));
const interfaces = answer('NetworkInterfaces', eni);
const peerings = answer('VpcPeeringConnections', object({VpcPeeringConnectionId: from(pools.peering), Status: mostly(object({Code: mostly(pick('pending-acceptance', 'active', 'rejected', 'deleted', 'deleting'), 3)}), 'x')}));
const volumes = answer('Volumes', volume);

/** The answers each verified operation's read is tried with. */
export const answersFor: Readonly<Record<string, Arbitrary<unknown>>> = {
  RevokeSecurityGroupIngress: rules, RevokeSecurityGroupEgress: rules, AuthorizeSecurityGroupIngress: rules, AuthorizeSecurityGroupEgress: rules,
  DeleteSecurityGroup: answer('SecurityGroups', object({GroupId: from(pools.group)})),
  DeleteRoute: tables, ReplaceRoute: tables, CreateRoute: tables,
  ModifyNetworkInterfaceAttribute: interfaces, DetachNetworkInterface: interfaces, DeleteNetworkInterface: interfaces,
  RejectVpcPeeringConnection: peerings, DeleteVpcPeeringConnection: peerings,
  DisassociateVpcCidrBlock: answer('Vpcs', vpc),
  CreateNetworkAclEntry: answer('NetworkAcls', object({NetworkAclId: from(pools.acl), Entries: mostly(list(aclEntry), {})})),
  DisassociateAddress: answer('Addresses', address), ReleaseAddress: answer('Addresses', address),
  StopInstances: reservations, StartInstances: reservations, TerminateInstances: reservations, ModifyInstanceMetadataOptions: reservations,
  ModifyInstanceAttribute: attribute,
  DetachVolume: volumes, AttachVolume: volumes,
  EnableEbsEncryptionByDefault: object({EbsEncryptionByDefault: mostly(fc.boolean(), 'true', 1)}),
  DeleteKeyPair: answer('KeyPairs', object({KeyName: from(['old', 'older']), KeyPairId: from(['key-0aaa0000000000001'])})),
};
