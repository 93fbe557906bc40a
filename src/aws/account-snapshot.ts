// What is known of an account's network now, in the EC2 API's own shapes: filled from the Now
// panel's Describe* answers or from the training sandbox. Findings read it; the sandbox holds one.
import type {NatGateway, NetworkInterface, RouteTable, SecurityGroup, Subnet, Vpc, VpcPeeringConnection} from '@aws-sdk/client-ec2';

export type AccountSnapshot = {
  readonly Vpcs?: readonly Vpc[];
  readonly Subnets?: readonly Subnet[];
  readonly SecurityGroups?: readonly SecurityGroup[];
  readonly RouteTables?: readonly RouteTable[];
  readonly VpcPeeringConnections?: readonly VpcPeeringConnection[];
  readonly NetworkInterfaces?: readonly NetworkInterface[];
  readonly NatGateways?: readonly NatGateway[];
};
