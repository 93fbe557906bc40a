// NAT gateways in the sandbox: DescribeNatGateways by ID and by its `Filter` list (EC2's singular name for
// this call), as the CreateRoute runbook's read sends it; an unknown ID is NatGatewayNotFound.
import type {NatGateway} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import {sandboxAccount} from '../../../src/aws/sandbox/account.js';
import {failure, list, ok} from './fixture.js';

const prod = 'vpc-0aaaaaaaaaaaaaaa1';
const lab = 'vpc-0aaaaaaaaaaaaaaa2';
const gateway = (id: string, vpcId: string, state: NatGateway['State'], subnetId: string): NatGateway => ({NatGatewayId: id, VpcId: vpcId, State: state, SubnetId: subnetId, ConnectivityType: 'public'});
const account = sandboxAccount({
  snapshot: {
    NatGateways: [
      gateway('nat-0aaaaaaaaaaaaaaa1', prod, 'available', 'subnet-0aaaaaaaaaaaaaaa1'),
      gateway('nat-0aaaaaaaaaaaaaaa2', prod, 'deleted', 'subnet-0aaaaaaaaaaaaaaa1'),
      gateway('nat-0aaaaaaaaaaaaaaa3', lab, 'available', 'subnet-0aaaaaaaaaaaaaaa2'),
    ],
  },
  accountId: '111122223333',
  region: 'us-east-1',
});

const listed = (params: Parameters<typeof ok>[1]): string[] => list<NatGateway>(ok('DescribeNatGateways', params, account).output, 'NatGateways').map((n) => n.NatGatewayId ?? '');

describe('DescribeNatGateways', () => {
  it('the runbook\'s read: the VPC\'s available gateways only (not the deleted one, not another VPC\'s)', () => {
    expect(listed({Filter: [{Name: 'vpc-id', Values: [prod]}, {Name: 'state', Values: ['available']}]})).toEqual(['nat-0aaaaaaaaaaaaaaa1']);
  });
  it('without filters: every gateway, deleted ones included (EC2 lists them for a while)', () => {
    expect(listed({})).toEqual(['nat-0aaaaaaaaaaaaaaa1', 'nat-0aaaaaaaaaaaaaaa2', 'nat-0aaaaaaaaaaaaaaa3']);
  });
  it('by subnet and by ID', () => {
    expect(listed({Filter: [{Name: 'subnet-id', Values: ['subnet-0aaaaaaaaaaaaaaa2']}]})).toEqual(['nat-0aaaaaaaaaaaaaaa3']);
    expect(listed({NatGatewayIds: ['nat-0aaaaaaaaaaaaaaa2']})).toEqual(['nat-0aaaaaaaaaaaaaaa2']);
  });
  it('a VPC with no NAT gateway: an empty list, not an error', () => {
    expect(listed({Filter: [{Name: 'vpc-id', Values: ['vpc-0aaaaaaaaaaaaaaa9']}]})).toEqual([]);
  });
  it('an unknown ID: NatGatewayNotFound', () => {
    expect(failure('DescribeNatGateways', {NatGatewayIds: ['nat-0000000000000dead']}, account)).toMatchObject({ok: false, code: 'NatGatewayNotFound'});
  });
  it('a filter it does not simulate is refused, not ignored', () => {
    expect(failure('DescribeNatGateways', {Filter: [{Name: 'connectivity-type', Values: ['public']}]}, account).code).toBe('UnsupportedOperation');
  });
});
