// AssociateVpcCidrBlock: a secondary IPv4 block, or an IPv6 block (Amazon-provided, from a pool
// or BYOIP). The response may come wrapped as {"AssociateVpcCidrBlockResponse": {…}}.
// Request: {vpcId, cidrBlock?, amazonProvidedIpv6CidrBlock?, ipv6CidrBlock?, ipv6Pool?, ipv4IpamPoolId?}
// Response: {vpcId, cidrBlockAssociation?: {associationId, cidrBlock, cidrBlockState},
//   ipv6CidrBlockAssociation?: {associationId, ipv6CidrBlock, ipv6CidrBlockState, networkBorderGroup}}
import type {CloudTrailRecord, Fact} from '../record.js';
import {child, facts, request, response, text} from './fields.js';

export function associateVpcCidrBlockFacts(record: CloudTrailRecord): readonly Fact[] {
  const req = request(record);
  const res = response(record);
  const ipv4 = child(res, 'cidrBlockAssociation');
  const ipv6 = child(res, 'ipv6CidrBlockAssociation');
  return facts([
    ['vpcId', 'VPC', text(res, 'vpcId') ?? text(req, 'vpcId')],
    ['cidrBlock', 'IPv4 CIDR block', text(ipv4, 'cidrBlock') ?? text(req, 'cidrBlock')],
    ['ipv6CidrBlock', 'IPv6 CIDR block', text(ipv6, 'ipv6CidrBlock') ?? text(req, 'ipv6CidrBlock')],
    ['associationId', 'Association', text(ipv4, 'associationId') ?? text(ipv6, 'associationId')],
    ['amazonProvidedIpv6CidrBlock', 'Amazon-provided IPv6 block', text(req, 'amazonProvidedIpv6CidrBlock')],
  ]);
}
