// Security groups in the sandbox: each operation's success and each EC2 error code it can return.
import type {SecurityGroup, SecurityGroupRule} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import {failure, fixture, ids, list, ok} from './fixture.js';

const rulesOf = (groupId: string, account = fixture()) =>
  list<SecurityGroupRule>(ok('DescribeSecurityGroupRules', {Filters: [{Name: 'group-id', Values: [groupId]}]}, account).output, 'SecurityGroupRules');
const openSsh = (groupId: string, account = fixture()) => rulesOf(groupId, account).find((r) => r.IsEgress === false && r.FromPort === 22 && r.CidrIpv4 === '0.0.0.0/0');

describe('DescribeSecurityGroups', () => {
  it('by GroupIds, with IpPermissions derived from the rules', () => {
    const [web] = list<SecurityGroup>(ok('DescribeSecurityGroups', {GroupIds: [ids.web]}).output, 'SecurityGroups');
    expect(web).toMatchObject({GroupId: ids.web, GroupName: 'web', VpcId: ids.prod});
    expect(web?.IpPermissions).toEqual([
      {IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{CidrIp: '0.0.0.0/0'}], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: []},
      {IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '0.0.0.0/0'}], Ipv6Ranges: [{CidrIpv6: '::/0'}], PrefixListIds: [], UserIdGroupPairs: []},
    ]);
    expect(web?.IpPermissionsEgress).toEqual([{IpProtocol: '-1', IpRanges: [{CidrIp: '0.0.0.0/0'}], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: []}]);
  });
  it.each([
    [[{Name: 'group-id', Values: [ids.web]}], [ids.web]],
    [[{Name: 'vpc-id', Values: [ids.defaultVpc]}, {Name: 'group-name', Values: ['open-*']}], [ids.openDefault]],
    [[{Name: 'group-id', Values: ['sg-0000000000000dead']}], []],
  ])('by Filters %j', (filters, expected) => {
    expect(list<SecurityGroup>(ok('DescribeSecurityGroups', {Filters: filters}).output, 'SecurityGroups').map((g) => g.GroupId)).toEqual(expected);
  });
  it('InvalidGroup.NotFound for a GroupId that does not exist', () => {
    expect(failure('DescribeSecurityGroups', {GroupIds: [ids.web, 'sg-0000000000000dead']})).toEqual({ok: false, code: 'InvalidGroup.NotFound', message: "The security group 'sg-0000000000000dead' does not exist"});
  });
  it('refuses a filter it does not simulate instead of ignoring it', () => {
    expect(failure('DescribeSecurityGroups', {Filters: [{Name: 'ip-permission.cidr', Values: ['0.0.0.0/0']}]}).code).toBe('UnsupportedOperation');
  });
});

describe('DescribeSecurityGroupRules', () => {
  it('lists each rule with its ID, direction, protocol, ports and source', () => {
    const rules = rulesOf(ids.web);
    expect(rules).toHaveLength(4);
    expect(rules.every((r) => /^sgr-[0-9a-f]{17}$/.test(r.SecurityGroupRuleId ?? ''))).toBe(true);
    expect(rules.map((r) => [r.IsEgress, r.IpProtocol, r.FromPort, r.ToPort, r.CidrIpv4 ?? r.CidrIpv6])).toEqual([
      [false, 'tcp', 443, 443, '0.0.0.0/0'], [false, 'tcp', 22, 22, '0.0.0.0/0'], [false, 'tcp', 22, 22, '::/0'], [true, '-1', -1, -1, '0.0.0.0/0'],
    ]);
    expect(rulesOf(ids.db)[0]).toMatchObject({ReferencedGroupInfo: {GroupId: ids.web}, Description: 'from web'});
  });
  it('InvalidSecurityGroupRuleId.NotFound for a rule ID that does not exist', () => {
    expect(failure('DescribeSecurityGroupRules', {SecurityGroupRuleIds: ['sgr-0000000000000dead']}).code).toBe('InvalidSecurityGroupRuleId.NotFound');
  });
});

