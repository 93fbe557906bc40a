// The scenario's network ACLs, created in moto after the subnets: a default ACL maps to the one moto made for
// its VPC, another is created; each entry (not the * ones) is written, and each subnet the state shows on an
// ACL is moved onto it, the scenario's association IDs mapped to moto's.
import {CreateNetworkAclCommand, CreateNetworkAclEntryCommand, DescribeNetworkAclsCommand, ReplaceNetworkAclAssociationCommand, ReplaceNetworkAclEntryCommand, type NetworkAclEntry} from '@aws-sdk/client-ec2';
import {mapId, motoId, type SeedContext} from './seed-context.js';

async function writeEntry(context: SeedContext, aclId: string, entry: NetworkAclEntry, existing: readonly NetworkAclEntry[]): Promise<void> {
  const input = {
    NetworkAclId: aclId, RuleNumber: entry.RuleNumber, Egress: entry.Egress ?? false, Protocol: entry.Protocol, RuleAction: entry.RuleAction,
    CidrBlock: entry.CidrBlock, Ipv6CidrBlock: entry.Ipv6CidrBlock, PortRange: entry.PortRange, IcmpTypeCode: entry.IcmpTypeCode,
  };
  const there = existing.some((e) => e.RuleNumber === entry.RuleNumber && (e.Egress ?? false) === (entry.Egress ?? false));
  await context.ec2.send(there ? new ReplaceNetworkAclEntryCommand(input) : new CreateNetworkAclEntryCommand(input));
}

export async function seedNetworkAcls(context: SeedContext): Promise<void> {
  for (const acl of context.state.NetworkAcls ?? []) {
    const vpcId = motoId(context, acl.VpcId);
    let made: string | undefined;
    let existing: readonly NetworkAclEntry[] = [];
    if (acl.IsDefault === true) {
      const [found] = (await context.ec2.send(new DescribeNetworkAclsCommand({Filters: [{Name: 'vpc-id', Values: [vpcId]}, {Name: 'default', Values: ['true']}]}))).NetworkAcls ?? [];
      made = found?.NetworkAclId;
      existing = found?.Entries ?? [];
    } else {
      made = (await context.ec2.send(new CreateNetworkAclCommand({VpcId: vpcId}))).NetworkAcl?.NetworkAclId;
    }
    if (made === undefined) throw new Error(`moto made no network ACL for ${acl.NetworkAclId ?? '?'}`);
    mapId(context, acl.NetworkAclId, made);
    for (const entry of acl.Entries ?? []) if (entry.RuleNumber !== 32767) await writeEntry(context, made, entry, existing);
    for (const association of acl.Associations ?? []) {
      const subnetId = motoId(context, association.SubnetId);
      const [holder] = (await context.ec2.send(new DescribeNetworkAclsCommand({Filters: [{Name: 'association.subnet-id', Values: [subnetId]}]}))).NetworkAcls ?? [];
      const current = holder?.Associations?.find((a) => a.SubnetId === subnetId)?.NetworkAclAssociationId;
      if (current === undefined) continue;
      const moved = holder?.NetworkAclId === made ? current : (await context.ec2.send(new ReplaceNetworkAclAssociationCommand({AssociationId: current, NetworkAclId: made}))).NewAssociationId;
      mapId(context, association.NetworkAclAssociationId, moved);
    }
  }
}
