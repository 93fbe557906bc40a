// Instances in the sandbox, for isolating one (the actor's containment): DescribeInstances, seen through
// what the account holds of it — the network interfaces attached to it and its volumes — and
// CreateSecurityGroup, for the quarantine group. As EC2: an unknown instance is InvalidInstanceID.NotFound,
// a group name is unique in its VPC (InvalidGroup.Duplicate), and a new group allows all outbound traffic.
import type {Instance, NetworkInterface} from '@aws-sdk/client-ec2';
import {newId, withRules, type SandboxSnapshot} from './account.js';
import {applyFilters, type FilterFields} from './filters.js';
import type {Handler} from './handler.js';
import {fail, optString, optStrings, reqString} from './params.js';

const fields: FilterFields<Instance> = {
  'instance-id': (i) => [i.InstanceId],
  'vpc-id': (i) => [i.VpcId],
  'subnet-id': (i) => [i.SubnetId],
  'instance-state-name': (i) => [i.State?.Name],
  'network-interface.network-interface-id': (i) => (i.NetworkInterfaces ?? []).map((e) => e.NetworkInterfaceId),
};

const instanceNotFound = (id: string): never => fail('InvalidInstanceID.NotFound', `The instance ID '${id}' does not exist`);

/** The account's instances: each one an interface or a volume is attached to, with its interfaces (the primary first). */
export function instancesOf(snapshot: SandboxSnapshot): Instance[] {
  const ids = [...new Set([
    ...(snapshot.NetworkInterfaces ?? []).flatMap((e) => (e.Attachment?.InstanceId === undefined ? [] : [e.Attachment.InstanceId])),
    ...(snapshot.Volumes ?? []).flatMap((v) => (v.Attachments ?? []).flatMap((a) => (a.InstanceId === undefined ? [] : [a.InstanceId]))),
  ])];
  return ids.map((id) => {
    const enis: NetworkInterface[] = (snapshot.NetworkInterfaces ?? [])
      .filter((e) => e.Attachment?.InstanceId === id)
      .sort((a, b) => (a.Attachment?.DeviceIndex ?? 0) - (b.Attachment?.DeviceIndex ?? 0));
    const primary = enis[0];
    const volumes = (snapshot.Volumes ?? []).flatMap((v) => (v.Attachments ?? []).filter((a) => a.InstanceId === id).map((a) => ({DeviceName: a.Device, Ebs: {VolumeId: v.VolumeId, Status: 'attached'}})));
    return {
      InstanceId: id, State: {Code: 16, Name: 'running'}, VpcId: primary?.VpcId, SubnetId: primary?.SubnetId, PrivateIpAddress: primary?.PrivateIpAddress,
      SecurityGroups: (primary?.Groups ?? []).map((g) => ({GroupId: g.GroupId, GroupName: g.GroupName})),
      NetworkInterfaces: enis.map((e) => ({NetworkInterfaceId: e.NetworkInterfaceId, SubnetId: e.SubnetId, VpcId: e.VpcId, Groups: e.Groups, Attachment: {DeviceIndex: e.Attachment?.DeviceIndex, Status: 'attached'}})),
      BlockDeviceMappings: volumes,
    } as Instance;
  });
}

const describeInstances: Handler = (snapshot, params) => {
  const ids = optStrings(params, 'InstanceIds');
  const all = instancesOf(snapshot);
  for (const id of ids ?? []) if (!all.some((i) => i.InstanceId === id)) instanceNotFound(id);
  const found = ids === undefined ? all : all.filter((i) => ids.includes(i.InstanceId ?? ''));
  const instances = applyFilters(found, params, fields, 'DescribeInstances');
  return {output: {Reservations: instances.length === 0 ? [] : [{ReservationId: newId('r', instances.map((i) => i.InstanceId).join()), Instances: instances}]}};
};

/** The VPCs the account knows of: listed, or named by a subnet, an interface or a group. */
function knownVpcs(snapshot: SandboxSnapshot): Set<string> {
  return new Set([
    ...(snapshot.Vpcs ?? []).map((v) => v.VpcId), ...(snapshot.Subnets ?? []).map((s) => s.VpcId),
    ...(snapshot.NetworkInterfaces ?? []).map((e) => e.VpcId), ...(snapshot.SecurityGroups ?? []).map((g) => g.VpcId),
  ].filter((id): id is string => id !== undefined));
}

const createSecurityGroup: Handler = (snapshot, params, context) => {
  const name = reqString(params, 'GroupName');
  const description = reqString(params, 'Description');
  const vpcId = optString(params, 'VpcId') ?? fail('VPCIdNotSpecified', 'No default VPC for this user');
  if (!knownVpcs(snapshot).has(vpcId)) fail('InvalidVpcID.NotFound', `The vpc ID '${vpcId}' does not exist`);
  if (/^sg-/i.test(name)) fail('InvalidParameterValue', 'Group names may not be in the format sg-*.');
  if ((snapshot.SecurityGroups ?? []).some((g) => g.VpcId === vpcId && g.GroupName === name)) {
    fail('InvalidGroup.Duplicate', `The security group '${name}' already exists for VPC '${vpcId}'`);
  }
  const groupId = newId('sg', `${vpcId}|${name}|${(snapshot.SecurityGroups ?? []).length}`);
  const group = {GroupId: groupId, GroupName: name, Description: description, VpcId: vpcId, OwnerId: context.accountId};
  // EC2 gives every new group one outbound rule that allows all traffic.
  const egress = {
    SecurityGroupRuleId: newId('sgr', `${groupId}|egress|0`), GroupId: groupId, GroupOwnerId: context.accountId, IsEgress: true, IpProtocol: '-1', FromPort: -1, ToPort: -1, CidrIpv4: '0.0.0.0/0',
  };
  const next = {...snapshot, SecurityGroups: [...(snapshot.SecurityGroups ?? []), group]};
  return {snapshot: withRules(next, [...snapshot.SecurityGroupRules, egress]), output: {GroupId: groupId}};
};

export const instanceHandlers: ReadonlyArray<readonly [string, Handler]> = [
  ['DescribeInstances', describeInstances],
  ['CreateSecurityGroup', createSecurityGroup],
];
