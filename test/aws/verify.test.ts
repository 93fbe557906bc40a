// Verifications: for every EC2 call the containment procedures make, the read-only call that shows
// whether it took effect (built from the call's own parameters) and the check of SDK-shaped
// answers; then the same checks against the sandbox, before and after the sandbox executes the call.
import {describe, expect, it} from 'vitest';
import {isMutating, supportsDryRun, type Action} from '../../src/aws/action.js';
import {createSandboxExecutor} from '../../src/aws/sandbox/executor.js';
import {verificationFor, verifiedOperations} from '../../src/runbooks/verifications.js';
import {verifyInput} from '../../src/aws/verify-input.js';
import type {VerifyCheck} from '../../src/engine/verify.js';
import {operationInfo} from '../../src/aws/operations.js';
import {builtInEventNames} from '../../src/runbooks/catalog.js';
import {builtInRunbook} from '../../src/runbooks/registry.js';
import {fixture, ids} from './sandbox/fixture.js';

const ec2 = (operation: string, params: Action['params']): Action => ({service: 'ec2', operation, params});
const SG = 'sg-0123456789abcdef0';
const RTB = 'rtb-0123456789abcdef0';
const ENI = 'eni-0123456789abcdef0';
const PCX = 'pcx-0123456789abcdef0';

function verify(action: Action) {
  const found = verificationFor(action);
  if (found === undefined) throw new Error(`no verification for ${action.operation}`);
  return found;
}

