// Training accounts for the internet gateway events, built from the record's facts: the VPC with two subnets,
// the gateway as the event left it, and a route table that sends 0.0.0.0/0 to it for those subnets (active
// while the gateway is attached, a blackhole once it is detached or deleted). A failed call changed nothing:
// a refused attach leaves the gateway on its own, a refused detach or delete leaves it attached.
import type {InternetGateway} from '@aws-sdk/client-ec2';
import {newId} from './account.js';
import {attachedState} from './internet-gateways.js';
import {fact, subnetsOf, type EventSeeds, type SeedContext} from './seed-events.js';
import {network, route, routeTable, type Parts} from './seed-parts.js';

type Left = 'attached' | 'detached' | 'deleted';

/** How the event (or its refusal) left the gateway. */
const leftBy: Readonly<Record<string, {readonly done: Left; readonly refused: Left | 'none'}>> = {
  CreateInternetGateway: {done: 'detached', refused: 'none'},
  AttachInternetGateway: {done: 'attached', refused: 'detached'},
  DetachInternetGateway: {done: 'detached', refused: 'attached'},
  DeleteInternetGateway: {done: 'deleted', refused: 'attached'},
};

function gatewaySeed(context: SeedContext): Parts[] {
  const {place} = context;
  const {eventName} = context.record;
  const rule = leftBy[eventName] ?? {done: 'detached', refused: 'none'};
  const left = context.failed ? rule.refused : rule.done;
  const gatewayId = fact(context, 'internetGatewayId');
  const vpcId = fact(context, 'vpcId') ?? newId('vpc', `${gatewayId ?? 'gateway'}|vpc`);
  const cidr = '10.0.0.0/16';
  const subnets = subnetsOf(context, vpcId, cidr);
  const parts: Parts[] = [network(place, vpcId, cidr, {subnets})];
  if (gatewayId === undefined || left === 'none') return parts;
  // A new gateway has no routes yet; the others had the VPC's public route table pointing at them.
  if (eventName !== 'CreateInternetGateway') {
    const state = left === 'attached' ? 'active' : 'blackhole';
    const tableId = newId('rtb', `${vpcId}|public`);
    parts.push({RouteTables: [{...routeTable(place, vpcId, tableId, cidr, [route('0.0.0.0/0', {GatewayId: gatewayId}, state)], subnets.map((s) => s.SubnetId ?? '')), Tags: [{Key: 'Name', Value: 'public'}]}]});
  }
  if (left === 'deleted') return parts;
  const gateway: InternetGateway = {
    InternetGatewayId: gatewayId, OwnerId: place.owner, Tags: [],
    Attachments: left === 'attached' ? [{VpcId: vpcId, State: attachedState}] : [],
  };
  parts.push({InternetGateways: [gateway]});
  return parts;
}

export const internetGatewaysSeeds: EventSeeds = {
  CreateInternetGateway: gatewaySeed,
  AttachInternetGateway: gatewaySeed,
  DetachInternetGateway: gatewaySeed,
  DeleteInternetGateway: gatewaySeed,
};
