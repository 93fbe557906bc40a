// The training sandbox's starting accounts: for each built-in scenario (src/scenarios), an account
// consistent with its event and story, so the containment procedure meets what it would meet in
// AWS. The driver may do anything to EC2 ('ec2:*'), except in the denied-developer scenario,
// whose narrower policy lets trainees meet a refusal. Any other event gets an account built from
// its facts alone.
import type {CloudTrailRecord} from '../../events/record.js';
import {factsFor} from '../../events/facts/index.js';
import {allowAll, deepFreeze, type SandboxAccount, type SandboxPermissions} from './account.js';
import {cidrSeed, fact, peeringSeed, securityGroupSeed, subnetsOf, type SeedContext} from './seed-events.js';
import {interfaceSeed} from './seed-interfaces.js';
import {merge, network, networkInterface, type Parts} from './seed-parts.js';
import {routeSeed} from './seed-routes.js';

type Seed = (context: SeedContext) => Parts[];

const production = {vpcId: 'vpc-0abcdef0123456789', vpcCidr: '10.20.0.0/16'} as const;
const openToInternet = (port: number) => ({protocol: 'tcp', ports: [port, port] as const, cidr: '0.0.0.0/0'});

/** The load balancer's own interfaces use the group: AWS refuses to delete it (DependencyViolation). */
const loadBalancerGroup: Seed = (context) => {
  const parts = securityGroupSeed(context, {cidr: '10.40.0.0/16', ingress: [openToInternet(443), openToInternet(80)], tags: {project: 'payments'}});
  const vpcId = fact(context, 'vpcId') ?? '';
  const groups = parts[1]?.SecurityGroups ?? [];
  const enis = subnetsOf(context, vpcId, '10.40.0.0/16').map((s, i) =>
    networkInterface(context.place, `eni-0a1b2c3d4e5f6070${i}`, s, groups, `10.40.${i + 1}.20`, {
      description: 'ELB app/payments-api-alb/50dc6c495c0c9188', requesterManaged: true, attachment: {deviceIndex: 1, at: context.at, ownerId: 'amazon-elb'},
    }),
  );
  return [...parts, {NetworkInterfaces: enis}];
};

