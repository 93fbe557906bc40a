// What is known of an account's network now, in the EC2 API's own shapes: filled from the Now
// panel's Describe* answers or from the training sandbox. Findings read it; the sandbox holds one.
import type {
  CreateVolumePermission, FlowLog, Image, InternetGateway, LaunchPermission, ManagedPrefixList, NatGateway, NetworkAcl, NetworkInterface, RouteTable, SecurityGroup, Snapshot, Subnet,
  TrafficMirrorFilter, TrafficMirrorSession, TrafficMirrorTarget, Volume, Vpc, VpcPeeringConnection,
} from '@aws-sdk/client-ec2';

export type AccountSnapshot = {
  readonly Vpcs?: readonly Vpc[];
  readonly Subnets?: readonly Subnet[];
  readonly SecurityGroups?: readonly SecurityGroup[];
  readonly RouteTables?: readonly RouteTable[];
  readonly VpcPeeringConnections?: readonly VpcPeeringConnection[];
  readonly NetworkInterfaces?: readonly NetworkInterface[];
  readonly NatGateways?: readonly NatGateway[];
  readonly NetworkAcls?: readonly NetworkAcl[];
  readonly InternetGateways?: readonly InternetGateway[];
  readonly Snapshots?: readonly Snapshot[];
  /** EBS volumes (where a snapshot came from, and the instance it is attached to). */
  readonly Volumes?: readonly Volume[];
  readonly Images?: readonly Image[];
  /** Managed prefix lists a security group rule names (DescribeManagedPrefixLists): who owns each. */
  readonly PrefixLists?: readonly ManagedPrefixList[];
  readonly FlowLogs?: readonly FlowLog[];
  readonly TrafficMirrorSessions?: readonly TrafficMirrorSession[];
  readonly TrafficMirrorTargets?: readonly TrafficMirrorTarget[];
  readonly TrafficMirrorFilters?: readonly TrafficMirrorFilter[];
  /** DescribeSnapshotAttribute's answers (createVolumePermission), one per snapshot. */
  readonly SnapshotAttributes?: readonly {readonly SnapshotId?: string; readonly CreateVolumePermissions?: readonly CreateVolumePermission[]}[];
  /** DescribeImageAttribute's answers (launchPermission), one per image. */
  readonly ImageAttributes?: readonly {readonly ImageId?: string; readonly LaunchPermissions?: readonly LaunchPermission[]}[];
  /** GetSnapshotBlockPublicAccessState's answer: State is unblocked, block-all-sharing or block-new-sharing. */
  readonly SnapshotBlockPublicAccess?: readonly {readonly State?: string}[];
  /** GetImageBlockPublicAccessState's answer: ImageBlockPublicAccessState is unblocked or block-new-sharing. */
  readonly ImageBlockPublicAccess?: readonly {readonly ImageBlockPublicAccessState?: string}[];
  /** LookupEvents' answer ({Events: [...]}, each with its record as CloudTrailEvent text): the event history a state read looked at. */
  readonly TrailEvents?: readonly {readonly Events?: readonly {readonly EventName?: string; readonly CloudTrailEvent?: string}[]}[];
};
