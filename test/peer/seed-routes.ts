// The scenario's peering connections, its NAT gateways (each in its subnet, with a new Elastic IP), the
// gateways its routes go to (an internet or NAT gateway the event names but the state does not hold),
// its route tables with their subnet associations, and every route that is not the VPC's local one,
// created in moto.
import {
  AcceptVpcPeeringConnectionCommand, AllocateAddressCommand, AssociateVpcCidrBlockCommand, AssociateRouteTableCommand, AttachInternetGatewayCommand, CreateInternetGatewayCommand, CreateNatGatewayCommand,
  CreateRouteCommand, CreateRouteTableCommand, CreateVpcCommand, CreateVpcPeeringConnectionCommand, type Route, type RouteTable, type VpcPeeringConnection,
} from '@aws-sdk/client-ec2';
import {ec2Client, mapId, motoAccount, motoId, type SeedContext} from './seed-context.js';
import {keyInAccount} from './seed-iam.js';
import {isAcceptedFromElsewhere} from './seed-peering-accepted.js';

/** The ID map's key of the access key of a peering's accepter account (when not the event's). */
export const accepterKey = (peeringId: string): string => `accepter:${peeringId}`;

/** The peer's VPC: the scenario's own when it holds it, else made in the peer's account and Region. */
async function peerVpc(context: SeedContext, pcx: VpcPeeringConnection, owner: string): Promise<{vpcId: string; account: string; region: string}> {
  const side = pcx.AccepterVpcInfo;
  const region = side?.Region ?? context.region;
  const held = side?.VpcId === undefined ? undefined : context.ids.get(side.VpcId);
  if (held !== undefined && side?.OwnerId === owner) return {vpcId: held, account: motoAccount, region};
  const account = side?.OwnerId === owner || side?.OwnerId === undefined ? motoAccount : side.OwnerId;
  const client = ec2Client(context, region, account);
  const made = await client.send(new CreateVpcCommand({CidrBlock: side?.CidrBlock ?? '10.99.0.0/16'}));
  mapId(context, side?.VpcId, made.Vpc?.VpcId);
  return {vpcId: made.Vpc?.VpcId ?? '', account, region};
}

export async function seedPeerings(context: SeedContext, owner: string): Promise<void> {
  for (const pcx of context.state.VpcPeeringConnections ?? []) {
    if (isAcceptedFromElsewhere(pcx, owner)) continue; // seed-peering-accepted.ts makes it from the requester's side
    const peer = await peerVpc(context, pcx, owner);
    const made = await context.ec2.send(new CreateVpcPeeringConnectionCommand({
      VpcId: motoId(context, pcx.RequesterVpcInfo?.VpcId), PeerVpcId: peer.vpcId,
      ...(peer.account === motoAccount ? {} : {PeerOwnerId: peer.account}), ...(peer.region === context.region ? {} : {PeerRegion: peer.region}),
    }));
    const id = made.VpcPeeringConnection?.VpcPeeringConnectionId;
    mapId(context, pcx.VpcPeeringConnectionId, id);
    // Only the accepter's account can accept or reject a request: the cases send those steps with its key.
    if (peer.account !== motoAccount && id !== undefined) context.ids.set(accepterKey(id), await keyInAccount(context, peer.account));
    if (pcx.Status?.Code === 'active') {
      const accepter = ec2Client(context, peer.region, peer.account === motoAccount ? undefined : peer.account);
      await accepter.send(new AcceptVpcPeeringConnectionCommand({VpcPeeringConnectionId: id}));
    }
  }
}

/** A public NAT gateway in this (moto) subnet, with an Elastic IP allocated for it; its ID. */
async function createNatGateway(context: SeedContext, subnetId: string): Promise<string | undefined> {
  const allocation = (await context.ec2.send(new AllocateAddressCommand({Domain: 'vpc'}))).AllocationId;
  return (await context.ec2.send(new CreateNatGatewayCommand({SubnetId: subnetId, AllocationId: allocation}))).NatGateway?.NatGatewayId;
}

/** The NAT gateways the state holds, in their subnets (moto makes them available at once). */
async function seedNatGateways(context: SeedContext): Promise<void> {
  for (const nat of context.state.NatGateways ?? []) {
    if (nat.State !== 'available' && nat.State !== 'pending') continue;
    mapId(context, nat.NatGatewayId, await createNatGateway(context, motoId(context, nat.SubnetId)));
  }
}

