// fast-check arbitraries for scripts/record-verify-expected.ts: for each verified operation, the
// parameters a call may carry (mostly well-formed, sometimes absent, empty, of the wrong type or
// ill-formed) and the answers its read may get (the list, missing or of the wrong type, items with
// fields missing or of the wrong type, NextToken pages). IDs come from small pools, so answers often
// name what the parameters name.
import fc, {type Arbitrary} from 'fast-check';
import type {ActionParams, ParamValue} from '../../src/aws/action.js';
import {ids} from '../../test/aws/sandbox/fixture.js';

type Params = Record<string, ParamValue | undefined>;

const pick = (...values: unknown[]): Arbitrary<unknown> => fc.constantFrom(...values);
/** A value or, now and then, one of the wrong kind. */
const mostly = (good: Arbitrary<unknown>, ...bad: unknown[]): Arbitrary<unknown> => fc.oneof({weight: 6, arbitrary: good}, {weight: 1, arbitrary: fc.constantFrom(...bad)});
const junk = ['', 5, true, 'x-1'] as const;

export const pools = {
  group: [ids.web, ids.db, ids.unused, ids.quarantine],
  rule: ['sgr-0aaa0000000000001', 'sgr-0aaa0000000000002'],
  table: [ids.rtb, 'rtb-0aaa0000000000002'],
  eni: [ids.primaryEni, ids.secondEni, ids.freeEni],
  attachment: ['eni-attach-0aaa0000000000001', 'eni-attach-0aaa0000000000002'],
  peering: [ids.pendingIn, ids.active, ids.rejected],
  association: [ids.publicBlock, ids.usedBlock, ids.ipv6Block],
  acl: ['acl-0aaa0000000000001', 'acl-0aaa0000000000002'],
  instance: [ids.instance, 'i-0aaa0000000000002'],
  volume: ['vol-0aaa0000000000001', 'vol-0aaa0000000000002'],
  cidr: ['0.0.0.0/0', '0.0.0.0/00', '203.0.113.0/24', '203.0.113.9/24', '10.20.0.0/16', '::/0', '2001:db8::/32', '2001:0db8:0::/32', 'not-a-cidr', '10.0.0.0/33'],
  ip: ['198.51.100.23', '203.0.113.10'],
  eipAssociation: ['eipassoc-0aaa0000000000001', 'eipassoc-0aaa0000000000002'],
  allocation: ['eipalloc-0aaa0000000000001', 'eipalloc-0aaa0000000000002'],
  key: ['old', 'key-0aaa0000000000001'],
  target: [ids.igw, ids.nat, 'vpce-0aaa0000000000001', 'pcx-0aaa0000000000003', 'local'],
};

const id = (pool: readonly string[]) => mostly(fc.constantFrom(...pool), ...junk, 'sg-1', pool[0]?.toUpperCase() ?? 'X');
const idList = (pool: readonly string[]) =>
  fc.oneof({weight: 5, arbitrary: fc.array(fc.constantFrom(...pool), {minLength: 1, maxLength: 3})}, {weight: 1, arbitrary: fc.constantFrom(...pool)}, {weight: 1, arbitrary: pick([], [pool[0], ''], [pool[0], 5], 7)});
const cidr = mostly(fc.constantFrom(...pools.cidr), ...junk);
/** An object whose fields are each left out now and then. */
const params = (model: Record<string, Arbitrary<unknown>>): Arbitrary<ActionParams> =>
  fc.record(Object.fromEntries(Object.entries(model).map(([key, value]) => [key, fc.option(value, {nil: undefined, freq: 4})])))
    .map((value) => Object.fromEntries(Object.entries(value as Params).filter(([, v]) => v !== undefined)) as ActionParams);
/** Exactly the fields of one entry of each group, well-formed, plus the fixed ones: a call as a runbook makes it. */
const oneOfEach = (fixed: Record<string, Arbitrary<unknown>>, ...groups: Record<string, Arbitrary<unknown>>[]): Arbitrary<ActionParams> =>
  fc.tuple(fc.record(fixed), ...groups.map((group) => fc.constantFrom(...Object.entries(group)).chain(([key, value]) => value.map((v) => ({[key]: v})))))
    .map((parts) => Object.assign({}, ...parts) as ActionParams);
