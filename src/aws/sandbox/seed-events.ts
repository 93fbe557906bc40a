// An account consistent with an event, built from the record's facts (the same facts the runbooks
// bind to): the resource the event created, in the network it names, as it looks when the
// responder arrives. A failed call created nothing, so its seed holds only the surroundings.
import type {Subnet} from '@aws-sdk/client-ec2';
import type {CloudTrailRecord, Fact} from '../../events/record.js';
import {newId} from './account.js';
import {carve, overlaps, parseCidr} from './cidr.js';
import {allowAllOut, group, network, peering, subnet, type Parts, type Place} from './seed-parts.js';

export interface SeedContext {
  readonly place: Place;
  readonly record: CloudTrailRecord;
  readonly facts: readonly Fact[];
  /** When the event happened (the epoch when the record does not say). */
  readonly at: Date;
  /** The call was refused (errorCode set): it created nothing. */
  readonly failed: boolean;
}

/** An account built from an event's facts: the parts it holds, by event name. */
export type EventSeeds = Readonly<Record<string, (context: SeedContext) => Parts[]>>;

export function fact(context: SeedContext, key: string): string | undefined {
  const value = context.facts.find((f) => f.key === key)?.value;
  return typeof value === 'string' ? value : value?.[0];
}

export function factList(context: SeedContext, key: string): readonly string[] {
  const value = context.facts.find((f) => f.key === key)?.value;
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
}

/** The first block of the candidates that overlaps none of the blocks given. */
export function freeBlock(taken: readonly (string | undefined)[], candidates: readonly string[] = ['10.0.0.0/16', '10.1.0.0/16', '172.16.0.0/16', '192.168.0.0/16']): string {
  const used = taken.map(parseCidr).filter((c) => c !== undefined);
  return candidates.find((c) => used.every((u) => !overlaps(u, parseCidr(c) ?? u))) ?? '100.64.0.0/16';
}

/** Two subnets carved from the VPC's block: /24s from .1. */
export function subnetsOf(context: SeedContext, vpcId: string, cidr: string): Subnet[] {
  return [0, 1].map((i) => {
    const block = carve(cidr, 24, i + 1);
    const zone = 'ab'[i] ?? 'a';
    return subnet(context.place, vpcId, newId('subnet', `${vpcId}|${block}`), block, zone);
  });
}

/** CreateSecurityGroup: the VPC, and the new group with AWS's allow-all outbound rule. */
export function securityGroupSeed(context: SeedContext): Parts[] {
  const {place} = context;
  const vpcId = fact(context, 'vpcId') ?? newId('vpc', `${place.owner}|default`);
  const cidr = '10.0.0.0/16';
  const parts: Parts[] = [network(place, vpcId, cidr, {subnets: subnetsOf(context, vpcId, cidr)})];
  const groupId = fact(context, 'groupId');
  if (context.failed || groupId === undefined) return parts;
  const created = group(place, vpcId, groupId, fact(context, 'groupName') ?? groupId, fact(context, 'groupDescription') ?? '');
  parts.push({SecurityGroups: [created], SecurityGroupRules: [allowAllOut(place, groupId)]});
  return parts;
}

/** CreateVpcPeeringConnection: the requester's network, the accepter's too when it is ours here, and the request awaiting acceptance (for a week). */
export function peeringSeed(context: SeedContext): Parts[] {
  const {place} = context;
  const requesterVpcId = fact(context, 'requesterVpcId') ?? newId('vpc', 'requester');
  const requesterCidr = fact(context, 'requesterCidrBlock') ?? '10.0.0.0/16';
  const parts: Parts[] = [network(place, requesterVpcId, requesterCidr, {subnets: subnetsOf(context, requesterVpcId, requesterCidr)})];
  const accepter = {vpcId: fact(context, 'accepterVpcId') ?? newId('vpc', 'accepter'), owner: fact(context, 'peerOwnerId') ?? place.owner, region: fact(context, 'peerRegion') ?? place.region};
  const accepterCidr = fact(context, 'accepterCidrBlock') ?? freeBlock([requesterCidr]);
  if (accepter.owner === place.owner && accepter.region === place.region) {
    parts.push(network(place, accepter.vpcId, accepterCidr, {subnets: subnetsOf(context, accepter.vpcId, accepterCidr)}));
  }
  const id = fact(context, 'vpcPeeringConnectionId');
  if (context.failed || id === undefined) return parts;
  const expires = new Date(context.at.getTime() + 7 * 24 * 3600 * 1000);
  parts.push({VpcPeeringConnections: [peering(id, {vpcId: requesterVpcId, ...place, cidr: requesterCidr}, {...accepter, cidr: accepterCidr}, 'pending-acceptance', expires)]});
  return parts;
}

/** AssociateVpcCidrBlock: the VPC with a primary block, its subnets, and the new block associated. */
export function cidrSeed(context: SeedContext): Parts[] {
  const {place} = context;
  const vpcId = fact(context, 'vpcId') ?? newId('vpc', 'cidr');
  const block = fact(context, 'cidrBlock');
  const ipv6 = fact(context, 'ipv6CidrBlock');
  const associationId = fact(context, 'associationId') ?? newId('vpc-cidr-assoc', `${vpcId}|new`);
  const primary = freeBlock([block]);
  const added = !context.failed && block !== undefined ? [[associationId, block] as const] : [];
  const subnets = subnetsOf(context, vpcId, primary);
  const parts = network(place, vpcId, primary, {blocks: added, subnets});
  if (context.failed || ipv6 === undefined) return [parts];
  const vpcs = (parts.Vpcs ?? []).map((v) => ({...v, Ipv6CidrBlockAssociationSet: [{AssociationId: associationId, Ipv6CidrBlock: ipv6, Ipv6CidrBlockState: {State: 'associated' as const}, NetworkBorderGroup: place.region}]}));
  return [{...parts, Vpcs: vpcs}];
}
