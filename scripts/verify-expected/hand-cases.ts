// The actions and answers the verification tests use (test/aws/verify.test.ts, the fault tests'
// failed reads), for scripts/record-verify-expected.ts. Each case: an action and the answers its
// check is judged on; a case with no answers only records whether a verification exists.
import type {Action} from '../../src/aws/action.js';

export interface HandCase {
  readonly name: string;
  readonly action: Action;
  readonly answers: readonly unknown[];
}

const ec2 = (operation: string, params: Action['params']): Action => ({service: 'ec2', operation, params});
const SG = 'sg-0123456789abcdef0';
const RTB = 'rtb-0123456789abcdef0';
const ENI = 'eni-0123456789abcdef0';
const PCX = 'pcx-0123456789abcdef0';

const rule = (id: string, over: Record<string, unknown> = {}) => ({SecurityGroupRuleId: id, GroupId: SG, IsEgress: false, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/0', ...over});
const ssh = {IpPermissions: [{IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '0.0.0.0/0'}]}]};
const table = (routes: object[]) => ({RouteTables: [{RouteTableId: RTB, Routes: [{DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active'}, ...routes]}]});
const eni = (over: Record<string, unknown>) => ({NetworkInterfaces: [{NetworkInterfaceId: ENI, Groups: [{GroupId: 'sg-0aaa0000000000001'}], SourceDestCheck: true, ...over}]});
const peering = (code: string) => ({VpcPeeringConnections: [{VpcPeeringConnectionId: PCX, Status: {Code: code}}]});
const instances = (...states: [string, string][]) => ({Reservations: [{Instances: states.map(([InstanceId, Name]) => ({InstanceId, State: {Name}}))}]});
const acl = (entries: object[]) => ({NetworkAcls: [{NetworkAclId: 'acl-0123456789abcdef0', Entries: entries}]});
const denyEntry = {NetworkAclId: 'acl-0123456789abcdef0', RuleNumber: 90, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '203.0.113.0/24'};
const volume = (attachments: object[]) => ({Volumes: [{VolumeId: 'vol-0123456789abcdef0', State: attachments.length ? 'in-use' : 'available', Attachments: attachments}]});
const block = (State: string, ipv6 = false) => ({Vpcs: [{VpcId: 'vpc-0123456789abcdef0', CidrBlock: '10.0.0.0/16', ...(ipv6 ? {Ipv6CidrBlockAssociationSet: [{AssociationId: 'vpc-cidr-assoc-0123456789abcdef0', Ipv6CidrBlock: '2600:1f18::/56', Ipv6CidrBlockState: {State}}]} : {CidrBlockAssociationSet: [{AssociationId: 'vpc-cidr-assoc-0123456789abcdef0', CidrBlock: '10.1.0.0/16', CidrBlockState: {State}}]})}]});

const revokeByIds = ec2('RevokeSecurityGroupIngress', {GroupId: SG, SecurityGroupRuleIds: ['sgr-000000000000000a1', 'sgr-000000000000000a2']});
const revokeSsh = ec2('RevokeSecurityGroupIngress', {GroupId: SG, ...ssh});
const revokeEgress = ec2('RevokeSecurityGroupEgress', {GroupId: SG, IpPermissions: [{IpProtocol: '-1', IpRanges: [{CidrIp: '0.0.0.0/0'}]}]});
const authorizeSsh = ec2('AuthorizeSecurityGroupIngress', {GroupId: SG, IpPermissions: [{IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '198.51.100.0/24'}]}]});
const authorizeHttps = ec2('AuthorizeSecurityGroupEgress', {GroupId: SG, IpPermissions: [{IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{CidrIp: '0.0.0.0/0'}]}]});
const deleteRoute = ec2('DeleteRoute', {RouteTableId: RTB, DestinationCidrBlock: '203.0.113.0/24'});
const replaceRoute = ec2('ReplaceRoute', {RouteTableId: RTB, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-0123456789abcdef0'});
const isolate = ec2('ModifyNetworkInterfaceAttribute', {NetworkInterfaceId: ENI, Groups: ['sg-0aaa0000000000004']});
const detach = ec2('DetachNetworkInterface', {AttachmentId: 'eni-attach-0123456789abcdef0'});
const addDeny = ec2('CreateNetworkAclEntry', {NetworkAclId: 'acl-0123456789abcdef0', RuleNumber: '90', Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '203.0.113.0/24'});
const disassociateBlock = ec2('DisassociateVpcCidrBlock', {AssociationId: 'vpc-cidr-assoc-0123456789abcdef0'});

/** The rows of verify.test.ts, by action: every answer a row judges that action's check on. */
const rows: ReadonlyArray<readonly [string, Action, unknown]> = [
  ['revoke by ID', revokeByIds, {SecurityGroupRules: [rule('sgr-000000000000000b1')]}],
  ['revoke by ID', revokeByIds, {SecurityGroupRules: [rule('sgr-000000000000000a2')]}],
  ['revoke by ID', revokeByIds, {SecurityGroupRules: [rule('sgr-000000000000000a1', {IsEgress: true})]}],
  ['revoke by ID', revokeByIds, {SecurityGroupRules: [], NextToken: 'more'}],
  ['revoke by ID', revokeByIds, {code: 'InvalidGroup.NotFound'}],
  ['revoke by ID', revokeByIds, {code: 'UnauthorizedOperation'}],
  ['revoke by ID', revokeByIds, undefined],
  ['revoke by ID', revokeByIds, 'done'],
  ['revoke by ID', revokeByIds, null],
  ['revoke by properties', revokeSsh, {SecurityGroupRules: [rule('sgr-1', {FromPort: 443, ToPort: 443})]}],
  ['revoke by properties', revokeSsh, {SecurityGroupRules: [rule('sgr-1', {IpProtocol: '6', CidrIpv4: '0.0.0.0/00'})]}],
  ['revoke egress', revokeEgress, {SecurityGroupRules: [rule('sgr-1', {IsEgress: true, IpProtocol: '-1', FromPort: -1, ToPort: -1})]}],
  ['revoke egress', revokeEgress, {SecurityGroupRules: [rule('sgr-1')]}],
  ['authorize', authorizeSsh, {SecurityGroupRules: [rule('sgr-1', {CidrIpv4: '198.51.100.0/24'})]}],
  ['authorize', authorizeSsh, {SecurityGroupRules: [rule('sgr-1')]}],
  ['authorize', authorizeSsh, {SecurityGroupRules: [], NextToken: 'more'}],
  ['authorize', authorizeSsh, {code: 'InvalidGroup.NotFound'}],
  ['authorize egress', authorizeHttps, {SecurityGroupRules: [rule('sgr-1', {IsEgress: true, FromPort: 443, ToPort: 443})]}],
  ['authorize egress', authorizeHttps, {SecurityGroupRules: [rule('sgr-1', {FromPort: 443, ToPort: 443})]}],
  ['delete a group', ec2('DeleteSecurityGroup', {GroupId: SG}), {code: 'InvalidGroup.NotFound'}],
  ['delete a group', ec2('DeleteSecurityGroup', {GroupId: SG}), {SecurityGroups: [{GroupId: SG}]}],
  ['delete a group', ec2('DeleteSecurityGroup', {GroupId: SG}), {SecurityGroups: []}],
  ['delete a group', ec2('DeleteSecurityGroup', {GroupId: SG}), {$metadata: {}}],
  ['delete a route', deleteRoute, table([{DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-0123456789abcdef0'}])],
  ['delete a route', deleteRoute, table([{DestinationCidrBlock: '203.0.113.0/24', GatewayId: 'igw-0123456789abcdef0'}])],
  ['delete a route', deleteRoute, {code: 'InvalidRouteTableID.NotFound'}],
  ['delete an IPv6 route', ec2('DeleteRoute', {RouteTableId: RTB, DestinationIpv6CidrBlock: '2001:db8::/32'}), table([{DestinationIpv6CidrBlock: '2001:0db8:0::/32', GatewayId: 'igw-1'}])],
  ['delete a prefix-list route', ec2('DeleteRoute', {RouteTableId: RTB, DestinationPrefixListId: 'pl-0123456789abcdef0'}), table([])],
  ['replace a route', replaceRoute, table([{DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-0123456789abcdef0', State: 'active'}])],
  ['replace a route', replaceRoute, table([{DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-0123456789abcdef0'}])],
  ['replace a route', replaceRoute, table([])],
  ['replace a route', replaceRoute, table([{DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-0123456789abcdef0', State: 'blackhole'}])],
  ['create a route', ec2('CreateRoute', {RouteTableId: RTB, DestinationCidrBlock: '192.0.2.0/24', VpcEndpointId: 'vpce-0123456789abcdef0'}), table([{DestinationCidrBlock: '192.0.2.0/24', GatewayId: 'vpce-0123456789abcdef0'}])],
  ['isolate an interface', isolate, eni({Groups: [{GroupId: 'sg-0aaa0000000000004', GroupName: 'quarantine'}]})],
  ['isolate an interface', isolate, eni({Groups: [{GroupId: 'sg-0aaa0000000000004'}, {GroupId: 'sg-0aaa0000000000001'}]})],
  ['isolate an interface', isolate, {code: 'InvalidNetworkInterfaceID.NotFound'}],
  ['groups in any order', ec2('ModifyNetworkInterfaceAttribute', {NetworkInterfaceId: ENI, Groups: ['sg-2', 'sg-1']}), eni({Groups: [{GroupId: 'sg-1'}, {GroupId: 'sg-2'}]})],
  ['source/destination check off', ec2('ModifyNetworkInterfaceAttribute', {NetworkInterfaceId: ENI, SourceDestCheck: {Value: false}}), eni({SourceDestCheck: true})],
  ['description', ec2('ModifyNetworkInterfaceAttribute', {NetworkInterfaceId: ENI, Description: {Value: 'quarantined'}}), eni({Description: 'quarantined'})],
  ['detach an interface', detach, {NetworkInterfaces: []}],
  ['detach an interface', detach, eni({Attachment: {AttachmentId: 'eni-attach-0123456789abcdef0', Status: 'detaching'}})],
  ['detach an interface', detach, eni({Attachment: {AttachmentId: 'eni-attach-0123456789abcdef0', Status: 'attached', InstanceId: 'i-0123456789abcdef0'}})],
  ['delete an interface', ec2('DeleteNetworkInterface', {NetworkInterfaceId: ENI}), {code: 'InvalidNetworkInterfaceID.NotFound'}],
  ['delete an interface', ec2('DeleteNetworkInterface', {NetworkInterfaceId: ENI}), eni({})],
  ['reject a peering', ec2('RejectVpcPeeringConnection', {VpcPeeringConnectionId: PCX}), peering('rejected')],
  ['reject a peering', ec2('RejectVpcPeeringConnection', {VpcPeeringConnectionId: PCX}), peering('pending-acceptance')],
  ['reject a peering', ec2('RejectVpcPeeringConnection', {VpcPeeringConnectionId: PCX}), {code: 'InvalidVpcPeeringConnectionID.NotFound'}],
  ['delete a peering', ec2('DeleteVpcPeeringConnection', {VpcPeeringConnectionId: PCX}), peering('deleted')],
  ['delete a peering', ec2('DeleteVpcPeeringConnection', {VpcPeeringConnectionId: PCX}), peering('deleting')],
  ['delete a peering', ec2('DeleteVpcPeeringConnection', {VpcPeeringConnectionId: PCX}), peering('active')],
  ['delete a peering', ec2('DeleteVpcPeeringConnection', {VpcPeeringConnectionId: PCX}), {code: 'InvalidVpcPeeringConnectionID.NotFound'}],
  ['remove a block', disassociateBlock, block('disassociated')],
  ['remove a block', disassociateBlock, block('disassociating', true)],
  ['remove a block', disassociateBlock, block('associated')],
  ['remove a block', disassociateBlock, {Vpcs: []}],
  ['remove a block', disassociateBlock, {Vpcs: [], NextToken: 'more'}],
  ['add an ACL deny rule', addDeny, acl([denyEntry])],
  ['add an ACL deny rule', addDeny, acl([{...denyEntry, RuleAction: 'allow'}])],
  ['add an ACL deny rule', addDeny, acl([{...denyEntry, Egress: true}])],
  ['add an ACL rule with ports', ec2('CreateNetworkAclEntry', {...addDeny.params, Protocol: 'tcp', PortRange: {From: 22, To: 22}}), acl([{...denyEntry, Protocol: '6', PortRange: {From: 22, To: 22}}])],
  ['disassociate an address by association', ec2('DisassociateAddress', {AssociationId: 'eipassoc-0123456789abcdef0'}), {Addresses: []}],
  ['disassociate an address by IP', ec2('DisassociateAddress', {PublicIp: '198.51.100.23'}), {Addresses: [{PublicIp: '198.51.100.23', AssociationId: 'eipassoc-1', InstanceId: 'i-1'}]}],
  ['release an address', ec2('ReleaseAddress', {AllocationId: 'eipalloc-0123456789abcdef0'}), {code: 'InvalidAllocationID.NotFound'}],
  ['stop instances', ec2('StopInstances', {InstanceIds: ['i-1', 'i-2']}), instances(['i-1', 'stopped'], ['i-2', 'stopping'])],
  ['stop instances', ec2('StopInstances', {InstanceIds: ['i-1', 'i-2']}), instances(['i-1', 'stopped'], ['i-2', 'running'])],
  ['start an instance', ec2('StartInstances', {InstanceIds: ['i-1']}), instances(['i-1', 'pending'])],
  ['terminate an instance', ec2('TerminateInstances', {InstanceIds: ['i-1']}), {code: 'InvalidInstanceID.NotFound'}],
  ['terminate an instance', ec2('TerminateInstances', {InstanceIds: ['i-1']}), instances(['i-1', 'shutting-down'])],
  ['quarantine an instance', ec2('ModifyInstanceAttribute', {InstanceId: 'i-1', Groups: ['sg-q']}), {InstanceId: 'i-1', Groups: [{GroupId: 'sg-q'}]}],
  ['quarantine an instance', ec2('ModifyInstanceAttribute', {InstanceId: 'i-1', Groups: ['sg-q']}), {InstanceId: 'i-1', Groups: [{GroupId: 'sg-q'}, {GroupId: 'sg-web'}]}],
  ['termination protection', ec2('ModifyInstanceAttribute', {InstanceId: 'i-1', DisableApiTermination: {Value: true}}), {InstanceId: 'i-1', DisableApiTermination: {Value: true}}],
  ['termination protection', ec2('ModifyInstanceAttribute', {InstanceId: 'i-1', DisableApiTermination: {Value: true}}), {InstanceId: 'i-1', DisableApiTermination: {Value: false}}],
  ['IMDSv2 required', ec2('ModifyInstanceMetadataOptions', {InstanceId: 'i-1', HttpTokens: 'required'}), {Reservations: [{Instances: [{InstanceId: 'i-1', MetadataOptions: {HttpTokens: 'required'}}]}]}],
  ['detach a volume', ec2('DetachVolume', {VolumeId: 'vol-0123456789abcdef0'}), volume([])],
  ['detach a volume', ec2('DetachVolume', {VolumeId: 'vol-0123456789abcdef0'}), volume([{InstanceId: 'i-1', State: 'attached', Device: '/dev/sdf'}])],
  ['attach a volume', ec2('AttachVolume', {VolumeId: 'vol-0123456789abcdef0', InstanceId: 'i-1', Device: '/dev/sdf'}), volume([{InstanceId: 'i-1', State: 'attaching', Device: '/dev/sdf'}])],
  ['attach a volume', ec2('AttachVolume', {VolumeId: 'vol-0123456789abcdef0', InstanceId: 'i-1', Device: '/dev/sdf'}), volume([{InstanceId: 'i-1', State: 'attached', Device: '/dev/sdg'}])],
  ['EBS encryption by default', ec2('EnableEbsEncryptionByDefault', {}), {EbsEncryptionByDefault: true}],
  ['delete a key pair', ec2('DeleteKeyPair', {KeyName: 'old'}), {code: 'InvalidKeyPair.NotFound'}],
];

/** The failed reads the fault tests meet (verifyInput of each): the code, and what happened in words. */
export const faultAnswers: readonly unknown[] = [
  {code: 'RequestLimitExceeded', problem: 'AWS is throttling requests (RequestLimitExceeded)'},
  {code: 'ECONNRESET', problem: 'the connection to AWS was reset before it answered (ECONNRESET)'},
  {code: 'TimeoutError', problem: 'no answer from AWS in time'},
  {code: 'RequestExpired', problem: 'the AWS credentials have expired (RequestExpired): renew them (e.g. aws sso login) and try again'},
  {code: 'plan-only'},
];

/** Actions verify.test.ts expects no verification for. */
const none: ReadonlyArray<readonly [string, Action]> = [
  ['a create', ec2('CreateSecurityGroup', {GroupName: 'x', Description: 'x', VpcId: 'vpc-0123456789abcdef0'})],
  ['a read-only call', ec2('DescribeSecurityGroups', {})],
  ['another service', {service: 'iam', operation: 'UpdateAccessKey', params: {AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', Status: 'Inactive'}}],
  ['a revoke without a group ID', ec2('RevokeSecurityGroupIngress', {GroupName: 'web', SecurityGroupRuleIds: ['sgr-0123456789abcdef0']})],
  ['a revoke naming no rule', ec2('RevokeSecurityGroupIngress', {GroupId: SG})],
  ['a route with two destinations', ec2('DeleteRoute', {RouteTableId: RTB, DestinationCidrBlock: '0.0.0.0/0', DestinationIpv6CidrBlock: '::/0'})],
  ['a modify that sets nothing it knows', ec2('ModifyNetworkInterfaceAttribute', {NetworkInterfaceId: ENI})],
  ['an operation name from Object.prototype', ec2('toString', {})],
];

/** One case per distinct action of the rows (its answers together), then the actions without a verification. */
export function handCases(): HandCase[] {
  const byAction = new Map<string, {name: string; action: Action; answers: unknown[]}>();
  for (const [name, action, answer] of rows) {
    const key = JSON.stringify(action);
    const found = byAction.get(key) ?? {name: `verify.test.ts: ${name}`, action, answers: []};
    found.answers.push(answer);
    byAction.set(key, found);
  }
  return [...byAction.values(), ...none.map(([name, action]) => ({name: `verify.test.ts: none for ${name}`, action, answers: []}))];
}

/** IDs the rows write short ("i-1"), as well-formed IDs: the engine never puts an ill-formed ID in a call. */
export const wellFormed: Readonly<Record<string, string>> = {
  'i-1': 'i-00000001', 'i-2': 'i-00000002', 'sg-1': 'sg-00000001', 'sg-2': 'sg-00000002', 'sg-q': 'sg-0000000a', 'sg-web': 'sg-0000000b',
};
