// Verifying VPC-level changes: peering connections (rejected, deleted), a VPC's CIDR block
// removed, a network ACL entry added, an Elastic IP address disassociated or released.
import type {Address, NetworkAcl, Vpc, VpcPeeringConnection} from '@aws-sdk/client-ec2';
import {sameCidr} from '../sandbox/cidr.js';
import {bool, cannotTell, ec2, int, isTruncated, listIn, notReached, reached, str, struct, unexpected, verification, type Builder, type VerifyCheck} from './check.js';

/** Reject or delete: the connection's status code, or how a missing one reads. */
function peering(wanted: readonly string[], gone: VerifyCheck): Builder {
  return (params) => {
    const id = str(params, 'VpcPeeringConnectionId');
    if (id === undefined) return undefined;
    return verification(ec2('DescribeVpcPeeringConnections', {VpcPeeringConnectionIds: [id]}), {
      errors: {'InvalidVpcPeeringConnectionID.NotFound': gone},
      output(output) {
        const connections = listIn<VpcPeeringConnection>(output, 'VpcPeeringConnections');
        if (connections === undefined) return unexpected;
        const code = connections.find((p) => p.VpcPeeringConnectionId === id)?.Status?.Code;
        if (code === undefined) return gone;
        return wanted.includes(code) ? reached(`${id} is ${code}`) : notReached(`${id} is ${code}`);
      },
    });
  };
}

/** DescribeVpcs of the whole Region: the association ID does not say which VPC, nor whether it is IPv4 or IPv6. */
const disassociateVpcCidrBlock: Builder = (params) => {
  const id = str(params, 'AssociationId');
  if (id === undefined) return undefined;
  return verification(ec2('DescribeVpcs', {}), {
    output(output) {
      const vpcs = listIn<Vpc>(output, 'Vpcs');
      if (vpcs === undefined) return unexpected;
      for (const vpc of vpcs) {
        const found = [
          ...(vpc.CidrBlockAssociationSet ?? []).map((a) => ({id: a.AssociationId, block: a.CidrBlock, state: a.CidrBlockState?.State})),
          ...(vpc.Ipv6CidrBlockAssociationSet ?? []).map((a) => ({id: a.AssociationId, block: a.Ipv6CidrBlock, state: a.Ipv6CidrBlockState?.State})),
        ].find((a) => a.id === id);
        if (found === undefined) continue;
        const what = `${found.block ?? id} of ${vpc.VpcId ?? 'the VPC'}`;
        return found.state === 'disassociating' || found.state === 'disassociated' ? reached(`${what} is ${found.state}`) : notReached(`${what} is still ${found.state ?? 'associated'}`);
      }
      return isTruncated(output) ? cannotTell('the answer holds only part of the VPCs') : reached(`no VPC has ${id} any more`);
    },
  });
};

const protocolNumbers: Readonly<Record<string, string>> = {tcp: '6', udp: '17', icmp: '1', icmpv6: '58', all: '-1'};
const protocol = (p: string | undefined) => (p === undefined ? undefined : (protocolNumbers[p.toLowerCase()] ?? p));

