// Documented API constraints that the SDK models do not express and the emulator (moto) does not check:
// each rule says what the API reference says, where, and checks one complete action against it.
// A rule with `requiresOneOf` also decides completeness: an action holding none of those parameters
// cannot work, whatever the model says, so its step asks for one (src/aws/bound-action.ts).
import type {Fact} from '../events/record.js';
import type {Action, ParamValue} from './action.js';
import type {ServiceName} from './operations.js';

export interface RuleContext {
  /** The Region the call is sent to (the action's own, else the event's). */
  readonly region: string;
  /** The event's Region. */
  readonly eventRegion: string;
  readonly facts: readonly Fact[];
  /** The command as the CLI track renders it, for rules about the CLI. */
  readonly cli?: string | undefined;
  /** How many network interfaces the instance has, when a read has counted them. */
  readonly interfaceCount?: number | undefined;
}

export interface ApiRule {
  readonly id: string;
  readonly service: ServiceName;
  readonly operations: readonly string[];
  /** What the API reference says, in our words. */
  readonly says: string;
  /** The page of the API (or CLI) reference that says it. */
  readonly source: string;
  /** The action cannot work without one of these parameters (a step lacking them all is incomplete). */
  readonly requiresOneOf?: readonly string[];
  /** What is wrong with the action, or undefined when it keeps the rule. */
  readonly check: (action: Action, context: RuleContext) => string | undefined;
}

const ec2Api = (operation: string): string => `https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_${operation}.html`;

