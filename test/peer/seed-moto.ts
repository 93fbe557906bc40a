// A training scenario's account, created in moto (after moto.reset()) with the JavaScript SDK: its
// state's VPCs, subnets, groups and rules, interfaces and the instances they name, peering
// connections, route tables and routes, plus what the event names that the state does not hold (a
// route's gateway), and the event's caller in IAM. Returns the map from each scenario ID (and the event's account) to moto's.
import {parseRecord} from '../../src/events/parse-record.js';
import type {Scenario} from '../../src/scenarios/scenario.js';
import type {Moto} from './moto.js';
import {motoAccount, type IdMap, type SeedContext, ec2Client} from './seed-context.js';
import {seedGroups, seedRules, seedSubnets, seedVpcs} from './seed-network.js';
import {seedPeeringRoutes, seedPeerings, seedRouteTables} from './seed-routes.js';
import {seedAcceptedPeerings} from './seed-peering-accepted.js';
import {seedTrafficMirrors} from './seed-traffic-mirrors.js';
import {seedInternetGateways} from './seed-internet-gateways.js';
import {seedServices} from './seed-services.js';
import {seedIdentity} from './seed-iam.js';
import {seedFlowLogs} from './seed-flow-logs.js';
import {seedSharing} from './seed-sharing.js';
import {seedNetworkAcls} from './seed-network-acls.js';
import {seedCallerInstance, seedInterfaces, seedRouteInstances, seedWorkload} from './seed-workload.js';
import {callerOf} from '../../src/runbooks/caller.js';

export type {IdMap} from './seed-context.js';
export {motoAccount};

/** The account and Region a scenario's event happened in. */
export function placeOf(scenario: Pick<Scenario, 'event'>): {account: string; region: string} {
  const event = scenario.event;
  const region = typeof event['awsRegion'] === 'string' ? event['awsRegion'] : 'us-east-1';
  const identity = event['userIdentity'];
  const fromIdentity = typeof identity === 'object' && identity !== null && !Array.isArray(identity) ? (identity as Readonly<Record<string, unknown>>)['accountId'] : undefined;
  const recipient = event['recipientAccountId'];
  const account = typeof recipient === 'string' ? recipient : typeof fromIdentity === 'string' ? fromIdentity : motoAccount;
  return {account, region};
}

/** Creates the scenario's resources in moto, which must be empty (call moto.reset() first). */
export async function seedScenario(moto: Moto, scenario: Pick<Scenario, 'id' | 'event' | 'state' | 'trail'>): Promise<IdMap> {
  const {account, region} = placeOf(scenario);
  const clients: SeedContext['clients'] = [];
  const context: SeedContext = {moto, region, clients, ec2: ec2Client({moto, clients}, region), state: scenario.state ?? {}, ids: new Map([[account, motoAccount]])};
  try {
    await seedVpcs(context);
    await seedSubnets(context);
    await seedNetworkAcls(context);
    await seedGroups(context);
    await seedRules(context);
    await seedInterfaces(context);
    await seedRouteInstances(context);
    await seedCallerInstance(context, callerOf(parseRecord(scenario.event, `scenario ${scenario.id}`, 'event')).instanceId);
    await seedPeerings(context, account);
    await seedAcceptedPeerings(context, account);
    await seedInternetGateways(context);
    await seedRouteTables(context);
    await seedPeeringRoutes(context, scenario.event['eventName']);
    await seedWorkload(context);
    await seedTrafficMirrors(context);
    await seedFlowLogs(context, scenario.trail);
    await seedSharing(context);
    await seedIdentity(context, parseRecord(scenario.event, `scenario ${scenario.id}`, 'event').userIdentity);
    await seedServices(context, scenario.event['eventName']);
  } catch (error) {
    throw new Error(`seeding scenario ${scenario.id} into moto failed: ${(error as Error).message}`, {cause: error});
  } finally {
    for (const client of clients) client.destroy();
  }
  return context.ids;
}
