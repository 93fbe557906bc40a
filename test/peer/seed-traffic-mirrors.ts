// The scenario's traffic mirror targets and filters, created in moto and their IDs mapped. moto 5.2.1 makes
// targets and filters only (moto/ec2/responses/traffic_mirrors.py): it has no sessions and no filter rules,
// so the steps that read or delete those are its known gaps (moto-gaps.ts), never seeded here.
import {CreateTrafficMirrorFilterCommand, CreateTrafficMirrorTargetCommand} from '@aws-sdk/client-ec2';
import {mapId, type SeedContext} from './seed-context.js';
import {unheldKindOf} from './moto-kinds.js';

/** Maps the scenario's ID to moto's only when moto's has EC2's prefix: moto's traf-mir-… IDs are unheld kinds (moto-kinds.ts). */
function mapHeld(context: SeedContext, scenarioId: string | undefined, id: string | undefined): void {
  if (scenarioId !== undefined && unheldKindOf(scenarioId) !== undefined && id?.startsWith(scenarioId.slice(0, 4)) !== true) return;
  mapId(context, scenarioId, id);
}

export async function seedTrafficMirrors(context: SeedContext): Promise<void> {
  for (const target of context.state.TrafficMirrorTargets ?? []) {
    const eni = target.NetworkInterfaceId === undefined ? undefined : context.ids.get(target.NetworkInterfaceId);
    const destination = eni !== undefined ? {NetworkInterfaceId: eni}
      : target.NetworkLoadBalancerArn !== undefined ? {NetworkLoadBalancerArn: target.NetworkLoadBalancerArn}
        : target.GatewayLoadBalancerEndpointId !== undefined ? {GatewayLoadBalancerEndpointId: target.GatewayLoadBalancerEndpointId} : undefined;
    if (destination === undefined) continue;
    const made = await context.ec2.send(new CreateTrafficMirrorTargetCommand({...destination, Description: target.Description}));
    mapHeld(context, target.TrafficMirrorTargetId, made.TrafficMirrorTarget?.TrafficMirrorTargetId);
  }
  for (const filter of context.state.TrafficMirrorFilters ?? []) {
    const made = await context.ec2.send(new CreateTrafficMirrorFilterCommand({Description: filter.Description}));
    mapHeld(context, filter.TrafficMirrorFilterId, made.TrafficMirrorFilter?.TrafficMirrorFilterId);
  }
}
