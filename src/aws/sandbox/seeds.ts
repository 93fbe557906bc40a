// The training sandbox's starting accounts. A scenario file gives its account (state) and the
// trainee's permissions; a scenario without a state, or any other event, gets an account built
// from the event's facts alone (the resource the event made, in the network it names), where the
// trainee may do anything to EC2 ('ec2:*').
import type {CloudTrailRecord, JsonObject} from '../../events/record.js';
import {builtInEngine} from '../../runbooks/registry.js';
import {allowAll, deepFreeze, sandboxAccount, sandboxSnapshot, type SandboxAccount, type SandboxPermissions, type SnapshotInput} from './account.js';
import {cidrSeed, peeringSeed, securityGroupSeed, type SeedContext} from './seed-events.js';
import {interfaceSeed} from './seed-interfaces.js';
import {merge, type Parts} from './seed-parts.js';
import {routesSeeds} from './seed-routes.js';
import {securityGroupRulesSeeds} from './seed-security-group-rules.js';
import {networkAclsSeeds} from './seed-network-acls.js';
import {internetGatewaysSeeds} from './seed-internet-gateways.js';
import {sharingSeeds} from './seed-sharing.js';
import {flowLogsSeeds} from './seed-flow-logs.js';
import {trafficMirrorsSeeds} from './seed-traffic-mirrors.js';
import {peeringAcceptSeeds} from './seed-peering-accept.js';
import {withCallerInstance} from './seed-caller-instance.js';

type Seed = (context: SeedContext) => Parts[];

/** What a scenario file says about its account (a ScenarioFile is one): the state the trainee finds, and their permissions. */
export interface AccountSeed {
  readonly permissions?: SandboxPermissions | undefined;
  /** In the EC2 API's shapes, dates as ISO text; absent: an account built from the event's facts. */
  readonly state?: JsonObject | undefined;
}

const eventSeeds: Readonly<Record<string, Seed>> = {
  CreateSecurityGroup: (c) => securityGroupSeed(c),
  CreateVpcPeeringConnection: (c) => peeringSeed(c),
  AssociateVpcCidrBlock: (c) => cidrSeed(c),
  ...routesSeeds,
  CreateNetworkInterface: (c) => interfaceSeed(c),
  ...securityGroupRulesSeeds,
  ...networkAclsSeeds,
  ...internetGatewaysSeeds,
  ...sharingSeeds,
  ...flowLogsSeeds,
  ...trafficMirrorsSeeds,
  ...peeringAcceptSeeds,
};

function contextOf(record: CloudTrailRecord): SeedContext {
  const owner = record.recipientAccountId ?? record.userIdentity.accountId ?? '111122223333';
  const time = Date.parse(record.eventTime ?? '');
  return {
    place: {owner, region: record.awsRegion ?? 'us-east-1'},
    record,
    facts: builtInEngine(record.eventName)?.facts(record) ?? [],
    at: new Date(Number.isNaN(time) ? 0 : time),
    failed: record.errorCode !== undefined && record.errorCode !== '',
  };
}

/** Fields of the EC2 shapes that the SDK gives as Date (a scenario file writes them as ISO text). */
const dateFields = new Set(['AttachTime', 'ExpirationTime', 'CreateTime', 'LaunchTime', 'StartTime']);

/** Every collection a snapshot has; a state may leave out those it has none of. */
const emptySnapshot: SnapshotInput = {Vpcs: [], Subnets: [], SecurityGroups: [], RouteTables: [], VpcPeeringConnections: [], NetworkInterfaces: []};

function withDates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withDates);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, dateFields.has(key) && typeof item === 'string' ? new Date(item) : withDates(item)]));
}

/**
 * The starting account of a training scenario: its own account state when it has one, else one
 * built from the event's facts (also for any event that is not a scenario).
 */
export function accountFor(scenario: AccountSeed | undefined, record: CloudTrailRecord): SandboxAccount {
  const context = contextOf(record);
  const permissions = scenario?.permissions ?? allowAll;
  if (scenario?.state !== undefined) {
    const snapshot = withCallerInstance({...emptySnapshot, ...(withDates(scenario.state) as SnapshotInput)}, record, context.place.owner, context.place.region);
    return sandboxAccount({snapshot, permissions, accountId: context.place.owner, region: context.place.region});
  }
  const seed = Object.hasOwn(eventSeeds, record.eventName) ? eventSeeds[record.eventName] : undefined;
  const seeded = merge(...(seed?.(context) ?? []));
  const snapshot = sandboxSnapshot(withCallerInstance(seeded, record, context.place.owner, context.place.region), context.place.owner);
  return deepFreeze({snapshot, permissions, accountId: context.place.owner, region: context.place.region});
}