describe('coverage', () => {
  // A step's own verify wins over the library's (verificationFor), so a call is covered by either.
  const steps = builtInEventNames.flatMap((name) => (builtInRunbook(name)?.procedures ?? []).flatMap((p) => p.steps.map((s) => ({kind: p.kind, step: s}))));
  const mutatingEc2 = steps.filter(({step}) => step.action !== undefined && step.action.service === 'ec2' && isMutating(step.action));
  /** The operations of these steps, each with whether every step that makes it has a verification. */
  const coverage = (uses: typeof mutatingEc2): [string, boolean][] => {
    const byOperation = new Map<string, boolean>();
    for (const {step} of uses) {
      const operation = step.action?.operation ?? '';
      const verified = step.verify !== undefined || verifiedOperations.includes(operation);
      byOperation.set(operation, (byOperation.get(operation) ?? true) && verified);
    }
    return [...byOperation];
  };
  it('the runbooks\' containment procedures make changes through steps, some with their own verify', () => {
    expect(mutatingEc2.filter(({kind}) => kind === 'containment').length).toBeGreaterThan(20);
    expect(mutatingEc2.some(({step}) => step.verify !== undefined)).toBe(true);
  });
  it.each(coverage(mutatingEc2.filter(({kind}) => kind === 'containment')))('%s, used by a containment procedure, has a verification (the step\'s own or the library\'s)', (_operation, verified) => {
    expect(verified).toBe(true);
  });
  const creates = ['CreateSecurityGroup', 'CreateSnapshot', 'CopySnapshot', 'CreateVolume', 'CreateImage', 'CreateFlowLogs', 'RunInstances'];
  it.each(coverage(mutatingEc2.filter(({step}) => step.action !== undefined && supportsDryRun(step.action) && !creates.includes(step.action.operation))))('%s, used by any procedure (creates aside), has a verification (the step\'s own or the library\'s)', (_operation, verified) => {
    expect(verified).toBe(true);
  });
  it('every verification reads with a read-only EC2 call trailguide knows', () => {
    const samples: Action[] = [
      ec2('RevokeSecurityGroupIngress', {GroupId: SG, SecurityGroupRuleIds: ['sgr-0123456789abcdef0']}),
      ec2('DeleteSecurityGroup', {GroupId: SG}), ec2('DeleteRoute', {RouteTableId: RTB, DestinationCidrBlock: '0.0.0.0/0'}),
      ec2('ModifyNetworkInterfaceAttribute', {NetworkInterfaceId: ENI, Groups: [SG]}), ec2('DetachNetworkInterface', {AttachmentId: 'eni-attach-0123456789abcdef0'}),
      ec2('DeleteVpcPeeringConnection', {VpcPeeringConnectionId: PCX}), ec2('DisassociateVpcCidrBlock', {AssociationId: 'vpc-cidr-assoc-0123456789abcdef0'}),
      ec2('CreateNetworkAclEntry', {NetworkAclId: 'acl-0123456789abcdef0', RuleNumber: 90, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '203.0.113.0/24'}),
      ec2('DisassociateAddress', {AssociationId: 'eipassoc-0123456789abcdef0'}), ec2('ReleaseAddress', {AllocationId: 'eipalloc-0123456789abcdef0'}),
      ec2('StopInstances', {InstanceIds: ['i-0123456789abcdef0']}), ec2('ModifyInstanceAttribute', {InstanceId: 'i-0123456789abcdef0', Groups: [SG]}),
      ec2('ModifyInstanceAttribute', {InstanceId: 'i-0123456789abcdef0', DisableApiTermination: {Value: true}}), ec2('DetachVolume', {VolumeId: 'vol-0123456789abcdef0'}),
      ec2('EnableEbsEncryptionByDefault', {}), ec2('DeleteKeyPair', {KeyName: 'old'}), ec2('ModifyInstanceMetadataOptions', {InstanceId: 'i-0123456789abcdef0', HttpTokens: 'required'}),
    ];
    for (const action of samples) {
      const {read} = verify(action);
      expect(operationInfo(read.service, read.operation), `${action.operation} → ${read.operation}`).toEqual({mutating: false, dryRun: true});
    }
  });
  it.each<[string, Action]>([
    ['a create (its ID is only in its output)', ec2('CreateSecurityGroup', {GroupName: 'x', Description: 'x', VpcId: 'vpc-0123456789abcdef0'})],
    ['a read-only call', ec2('DescribeSecurityGroups', {})],
    ['another service', {service: 'iam', operation: 'UpdateAccessKey', params: {AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', Status: 'Inactive'}}],
    ['a revoke without a group ID', ec2('RevokeSecurityGroupIngress', {GroupName: 'web', SecurityGroupRuleIds: ['sgr-0123456789abcdef0']})],
    ['a revoke naming no rule', ec2('RevokeSecurityGroupIngress', {GroupId: SG})],
    ['a route with two destinations', ec2('DeleteRoute', {RouteTableId: RTB, DestinationCidrBlock: '0.0.0.0/0', DestinationIpv6CidrBlock: '::/0'})],
    ['a modify that sets nothing it knows', ec2('ModifyNetworkInterfaceAttribute', {NetworkInterfaceId: ENI})],
    ['an operation name from Object.prototype', ec2('toString', {})],
  ])('none for %s', (_name, action) => {
    expect(verificationFor(action)).toBeUndefined();
  });
});

describe('the read is built from the action\'s own parameters', () => {
  it.each<[Action, Action]>([
    [ec2('RevokeSecurityGroupIngress', {GroupId: SG, SecurityGroupRuleIds: ['sgr-0123456789abcdef0']}), ec2('DescribeSecurityGroupRules', {Filters: [{Name: 'group-id', Values: [SG]}]})],
    [ec2('DeleteSecurityGroup', {GroupId: SG}), ec2('DescribeSecurityGroups', {GroupIds: [SG]})],
    [ec2('DeleteRoute', {RouteTableId: RTB, DestinationCidrBlock: '0.0.0.0/0'}), ec2('DescribeRouteTables', {RouteTableIds: [RTB]})],
    [ec2('ModifyNetworkInterfaceAttribute', {NetworkInterfaceId: ENI, Groups: [SG]}), ec2('DescribeNetworkInterfaces', {NetworkInterfaceIds: [ENI]})],
    [ec2('DetachNetworkInterface', {AttachmentId: 'eni-attach-0123456789abcdef0'}), ec2('DescribeNetworkInterfaces', {Filters: [{Name: 'attachment.attachment-id', Values: ['eni-attach-0123456789abcdef0']}]})],
    [ec2('RejectVpcPeeringConnection', {VpcPeeringConnectionId: PCX}), ec2('DescribeVpcPeeringConnections', {VpcPeeringConnectionIds: [PCX]})],
    [ec2('ModifyInstanceAttribute', {InstanceId: 'i-0123456789abcdef0', Groups: [SG]}), ec2('DescribeInstanceAttribute', {InstanceId: 'i-0123456789abcdef0', Attribute: 'groupSet'})],
  ])('%o → %o', (action, read) => {
    expect(verify(action).read).toEqual(read);
  });
});

type Row = [string, Action, unknown, boolean | null, RegExp?];
const rule = (id: string, over: Record<string, unknown> = {}) => ({SecurityGroupRuleId: id, GroupId: SG, IsEgress: false, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/0', ...over});
const ssh = {IpPermissions: [{IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '0.0.0.0/0'}]}]};
const table = (routes: object[]) => ({RouteTables: [{RouteTableId: RTB, Routes: [{DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active'}, ...routes]}]});
const eni = (over: Record<string, unknown>) => ({NetworkInterfaces: [{NetworkInterfaceId: ENI, Groups: [{GroupId: 'sg-0aaa0000000000001'}], SourceDestCheck: true, ...over}]});
const peering = (code: string) => ({VpcPeeringConnections: [{VpcPeeringConnectionId: PCX, Status: {Code: code}}]});
const instances = (...states: [string, string][]) => ({Reservations: [{Instances: states.map(([InstanceId, Name]) => ({InstanceId, State: {Name}}))}]});
const acl = (entries: object[]) => ({NetworkAcls: [{NetworkAclId: 'acl-0123456789abcdef0', Entries: entries}]});
const denyEntry = {NetworkAclId: 'acl-0123456789abcdef0', RuleNumber: 90, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '203.0.113.0/24'};
const volume = (attachments: object[]) => ({Volumes: [{VolumeId: 'vol-0123456789abcdef0', State: attachments.length ? 'in-use' : 'available', Attachments: attachments}]});

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
const block = (State: string, ipv6 = false) => ({Vpcs: [{VpcId: 'vpc-0123456789abcdef0', CidrBlock: '10.0.0.0/16', ...(ipv6 ? {Ipv6CidrBlockAssociationSet: [{AssociationId: 'vpc-cidr-assoc-0123456789abcdef0', Ipv6CidrBlock: '2600:1f18::/56', Ipv6CidrBlockState: {State}}]} : {CidrBlockAssociationSet: [{AssociationId: 'vpc-cidr-assoc-0123456789abcdef0', CidrBlock: '10.1.0.0/16', CidrBlockState: {State}}]})}]});

describe.each<[string, Row[]]>([
  ['security groups', [
    ['revoke by ID: none left', revokeByIds, {SecurityGroupRules: [rule('sgr-000000000000000b1')]}, true, /the 2 revoked inbound rules are gone from sg-/],
    ['revoke by ID: one left', revokeByIds, {SecurityGroupRules: [rule('sgr-000000000000000a2')]}, false, /still in sg-0123456789abcdef0: sgr-000000000000000a2/],
    ['revoke by ID: an egress rule with the same ID does not count', revokeByIds, {SecurityGroupRules: [rule('sgr-000000000000000a1', {IsEgress: true})]}, true],
    ['revoke by ID: a page of a longer answer', revokeByIds, {SecurityGroupRules: [], NextToken: 'more'}, null],
    ['revoke by ID: the group is gone', revokeByIds, {code: 'InvalidGroup.NotFound'}, true],
    ['revoke by ID: the read was denied', revokeByIds, {code: 'UnauthorizedOperation'}, null, /could not be read \(UnauthorizedOperation\)/],
    ['revoke by properties: SSH from anywhere gone', revokeSsh, {SecurityGroupRules: [rule('sgr-1', {FromPort: 443, ToPort: 443})]}, true],
    ['revoke by properties: still there (protocol as a number, CIDR spelt otherwise)', revokeSsh, {SecurityGroupRules: [rule('sgr-1', {IpProtocol: '6', CidrIpv4: '0.0.0.0/00'})]}, false, /peer: 0\.0\.0\.0\/0, TCP, from port: 22/],
    ['revoke egress: the allow-all rule is still there', revokeEgress, {SecurityGroupRules: [rule('sgr-1', {IsEgress: true, IpProtocol: '-1', FromPort: -1, ToPort: -1})]}, false],
    ['revoke egress: gone', revokeEgress, {SecurityGroupRules: [rule('sgr-1')]}, true],
    ['authorize: in place', authorizeSsh, {SecurityGroupRules: [rule('sgr-1', {CidrIpv4: '198.51.100.0/24'})]}, true, /has the inbound rule: peer: 198\.51\.100\.0\/24/],
    ['authorize: missing', authorizeSsh, {SecurityGroupRules: [rule('sgr-1')]}, false, /does not have/],
    ['authorize: missing from a page', authorizeSsh, {SecurityGroupRules: [], NextToken: 'more'}, null],
    ['authorize: no such group', authorizeSsh, {code: 'InvalidGroup.NotFound'}, false],
    ['authorize egress: in place', authorizeHttps, {SecurityGroupRules: [rule('sgr-1', {IsEgress: true, FromPort: 443, ToPort: 443})]}, true],
    ['authorize egress: an ingress rule alike does not count', authorizeHttps, {SecurityGroupRules: [rule('sgr-1', {FromPort: 443, ToPort: 443})]}, false],
    ['delete: InvalidGroup.NotFound', ec2('DeleteSecurityGroup', {GroupId: SG}), {code: 'InvalidGroup.NotFound'}, true, /no longer exists/],
    ['delete: still listed', ec2('DeleteSecurityGroup', {GroupId: SG}), {SecurityGroups: [{GroupId: SG}]}, false, /still exists/],
    ['delete: an empty list', ec2('DeleteSecurityGroup', {GroupId: SG}), {SecurityGroups: []}, true],
    ['delete: an answer without the list', ec2('DeleteSecurityGroup', {GroupId: SG}), {$metadata: {}}, null],
  ]],
  ['routes', [
    ['delete: no route for the destination', deleteRoute, table([{DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-0123456789abcdef0'}]), true, /has no route for 203\.0\.113\.0\/24/],
    ['delete: still there', deleteRoute, table([{DestinationCidrBlock: '203.0.113.0/24', GatewayId: 'igw-0123456789abcdef0'}]), false, /still sends 203\.0\.113\.0\/24 to igw-/],
    ['delete: the table is gone', deleteRoute, {code: 'InvalidRouteTableID.NotFound'}, true],
    ['delete an IPv6 route, spelt otherwise', ec2('DeleteRoute', {RouteTableId: RTB, DestinationIpv6CidrBlock: '2001:db8::/32'}), table([{DestinationIpv6CidrBlock: '2001:0db8:0::/32', GatewayId: 'igw-1'}]), false],
    ['delete a prefix-list route', ec2('DeleteRoute', {RouteTableId: RTB, DestinationPrefixListId: 'pl-0123456789abcdef0'}), table([]), true],
    ['replace: now to the NAT gateway', replaceRoute, table([{DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-0123456789abcdef0', State: 'active'}]), true, /sends 0\.0\.0\.0\/0 to nat-/],
    ['replace: still to the internet gateway', replaceRoute, table([{DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-0123456789abcdef0'}]), false, /still sends 0\.0\.0\.0\/0 to igw-/],
    ['replace: no route at all', replaceRoute, table([]), false],
    ['replace: to a blackhole says so', replaceRoute, table([{DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-0123456789abcdef0', State: 'blackhole'}]), true, /blackhole/],
    ['create: the route is there', ec2('CreateRoute', {RouteTableId: RTB, DestinationCidrBlock: '192.0.2.0/24', VpcEndpointId: 'vpce-0123456789abcdef0'}), table([{DestinationCidrBlock: '192.0.2.0/24', GatewayId: 'vpce-0123456789abcdef0'}]), true],
  ]],
  ['network interfaces', [
    ['isolate: the groups are the quarantine group', isolate, eni({Groups: [{GroupId: 'sg-0aaa0000000000004', GroupName: 'quarantine'}]}), true, /has security groups sg-0aaa0000000000004/],
    ['isolate: one group too many', isolate, eni({Groups: [{GroupId: 'sg-0aaa0000000000004'}, {GroupId: 'sg-0aaa0000000000001'}]}), false, /its groups now: sg-0aaa0000000000004, sg-0aaa0000000000001/],
    ['isolate: no such interface', isolate, {code: 'InvalidNetworkInterfaceID.NotFound'}, false],
    ['groups in any order', ec2('ModifyNetworkInterfaceAttribute', {NetworkInterfaceId: ENI, Groups: ['sg-2', 'sg-1']}), eni({Groups: [{GroupId: 'sg-1'}, {GroupId: 'sg-2'}]}), true],
    ['source/destination check off', ec2('ModifyNetworkInterfaceAttribute', {NetworkInterfaceId: ENI, SourceDestCheck: {Value: false}}), eni({SourceDestCheck: true}), false],
    ['description', ec2('ModifyNetworkInterfaceAttribute', {NetworkInterfaceId: ENI, Description: {Value: 'quarantined'}}), eni({Description: 'quarantined'}), true],
    ['detach: no interface holds the attachment', detach, {NetworkInterfaces: []}, true],
    ['detach: detaching counts (the call took effect)', detach, eni({Attachment: {AttachmentId: 'eni-attach-0123456789abcdef0', Status: 'detaching'}}), true, /detaching/],
    ['detach: still attached', detach, eni({Attachment: {AttachmentId: 'eni-attach-0123456789abcdef0', Status: 'attached', InstanceId: 'i-0123456789abcdef0'}}), false, /still attached to i-/],
    ['delete: gone', ec2('DeleteNetworkInterface', {NetworkInterfaceId: ENI}), {code: 'InvalidNetworkInterfaceID.NotFound'}, true],
    ['delete: still there', ec2('DeleteNetworkInterface', {NetworkInterfaceId: ENI}), eni({}), false],
  ]],
  ['VPCs, peerings, ACLs, addresses', [
    ['reject: rejected', ec2('RejectVpcPeeringConnection', {VpcPeeringConnectionId: PCX}), peering('rejected'), true],
    ['reject: still pending', ec2('RejectVpcPeeringConnection', {VpcPeeringConnectionId: PCX}), peering('pending-acceptance'), false, /is pending-acceptance/],
    ['reject: gone, cannot tell', ec2('RejectVpcPeeringConnection', {VpcPeeringConnectionId: PCX}), {code: 'InvalidVpcPeeringConnectionID.NotFound'}, null],
    ['delete peering: deleted', ec2('DeleteVpcPeeringConnection', {VpcPeeringConnectionId: PCX}), peering('deleted'), true],
    ['delete peering: deleting', ec2('DeleteVpcPeeringConnection', {VpcPeeringConnectionId: PCX}), peering('deleting'), true],
    ['delete peering: still active', ec2('DeleteVpcPeeringConnection', {VpcPeeringConnectionId: PCX}), peering('active'), false],
    ['delete peering: gone', ec2('DeleteVpcPeeringConnection', {VpcPeeringConnectionId: PCX}), {code: 'InvalidVpcPeeringConnectionID.NotFound'}, true],
    ['remove a block: disassociated', disassociateBlock, block('disassociated'), true, /10\.1\.0\.0\/16 of vpc-0123456789abcdef0 is disassociated/],
    ['remove an IPv6 block: disassociating', disassociateBlock, block('disassociating', true), true],
    ['remove a block: still associated', disassociateBlock, block('associated'), false],
    ['remove a block: no VPC has it', disassociateBlock, {Vpcs: []}, true],
    ['remove a block: not on this page', disassociateBlock, {Vpcs: [], NextToken: 'more'}, null],
    ['ACL deny rule in place (rule number given as text)', addDeny, acl([denyEntry]), true, /inbound rule 90: deny 203\.0\.113\.0\/24/],
    ['ACL rule 90 is another rule', addDeny, acl([{...denyEntry, RuleAction: 'allow'}]), false, /action allow/],
    ['ACL rule 90 only outbound', addDeny, acl([{...denyEntry, Egress: true}]), false, /no inbound rule 90/],
    ['ACL rule with ports', ec2('CreateNetworkAclEntry', {...addDeny.params, Protocol: 'tcp', PortRange: {From: 22, To: 22}}), acl([{...denyEntry, Protocol: '6', PortRange: {From: 22, To: 22}}]), true],
    ['address disassociated', ec2('DisassociateAddress', {AssociationId: 'eipassoc-0123456789abcdef0'}), {Addresses: []}, true],
    ['address still associated', ec2('DisassociateAddress', {PublicIp: '198.51.100.23'}), {Addresses: [{PublicIp: '198.51.100.23', AssociationId: 'eipassoc-1', InstanceId: 'i-00000001'}]}, false, /still associated with i-00000001/],
    ['address released', ec2('ReleaseAddress', {AllocationId: 'eipalloc-0123456789abcdef0'}), {code: 'InvalidAllocationID.NotFound'}, true],
  ]],
  ['instances and volumes', [
    ['stop: stopping counts', ec2('StopInstances', {InstanceIds: ['i-00000001', 'i-00000002']}), instances(['i-00000001', 'stopped'], ['i-00000002', 'stopping']), true, /i-00000001 stopped, i-00000002 stopping/],
    ['stop: one still running', ec2('StopInstances', {InstanceIds: ['i-00000001', 'i-00000002']}), instances(['i-00000001', 'stopped'], ['i-00000002', 'running']), false],
    ['start: pending', ec2('StartInstances', {InstanceIds: ['i-00000001']}), instances(['i-00000001', 'pending']), true],
    ['terminate: no longer listed', ec2('TerminateInstances', {InstanceIds: ['i-00000001']}), {code: 'InvalidInstanceID.NotFound'}, true],
    ['terminate: shutting down', ec2('TerminateInstances', {InstanceIds: ['i-00000001']}), instances(['i-00000001', 'shutting-down']), true],
    ['quarantine an instance', ec2('ModifyInstanceAttribute', {InstanceId: 'i-00000001', Groups: ['sg-q']}), {InstanceId: 'i-00000001', Groups: [{GroupId: 'sg-q'}]}, true],
    ['quarantine an instance: old group kept', ec2('ModifyInstanceAttribute', {InstanceId: 'i-00000001', Groups: ['sg-q']}), {InstanceId: 'i-00000001', Groups: [{GroupId: 'sg-q'}, {GroupId: 'sg-web'}]}, false],
    ['termination protection on', ec2('ModifyInstanceAttribute', {InstanceId: 'i-00000001', DisableApiTermination: {Value: true}}), {InstanceId: 'i-00000001', DisableApiTermination: {Value: true}}, true],
    ['termination protection still off', ec2('ModifyInstanceAttribute', {InstanceId: 'i-00000001', DisableApiTermination: {Value: true}}), {InstanceId: 'i-00000001', DisableApiTermination: {Value: false}}, false],
    ['IMDSv2 required', ec2('ModifyInstanceMetadataOptions', {InstanceId: 'i-00000001', HttpTokens: 'required'}), {Reservations: [{Instances: [{InstanceId: 'i-00000001', MetadataOptions: {HttpTokens: 'required'}}]}]}, true],
    ['detach a volume: detached', ec2('DetachVolume', {VolumeId: 'vol-0123456789abcdef0'}), volume([]), true],
    ['detach a volume: still attached', ec2('DetachVolume', {VolumeId: 'vol-0123456789abcdef0'}), volume([{InstanceId: 'i-00000001', State: 'attached', Device: '/dev/sdf'}]), false],
    ['attach a volume: attaching', ec2('AttachVolume', {VolumeId: 'vol-0123456789abcdef0', InstanceId: 'i-00000001', Device: '/dev/sdf'}), volume([{InstanceId: 'i-00000001', State: 'attaching', Device: '/dev/sdf'}]), true],
    ['attach a volume: another device', ec2('AttachVolume', {VolumeId: 'vol-0123456789abcdef0', InstanceId: 'i-00000001', Device: '/dev/sdf'}), volume([{InstanceId: 'i-00000001', State: 'attached', Device: '/dev/sdg'}]), false],
    ['EBS encryption by default', ec2('EnableEbsEncryptionByDefault', {}), {EbsEncryptionByDefault: true}, true],
    ['key pair deleted', ec2('DeleteKeyPair', {KeyName: 'old'}), {code: 'InvalidKeyPair.NotFound'}, true],
  ]],
])('%s', (_family, rows) => {
  it.each(rows)('%s', (_name, action, answer, expected, summary) => {
    const result: VerifyCheck = verify(action).check(answer);
    expect(result.reached).toBe(expected);
    if (summary) expect(result.summary).toMatch(summary);
  });
});

describe('answers a check cannot use', () => {
  it.each<[string, unknown]>([['undefined', undefined], ['a string', 'done'], ['null', null]])('%s → cannot tell', (_name, answer) => {
    expect(verify(revokeByIds).check(answer).reached).toBeNull();
  });
  it('verifyInput: the output of a read, or its error code, or its verdict when there is no code', () => {
    expect(verifyInput({ok: true, output: {SecurityGroups: []}, durationMs: 1})).toEqual({SecurityGroups: []});
    expect(verifyInput({ok: false, code: 'InvalidGroup.NotFound', verdict: {outcome: 'would-fail', code: 'InvalidGroup.NotFound', message: 'gone'}, durationMs: 1})).toEqual({code: 'InvalidGroup.NotFound'});
    expect(verifyInput({ok: false, verdict: {outcome: 'plan-only', reason: 'offline'}, durationMs: 0})).toEqual({code: 'plan-only'});
  });
});

describe('against the sandbox: not reached before the call, reached after it', () => {
  const here = {region: 'us-east-1'};
  const webRules = fixture().snapshot.SecurityGroupRules.filter((r) => r.GroupId === ids.web && r.IsEgress === false && (r.CidrIpv4 === '0.0.0.0/0' || r.CidrIpv6 === '::/0'));
  const secondAttachment = fixture().snapshot.NetworkInterfaces?.find((e) => e.NetworkInterfaceId === ids.secondEni)?.Attachment?.AttachmentId ?? '';
  it.each<[string, Action]>([
    ['revoke the open inbound rules by ID', ec2('RevokeSecurityGroupIngress', {GroupId: ids.web, SecurityGroupRuleIds: webRules.map((r) => r.SecurityGroupRuleId ?? '')})],
    ['revoke SSH from anywhere by properties', ec2('RevokeSecurityGroupIngress', {GroupId: ids.web, ...ssh})],
    ['revoke the allow-all outbound rule', ec2('RevokeSecurityGroupEgress', {GroupId: ids.unused, IpPermissions: [{IpProtocol: '-1', IpRanges: [{CidrIp: '0.0.0.0/0'}]}]})],
    ['authorize SSH from an admin network', ec2('AuthorizeSecurityGroupIngress', {GroupId: ids.quarantine, IpPermissions: [{IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '198.51.100.0/24'}]}]})],
    ['authorize outbound HTTPS', ec2('AuthorizeSecurityGroupEgress', {GroupId: ids.quarantine, IpPermissions: [{IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{CidrIp: '0.0.0.0/0'}]}]})],
    ['delete an unused group', ec2('DeleteSecurityGroup', {GroupId: ids.unused})],
    ['delete the default route', ec2('DeleteRoute', {RouteTableId: ids.rtb, DestinationCidrBlock: '0.0.0.0/0'})],
    ['delete the IPv6 route', ec2('DeleteRoute', {RouteTableId: ids.rtb, DestinationIpv6CidrBlock: '::/0'})],
    ['delete the prefix-list route', ec2('DeleteRoute', {RouteTableId: ids.rtb, DestinationPrefixListId: 'pl-0aaa0000000000001'})],
    ['point the default route at the NAT gateway', ec2('ReplaceRoute', {RouteTableId: ids.rtb, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: ids.nat})],
    ['move an interface to the quarantine group', ec2('ModifyNetworkInterfaceAttribute', {NetworkInterfaceId: ids.secondEni, Groups: [ids.quarantine]})],
    ['detach an interface', ec2('DetachNetworkInterface', {AttachmentId: secondAttachment})],
    ['delete a free interface', ec2('DeleteNetworkInterface', {NetworkInterfaceId: ids.freeEni})],
    ['reject a pending peering', ec2('RejectVpcPeeringConnection', {VpcPeeringConnectionId: ids.pendingIn})],
    ['delete an active peering', ec2('DeleteVpcPeeringConnection', {VpcPeeringConnectionId: ids.active})],
    ['remove a secondary IPv4 block', ec2('DisassociateVpcCidrBlock', {AssociationId: ids.publicBlock})],
  ])('%s', async (_name, action) => {
    const sandbox = createSandboxExecutor(fixture());
    const {read, check} = verify(action);
    const before = check(verifyInput(await sandbox.read(read, here)));
    expect(before.reached, before.summary).toBe(false);
    const result = await sandbox.execute(action, here);
    expect(result, JSON.stringify(result)).toMatchObject({ok: true});
    const after = check(verifyInput(await sandbox.read(read, here)));
    expect(after.reached, after.summary).toBe(true);
  });
});