/** The route's target in moto: made now when it is a gateway the state does not hold. */
async function target(context: SeedContext, table: RouteTable, route: Route): Promise<Record<string, string>> {
  const vpcId = motoId(context, table.VpcId);
  if (route.GatewayId !== undefined && route.GatewayId !== 'local') {
    if (!context.ids.has(route.GatewayId)) {
      const igw = (await context.ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway?.InternetGatewayId;
      await context.ec2.send(new AttachInternetGatewayCommand({InternetGatewayId: igw, VpcId: vpcId}));
      mapId(context, route.GatewayId, igw);
    }
    return {GatewayId: motoId(context, route.GatewayId)};
  }
  if (route.NatGatewayId !== undefined) {
    if (!context.ids.has(route.NatGatewayId)) {
      const subnet = context.state.Subnets?.find((s) => s.VpcId === table.VpcId);
      mapId(context, route.NatGatewayId, await createNatGateway(context, motoId(context, subnet?.SubnetId)));
    }
    return {NatGatewayId: motoId(context, route.NatGatewayId)};
  }
  if (route.NetworkInterfaceId !== undefined) return {NetworkInterfaceId: motoId(context, route.NetworkInterfaceId)};
  if (route.InstanceId !== undefined) return {InstanceId: motoId(context, route.InstanceId)};
  if (route.VpcPeeringConnectionId !== undefined) return {VpcPeeringConnectionId: motoId(context, route.VpcPeeringConnectionId)};
  throw new Error(`seeding does not know the target of the route to ${route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock ?? '?'} in ${table.RouteTableId ?? '?'}`);
}

export async function seedRouteTables(context: SeedContext): Promise<void> {
  await seedNatGateways(context);
  for (const table of context.state.RouteTables ?? []) {
    if (table.RouteTableId !== undefined && !context.ids.has(table.RouteTableId)) {
      const made = await context.ec2.send(new CreateRouteTableCommand({VpcId: motoId(context, table.VpcId)}));
      mapId(context, table.RouteTableId, made.RouteTable?.RouteTableId);
    }
    const tableId = motoId(context, table.RouteTableId);
    for (const association of table.Associations ?? []) {
      if (association.Main === true || association.SubnetId === undefined) continue;
      const made = await context.ec2.send(new AssociateRouteTableCommand({RouteTableId: tableId, SubnetId: motoId(context, association.SubnetId)}));
      mapId(context, association.RouteTableAssociationId, made.AssociationId);
    }
    for (const route of table.Routes ?? []) {
      if (route.GatewayId === 'local') continue;
      const destination = route.DestinationCidrBlock === undefined ? {DestinationIpv6CidrBlock: route.DestinationIpv6CidrBlock} : {DestinationCidrBlock: route.DestinationCidrBlock};
      await context.ec2.send(new CreateRouteCommand({RouteTableId: tableId, ...destination, ...(await target(context, table, route))}));
    }
  }
}

/**
 * A tier-side addition, in moto only (the scenario is unchanged): where the event is a peering request
 * between two VPCs the scenario holds and no table routes through it, the requester VPC's main table gets
 * a route to the accepter's IPv4 block through the peering, and both VPCs get an Amazon-provided IPv6
 * block with a route to the accepter's. Without them the route pick list offers nothing in any scenario,
 * and the delete-peering-route steps could be proven nowhere. AWS takes a route to a pending-acceptance
 * peering (its state is blackhole until the peering is active: VPC Peering Guide, "Update your route
 * tables for a VPC peering connection").
 */
export async function seedPeeringRoutes(context: SeedContext, eventName: unknown): Promise<void> {
  if (eventName !== 'CreateVpcPeeringConnection') return;
  const routed = new Set((context.state.RouteTables ?? []).flatMap((t) => (t.Routes ?? []).map((r) => r.VpcPeeringConnectionId)));
  for (const pcx of context.state.VpcPeeringConnections ?? []) {
    const requester = pcx.RequesterVpcInfo?.VpcId;
    const accepter = pcx.AccepterVpcInfo?.VpcId;
    const held = (id: string | undefined) => context.state.Vpcs?.some((v) => v.VpcId === id) === true;
    if (routed.has(pcx.VpcPeeringConnectionId) || !held(requester) || !held(accepter)) continue;
    const table = context.state.RouteTables?.find((t) => t.VpcId === requester && t.Associations?.some((a) => a.Main === true));
    const accepterBlock = context.state.Vpcs?.find((v) => v.VpcId === accepter)?.CidrBlock;
    if (table === undefined || accepterBlock === undefined) continue;
    const RouteTableId = motoId(context, table.RouteTableId);
    const VpcPeeringConnectionId = motoId(context, pcx.VpcPeeringConnectionId);
    await context.ec2.send(new CreateRouteCommand({RouteTableId, DestinationCidrBlock: accepterBlock, VpcPeeringConnectionId}));
    await context.ec2.send(new AssociateVpcCidrBlockCommand({VpcId: motoId(context, requester), AmazonProvidedIpv6CidrBlock: true}));
    const ipv6 = (await context.ec2.send(new AssociateVpcCidrBlockCommand({VpcId: motoId(context, accepter), AmazonProvidedIpv6CidrBlock: true}))).Ipv6CidrBlockAssociation?.Ipv6CidrBlock;
    if (ipv6 !== undefined) await context.ec2.send(new CreateRouteCommand({RouteTableId, DestinationIpv6CidrBlock: ipv6, VpcPeeringConnectionId}));
  }
}
