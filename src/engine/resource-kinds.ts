// The one table of resource kinds: for each kind of EC2 resource trailguide reads, the collection
// its Describe answer lists it under, the field that holds its ID, the ID's pattern, the read-only
// call that shows it, and the error codes that mean "it no longer exists". The Now reads, the
// findings, verification, the sandbox and the scenario checks all take these from here.

export interface ResourceKind {
  /** Short name, e.g. 'security-group'. */
  readonly kind: string;
  /** What the operator calls it. */
  readonly label: string;
  /** The collection in a Describe answer and in an account snapshot, e.g. 'SecurityGroups'. */
  readonly collection: string;
  /** The field of one item that holds its ID, e.g. 'GroupId'. */
  readonly idKey: string;
  /** The ID's form; a value that fails it never enters a call. */
  readonly pattern: RegExp;
  /** The ID's prefix, e.g. 'sg-' (how an ID in an event is told apart). */
  readonly prefix: string;
  /** The service and read-only call that lists it by ID, and the parameter that takes the IDs. */
  readonly describe: {readonly service: 'ec2'; readonly operation: string; readonly idsParam: string};
  /** Error codes of that call that mean the resource does not exist (any more). */
  readonly notFound: readonly string[];
}

const hexId = (prefix: string) => new RegExp(`^${prefix}-[0-9a-f]{8}([0-9a-f]{9})?$`);

function kind(kind: string, label: string, collection: string, idKey: string, prefix: string, operation: string, idsParam: string, notFound: readonly string[]): ResourceKind {
  return {kind, label, collection, idKey, prefix: `${prefix}-`, pattern: hexId(prefix), describe: {service: 'ec2', operation, idsParam}, notFound};
}

export const resourceKinds: readonly ResourceKind[] = [
  kind('vpc', 'VPC', 'Vpcs', 'VpcId', 'vpc', 'DescribeVpcs', 'VpcIds', ['InvalidVpcID.NotFound']),
  kind('subnet', 'Subnet', 'Subnets', 'SubnetId', 'subnet', 'DescribeSubnets', 'SubnetIds', ['InvalidSubnetID.NotFound']),
  kind('security-group', 'Security group', 'SecurityGroups', 'GroupId', 'sg', 'DescribeSecurityGroups', 'GroupIds', ['InvalidGroup.NotFound', 'InvalidGroupId.NotFound', 'InvalidSecurityGroupID.NotFound']),
  kind('security-group-rule', 'Security group rule', 'SecurityGroupRules', 'SecurityGroupRuleId', 'sgr', 'DescribeSecurityGroupRules', 'SecurityGroupRuleIds', ['InvalidSecurityGroupRuleId.NotFound']),
  kind('route-table', 'Route table', 'RouteTables', 'RouteTableId', 'rtb', 'DescribeRouteTables', 'RouteTableIds', ['InvalidRouteTableID.NotFound']),
  kind('vpc-peering-connection', 'Peering connection', 'VpcPeeringConnections', 'VpcPeeringConnectionId', 'pcx', 'DescribeVpcPeeringConnections', 'VpcPeeringConnectionIds', ['InvalidVpcPeeringConnectionID.NotFound']),
  kind('network-interface', 'Network interface', 'NetworkInterfaces', 'NetworkInterfaceId', 'eni', 'DescribeNetworkInterfaces', 'NetworkInterfaceIds', ['InvalidNetworkInterfaceID.NotFound']),
  kind('instance', 'Instance', 'Reservations', 'InstanceId', 'i', 'DescribeInstances', 'InstanceIds', ['InvalidInstanceID.NotFound']),
  kind('network-acl', 'Network ACL', 'NetworkAcls', 'NetworkAclId', 'acl', 'DescribeNetworkAcls', 'NetworkAclIds', ['InvalidNetworkAclID.NotFound']),
  kind('volume', 'Volume', 'Volumes', 'VolumeId', 'vol', 'DescribeVolumes', 'VolumeIds', ['InvalidVolume.NotFound']),
  kind('snapshot', 'Snapshot', 'Snapshots', 'SnapshotId', 'snap', 'DescribeSnapshots', 'SnapshotIds', ['InvalidSnapshot.NotFound']),
  kind('image', 'AMI', 'Images', 'ImageId', 'ami', 'DescribeImages', 'ImageIds', ['InvalidAMIID.NotFound', 'InvalidAMIID.Unavailable']),
  kind('flow-log', 'Flow log', 'FlowLogs', 'FlowLogId', 'fl', 'DescribeFlowLogs', 'FlowLogIds', []),
  // DescribeNatGateways answers an unknown ID with NatGatewayNotFound (botocore's NatGatewayAvailable waiter waits on it).
  kind('nat-gateway', 'NAT gateway', 'NatGateways', 'NatGatewayId', 'nat', 'DescribeNatGateways', 'NatGatewayIds', ['NatGatewayNotFound']),
  kind('internet-gateway', 'Internet gateway', 'InternetGateways', 'InternetGatewayId', 'igw', 'DescribeInternetGateways', 'InternetGatewayIds', ['InvalidInternetGatewayID.NotFound']),
  kind('traffic-mirror-session', 'Traffic mirror session', 'TrafficMirrorSessions', 'TrafficMirrorSessionId', 'tms', 'DescribeTrafficMirrorSessions', 'TrafficMirrorSessionIds', ['InvalidTrafficMirrorSessionId.NotFound']),
  kind('traffic-mirror-target', 'Traffic mirror target', 'TrafficMirrorTargets', 'TrafficMirrorTargetId', 'tmt', 'DescribeTrafficMirrorTargets', 'TrafficMirrorTargetIds', ['InvalidTrafficMirrorTargetId.NotFound']),
  kind('traffic-mirror-filter', 'Traffic mirror filter', 'TrafficMirrorFilters', 'TrafficMirrorFilterId', 'tmf', 'DescribeTrafficMirrorFilters', 'TrafficMirrorFilterIds', ['InvalidTrafficMirrorFilterId.NotFound']),
  kind('prefix-list', 'Prefix list', 'PrefixLists', 'PrefixListId', 'pl', 'DescribeManagedPrefixLists', 'PrefixListIds', ['InvalidPrefixListID.NotFound', 'InvalidPrefixListId.NotFound']),
  kind('key-pair', 'Key pair', 'KeyPairs', 'KeyPairId', 'key', 'DescribeKeyPairs', 'KeyPairIds', ['InvalidKeyPair.NotFound']),
  kind('launch-template', 'Launch template', 'LaunchTemplates', 'LaunchTemplateId', 'lt', 'DescribeLaunchTemplates', 'LaunchTemplateIds', ['InvalidLaunchTemplateId.NotFound']),
  kind('transit-gateway', 'Transit gateway', 'TransitGateways', 'TransitGatewayId', 'tgw', 'DescribeTransitGateways', 'TransitGatewayIds', ['InvalidTransitGatewayID.NotFound']),
  kind('elastic-ip', 'Elastic IP', 'Addresses', 'AllocationId', 'eipalloc', 'DescribeAddresses', 'AllocationIds', ['InvalidAllocationID.NotFound']),
];

