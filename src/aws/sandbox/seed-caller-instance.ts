// The instance whose role credentials made the call, in the training account: when a scenario's caller is
// an instance's role session (named i-…) and the account holds nothing of that instance, it gets one
// network interface in the account's first VPC (or a VPC of its own), in an application group that
// allows all outbound traffic. So the actor's containment can find and isolate it in every scenario.
import type {NetworkInterface, SecurityGroup, Subnet, Vpc} from '@aws-sdk/client-ec2';
import type {CloudTrailRecord} from '../../events/record.js';
import {callerOf} from '../../runbooks/caller.js';
import {newId} from '../stable-id.js';
import type {SnapshotInput} from './account.js';

function holds(snapshot: SnapshotInput, instanceId: string): boolean {
  return (snapshot.NetworkInterfaces ?? []).some((e) => e.Attachment?.InstanceId === instanceId)
    || (snapshot.Volumes ?? []).some((v) => (v.Attachments ?? []).some((a) => a.InstanceId === instanceId));
}

export function withCallerInstance(snapshot: SnapshotInput, record: CloudTrailRecord, owner: string, region: string): SnapshotInput {
  const caller = callerOf(record);
  const instanceId = caller.instanceId;
  if (caller.kind !== 'instance-role' || instanceId === undefined || holds(snapshot, instanceId)) return snapshot;
  const known = snapshot.Vpcs?.[0];
  const vpc: Vpc = known ?? {VpcId: newId('vpc', instanceId), CidrBlock: '10.80.0.0/16', State: 'available', OwnerId: owner, IsDefault: false};
  const vpcId = vpc.VpcId ?? '';
  const knownSubnet = (snapshot.Subnets ?? []).find((s) => s.VpcId === vpcId);
  const subnet: Subnet = knownSubnet ?? {SubnetId: newId('subnet', instanceId), VpcId: vpcId, CidrBlock: vpc.CidrBlock, AvailabilityZone: `${region}a`, State: 'available', AvailableIpAddressCount: 250};
  const group: SecurityGroup = {
    GroupId: newId('sg', instanceId), GroupName: `app-${instanceId}`, Description: 'application servers', VpcId: vpcId, OwnerId: owner,
    IpPermissions: [], IpPermissionsEgress: [{IpProtocol: '-1', IpRanges: [{CidrIp: '0.0.0.0/0'}], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: []}],
  };
  const eni: NetworkInterface = {
    NetworkInterfaceId: newId('eni', instanceId), SubnetId: subnet.SubnetId, VpcId: vpcId, AvailabilityZone: subnet.AvailabilityZone, OwnerId: owner,
    Status: 'in-use', InterfaceType: 'interface', Description: 'Primary network interface',
    Groups: [{GroupId: group.GroupId, GroupName: group.GroupName}],
    Attachment: {AttachmentId: newId('eni-attach', instanceId), InstanceId: instanceId, InstanceOwnerId: owner, DeviceIndex: 0, Status: 'attached', DeleteOnTermination: true},
  };
  return {
    ...snapshot,
    Vpcs: known === undefined ? [...(snapshot.Vpcs ?? []), vpc] : snapshot.Vpcs,
    Subnets: knownSubnet === undefined ? [...(snapshot.Subnets ?? []), subnet] : snapshot.Subnets,
    SecurityGroups: [...(snapshot.SecurityGroups ?? []), group],
    NetworkInterfaces: [...(snapshot.NetworkInterfaces ?? []), eni],
  };
}
