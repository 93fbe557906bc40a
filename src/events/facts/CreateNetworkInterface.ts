// CreateNetworkInterface: the response's networkInterface is the full picture; the request is
// the fallback for a failed call (subnet, groups, addresses and description as asked).
// Request: {subnetId, description?, groupSet: {items: [{groupId}]} | {}, privateIpAddress?,
//   privateIpAddressesSet: {items: [{privateIpAddress, primary}]} | {}, interfaceType?}
// Response: {requestId, networkInterface: {networkInterfaceId, subnetId, vpcId, availabilityZone, description,
//   ownerId, requesterManaged, interfaceType, privateIpAddress, groupSet: {items: [{groupId, groupName}]},
//   privateIpAddressesSet: {item: [{privateIpAddress, primary}]}, …}}
import type {CloudTrailRecord, Fact} from '../record.js';
import {child, facts, request, response, text, texts} from './fields.js';

export function createNetworkInterfaceFacts(record: CloudTrailRecord): readonly Fact[] {
  const req = request(record);
  const eni = child(response(record), 'networkInterface');
  const groupIds = texts(eni, 'groupSet', 'groupId');
  const addresses = texts(eni, 'privateIpAddressesSet', 'privateIpAddress');
  return facts([
    ['networkInterfaceId', 'Network interface', text(eni, 'networkInterfaceId')],
    ['subnetId', 'Subnet', text(eni, 'subnetId') ?? text(req, 'subnetId')],
    ['vpcId', 'VPC', text(eni, 'vpcId')],
    ['groupIds', 'Security groups', groupIds.length > 0 ? groupIds : texts(req, 'groupSet', 'groupId')],
    ['privateIpAddress', 'Private IP address', text(eni, 'privateIpAddress') ?? text(req, 'privateIpAddress')],
    ['privateIpAddresses', 'Private IP addresses', addresses.length > 0 ? addresses : texts(req, 'privateIpAddressesSet', 'privateIpAddress')],
    ['description', 'Description', text(eni, 'description') ?? text(req, 'description')],
    ['interfaceType', 'Interface type', text(eni, 'interfaceType') ?? text(req, 'interfaceType')],
    ['requesterManaged', 'Managed by an AWS service', text(eni, 'requesterManaged')],
    ['availabilityZone', 'Availability Zone', text(eni, 'availabilityZone')],
    ['ownerId', 'Owner account', text(eni, 'ownerId')],
  ]);
}