/**
 * Reads whose answer is one resource's attribute, or an account setting, not a collection of resources: the
 * collection the state keeps the answer under (one item per resource, by its ID key; a setting has none).
 */
export interface AnswerKind {
  readonly operation: string;
  readonly collection: string;
  /** The answer's field naming the resource, e.g. 'SnapshotId'; absent for an account setting. */
  readonly idKey?: string;
}

export const answerKinds: readonly AnswerKind[] = [
  {operation: 'DescribeSnapshotAttribute', collection: 'SnapshotAttributes', idKey: 'SnapshotId'},
  {operation: 'DescribeImageAttribute', collection: 'ImageAttributes', idKey: 'ImageId'},
  {operation: 'DescribeInstanceAttribute', collection: 'InstanceAttributes', idKey: 'InstanceId'},
  {operation: 'GetSnapshotBlockPublicAccessState', collection: 'SnapshotBlockPublicAccess'},
  {operation: 'GetImageBlockPublicAccessState', collection: 'ImageBlockPublicAccess'},
  {operation: 'GetEbsEncryptionByDefault', collection: 'EbsEncryptionByDefault'},
  // CloudTrail's event history (LookupEvents' {Events: [...]}, kept whole): what made a resource that is gone (DeleteFlowLogs).
  {operation: 'LookupEvents', collection: 'TrailEvents'},
];

export function answerKindOf(operation: string): AnswerKind | undefined {
  return answerKinds.find((k) => k.operation === operation);
}

/** The account-snapshot collections of the kinds the network findings read (their order is the snapshot's). */
export const snapshotCollections: readonly string[] = ['Vpcs', 'Subnets', 'SecurityGroups', 'RouteTables', 'VpcPeeringConnections', 'NetworkInterfaces'];

export function kindByCollection(collection: string): ResourceKind | undefined {
  return resourceKinds.find((k) => k.collection === collection);
}

export function kindByName(name: string): ResourceKind | undefined {
  return resourceKinds.find((k) => k.kind === name);
}

/** The kind whose Describe call this is. */
export function kindByDescribe(operation: string): ResourceKind | undefined {
  return resourceKinds.find((k) => k.describe.operation === operation);
}

/** The kind whose Describe call takes these IDs under this parameter (e.g. GroupIds). */
export function kindByIdsParam(param: string): ResourceKind | undefined {
  return resourceKinds.find((k) => k.describe.idsParam === param);
}

/** The kind an ID belongs to, by its prefix and pattern (e.g. sg-0123abcd → security-group). */
export function kindOfId(id: string): ResourceKind | undefined {
  return resourceKinds.find((k) => id.startsWith(k.prefix) && k.pattern.test(id));
}

/**
 * The one kind whose IDs an ID pattern (a runbook parameter's, as written) accepts: it accepts that kind's short
 * and long sample IDs and no other kind's. A pattern that takes several kinds (a route's target) names none.
 */
export function kindOfPattern(pattern: string): ResourceKind | undefined {
  let re: RegExp;
  try {
    re = new RegExp(pattern);
  } catch {
    return undefined;
  }
  const accepted = resourceKinds.filter((k) => re.test(`${k.prefix}0123abcd`) && re.test(`${k.prefix}0123456789abcdef0`));
  return accepted.length === 1 ? accepted[0] : undefined;
}