const scenarioSeeds: Readonly<Record<string, Seed>> = {
  // The group sits in the default VPC with SSH open to the world, added after creation; nothing uses it yet.
  'sg-default-ssh-in-default-vpc': (c) => securityGroupSeed(c, {isDefault: true, ingress: [openToInternet(22)]}),
  'sg-terraform-load-balancer': loadBalancerGroup,
  'sg-denied-developer': (c) => securityGroupSeed(c, {cidr: production.vpcCidr}),
  'sg-hostile-strings': (c) => securityGroupSeed(c, {isDefault: true}),
  // Pending acceptance by the unknown account: only the requester's delete can end it.
  'peering-cross-account-cross-region': (c) => peeringSeed(c),
  'peering-shared-services-same-account': (c) => peeringSeed(c, {accepterCidr: '10.50.0.0/16'}),
  // Refused: only the requester's VPC exists; there is no peering connection to find.
  'peering-refused-developer': (c) => [network(c.place, production.vpcId, production.vpcCidr, {name: 'production'})],
  // The public block holds no subnet yet, so it can be removed; the private one already does, so it cannot.
  'cidr-public-range-on-production-vpc': (c) => cidrSeed(c, {primary: production.vpcCidr}),
  'cidr-secondary-private-range': (c) => cidrSeed(c, {primary: '10.30.0.0/16', subnetInNewBlock: true}),
  // Refused: the VPC keeps only its primary block.
  'cidr-refused-public-range': (c) => [network(c.place, production.vpcId, production.vpcCidr, {name: 'production'})],
  'route-default-to-igw-in-private-table': (c) => routeSeed(c, {...production, subnetName: 'private-db'}),
  // The interface is the primary one of the intercepting instance: it cannot be detached, the route can be removed.
  'route-all-traffic-to-an-eni': (c) => routeSeed(c, {...production, subnetName: 'app'}),
  'route-to-foreign-peering-connection': (c) => routeSeed(c, {...production, subnetName: 'private-db', peer: {vpcId: 'vpc-0fedcba9876543210', owner: '444455556666', region: 'ap-southeast-1'}}),
  'route-private-subnets-via-nat': (c) => routeSeed(c, {vpcId: 'vpc-0aaaabbbbccccdddd', vpcCidr: '10.30.0.0/16', subnetName: 'private'}),
  // Attached as a second interface of an instance, with an Elastic IP and a group open to the internet.
  'eni-public-group-unusual-principal': (c) =>
    interfaceSeed(c, {
      attachment: {instanceId: 'i-0fedcba9876543210', deviceIndex: 1},
      publicIp: '198.51.100.23',
      ingress: {'sg-0fedcba9876543210': [openToInternet(80), openToInternet(443), openToInternet(22)]},
      withQuarantineGroup: true,
    }),
  // Requester-managed: EFS owns the attachment; the interface can be neither detached nor deleted by hand.
  'eni-efs-mount-target': (c) => interfaceSeed(c, {vpcCidr: '10.30.0.0/16', attachment: {deviceIndex: 1, ownerId: 'amazon-elasticfilesystem'}, ingress: {'sg-0abcdef0123456789': [{protocol: 'tcp', ports: [2049, 2049], cidr: '10.30.0.0/16'}]}}),
  // Nothing was created: the node's subnet is full.
  'eni-failed-subnet-full': (c) => interfaceSeed(c, {vpcId: production.vpcId, vpcCidr: production.vpcCidr, subnetCidr: '10.20.4.0/24', groupNames: {'sg-0aaaabbbbccccdddd': 'eks-nodes'}, free: 0}),
};

/** A developer role that may look but not change: every change is refused (UnauthorizedOperation). */
const readOnlyDeveloper: SandboxPermissions = {allow: ['ec2:Describe*', 'ec2:Get*']};

const permissionsFor: Readonly<Record<string, SandboxPermissions>> = {'sg-denied-developer': readOnlyDeveloper};

const eventSeeds: Readonly<Record<string, Seed>> = {
  CreateSecurityGroup: (c) => securityGroupSeed(c),
  CreateVpcPeeringConnection: (c) => peeringSeed(c),
  AssociateVpcCidrBlock: (c) => cidrSeed(c),
  CreateRoute: (c) => routeSeed(c),
  CreateNetworkInterface: (c) => interfaceSeed(c),
};

function contextOf(record: CloudTrailRecord): SeedContext {
  const owner = record.recipientAccountId ?? record.userIdentity.accountId ?? '111122223333';
  const time = Date.parse(record.eventTime ?? '');
  return {
    place: {owner, region: record.awsRegion ?? 'us-east-1'},
    record,
    facts: factsFor(record),
    at: new Date(Number.isNaN(time) ? 0 : time),
    failed: record.errorCode !== undefined && record.errorCode !== '',
  };
}

/** The starting account of a training scenario; for an unknown scenario, one built from the record's facts. */
export function seedFor(scenarioId: string, record: CloudTrailRecord): SandboxAccount {
  const context = contextOf(record);
  const seed = Object.hasOwn(scenarioSeeds, scenarioId) ? scenarioSeeds[scenarioId] : Object.hasOwn(eventSeeds, record.eventName) ? eventSeeds[record.eventName] : undefined;
  const snapshot = merge(...(seed?.(context) ?? []));
  const permissions = Object.hasOwn(permissionsFor, scenarioId) ? (permissionsFor[scenarioId] ?? allowAll) : allowAll;
  return deepFreeze({snapshot, permissions, accountId: context.place.owner, region: context.place.region});
}

/** The scenario IDs with a seed of their own. */
export const seededScenarioIds: readonly string[] = Object.keys(scenarioSeeds);