describe('AuthorizeSecurityGroupIngress / Egress', () => {
  it('adds rules with new IDs, seen by both Describe calls', () => {
    const {account, output} = ok('AuthorizeSecurityGroupIngress', {GroupId: ids.unused, IpPermissions: [{IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '203.0.113.0/24', Description: 'admins'}]}]});
    const [added] = list<SecurityGroupRule>(output, 'SecurityGroupRules');
    expect(output['Return']).toBe(true);
    expect(added).toMatchObject({GroupId: ids.unused, IsEgress: false, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '203.0.113.0/24', Description: 'admins'});
    expect(rulesOf(ids.unused, account).map((r) => r.SecurityGroupRuleId)).toContain(added?.SecurityGroupRuleId);
    const [group] = list<SecurityGroup>(ok('DescribeSecurityGroups', {GroupIds: [ids.unused]}, account).output, 'SecurityGroups');
    expect(group?.IpPermissions?.[0]?.IpRanges).toEqual([{CidrIp: '203.0.113.0/24', Description: 'admins'}]);
  });
  it('egress, by protocol number and a group source', () => {
    const {output} = ok('AuthorizeSecurityGroupEgress', {GroupId: ids.quarantine, IpPermissions: [{IpProtocol: '6', FromPort: 443, ToPort: 443, UserIdGroupPairs: [{GroupId: ids.web}]}]});
    expect(list(output, 'SecurityGroupRules')[0]).toMatchObject({IsEgress: true, IpProtocol: 'tcp', ReferencedGroupInfo: {GroupId: ids.web}});
  });
  it('InvalidPermission.Duplicate for a rule the group has (descriptions do not count)', () => {
    const result = failure('AuthorizeSecurityGroupIngress', {GroupId: ids.web, IpPermissions: [{IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '0.0.0.0/0', Description: 'x'}]}]});
    expect(result).toEqual({ok: false, code: 'InvalidPermission.Duplicate', message: 'the specified rule "peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW" already exists'});
    expect(failure('AuthorizeSecurityGroupEgress', {GroupId: ids.web, IpPermissions: [{IpProtocol: '-1', IpRanges: [{CidrIp: '0.0.0.0/0'}]}]}).code).toBe('InvalidPermission.Duplicate');
  });
  it.each([
    ['InvalidGroup.NotFound', {GroupId: 'sg-0000000000000dead', IpPermissions: [{IpProtocol: 'tcp', FromPort: 1, ToPort: 1, IpRanges: [{CidrIp: '10.0.0.0/8'}]}]}],
    ['InvalidGroup.NotFound', {GroupId: ids.unused, IpPermissions: [{IpProtocol: 'tcp', FromPort: 1, ToPort: 1, UserIdGroupPairs: [{GroupId: 'sg-0000000000000dead'}]}]}],
    ['InvalidPermission.Malformed', {GroupId: ids.unused, IpPermissions: [{IpProtocol: 'tcp', FromPort: 1, ToPort: 1, IpRanges: [{CidrIp: '10.0.0.300/8'}]}]}],
    ['InvalidParameterValue', {GroupId: ids.unused, IpPermissions: [{IpProtocol: 'tcp', FromPort: 22, ToPort: 21, IpRanges: [{CidrIp: '10.0.0.0/8'}]}]}],
    ['MissingParameter', {GroupId: ids.unused}],
  ])('%s', (code, params) => {
    expect(failure('AuthorizeSecurityGroupIngress', params).code).toBe(code);
  });
});

