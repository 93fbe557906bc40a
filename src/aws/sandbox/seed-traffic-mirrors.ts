// Training accounts for the traffic mirroring events, built from the record's facts: the mirrored
// interface on its instance in a small network, the target and the filter the event names, and what the
// event created (the session, the target, or the rule). A failed call created nothing.
import type {TrafficMirrorFilter, TrafficMirrorFilterRule, TrafficMirrorSession, TrafficMirrorTarget} from '@aws-sdk/client-ec2';
import {newId} from './account.js';
import {carve} from './cidr.js';
import {fact, subnetsOf, type EventSeeds, type SeedContext} from './seed-events.js';
import {network, networkInterface, type Parts, type Place} from './seed-parts.js';

const vpcCidr = '10.30.0.0/16';

/** A VPC with two subnets, and an instance's interface in the first (the one a session mirrors). */
function workload(context: SeedContext, eniId: string): Parts[] {
  const {place} = context;
  const vpcId = newId('vpc', `${eniId}|mirror`);
  const subnets = subnetsOf(context, vpcId, vpcCidr);
  const home = subnets[0];
  const parts: Parts[] = [network(place, vpcId, vpcCidr, {subnets})];
  if (home === undefined) return parts;
  const ip = carve(home.CidrBlock ?? vpcCidr, 32, 20).split('/')[0] ?? '10.30.1.20';
  const attachment = {instanceId: newId('i', eniId), deviceIndex: 0, at: context.at};
  parts.push({NetworkInterfaces: [networkInterface(place, eniId, home, [], ip, {description: 'Primary network interface', attachment})]});
  return parts;
}

function target(place: Place, id: string, destination: string | undefined, owner: string | undefined): TrafficMirrorTarget {
  const to = destination ?? newId('eni', `${id}|target`);
  const kind = to.startsWith('arn:') ? {NetworkLoadBalancerArn: to, Type: 'network-load-balancer' as const}
    : to.startsWith('vpce-') ? {GatewayLoadBalancerEndpointId: to, Type: 'gateway-load-balancer-endpoint' as const}
      : {NetworkInterfaceId: to, Type: 'network-interface' as const};
  return {TrafficMirrorTargetId: id, ...kind, Description: '', OwnerId: owner ?? place.owner, Tags: []};
}

function filter(id: string, rules: readonly TrafficMirrorFilterRule[] = []): TrafficMirrorFilter {
  return {
    TrafficMirrorFilterId: id, Description: '', NetworkServices: [], Tags: [],
    IngressFilterRules: rules.filter((r) => r.TrafficDirection === 'ingress'), EgressFilterRules: rules.filter((r) => r.TrafficDirection === 'egress'),
  };
}

/** An accept-everything rule of one direction (what a capture-all filter holds). */
function acceptAll(filterId: string, direction: 'ingress' | 'egress', id = newId('tmfr', `${filterId}|${direction}`)): TrafficMirrorFilterRule {
  return {TrafficMirrorFilterRuleId: id, TrafficMirrorFilterId: filterId, TrafficDirection: direction, RuleNumber: 100, RuleAction: 'accept', SourceCidrBlock: '0.0.0.0/0', DestinationCidrBlock: '0.0.0.0/0'};
}

/** CreateTrafficMirrorSession: the interface, its target and a capture-all filter, and the session. */
function sessionSeed(context: SeedContext): Parts[] {
  const {place} = context;
  const eniId = fact(context, 'sourceInterfaceId') ?? newId('eni', 'mirrored');
  const targetId = fact(context, 'targetId') ?? newId('tmt', 'mirror');
  const filterId = fact(context, 'filterId') ?? newId('tmf', 'mirror');
  const parts = [...workload(context, eniId), {
    TrafficMirrorTargets: [target(place, targetId, undefined, undefined)],
    TrafficMirrorFilters: [filter(filterId, [acceptAll(filterId, 'ingress'), acceptAll(filterId, 'egress')])],
  }];
  const sessionId = fact(context, 'sessionId');
  if (context.failed || sessionId === undefined) return parts;
  const session: TrafficMirrorSession = {
    TrafficMirrorSessionId: sessionId, TrafficMirrorTargetId: targetId, TrafficMirrorFilterId: filterId, NetworkInterfaceId: eniId,
    OwnerId: place.owner, SessionNumber: 1, VirtualNetworkId: 4875613, Description: '', Tags: [],
  };
  return [...parts, {TrafficMirrorSessions: [session]}];
}

/** CreateTrafficMirrorTarget: the network, and the new target where the event says it sends. */
function targetSeed(context: SeedContext): Parts[] {
  const parts = workload(context, newId('eni', 'workload'));
  const targetId = fact(context, 'targetId');
  if (context.failed || targetId === undefined) return parts;
  return [...parts, {TrafficMirrorTargets: [target(context.place, targetId, fact(context, 'targetDestination'), fact(context, 'targetOwnerId'))]}];
}

/** CreateTrafficMirrorFilterRule: the filter, with the new accept-all rule unless the call failed. */
function filterRuleSeed(context: SeedContext): Parts[] {
  const filterId = fact(context, 'filterId') ?? newId('tmf', 'rule');
  const ruleId = fact(context, 'filterRuleId');
  const rules = context.failed || ruleId === undefined ? [] : [acceptAll(filterId, 'ingress', ruleId)];
  return [...workload(context, newId('eni', 'workload')), {TrafficMirrorFilters: [filter(filterId, rules)]}];
}

export const trafficMirrorsSeeds: EventSeeds = {
  CreateTrafficMirrorSession: sessionSeed,
  CreateTrafficMirrorTarget: targetSeed,
  CreateTrafficMirrorFilterRule: filterRuleSeed,
};
