// A scenario where this account accepted a peering (AcceptVpcPeeringConnection): the requester's VPC is made
// in the requester's account (moto's x-moto-account-id header), the request is sent from there to the
// scenario's own VPC, and this account accepts it, so the connection is active as the state says.
// seedPeerings (seed-routes.ts) leaves these connections to this file: their requester is not the event's account.
import {AcceptVpcPeeringConnectionCommand, CreateVpcCommand, CreateVpcPeeringConnectionCommand, type VpcPeeringConnection} from '@aws-sdk/client-ec2';
import {ec2Client, mapId, motoAccount, motoId, type SeedContext} from './seed-context.js';

/** The connection was requested by another account, to a VPC of this one. */
export function isAcceptedFromElsewhere(pcx: VpcPeeringConnection, owner: string): boolean {
  const requester = pcx.RequesterVpcInfo?.OwnerId;
  return requester !== undefined && requester !== owner && pcx.AccepterVpcInfo?.OwnerId === owner;
}

export async function seedAcceptedPeerings(context: SeedContext, owner: string): Promise<void> {
  for (const pcx of (context.state.VpcPeeringConnections ?? []).filter((p) => isAcceptedFromElsewhere(p, owner))) {
    const side = pcx.RequesterVpcInfo;
    const region = side?.Region ?? context.region;
    const requester = ec2Client(context, region, side?.OwnerId);
    const vpc = await requester.send(new CreateVpcCommand({CidrBlock: side?.CidrBlock ?? '172.31.0.0/16'}));
    mapId(context, side?.VpcId, vpc.Vpc?.VpcId);
    const made = await requester.send(new CreateVpcPeeringConnectionCommand({
      VpcId: vpc.Vpc?.VpcId, PeerVpcId: motoId(context, pcx.AccepterVpcInfo?.VpcId), PeerOwnerId: motoAccount,
      ...(region === context.region ? {} : {PeerRegion: context.region}),
    }));
    const id = made.VpcPeeringConnection?.VpcPeeringConnectionId;
    mapId(context, pcx.VpcPeeringConnectionId, id);
    if (pcx.Status?.Code === 'active') await context.ec2.send(new AcceptVpcPeeringConnectionCommand({VpcPeeringConnectionId: id}));
  }
}