describe('RevokeSecurityGroupIngress / Egress', () => {
  it('by SecurityGroupRuleIds: the rule is gone from both views', () => {
    const rule = openSsh(ids.web);
    const {account, output} = ok('RevokeSecurityGroupIngress', {GroupId: ids.web, SecurityGroupRuleIds: [rule?.SecurityGroupRuleId ?? '']});
    expect(output).toEqual({Return: true, RevokedSecurityGroupRules: [{SecurityGroupRuleId: rule?.SecurityGroupRuleId, GroupId: ids.web, IsEgress: false, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/0'}]});
    expect(openSsh(ids.web, account)).toBeUndefined();
    expect(rulesOf(ids.web, account)).toHaveLength(3);
    const [web] = list<SecurityGroup>(ok('DescribeSecurityGroups', {GroupIds: [ids.web]}, account).output, 'SecurityGroups');
    expect(web?.IpPermissions?.find((p) => p.FromPort === 22)?.IpRanges).toEqual([]);
  });
  it('by IpPermissions (protocol by name or number), egress too', () => {
    const {account} = ok('RevokeSecurityGroupIngress', {GroupId: ids.web, IpPermissions: [{IpProtocol: '6', FromPort: 443, ToPort: 443, IpRanges: [{CidrIp: '0.0.0.0/0'}]}]});
    expect(rulesOf(ids.web, account).some((r) => r.FromPort === 443)).toBe(false);
    const out = ok('RevokeSecurityGroupEgress', {GroupId: ids.web, IpPermissions: [{IpProtocol: '-1', IpRanges: [{CidrIp: '0.0.0.0/0'}]}]}, account);
    expect(rulesOf(ids.web, out.account).filter((r) => r.IsEgress === true)).toEqual([]);
  });
  it('InvalidSecurityGroupRuleId.NotFound for an unknown ID, or one of another direction or group', () => {
    const egress = rulesOf(ids.web).find((r) => r.IsEgress === true)?.SecurityGroupRuleId ?? '';
    const ofDb = rulesOf(ids.db)[0]?.SecurityGroupRuleId ?? '';
    for (const id of ['sgr-0000000000000dead', egress, ofDb]) {
      expect(failure('RevokeSecurityGroupIngress', {GroupId: ids.web, SecurityGroupRuleIds: [id]})).toMatchObject({code: 'InvalidSecurityGroupRuleId.NotFound', message: expect.stringContaining(id) as string});
    }
  });
  it('InvalidPermission.NotFound for properties that match no rule (non-default VPC); nothing is revoked', () => {
    expect(failure('RevokeSecurityGroupIngress', {GroupId: ids.web, IpPermissions: [{IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, IpRanges: [{CidrIp: '0.0.0.0/0'}]}]}).code).toBe('InvalidPermission.NotFound');
  });
  it('in a default VPC, unmatched properties are answered as UnknownIpPermissions, the matched ones revoked', () => {
    const {account, output} = ok('RevokeSecurityGroupIngress', {GroupId: ids.openDefault, IpPermissions: [
      {IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '0.0.0.0/0'}]}, {IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, IpRanges: [{CidrIp: '0.0.0.0/0'}]},
    ]});
    expect(list(output, 'RevokedSecurityGroupRules')).toHaveLength(1);
    expect(list(output, 'UnknownIpPermissions')).toEqual([{IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, IpRanges: [{CidrIp: '0.0.0.0/0'}], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: []}]);
    expect(openSsh(ids.openDefault, account)).toBeUndefined();
  });
  it('InvalidGroup.NotFound for a group that does not exist', () => {
    expect(failure('RevokeSecurityGroupEgress', {GroupId: 'sg-0000000000000dead', SecurityGroupRuleIds: ['sgr-0000000000000dead']}).code).toBe('InvalidGroup.NotFound');
  });
});

describe('DeleteSecurityGroup', () => {
  it('deletes an unused group and its rules; describing it then fails', () => {
    const {account, output} = ok('DeleteSecurityGroup', {GroupId: ids.unused});
    expect(output).toEqual({Return: true, GroupId: ids.unused});
    expect(failure('DescribeSecurityGroups', {GroupIds: [ids.unused]}, account).code).toBe('InvalidGroup.NotFound');
    expect(list(ok('DescribeSecurityGroups', {Filters: [{Name: 'group-id', Values: [ids.unused]}]}, account).output, 'SecurityGroups')).toEqual([]);
    expect(account.snapshot.SecurityGroupRules.some((r) => r.GroupId === ids.unused)).toBe(false);
  });
  it.each([
    ['used by a network interface', ids.db, 'DependencyViolation', `resource ${ids.db} has a dependent object`],
    ["referenced by another group's rule", ids.web, 'DependencyViolation', `resource ${ids.web} has a dependent object`],
    ['a VPC default group', undefined, 'CannotDelete', undefined],
    ['a group that does not exist', 'sg-0000000000000dead', 'InvalidGroup.NotFound', "The security group 'sg-0000000000000dead' does not exist"],
  ])('refuses %s', (_what, groupId, code, message) => {
    const account = fixture();
    const id = groupId ?? account.snapshot.SecurityGroups?.find((g) => g.GroupName === 'default')?.GroupId ?? '';
    const result = failure('DeleteSecurityGroup', {GroupId: id}, account);
    expect(result.code).toBe(code);
    if (message !== undefined) expect(result.message).toBe(message);
  });
  it('a group once its last user is gone: web, after db (which referenced it) is deleted', () => {
    let account = ok('ModifyNetworkInterfaceAttribute', {NetworkInterfaceId: ids.primaryEni, Groups: [ids.quarantine]}).account;
    for (const eni of [ids.secondEni, ids.freeEni, ids.managedEni]) account = ok('ModifyNetworkInterfaceAttribute', {NetworkInterfaceId: eni, Groups: [ids.quarantine]}, account).account;
    account = ok('DeleteSecurityGroup', {GroupId: ids.db}, account).account;
    expect(ok('DeleteSecurityGroup', {GroupId: ids.web}, account).output).toEqual({Return: true, GroupId: ids.web});
  });
});
