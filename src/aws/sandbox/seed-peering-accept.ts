// AcceptVpcPeeringConnection's training account: this account is the accepter, so its VPC (with two
// subnets) is here and the requester's is elsewhere; the connection the event accepted is active.
import {newId} from './account.js';
import {fact, freeBlock, subnetsOf, type EventSeeds, type SeedContext} from './seed-events.js';
import {network, peering, type Parts} from './seed-parts.js';

function acceptSeed(context: SeedContext): Parts[] {
  const {place} = context;
  const accepterVpcId = fact(context, 'accepterVpcId') ?? newId('vpc', 'accepter');
  const requesterCidr = fact(context, 'requesterCidrBlock');
  const accepterCidr = fact(context, 'accepterCidrBlock') ?? freeBlock([requesterCidr]);
  const parts: Parts[] = [network(place, accepterVpcId, accepterCidr, {subnets: subnetsOf(context, accepterVpcId, accepterCidr)})];
  const id = fact(context, 'vpcPeeringConnectionId');
  if (context.failed || id === undefined) return parts;
  const requester = {
    vpcId: fact(context, 'requesterVpcId') ?? newId('vpc', 'requester'), owner: fact(context, 'peerOwnerId') ?? place.owner,
    region: fact(context, 'peerRegion') ?? place.region, cidr: requesterCidr ?? freeBlock([accepterCidr]),
  };
  parts.push({VpcPeeringConnections: [peering(id, requester, {vpcId: accepterVpcId, ...place, cidr: accepterCidr}, 'active')]});
  return parts;
}

export const peeringAcceptSeeds: EventSeeds = {AcceptVpcPeeringConnection: acceptSeed};
