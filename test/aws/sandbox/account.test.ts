// The account model and apply(): immutable, rule IDs as the source of IpPermissions, stable IDs,
// CIDR arithmetic, and what the sandbox does with an operation it does not simulate.
import type {SecurityGroup} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import {deepFreeze, newId, sandboxAccount, sandboxSnapshot} from '../../../src/aws/sandbox/account.js';
import {carve, contains, overlaps, parseCidr, sameCidr} from '../../../src/aws/sandbox/cidr.js';
import {apply, simulatedOperations} from '../../../src/aws/sandbox/operations.js';
import {builtInEventNames} from '../../../src/runbooks/catalog.js';
import {builtInRunbook} from '../../../src/runbooks/registry.js';
import {failure, fixture, ids, ok} from './fixture.js';

const described: SecurityGroup = {
  GroupId: 'sg-0bbb0000000000001', GroupName: 'from-now-panel', VpcId: 'vpc-0bbb0000000000001',
  IpPermissions: [{IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '0.0.0.0/0'}, {CidrIp: '10.0.0.0/8', Description: 'office'}], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: []}],
  IpPermissionsEgress: [{IpProtocol: '-1', IpRanges: [{CidrIp: '0.0.0.0/0'}]}],
};

describe('the account model', () => {
  it('reads rules with stable IDs out of IpPermissions when a snapshot has none (a Now-panel answer)', () => {
    const snapshot = sandboxSnapshot({SecurityGroups: [described]}, '111122223333');
    expect(snapshot.SecurityGroupRules.map((r) => [r.IsEgress, r.IpProtocol, r.FromPort, r.CidrIpv4, r.Description])).toEqual([
      [false, 'tcp', 22, '0.0.0.0/0', undefined], [false, 'tcp', 22, '10.0.0.0/8', 'office'], [true, '-1', -1, '0.0.0.0/0', undefined],
    ]);
    expect(sandboxSnapshot({SecurityGroups: [described]}, '111122223333').SecurityGroupRules).toEqual(snapshot.SecurityGroupRules);
    expect(snapshot.SecurityGroups?.[0]?.IpPermissions?.[0]?.IpRanges).toEqual(described.IpPermissions?.[0]?.IpRanges);
  });
  it('apply() never changes the account it is given (frozen), and returns a new one', () => {
    const before = fixture();
    expect(Object.isFrozen(before.snapshot.SecurityGroups?.[0])).toBe(true);
    const copy = structuredClone(before);
    const {account} = ok('DeleteSecurityGroup', {GroupId: ids.unused}, before);
    expect(before).toEqual(copy);
    expect(account).not.toBe(before);
    expect(account.snapshot.SecurityGroups).toHaveLength((before.snapshot.SecurityGroups?.length ?? 0) - 1);
  });
  it('a Describe call returns the same account', () => {
    const account = fixture();
    const result = apply(account, 'DescribeVpcs', {});
    expect(result.ok && result.account).toBe(account);
  });
  it('ignores DryRun in the parameters (the executor decides what a dry-run is)', () => {
    expect(ok('DeleteSecurityGroup', {GroupId: ids.unused, DryRun: true}).output).toEqual({Return: true, GroupId: ids.unused});
  });
  it('an operation it does not simulate: UnsupportedOperation, saying so', () => {
    expect(failure('TerminateInstances', {InstanceIds: [ids.instance]})).toEqual({ok: false, code: 'UnsupportedOperation', message: 'the sandbox does not simulate TerminateInstances'});
  });
  it('simulates every EC2 operation of the runbooks\' containment and hardening procedures', () => {
    const used = new Set(builtInEventNames.flatMap((name) => (builtInRunbook(name)?.procedures ?? [])
      .filter((p) => p.kind === 'containment' || p.kind === 'hardening')
      .flatMap((p) => p.steps.flatMap((s) => (s.action?.service === 'ec2' ? [s.action.operation] : [])))));
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((operation) => !simulatedOperations.includes(operation)).sort()).toEqual([]);
    // The five source runbooks' operations, and the resource kinds issue 16 added, by name.
    expect(simulatedOperations).toEqual(expect.arrayContaining([
      'RevokeSecurityGroupIngress', 'DeleteRoute', 'RejectVpcPeeringConnection', 'DisassociateVpcCidrBlock', 'ModifyNetworkInterfaceAttribute',
      'ModifySnapshotAttribute', 'ModifyImageAttribute', 'DeleteNetworkAclEntry', 'DetachInternetGateway', 'CreateFlowLogs', 'DeleteTrafficMirrorSession',
    ]));
  });
  it('a wrongly typed parameter: InvalidParameterValue', () => {
    expect(failure('DeleteSecurityGroup', {GroupId: 42}).code).toBe('InvalidParameterValue');
  });
  it('sandboxAccount() defaults to ec2:* and freezes everything', () => {
    const account = sandboxAccount({snapshot: {}, accountId: '111122223333', region: 'us-east-1'});
    expect(account.permissions).toEqual({allow: ['ec2:*']});
    expect(Object.isFrozen(account.snapshot.SecurityGroupRules)).toBe(true);
    expect(deepFreeze({a: {b: 1}}).a).toSatisfy(Object.isFrozen);
  });
});

describe('IDs and CIDRs', () => {
  it('newId: EC2 long format, stable for a seed, different for another', () => {
    expect(newId('sgr', 'x')).toMatch(/^sgr-0[0-9a-f]{16}$/);
    expect(newId('sgr', 'x')).toBe(newId('sgr', 'x'));
    expect(newId('sgr', 'y')).not.toBe(newId('sgr', 'x'));
  });
  it.each([
    ['10.20.0.0/16', '10.20.1.0/24', true], ['10.20.0.0/16', '10.21.0.0/24', false], ['198.51.100.0/24', '198.51.100.0/24', true],
    ['2600:1f18:1234:5600::/56', '2600:1f18:1234:5601::/64', true], ['2600:1f18:1234:5600::/56', '2600:1f18:1234:5700::/64', false], ['10.0.0.0/8', '::/0', false],
  ])('contains(%s, %s) = %s', (outer, inner, expected) => {
    const [a, b] = [parseCidr(outer), parseCidr(inner)];
    expect(a !== undefined && b !== undefined && contains(a, b)).toBe(expected);
  });
  it('parses, compares and carves', () => {
    expect(parseCidr('10.0.0.256/8')).toBeUndefined();
    expect(parseCidr('1::2::3/64')).toBeUndefined();
    expect(sameCidr('2001:db8::/56', '2001:0db8:0::/56')).toBe(true);
    expect(overlaps(parseCidr('10.0.0.0/8') ?? fail(), parseCidr('10.1.0.0/16') ?? fail())).toBe(true);
    expect(carve('172.31.0.0/16', 20, 1)).toBe('172.31.16.0/20');
  });
});

function fail(): never {
  throw new Error('unparsed');
}
