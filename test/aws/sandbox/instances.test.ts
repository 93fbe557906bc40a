// Isolating an instance in the sandbox (the actor's containment): DescribeInstances seen through the
// interfaces attached to it, CreateSecurityGroup for the quarantine group, then its outbound rule removed
// and the instance's interfaces moved into it.
import {describe, expect, it} from 'vitest';
import type {SandboxAccount} from '../../../src/aws/sandbox/account.js';
import {failure, fixture, ids, list, ok} from './fixture.js';

describe('DescribeInstances', () => {
  it('an instance with its interfaces, the primary first, in its VPC', () => {
    const reservations = list<{Instances: {InstanceId: string; VpcId: string; NetworkInterfaces: {NetworkInterfaceId: string}[]}[]}>(ok('DescribeInstances', {InstanceIds: [ids.instance]}).output, 'Reservations');
    const instance = reservations[0]?.Instances[0];
    expect(instance?.InstanceId).toBe(ids.instance);
    expect(instance?.VpcId).toBe(ids.prod);
    expect(instance?.NetworkInterfaces.map((e) => e.NetworkInterfaceId)).toEqual([ids.primaryEni, ids.secondEni]);
  });
  it('an instance the account does not have: InvalidInstanceID.NotFound', () => {
    expect(failure('DescribeInstances', {InstanceIds: ['i-0000000000000dead']}).code).toBe('InvalidInstanceID.NotFound');
  });
});

describe('CreateSecurityGroup', () => {
  it('a new group in the VPC allows all outbound traffic and nothing inbound', () => {
    const {account, output} = ok('CreateSecurityGroup', {GroupName: 'trailguide-quarantine', Description: 'Quarantine', VpcId: ids.prod});
    const groupId = output['GroupId'] as string;
    expect(groupId).toMatch(/^sg-0[0-9a-f]{16}$/);
    const rules = account.snapshot.SecurityGroupRules.filter((r) => r.GroupId === groupId);
    expect(rules.map((r) => [r.IsEgress, r.IpProtocol, r.CidrIpv4])).toEqual([[true, '-1', '0.0.0.0/0']]);
  });
  it('the same name twice in a VPC: InvalidGroup.Duplicate; an unknown VPC: InvalidVpcID.NotFound', () => {
    const {account} = ok('CreateSecurityGroup', {GroupName: 'trailguide-quarantine', Description: 'Quarantine', VpcId: ids.prod});
    expect(failure('CreateSecurityGroup', {GroupName: 'trailguide-quarantine', Description: 'again', VpcId: ids.prod}, account).code).toBe('InvalidGroup.Duplicate');
    expect(failure('CreateSecurityGroup', {GroupName: 'x', Description: 'x', VpcId: 'vpc-0000000000000dead'}).code).toBe('InvalidVpcID.NotFound');
    expect(failure('CreateSecurityGroup', {GroupName: 'sg-abc', Description: 'x', VpcId: ids.prod}).code).toBe('InvalidParameterValue');
  });
  it('isolating: the quarantine group loses its outbound rule and takes the place of every group on the interface', () => {
    let account: SandboxAccount = fixture();
    const created = ok('CreateSecurityGroup', {GroupName: 'trailguide-quarantine', Description: 'Quarantine', VpcId: ids.prod}, account);
    account = created.account;
    const groupId = created.output['GroupId'] as string;
    account = ok('RevokeSecurityGroupEgress', {GroupId: groupId, IpPermissions: [{IpProtocol: '-1', IpRanges: [{CidrIp: '0.0.0.0/0'}]}]}, account).account;
    account = ok('ModifyNetworkInterfaceAttribute', {NetworkInterfaceId: ids.primaryEni, Groups: [groupId]}, account).account;
    expect(account.snapshot.SecurityGroupRules.filter((r) => r.GroupId === groupId)).toEqual([]);
    const instance = list<{Instances: {SecurityGroups: {GroupId: string}[]}[]}>(ok('DescribeInstances', {InstanceIds: [ids.instance]}, account).output, 'Reservations')[0]?.Instances[0];
    expect(instance?.SecurityGroups.map((g) => g.GroupId)).toEqual([groupId]);
  });
});
