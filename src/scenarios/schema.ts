// The schema of a scenario file (JSON or YAML), for the built-in scenarios and trainers' own.
// The account state is checked where a mistake would silently change the exercise: every resource
// has its ID in EC2's format, every CIDR parses, unknown collections are refused (a typo such as
// "Vpc" would otherwise leave the account empty); the rest of each resource is EC2's own shape,
// passed through as written. parse.ts adds the checks that need more than one field.
import {z} from 'zod';
import {parseCidr} from '../engine/cidr.js';

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case words joined by "-"').max(64);
const oneLine = (max: number) => z.string().min(1).max(max).regex(/^[^\n\r]*$/, 'one line');
const ec2Id = (prefix: string) => z.string().regex(new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`), `an ID such as ${prefix}-0123456789abcdef0`);
const cidr = z.string().refine((text) => parseCidr(text) !== undefined && text.includes('/'), 'a CIDR block such as 10.0.0.0/16');
const account = z.string().regex(/^[0-9]{12}$/, 'an account ID is 12 digits');
const iamAction = z.string().regex(/^(\*|[a-z0-9-]+:[A-Za-z0-9*?]+)$/, 'an IAM action such as ec2:RevokeSecurityGroupIngress or ec2:Describe*');
const findingId = kebab;

const objective = z.union([
  z.strictObject({text: oneLine(160), resolves: z.array(findingId).min(1)}),
  z.strictObject({text: oneLine(160), noChanges: z.literal(true)}),
]);

const vpc = z.looseObject({VpcId: ec2Id('vpc'), CidrBlock: cidr, OwnerId: account.optional(), CidrBlockAssociationSet: z.array(z.looseObject({AssociationId: ec2Id('vpc-cidr-assoc'), CidrBlock: cidr})).optional()});
const subnet = z.looseObject({SubnetId: ec2Id('subnet'), VpcId: ec2Id('vpc'), CidrBlock: cidr, AvailableIpAddressCount: z.number().int().min(0).optional()});
const securityGroup = z.looseObject({GroupId: ec2Id('sg'), GroupName: z.string().min(1), VpcId: ec2Id('vpc'), IpPermissions: z.array(z.looseObject({IpProtocol: z.string()})).optional(), IpPermissionsEgress: z.array(z.looseObject({IpProtocol: z.string()})).optional()});
const securityGroupRule = z.looseObject({
  SecurityGroupRuleId: ec2Id('sgr'), GroupId: ec2Id('sg'), IsEgress: z.boolean(), IpProtocol: z.string().min(1),
  FromPort: z.number().int().min(-1).max(65535).optional(), ToPort: z.number().int().min(-1).max(65535).optional(), CidrIpv4: cidr.optional(), CidrIpv6: cidr.optional(),
});
const route = z.looseObject({DestinationCidrBlock: cidr.optional(), DestinationIpv6CidrBlock: cidr.optional(), State: z.enum(['active', 'blackhole']).optional()});
const routeTable = z.looseObject({
  RouteTableId: ec2Id('rtb'), VpcId: ec2Id('vpc'), Routes: z.array(route).default([]),
  Associations: z.array(z.looseObject({Main: z.boolean().optional(), SubnetId: ec2Id('subnet').optional()})).default([]),
});
const peeringSide = z.looseObject({VpcId: ec2Id('vpc'), OwnerId: account, Region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'a Region such as us-east-1').optional(), CidrBlock: cidr.optional()});
const peering = z.looseObject({
  VpcPeeringConnectionId: ec2Id('pcx'), RequesterVpcInfo: peeringSide, AccepterVpcInfo: peeringSide,
  Status: z.looseObject({Code: z.enum(['initiating-request', 'pending-acceptance', 'active', 'deleted', 'rejected', 'failed', 'expired', 'provisioning', 'deleting'])}),
});
const networkInterface = z.looseObject({
  NetworkInterfaceId: ec2Id('eni'), SubnetId: ec2Id('subnet'), VpcId: ec2Id('vpc'), Groups: z.array(z.looseObject({GroupId: ec2Id('sg')})).default([]),
  Attachment: z.looseObject({InstanceId: ec2Id('i').optional(), DeviceIndex: z.number().int().min(0)}).optional(),
});

const natGateway = z.looseObject({
  NatGatewayId: ec2Id('nat'), SubnetId: ec2Id('subnet'), VpcId: ec2Id('vpc'),
  State: z.enum(['pending', 'failed', 'available', 'deleting', 'deleted']), ConnectivityType: z.enum(['public', 'private']).optional(),
});

const internetGateway = z.looseObject({
  InternetGatewayId: ec2Id('igw'),
  Attachments: z.array(z.looseObject({VpcId: ec2Id('vpc'), State: z.enum(['attaching', 'attached', 'detaching', 'detached', 'available']).optional()})).default([]),
});

const flowLog = z.looseObject({
  FlowLogId: ec2Id('fl'), ResourceId: z.string().regex(/^(vpc|subnet|eni|tgw|tgw-attach)-([0-9a-f]{8}|[0-9a-f]{17})$/, 'a VPC, subnet, interface or transit gateway ID'),
  FlowLogStatus: z.enum(['ACTIVE']).optional(), TrafficType: z.enum(['ACCEPT', 'REJECT', 'ALL']).optional(),
});

const mirrorFilterRule = z.looseObject({
  TrafficMirrorFilterRuleId: ec2Id('tmfr'), TrafficDirection: z.enum(['ingress', 'egress']), RuleAction: z.enum(['accept', 'reject']),
  SourceCidrBlock: cidr.optional(), DestinationCidrBlock: cidr.optional(),
});
const mirrorFilter = z.looseObject({TrafficMirrorFilterId: ec2Id('tmf'), IngressFilterRules: z.array(mirrorFilterRule).optional(), EgressFilterRules: z.array(mirrorFilterRule).optional()});
const mirrorTarget = z.looseObject({
  TrafficMirrorTargetId: ec2Id('tmt'), Type: z.enum(['network-interface', 'network-load-balancer', 'gateway-load-balancer-endpoint']),
  NetworkInterfaceId: ec2Id('eni').optional(), OwnerId: account.optional(),
});
const mirrorSession = z.looseObject({
  TrafficMirrorSessionId: ec2Id('tms'), TrafficMirrorTargetId: ec2Id('tmt'), TrafficMirrorFilterId: ec2Id('tmf'), NetworkInterfaceId: ec2Id('eni'), OwnerId: account.optional(),
});

const volume = z.looseObject({VolumeId: ec2Id('vol'), Attachments: z.array(z.looseObject({InstanceId: ec2Id('i').optional()})).optional()});
const snapshot = z.looseObject({SnapshotId: ec2Id('snap'), VolumeId: ec2Id('vol').optional(), OwnerId: account.optional(), Encrypted: z.boolean().optional()});
const image = z.looseObject({
  ImageId: ec2Id('ami'), OwnerId: account.optional(), Public: z.boolean().optional(),
  BlockDeviceMappings: z.array(z.looseObject({Ebs: z.looseObject({SnapshotId: ec2Id('snap').optional(), Encrypted: z.boolean().optional()}).optional()})).optional(),
});
const grant = {
  Group: z.literal('all').optional(), UserId: account.optional(),
  OrganizationArn: z.string().regex(/^arn:aws[a-z-]*:organizations::[0-9]{12}:organization\/o-[a-z0-9]{10,32}$/, 'an organization ARN').optional(),
  OrganizationalUnitArn: z.string().regex(/^arn:aws[a-z-]*:organizations::[0-9]{12}:ou\/o-[a-z0-9]{10,32}\/ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}$/, 'an organizational unit ARN').optional(),
};
const snapshotAttributes = z.strictObject({SnapshotId: ec2Id('snap'), CreateVolumePermissions: z.array(z.strictObject({Group: grant.Group, UserId: grant.UserId}))});
const imageAttributes = z.strictObject({ImageId: ec2Id('ami'), LaunchPermissions: z.array(z.strictObject(grant))});

const networkAcl = z.looseObject({
  NetworkAclId: ec2Id('acl'), VpcId: ec2Id('vpc').optional(), IsDefault: z.boolean().optional(),
  Associations: z.array(z.looseObject({NetworkAclAssociationId: z.string().regex(/^aclassoc-[0-9a-f]{8}([0-9a-f]{9})?$/, 'aclassoc- and 8 or 17 hex digits'), SubnetId: ec2Id('subnet').optional()})).optional(),
});

export const stateSchema = z.strictObject({
  Vpcs: z.array(vpc).optional(),
  Subnets: z.array(subnet).optional(),
  SecurityGroups: z.array(securityGroup).optional(),
  SecurityGroupRules: z.array(securityGroupRule).optional(),
  RouteTables: z.array(routeTable).optional(),
  VpcPeeringConnections: z.array(peering).optional(),
  NetworkInterfaces: z.array(networkInterface).optional(),
  NatGateways: z.array(natGateway).optional(),
  FlowLogs: z.array(flowLog).optional(),
  InternetGateways: z.array(internetGateway).optional(),
  NetworkAcls: z.array(networkAcl).optional(),
  TrafficMirrorSessions: z.array(mirrorSession).optional(),
  TrafficMirrorTargets: z.array(mirrorTarget).optional(),
  TrafficMirrorFilters: z.array(mirrorFilter).optional(),
  Volumes: z.array(volume).optional(),
  Snapshots: z.array(snapshot).optional(),
  Images: z.array(image).optional(),
  SnapshotAttributes: z.array(snapshotAttributes).optional(),
  ImageAttributes: z.array(imageAttributes).optional(),
  SnapshotBlockPublicAccess: z.array(z.strictObject({State: z.enum(['unblocked', 'block-all-sharing', 'block-new-sharing'])})).max(1).optional(),
  ImageBlockPublicAccess: z.array(z.strictObject({ImageBlockPublicAccessState: z.enum(['unblocked', 'block-new-sharing'])})).max(1).optional(),
});

export const scenarioSchema = z.strictObject({
  id: kebab,
  title: oneLine(100),
  kind: z.enum(['risky', 'benign', 'failed', 'hostile']),
  difficulty: z.enum(['easy', 'medium', 'hard']),
  brief: oneLine(300).optional(),
  summary: z.string().min(1).max(800),
  objectives: z.array(objective).min(1),
  contained: z.array(findingId).default([]),
  permissions: z.strictObject({allow: z.array(iamAction).min(1), deny: z.array(iamAction).optional()}).optional(),
  event: z.record(z.string(), z.unknown()),
  state: stateSchema.optional(),
  // Earlier events of the account, as CloudTrail wrote them: its event history (LookupEvents) holds them beside `event`.
  trail: z.array(z.record(z.string(), z.unknown())).max(50).optional(),
});