const createNetworkAclEntry: Builder = (params) => {
  const aclId = str(params, 'NetworkAclId');
  const number = int(params, 'RuleNumber');
  const egress = bool(params, 'Egress') ?? false;
  const cidr = str(params, 'CidrBlock') ?? str(params, 'Ipv6CidrBlock');
  if (aclId === undefined || number === undefined || cidr === undefined) return undefined;
  const ruleAction = str(params, 'RuleAction');
  const ports = struct(params, 'PortRange');
  const direction = egress ? 'outbound' : 'inbound';
  return verification(ec2('DescribeNetworkAcls', {NetworkAclIds: [aclId]}), {
    errors: {'InvalidNetworkAclID.NotFound': notReached(`${aclId} does not exist`)},
    output(output) {
      const acl = listIn<NetworkAcl>(output, 'NetworkAcls')?.find((a) => a.NetworkAclId === aclId);
      if (acl === undefined) return unexpected;
      const entry = (acl.Entries ?? []).find((e) => e.RuleNumber === number && (e.Egress ?? false) === egress);
      if (entry === undefined) return notReached(`${aclId} has no ${direction} rule ${number}`);
      const differs = [
        ruleAction !== undefined && entry.RuleAction !== ruleAction ? `action ${entry.RuleAction ?? '?'}` : undefined,
        !sameCidr(entry.CidrBlock ?? entry.Ipv6CidrBlock, cidr) ? `source ${entry.CidrBlock ?? entry.Ipv6CidrBlock ?? '?'}` : undefined,
        str(params, 'Protocol') !== undefined && protocol(entry.Protocol) !== protocol(str(params, 'Protocol')) ? `protocol ${entry.Protocol ?? '?'}` : undefined,
        ports !== undefined && (entry.PortRange?.From !== int(ports, 'From') || entry.PortRange?.To !== int(ports, 'To')) ? `ports ${entry.PortRange?.From ?? '?'}-${entry.PortRange?.To ?? '?'}` : undefined,
      ].filter((d): d is string => d !== undefined);
      if (differs.length > 0) return notReached(`${aclId}'s ${direction} rule ${number} is another rule: ${differs.join(', ')}`);
      return reached(`${aclId} has ${direction} rule ${number}: ${entry.RuleAction ?? ''} ${cidr}`);
    },
  });
};

const disassociateAddress: Builder = (params) => {
  const associationId = str(params, 'AssociationId');
  const publicIp = str(params, 'PublicIp');
  if (associationId !== undefined) {
    return verification(ec2('DescribeAddresses', {Filters: [{Name: 'association-id', Values: [associationId]}]}), {
      output(output) {
        const addresses = listIn<Address>(output, 'Addresses');
        if (addresses === undefined) return unexpected;
        const held = addresses.find((a) => a.AssociationId === associationId);
        return held === undefined ? reached(`association ${associationId} is gone`) : notReached(`${held.PublicIp ?? 'the address'} is still associated (${associationId})`);
      },
    });
  }
  if (publicIp === undefined) return undefined;
  return verification(ec2('DescribeAddresses', {PublicIps: [publicIp]}), {
    errors: {'InvalidAddress.NotFound': reached(`${publicIp} is no longer allocated, so it is not associated`)},
    output(output) {
      const address = listIn<Address>(output, 'Addresses')?.find((a) => a.PublicIp === publicIp);
      if (address === undefined) return unexpected;
      return address.AssociationId === undefined ? reached(`${publicIp} is not associated`) : notReached(`${publicIp} is still associated with ${address.InstanceId ?? address.NetworkInterfaceId ?? address.AssociationId}`);
    },
  });
};

const releaseAddress: Builder = (params) => {
  const allocationId = str(params, 'AllocationId');
  if (allocationId === undefined) return undefined;
  return verification(ec2('DescribeAddresses', {AllocationIds: [allocationId]}), {
    errors: {'InvalidAllocationID.NotFound': reached(`${allocationId} is released`)},
    output(output) {
      const addresses = listIn<Address>(output, 'Addresses');
      if (addresses === undefined) return unexpected;
      return addresses.some((a) => a.AllocationId === allocationId) ? notReached(`${allocationId} is still allocated`) : reached(`${allocationId} is released`);
    },
  });
};

export const networkVerifications: Readonly<Record<string, Builder>> = {
  RejectVpcPeeringConnection: peering(['rejected'], cannotTell('the connection is no longer listed: it cannot tell whether it was rejected')),
  DeleteVpcPeeringConnection: peering(['deleted', 'deleting'], reached('the connection no longer exists')),
  DisassociateVpcCidrBlock: disassociateVpcCidrBlock,
  CreateNetworkAclEntry: createNetworkAclEntry,
  DisassociateAddress: disassociateAddress,
  ReleaseAddress: releaseAddress,
};
