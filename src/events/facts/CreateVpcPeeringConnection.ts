// CreateVpcPeeringConnection: the request names the two VPCs and, for a cross-account or
// cross-Region peering, the peer's account and Region; the response adds the connection's ID,
// the requester's CIDR and the status ("initiating-request", "pending-acceptance", "failed" …).
// Request: {vpcId, peerVpcId, peerOwnerId?, peerRegion?}
// Response: {requestId, vpcPeeringConnection: {vpcPeeringConnectionId, requesterVpcInfo: {vpcId, ownerId,
//   cidrBlock, cidrBlockSet: {items}, region}, accepterVpcInfo: {vpcId, ownerId, region, cidrBlock?}, status: {code, message}}}
import type {CloudTrailRecord, Fact} from '../record.js';
import {child, facts, request, response, text} from './fields.js';

export function createVpcPeeringConnectionFacts(record: CloudTrailRecord): readonly Fact[] {
  const req = request(record);
  const connection = child(response(record), 'vpcPeeringConnection');
  const requester = child(connection, 'requesterVpcInfo');
  const accepter = child(connection, 'accepterVpcInfo');
  return facts([
    ['vpcPeeringConnectionId', 'Peering connection', text(connection, 'vpcPeeringConnectionId')],
    ['requesterVpcId', 'Requester VPC', text(requester, 'vpcId') ?? text(req, 'vpcId')],
    ['accepterVpcId', 'Accepter VPC', text(accepter, 'vpcId') ?? text(req, 'peerVpcId')],
    ['peerOwnerId', 'Peer account', text(req, 'peerOwnerId') ?? text(accepter, 'ownerId')],
    ['peerRegion', 'Peer Region', text(req, 'peerRegion') ?? text(accepter, 'region')],
    ['requesterCidrBlock', 'Requester CIDR', text(requester, 'cidrBlock')],
    ['accepterCidrBlock', 'Accepter CIDR', text(accepter, 'cidrBlock')],
    ['peeringStatus', 'Status', text(child(connection, 'status'), 'code')],
  ]);
}