/** A parameter counts as given when it holds something: not absent, not '', not an empty list. */
export function isGiven(value: ParamValue | undefined): boolean {
  if (value === undefined || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

function given(action: Action, names: readonly string[]): string[] {
  return names.filter((name) => isGiven(action.params[name]));
}

function exactlyOne(names: readonly string[], what: string) {
  return (action: Action): string | undefined => {
    const found = given(action, names);
    if (found.length === 1) return undefined;
    return found.length === 0 ? `no ${what}: give one of ${names.join(', ')}` : `${found.length} ${what}s (${found.join(', ')}): give exactly one`;
  };
}

const routeDestinations = ['DestinationCidrBlock', 'DestinationIpv6CidrBlock', 'DestinationPrefixListId'] as const;
const routeTargets = [
  'GatewayId', 'NatGatewayId', 'NetworkInterfaceId', 'VpcPeeringConnectionId', 'TransitGatewayId', 'LocalGatewayId', 'CarrierGatewayId',
  'EgressOnlyInternetGatewayId', 'VpcEndpointId', 'CoreNetworkArn', 'InstanceId', 'LocalTarget',
] as const;

function attributesGiven(action: Action, identity: readonly string[]): string[] {
  // Attribute + Value name one attribute together (ModifyInstanceAttribute's generic form).
  const names = Object.keys(action.params).filter((name) => !identity.includes(name) && name !== 'Value' && isGiven(action.params[name]));
  return names;
}

/** A scalar parameter as text (a number as its digits), else undefined. */
function scalarText(value: ParamValue | undefined): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function factText(facts: readonly Fact[], key: string): string | undefined {
  const value = facts.find((f) => f.key === key)?.value;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A permission change (snapshot or AMI): flat lists need OperationType; the structure adds or removes, not both. */
function permissionChange(lists: readonly string[], structure: string) {
  return (action: Action): string | undefined => {
    const flat = given(action, lists);
    const operation = action.params['OperationType'];
    if (flat.length > 0 && operation !== 'add' && operation !== 'remove') return `${flat.join(', ')} without OperationType: give add or remove`;
    const modifications = action.params[structure];
    if (modifications !== undefined && typeof modifications === 'object' && !Array.isArray(modifications)) {
      const parts = modifications as Readonly<Record<string, ParamValue>>;
      if (isGiven(parts['Add']) && isGiven(parts['Remove'])) return `${structure} both adds and removes: make two calls`;
    }
    return undefined;
  };
}

export const apiRules: readonly ApiRule[] = [
  {
    id: 'snapshot-permission-grant',
    service: 'ec2',
    operations: ['ModifySnapshotAttribute'],
    says: 'A change of a snapshot\'s create volume permission names what it adds or removes (account IDs, or the group all), and adds or removes, not both in one call.',
    source: ec2Api('ModifySnapshotAttribute'),
    requiresOneOf: ['UserIds', 'GroupNames', 'CreateVolumePermission'],
    check: permissionChange(['UserIds', 'GroupNames'], 'CreateVolumePermission'),
  },
  {
    id: 'image-permission-grant',
    service: 'ec2',
    operations: ['ModifyImageAttribute'],
    says: 'A change of an AMI\'s launch permission names what it adds or removes (account IDs, the group all, organizations or organizational units), and adds or removes, not both in one call.',
    source: ec2Api('ModifyImageAttribute'),
    requiresOneOf: ['UserIds', 'UserGroups', 'OrganizationArns', 'OrganizationalUnitArns', 'LaunchPermission', 'Description', 'ImdsSupport', 'Value'],
    check: permissionChange(['UserIds', 'UserGroups', 'OrganizationArns', 'OrganizationalUnitArns'], 'LaunchPermission'),
  },
  {
    id: 'route-one-destination',
    service: 'ec2',
    operations: ['CreateRoute', 'ReplaceRoute'],
    says: 'A route is named by its destination: give exactly one of an IPv4 CIDR, an IPv6 CIDR or a prefix list.',
    source: ec2Api('CreateRoute'),
    requiresOneOf: routeDestinations,
    check: exactlyOne(routeDestinations, 'route destination'),
  },
  {
    id: 'route-one-target',
    service: 'ec2',
    operations: ['CreateRoute', 'ReplaceRoute'],
    says: 'A route sends its traffic to exactly one target (a gateway, an interface, a peering connection…).',
    source: ec2Api('ReplaceRoute'),
    requiresOneOf: routeTargets,
    check: exactlyOne(routeTargets, 'route target'),
  },
  {
    id: 'delete-route-destination',
    service: 'ec2',
    operations: ['DeleteRoute'],
    says: 'The route to delete is the one whose destination matches exactly: give its IPv4 CIDR, IPv6 CIDR or prefix list, one of them.',
    source: ec2Api('DeleteRoute'),
    requiresOneOf: routeDestinations,
    check: exactlyOne(routeDestinations, 'route destination'),
  },
  {
    id: 'route-table-association-one-target',
    service: 'ec2',
    operations: ['AssociateRouteTable'],
    says: 'A route table is associated with a subnet or with a gateway (an internet or virtual private gateway): give one of SubnetId and GatewayId, not both.',
    source: ec2Api('AssociateRouteTable'),
    requiresOneOf: ['SubnetId', 'GatewayId'],
    check: exactlyOne(['SubnetId', 'GatewayId'], 'association target'),
  },
  {
    id: 's3-location-constraint',
    service: 's3',
    operations: ['CreateBucket'],
    says: 'A bucket is created in the Region the request goes to. In us-east-1 the LocationConstraint is left out (giving it is refused as InvalidLocationConstraint); anywhere else it is required and names that Region.',
    source: 'https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html',
    check: (action, context) => {
      const configuration = action.params['CreateBucketConfiguration'];
      const location = configuration !== undefined && typeof configuration === 'object' && !Array.isArray(configuration) ? (configuration as Readonly<Record<string, ParamValue>>)['LocationConstraint'] : undefined;
      const named = isGiven(location) ? scalarText(location) : undefined;
      if (context.region === 'us-east-1') return named === undefined ? undefined : `LocationConstraint ${named} in us-east-1: leave it out there (InvalidLocationConstraint)`;
      if (named === undefined) return `no LocationConstraint: a bucket made in ${context.region} needs LocationConstraint ${context.region}`;
      return named === context.region ? undefined : `LocationConstraint ${named}, but the request goes to ${context.region}: they must be the same`;
    },
  },
  {
    id: 'peering-accepter-region',
    service: 'ec2',
    operations: ['AcceptVpcPeeringConnection', 'RejectVpcPeeringConnection'],
    says: 'An inter-Region peering request is accepted (or rejected) in the Region of the accepter VPC; sent anywhere else it is refused.',
    source: ec2Api('AcceptVpcPeeringConnection'),
    check: (_action, context) => {
      const peerRegion = factText(context.facts, 'peerRegion');
      if (peerRegion === undefined || peerRegion === context.eventRegion || peerRegion === context.region) return undefined;
      return `sent to ${context.region}, but the accepter VPC is in ${peerRegion}: send it there`;
    },
  },
  {
    id: 'cli-run-instances-count',
    service: 'ec2',
    operations: ['RunInstances'],
    says: 'The AWS CLI takes the number of instances as one --count (N, or MIN:MAX); it has no --min-count or --max-count.',
    source: 'https://docs.aws.amazon.com/cli/latest/reference/ec2/run-instances.html',
    check: (_action, context) => {
      const wrong = ['--min-count', '--max-count'].filter((flag) => context.cli?.split(/\s+/).some((word) => word === flag || word.startsWith(`${flag}=`)));
      return wrong.length ? `the command uses ${wrong.join(' and ')}, which the CLI does not parse: use --count` : undefined;
    },
  },
  {
    id: 'instance-groups-one-interface',
    service: 'ec2',
    operations: ['ModifyInstanceAttribute'],
    says: 'Changing an instance\'s security groups through ModifyInstanceAttribute can fail when it has more than one network interface; change each interface with ModifyNetworkInterfaceAttribute instead.',
    source: ec2Api('ModifyInstanceAttribute'),
    check: (action, context) => {
      if (!isGiven(action.params['Groups'])) return undefined;
      if (context.interfaceCount === 1) return undefined;
      const count = context.interfaceCount === undefined ? 'may have several network interfaces' : `has ${context.interfaceCount} network interfaces`;
      return `Groups on an instance that ${count}: set the groups of each interface with ModifyNetworkInterfaceAttribute`;
    },
  },
  {
    id: 'instance-one-attribute',
    service: 'ec2',
    operations: ['ModifyInstanceAttribute'],
    says: 'ModifyInstanceAttribute changes one attribute per call.',
    source: ec2Api('ModifyInstanceAttribute'),
    check: (action) => {
      const found = attributesGiven(action, ['InstanceId']);
      return found.length > 1 ? `${found.length} attributes in one call (${found.join(', ')}): one call each` : undefined;
    },
  },
  {
    id: 'interface-one-attribute',
    service: 'ec2',
    operations: ['ModifyNetworkInterfaceAttribute'],
    says: 'ModifyNetworkInterfaceAttribute changes one attribute per call.',
    source: ec2Api('ModifyNetworkInterfaceAttribute'),
    check: (action) => {
      const found = attributesGiven(action, ['NetworkInterfaceId']);
      return found.length > 1 ? `${found.length} attributes in one call (${found.join(', ')}): one call each` : undefined;
    },
  },
  {
    id: 'acl-entry-port-range',
    service: 'ec2',
    operations: ['CreateNetworkAclEntry', 'ReplaceNetworkAclEntry'],
    says: 'A network ACL entry for TCP (6) or UDP (17) needs its PortRange.',
    source: ec2Api('CreateNetworkAclEntry'),
    check: (action) => {
      const protocol = (scalarText(action.params['Protocol']) ?? '').toLowerCase();
      const needsPorts = ['6', '17', 'tcp', 'udp'].includes(protocol);
      return needsPorts && !isGiven(action.params['PortRange']) ? `protocol ${protocol} without PortRange` : undefined;
    },
  },
  ...(['CopySnapshot', 'CreateVolume'] as const).map((operation): ApiRule => ({
    id: `${operation === 'CopySnapshot' ? 'copy-snapshot' : 'create-volume'}-kms-encrypted`,
    service: 'ec2',
    operations: [operation],
    says: 'A KmsKeyId is only taken with Encrypted set to true.',
    source: ec2Api(operation),
    check: (action) => (isGiven(action.params['KmsKeyId']) && action.params['Encrypted'] !== true ? 'KmsKeyId without Encrypted: true' : undefined),
  })),
  {
    id: 'lookup-events-one-attribute',
    service: 'cloudtrail',
    operations: ['LookupEvents'],
    says: 'LookupEvents filters on at most one lookup attribute per call.',
    source: 'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html',
    check: (action) => {
      const attributes = action.params['LookupAttributes'];
      return Array.isArray(attributes) && attributes.length > 1 ? `${attributes.length} lookup attributes: one per call` : undefined;
    },
  },
  {
    id: 'flow-log-destination',
    service: 'ec2',
    operations: ['CreateFlowLogs'],
    says: 'A flow log writes to a LogDestination (an ARN) or, for CloudWatch Logs only, a LogGroupName: one of them, not both.',
    source: ec2Api('CreateFlowLogs'),
    requiresOneOf: ['LogDestination', 'LogGroupName'],
    check: (action) => {
      const found = given(action, ['LogDestination', 'LogGroupName']);
      if (found.length > 1) return 'both LogDestination and LogGroupName: give one';
      const type = scalarText(action.params['LogDestinationType']) ?? 'cloud-watch-logs';
      return type !== 'cloud-watch-logs' && found.includes('LogGroupName') ? `LogGroupName with LogDestinationType ${type}: give its ARN as LogDestination` : undefined;
    },
  },
  {
    id: 'flow-log-cloudwatch-role',
    service: 'ec2',
    operations: ['CreateFlowLogs'],
    says: 'A flow log to CloudWatch Logs (the default destination type) needs DeliverLogsPermissionArn, the role that lets it write to the log group.',
    source: ec2Api('CreateFlowLogs'),
    check: (action) => {
      const type = scalarText(action.params['LogDestinationType']) ?? 'cloud-watch-logs';
      return type === 'cloud-watch-logs' && !isGiven(action.params['DeliverLogsPermissionArn']) ? 'a CloudWatch Logs destination without DeliverLogsPermissionArn' : undefined;
    },
  },
  {
    id: 'flow-log-traffic-type',
    service: 'ec2',
    operations: ['CreateFlowLogs'],
    says: 'TrafficType is required for a VPC, subnet or network interface, and not supported for a transit gateway or its attachment.',
    source: ec2Api('CreateFlowLogs'),
    check: (action) => {
      const type = scalarText(action.params['ResourceType']) ?? '';
      const hasTraffic = isGiven(action.params['TrafficType']);
      const isTransit = type === 'TransitGateway' || type === 'TransitGatewayAttachment';
      if (isTransit) return hasTraffic ? `TrafficType with ResourceType ${type}: leave it out` : undefined;
      return hasTraffic ? undefined : `no TrafficType for ResourceType ${type || '(none)'}: give ACCEPT, REJECT or ALL`;
    },
  },
];

/** The rules that apply to a call. */
export function rulesFor(action: Pick<Action, 'service' | 'operation'>): readonly ApiRule[] {
  return apiRules.filter((rule) => rule.service === action.service && rule.operations.includes(action.operation));
}

export interface RuleBreak {
  readonly rule: ApiRule;
  readonly problem: string;
}

/** Every rule a complete action breaks, with what is wrong. */
export function ruleBreaks(action: Action, context: RuleContext): readonly RuleBreak[] {
  return rulesFor(action).flatMap((rule) => {
    const problem = rule.check(action, context);
    return problem === undefined ? [] : [{rule, problem}];
  });
}

/** The "requires one of" rules a call's parameters leave unmet (by name: a value may still be a placeholder). */
export function unmetRequirements(action: {readonly service: ServiceName; readonly operation: string; readonly params: Readonly<Record<string, unknown>>}): readonly ApiRule[] {
  return rulesFor(action).filter((rule) => rule.requiresOneOf !== undefined && !rule.requiresOneOf.some((name) => {
    const value = action.params[name];
    return value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
  }));
}