/** Mostly a call as a runbook makes it, sometimes anything. */
const usual = (made: Arbitrary<ActionParams>, any: Arbitrary<ActionParams>) => fc.oneof({weight: 3, arbitrary: made}, {weight: 1, arbitrary: any});
const boolish = mostly(fc.boolean(), 'true', 'false', 'yes', 1);
const valueOf = (value: Arbitrary<unknown>) => mostly(params({Value: value}), 'x', [1]);

const permission = params({
  IpProtocol: mostly(pick('tcp', 'TCP', '6', 'udp', '17', 'icmp', '1', '-1', 'all', '50'), '', 6),
  FromPort: mostly(pick(22, 443, 0, -1, 80), '22', 'x', 22.5, 70000),
  ToPort: mostly(pick(22, 443, 65535, -1, 80), '22', 22.5, 70000),
  IpRanges: mostly(fc.array(params({CidrIp: cidr, Description: pick('d')}), {maxLength: 2}), 'x', {CidrIp: '0.0.0.0/0'}),
  Ipv6Ranges: fc.array(params({CidrIpv6: cidr}), {maxLength: 2}),
  PrefixListIds: fc.array(params({PrefixListId: mostly(pick('pl-0aaa0000000000001'), 5)}), {maxLength: 1}),
  UserIdGroupPairs: fc.array(params({GroupId: id(pools.group)}), {maxLength: 1}),
});
const wellPermission = fc.record({
  IpProtocol: pick('tcp', '6', 'udp', '-1'), FromPort: pick(22, 443), ToPort: pick(22, 443, 1024),
  IpRanges: fc.array(fc.record({CidrIp: pick('0.0.0.0/0', '203.0.113.0/24', '198.51.100.0/24')}), {minLength: 1, maxLength: 2}),
});
const ruleParams = (withIds: boolean) =>
  fc.oneof(
    {weight: 3, arbitrary: fc.record({GroupId: pick(...pools.group), IpPermissions: fc.array(wellPermission, {minLength: withIds ? 0 : 1, maxLength: 2}), ...(withIds ? {SecurityGroupRuleIds: fc.array(pick(...pools.rule), {maxLength: 2})} : {})}).map((p) => p as ActionParams)},
    params({GroupId: id(pools.group), IpPermissions: mostly(fc.array(permission, {maxLength: 3}), 'x', {IpProtocol: '-1', IpRanges: [{CidrIp: '0.0.0.0/0'}]}), ...(withIds ? {SecurityGroupRuleIds: idList(pools.rule)} : {})}),
    params({GroupId: id(pools.group), CidrIp: cidr, IpProtocol: pick('tcp', '-1', 'udp'), FromPort: pick(22, '22', 443), ToPort: pick(22, 443)}),
  );

const destinations = {DestinationCidrBlock: cidr, DestinationIpv6CidrBlock: cidr, DestinationPrefixListId: mostly(pick('pl-0aaa0000000000001'), ...junk)};
const routeTargets = {GatewayId: mostly(pick(ids.igw, 'local'), ...junk), NatGatewayId: pick(ids.nat), VpcEndpointId: pick('vpce-0aaa0000000000001'), VpcPeeringConnectionId: pick('pcx-0aaa0000000000003'), InstanceId: id(pools.instance)};
const wellDestinations = {DestinationCidrBlock: pick('0.0.0.0/0', '203.0.113.0/24', '10.20.0.0/16'), DestinationIpv6CidrBlock: pick('::/0', '2001:db8::/32'), DestinationPrefixListId: pick('pl-0aaa0000000000001')};
const wellTargets = {GatewayId: pick(ids.igw), NatGatewayId: pick(ids.nat), VpcEndpointId: pick('vpce-0aaa0000000000001'), VpcPeeringConnectionId: pick('pcx-0aaa0000000000003'), InstanceId: pick(...pools.instance), TransitGatewayId: pick('tgw-0aaa0000000000001')};
const routeTo = usual(oneOfEach({RouteTableId: pick(...pools.table)}, wellDestinations, wellTargets), params({RouteTableId: id(pools.table), ...destinations, ...routeTargets}));
const instanceIds = params({InstanceIds: idList(pools.instance)});
const attributeValues = {SourceDestCheck: boolish, DisableApiTermination: boolish, DisableApiStop: boolish, InstanceType: pick('t3.micro', ''), InstanceInitiatedShutdownBehavior: pick('stop', 'terminate'), EbsOptimized: boolish, EnaSupport: boolish};

