// VPCs and subnets in the sandbox: DescribeVpcs, DescribeSubnets and DisassociateVpcCidrBlock.
// The primary block cannot be removed; a block that still holds a subnet cannot either
// (InvalidCidrBlock.InUse, as EC2 answers: "The vpc … currently has a subnet within CIDR block …").
// A removed block stays listed as 'disassociated' for a while, as in EC2.
import type {Subnet, Vpc} from '@aws-sdk/client-ec2';
import {contains, parseCidr} from './cidr.js';
import {applyFilters, type FilterFields} from './filters.js';
import type {Handler} from './handler.js';
import {byIds, fail, optStrings, reqString} from './params.js';

const vpcFields: FilterFields<Vpc> = {
  'vpc-id': (v) => [v.VpcId],
  'is-default': (v) => [v.IsDefault ?? false],
  state: (v) => [v.State],
  cidr: (v) => [v.CidrBlock],
  'owner-id': (v) => [v.OwnerId],
  'cidr-block-association.association-id': (v) => (v.CidrBlockAssociationSet ?? []).map((a) => a.AssociationId),
  'cidr-block-association.cidr-block': (v) => (v.CidrBlockAssociationSet ?? []).map((a) => a.CidrBlock),
  'cidr-block-association.state': (v) => (v.CidrBlockAssociationSet ?? []).map((a) => a.CidrBlockState?.State),
  'ipv6-cidr-block-association.association-id': (v) => (v.Ipv6CidrBlockAssociationSet ?? []).map((a) => a.AssociationId),
  'ipv6-cidr-block-association.ipv6-cidr-block': (v) => (v.Ipv6CidrBlockAssociationSet ?? []).map((a) => a.Ipv6CidrBlock),
  'ipv6-cidr-block-association.state': (v) => (v.Ipv6CidrBlockAssociationSet ?? []).map((a) => a.Ipv6CidrBlockState?.State),
};

const subnetFields: FilterFields<Subnet> = {
  'subnet-id': (s) => [s.SubnetId],
  'vpc-id': (s) => [s.VpcId],
  'cidr-block': (s) => [s.CidrBlock],
  'availability-zone': (s) => [s.AvailabilityZone],
  state: (s) => [s.State],
  'default-for-az': (s) => [s.DefaultForAz ?? false],
  'ipv6-cidr-block-association.ipv6-cidr-block': (s) => (s.Ipv6CidrBlockAssociationSet ?? []).map((a) => a.Ipv6CidrBlock),
};

const describeVpcs: Handler = (snapshot, params) => {
  const ids = optStrings(params, 'VpcIds');
  const all = snapshot.Vpcs ?? [];
  const notFound = (id: string): never => fail('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`);
  const vpcs = ids === undefined ? all : byIds(all, ids, (v) => v.VpcId, notFound);
  return {output: {Vpcs: applyFilters(vpcs, params, vpcFields, 'DescribeVpcs')}};
};

const describeSubnets: Handler = (snapshot, params) => {
  const ids = optStrings(params, 'SubnetIds');
  const all = snapshot.Subnets ?? [];
  const notFound = (id: string): never => fail('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`);
  const subnets = ids === undefined ? all : byIds(all, ids, (s) => s.SubnetId, notFound);
  return {output: {Subnets: applyFilters(subnets, params, subnetFields, 'DescribeSubnets')}};
};

const live = (state: string | undefined) => state !== 'disassociated' && state !== 'failed';

const disassociateVpcCidrBlock: Handler = (snapshot, params) => {
  const id = reqString(params, 'AssociationId');
  const vpc = (snapshot.Vpcs ?? []).find((v) =>
    [...(v.CidrBlockAssociationSet ?? []).map((a) => [a.AssociationId, a.CidrBlockState?.State]), ...(v.Ipv6CidrBlockAssociationSet ?? []).map((a) => [a.AssociationId, a.Ipv6CidrBlockState?.State])].some(
      ([assoc, state]) => assoc === id && live(state),
    ),
  );
  if (vpc === undefined) return fail('InvalidVpcCidrBlockAssociationID.NotFound', `The vpc CIDR block association ID '${id}' does not exist`);
  const vpcId = vpc.VpcId ?? '';
  const ipv4 = (vpc.CidrBlockAssociationSet ?? []).find((a) => a.AssociationId === id);
  const ipv6 = (vpc.Ipv6CidrBlockAssociationSet ?? []).find((a) => a.AssociationId === id);
  if (ipv4 !== undefined && ipv4.CidrBlock === vpc.CidrBlock) {
    fail('OperationNotPermitted', `The vpc CIDR block with association ID ${id} may not be disassociated. It is the primary IPv4 CIDR block of the VPC`);
  }
  const blockText = ipv4?.CidrBlock ?? ipv6?.Ipv6CidrBlock ?? '';
  const block = parseCidr(blockText);
  const inUse = (snapshot.Subnets ?? []).some((s) => {
    if (s.VpcId !== vpcId || block === undefined) return false;
    const cidrs = [s.CidrBlock, ...(s.Ipv6CidrBlockAssociationSet ?? []).map((a) => a.Ipv6CidrBlock)];
    return cidrs.some((c) => {
      const parsed = parseCidr(c);
      return parsed !== undefined && contains(block, parsed);
    });
  });
  if (inUse) fail('InvalidCidrBlock.InUse', `The vpc ${vpcId} currently has a subnet within CIDR block ${blockText}`);
  const next: Vpc = {
    ...vpc,
    CidrBlockAssociationSet: (vpc.CidrBlockAssociationSet ?? []).map((a) => (a === ipv4 ? {...a, CidrBlockState: {State: 'disassociated'}} : a)),
    Ipv6CidrBlockAssociationSet: (vpc.Ipv6CidrBlockAssociationSet ?? []).map((a) => (a === ipv6 ? {...a, Ipv6CidrBlockState: {State: 'disassociated'}} : a)),
  };
  const output = {
    VpcId: vpcId,
    ...(ipv4 === undefined ? {} : {CidrBlockAssociation: {...ipv4, CidrBlockState: {State: 'disassociating'}}}),
    ...(ipv6 === undefined ? {} : {Ipv6CidrBlockAssociation: {...ipv6, Ipv6CidrBlockState: {State: 'disassociating'}}}),
  };
  return {snapshot: {...snapshot, Vpcs: (snapshot.Vpcs ?? []).map((v) => (v === vpc ? next : v))}, output};
};

export const vpcHandlers: ReadonlyArray<readonly [string, Handler]> = [
  ['DescribeVpcs', describeVpcs],
  ['DescribeSubnets', describeSubnets],
  ['DisassociateVpcCidrBlock', disassociateVpcCidrBlock],
];
