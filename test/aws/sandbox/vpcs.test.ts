// VPCs, subnets and CIDR blocks in the sandbox.
import type {Subnet, Vpc} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import {failure, fixture, ids, list, ok} from './fixture.js';

const vpc = (account = fixture()) => list<Vpc>(ok('DescribeVpcs', {VpcIds: [ids.prod]}, account).output, 'Vpcs')[0];
const primaryAssociation = () => vpc()?.CidrBlockAssociationSet?.find((a) => a.CidrBlock === '10.20.0.0/16')?.AssociationId ?? '';

describe('DescribeVpcs', () => {
  it('by VpcIds: primary and secondary blocks, IPv6 blocks', () => {
    const found = vpc();
    expect(found).toMatchObject({VpcId: ids.prod, CidrBlock: '10.20.0.0/16', IsDefault: false, State: 'available'});
    expect(found?.CidrBlockAssociationSet?.map((a) => [a.CidrBlock, a.CidrBlockState?.State])).toEqual([['10.20.0.0/16', 'associated'], ['198.51.100.0/24', 'associated'], ['10.21.0.0/16', 'associated']]);
    expect(found?.Ipv6CidrBlockAssociationSet?.[0]).toMatchObject({AssociationId: ids.ipv6Block, Ipv6CidrBlock: '2600:1f18:1234:5600::/56'});
  });
  it.each([
    [[{Name: 'is-default', Values: ['true']}], [ids.defaultVpc]],
    [[{Name: 'cidr-block-association.association-id', Values: [ids.publicBlock]}], [ids.prod]],
  ])('by Filters %j', (filters, expected) => {
    expect(list<Vpc>(ok('DescribeVpcs', {Filters: filters}).output, 'Vpcs').map((v) => v.VpcId)).toEqual(expected);
  });
  it('InvalidVpcID.NotFound', () => {
    expect(failure('DescribeVpcs', {VpcIds: ['vpc-0000000000000dead']})).toEqual({ok: false, code: 'InvalidVpcID.NotFound', message: "The vpc ID 'vpc-0000000000000dead' does not exist"});
  });
});

describe('DescribeSubnets', () => {
  it('by Filters vpc-id, and by SubnetIds', () => {
    const subnets = list<Subnet>(ok('DescribeSubnets', {Filters: [{Name: 'vpc-id', Values: [ids.prod]}]}).output, 'Subnets');
    expect(subnets.map((s) => [s.SubnetId, s.CidrBlock])).toEqual([[ids.subnetA, '10.20.1.0/24'], [ids.subnetUsed, '10.21.1.0/24']]);
    expect(list<Subnet>(ok('DescribeSubnets', {SubnetIds: [ids.subnetDefault]}).output, 'Subnets')[0]).toMatchObject({VpcId: ids.defaultVpc, DefaultForAz: true});
  });
  it('InvalidSubnetID.NotFound', () => {
    expect(failure('DescribeSubnets', {SubnetIds: ['subnet-0000000000000dead']}).code).toBe('InvalidSubnetID.NotFound');
  });
});

describe('DisassociateVpcCidrBlock', () => {
  it('removes a block no subnet uses: disassociating in the answer, disassociated after', () => {
    const {account, output} = ok('DisassociateVpcCidrBlock', {AssociationId: ids.publicBlock});
    expect(output).toEqual({VpcId: ids.prod, CidrBlockAssociation: {AssociationId: ids.publicBlock, CidrBlock: '198.51.100.0/24', CidrBlockState: {State: 'disassociating'}}});
    const blocks = vpc(account)?.CidrBlockAssociationSet?.map((a) => [a.CidrBlock, a.CidrBlockState?.State]);
    expect(blocks).toEqual([['10.20.0.0/16', 'associated'], ['198.51.100.0/24', 'disassociated'], ['10.21.0.0/16', 'associated']]);
    expect(failure('DisassociateVpcCidrBlock', {AssociationId: ids.publicBlock}, account).code).toBe('InvalidVpcCidrBlockAssociationID.NotFound');
  });
  it('InvalidCidrBlock.InUse while a subnet lies in the block (IPv4 and IPv6)', () => {
    expect(failure('DisassociateVpcCidrBlock', {AssociationId: ids.usedBlock})).toEqual({
      ok: false, code: 'InvalidCidrBlock.InUse', message: `The vpc ${ids.prod} currently has a subnet within CIDR block 10.21.0.0/16`,
    });
    expect(failure('DisassociateVpcCidrBlock', {AssociationId: ids.ipv6Block}).code).toBe('InvalidCidrBlock.InUse');
  });
  it('OperationNotPermitted for the primary block', () => {
    expect(failure('DisassociateVpcCidrBlock', {AssociationId: primaryAssociation()})).toMatchObject({code: 'OperationNotPermitted', message: expect.stringContaining('primary IPv4 CIDR block') as string});
  });
  it('InvalidVpcCidrBlockAssociationID.NotFound', () => {
    expect(failure('DisassociateVpcCidrBlock', {AssociationId: 'vpc-cidr-assoc-0000000000000dead'}).code).toBe('InvalidVpcCidrBlockAssociationID.NotFound');
  });
  it('MissingParameter without an AssociationId', () => {
    expect(failure('DisassociateVpcCidrBlock', {}).code).toBe('MissingParameter');
  });
});