/** The parameters each verified operation is tried with. */
export const paramsFor: Readonly<Record<string, Arbitrary<ActionParams>>> = {
  RevokeSecurityGroupIngress: ruleParams(true),
  RevokeSecurityGroupEgress: ruleParams(true),
  AuthorizeSecurityGroupIngress: ruleParams(false),
  AuthorizeSecurityGroupEgress: ruleParams(false),
  DeleteSecurityGroup: params({GroupId: id(pools.group)}),
  DeleteRoute: usual(oneOfEach({RouteTableId: pick(...pools.table)}, wellDestinations), params({RouteTableId: id(pools.table), ...destinations})),
  ReplaceRoute: routeTo,
  CreateRoute: routeTo,
  ModifyNetworkInterfaceAttribute: params({
    NetworkInterfaceId: id(pools.eni), Groups: idList(pools.group), SourceDestCheck: valueOf(boolish), Description: valueOf(mostly(pick('quarantined', ''), 5)),
    Attachment: mostly(params({AttachmentId: pick(pools.attachment[0]), DeleteOnTermination: boolish}), 'x'),
  }),
  DetachNetworkInterface: params({AttachmentId: id(pools.attachment), Force: fc.boolean()}),
  DeleteNetworkInterface: params({NetworkInterfaceId: id(pools.eni)}),
  RejectVpcPeeringConnection: params({VpcPeeringConnectionId: id(pools.peering)}),
  DeleteVpcPeeringConnection: params({VpcPeeringConnectionId: id(pools.peering)}),
  DisassociateVpcCidrBlock: params({AssociationId: id(pools.association)}),
  CreateNetworkAclEntry: params({
    NetworkAclId: id(pools.acl), RuleNumber: mostly(pick(90, 100, '90'), ' 90 ', 'x', 90.5, ''), Protocol: mostly(pick('-1', 'tcp', '6', 'TCP', 'udp', 'all'), ''),
    RuleAction: pick('allow', 'deny'), Egress: boolish, CidrBlock: cidr, Ipv6CidrBlock: cidr,
    PortRange: mostly(params({From: mostly(pick(22, 0), '22', 'x'), To: mostly(pick(22, 65535), '22')}), 'x', {}),
  }),
  DisassociateAddress: usual(oneOfEach({}, {AssociationId: pick(...pools.eipAssociation), PublicIp: pick(...pools.ip)}), params({AssociationId: id(pools.eipAssociation), PublicIp: mostly(pick(...pools.ip), ...junk)})),
  ReleaseAddress: params({AllocationId: id(pools.allocation)}),
  StopInstances: instanceIds,
  StartInstances: instanceIds,
  TerminateInstances: instanceIds,
  ModifyInstanceAttribute: usual(
    oneOfEach({InstanceId: pick(...pools.instance)}, {Groups: fc.array(pick(...pools.group), {minLength: 1, maxLength: 2}), ...Object.fromEntries(Object.entries(attributeValues).map(([key, value]) => [key, params({Value: value})]))}),
    params({InstanceId: id(pools.instance), Groups: idList(pools.group), ...Object.fromEntries(Object.entries(attributeValues).map(([key, value]) => [key, valueOf(value)]))}),
  ),
  ModifyInstanceMetadataOptions: params({
    InstanceId: id(pools.instance), HttpTokens: mostly(pick('required', 'optional'), 5), HttpEndpoint: pick('enabled', 'disabled'),
    HttpPutResponseHopLimit: mostly(pick(1, 2), '2'), HttpProtocolIpv6: pick('enabled', 'disabled'), InstanceMetadataTags: pick('enabled', 'disabled'),
  }),
  DetachVolume: params({VolumeId: id(pools.volume), InstanceId: id(pools.instance), Device: pick('/dev/sdf'), Force: fc.boolean()}),
  AttachVolume: params({VolumeId: id(pools.volume), InstanceId: id(pools.instance), Device: mostly(pick('/dev/sdf', '/dev/sdg'), '')}),
  EnableEbsEncryptionByDefault: params({DryRun: fc.boolean()}),
  DeleteKeyPair: usual(oneOfEach({}, {KeyName: pick('old', 'older'), KeyPairId: pick(pools.key[1] ?? '')}), params({KeyName: mostly(pick('old', 'older'), ...junk), KeyPairId: mostly(pick(pools.key[1] ?? ''), ...junk)})),
};
