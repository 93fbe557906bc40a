import {nowReaderFor} from '../../helpers/engine.js';
import type {DescribeSecurityGroupsCommandOutput, IpPermission} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import type {Action} from '../../../src/aws/action.js';
import {evaluate} from '../../../src/engine/expression.js';

const portText = (permission: IpPermission): unknown => evaluate('rule_ports(@)', permission);
const reachOf = (cidr: string): unknown => evaluate('cidr_reach(@)', cidr);
import type {NowLine} from '../../../src/engine/now-line.js';
import {oddOutputs, openScenario, scenarioWith, type Opened} from './scenario-facts.js';

const reader = nowReaderFor('CreateSecurityGroup');
const groupId = 'sg-0123456789abcdef0';
const risky = (): Opened => openScenario('sg-default-ssh-in-default-vpc');

function output(permissions: IpPermission[]): DescribeSecurityGroupsCommandOutput {
  return {
    $metadata: {httpStatusCode: 200, requestId: '1b8c6d9e-0000-4000-8000-000000000001'},
    SecurityGroups: [
      {
        GroupId: groupId,
        GroupName: 'default-ssh',
        Description: 'default ssh access',
        OwnerId: '111122223333',
        VpcId: 'vpc-0123456789abcdef0',
        SecurityGroupArn: `arn:aws:ec2:us-east-1:111122223333:security-group/${groupId}`,
        IpPermissions: permissions,
        IpPermissionsEgress: [{IpProtocol: '-1', IpRanges: [{CidrIp: '0.0.0.0/0'}], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: []}],
      },
    ],
  };
}

const ssh = (cidr: string): IpPermission => ({IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: cidr}], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: []});

describe('CreateSecurityGroup: query', () => {
  it.each<{id: string; action: Action | undefined}>([
    {id: 'sg-default-ssh-in-default-vpc', action: {service: 'ec2', operation: 'DescribeSecurityGroups', params: {GroupIds: [groupId]}}},
    {id: 'sg-terraform-load-balancer', action: {service: 'ec2', operation: 'DescribeSecurityGroups', params: {GroupIds: ['sg-0abcdef0123456789']}}},
    {id: 'sg-denied-developer', action: undefined},
    {id: 'sg-hostile-strings', action: undefined},
  ])('$id', ({id, action}) => {
    const {record, facts} = openScenario(id);
    expect(reader.query(facts, record)).toEqual(action);
  });

  it.each<{name: string; groupId: string}>([
    {name: 'injection', groupId: 'sg-0123456789abcdef0 --profile prod'},
    {name: 'upper case', groupId: 'sg-0123456789ABCDEF0'},
    {name: 'wrong length', groupId: 'sg-0123456789'},
    {name: 'another resource', groupId: 'vpc-0123456789abcdef0'},
  ])('an invalid group ID from the event means no query ($name)', ({groupId: bad}) => {
    const {record, facts} = scenarioWith('sg-default-ssh-in-default-vpc', {responseElements: {_return: true, groupId: bad}});
    expect(reader.query(facts, record)).toBeUndefined();
  });
});

describe('CreateSecurityGroup: interpret', () => {
  it.each<{name: string; permissions: IpPermission[]; lines: NowLine[]}>([
    {
      name: 'SSH open to the internet (IPv4 and IPv6), plus a private range and a group',
      permissions: [
        {
          IpProtocol: 'tcp', FromPort: 22, ToPort: 22,
          IpRanges: [{CidrIp: '0.0.0.0/0', Description: 'temp'}, {CidrIp: '10.0.0.0/8'}],
          Ipv6Ranges: [{CidrIpv6: '::/0'}],
          PrefixListIds: [], UserIdGroupPairs: [],
        },
        {IpProtocol: '-1', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{GroupId: 'sg-0aaaabbbbccccdddd', UserId: '111122223333'}]},
      ],
      lines: [
        {tone: 'bad', text: 'the rule 0.0.0.0/0 → tcp 22 is still there'},
        {tone: 'bad', text: 'the rule ::/0 → tcp 22 is still there'},
        {tone: 'info', text: '2 other inbound rules'},
      ],
    },
    {
      name: 'a port range and all traffic open to the internet',
      permissions: [
        {IpProtocol: 'tcp', FromPort: 1000, ToPort: 2000, IpRanges: [{CidrIp: '0.0.0.0/0'}]},
        {IpProtocol: '-1', IpRanges: [{CidrIp: '0.0.0.0/0'}]},
      ],
      lines: [
        {tone: 'bad', text: 'the rule 0.0.0.0/0 → tcp 1000–2000 is still there'},
        {tone: 'bad', text: 'the rule 0.0.0.0/0 → all traffic is still there'},
      ],
    },
    {
      name: 'the open rule was revoked: only a private range is left',
      permissions: [ssh('10.20.0.0/16')],
      lines: [
        {tone: 'ok', text: 'no inbound rule is open to the internet'},
        {tone: 'info', text: '1 inbound rule from specific sources'},
      ],
    },
    {
      name: 'no inbound rules at all (as created)',
      permissions: [],
      lines: [
        {tone: 'ok', text: 'no inbound rule is open to the internet'},
        {tone: 'info', text: 'the group has no inbound rules'},
      ],
    },
    {
      name: '0.0.0.0/0 split in two halves to evade a check for /0',
      permissions: [{IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, IpRanges: [{CidrIp: '0.0.0.0/1'}, {CidrIp: '128.0.0.0/1'}]}],
      lines: [
        {tone: 'warn', text: 'the rule 0.0.0.0/1 → tcp 3389 is open to a large part of the internet'},
        {tone: 'warn', text: 'the rule 128.0.0.0/1 → tcp 3389 is open to a large part of the internet'},
      ],
    },
    {
      name: 'a group of another account is let in',
      permissions: [
        {IpProtocol: 'tcp', FromPort: 443, ToPort: 443, UserIdGroupPairs: [{GroupId: 'sg-0fedcba9876543210', UserId: '444455556666'}]},
        {IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, PrefixListIds: [{PrefixListId: 'pl-0123456789abcdef0'}]},
      ],
      lines: [
        {tone: 'warn', text: 'the rule sg-0fedcba9876543210 of account 444455556666 → tcp 443 lets another account in'},
        {tone: 'ok', text: 'no inbound rule is open to the internet'},
        {tone: 'info', text: '1 other inbound rule'},
      ],
    },
  ])('$name', ({permissions, lines}) => {
    const {record, facts} = risky();
    expect(reader.interpret(output(permissions), facts, record)).toEqual(lines);
  });

  it('an answer without the group is no all-clear', () => {
    const {record, facts} = risky();
    expect(reader.interpret({$metadata: {}, SecurityGroups: []}, facts, record)).toEqual([
      {tone: 'warn', text: `the answer does not mention the security group ${groupId}: its current state is unknown`},
    ]);
  });

  it.each<{name: string; output: unknown}>([
    ...oddOutputs.map((value) => ({name: String(JSON.stringify(value)), output: value})),
    {name: 'SecurityGroups not a list', output: {SecurityGroups: 'sg-0123456789abcdef0'}},
    {name: 'entries of the wrong type', output: {SecurityGroups: [null, 5, 'x', []]}},
    {name: 'IpPermissions not a list', output: {SecurityGroups: [{GroupId: groupId, IpPermissions: {}}]}},
    {name: 'odd permissions', output: {SecurityGroups: [{GroupId: groupId, IpPermissions: [null, {IpRanges: 'x'}, {IpProtocol: 6, FromPort: '22', IpRanges: [{CidrIp: 5}, null, {CidrIp: 'garbage'}], UserIdGroupPairs: [{}]}]}]}},
  ])('odd output does not throw: $name', ({output: odd}) => {
    const {record, facts} = risky();
    const lines = reader.interpret(odd, facts, record);
    expect(Array.isArray(lines)).toBe(true);
    expect(lines.every((found) => found.tone !== 'ok' || found.text === 'no inbound rule is open to the internet')).toBe(true);
  });
});

describe('CreateSecurityGroup: whenError', () => {
  it.each<{code: string; lines: NowLine[] | undefined}>([
    {code: 'InvalidGroup.NotFound', lines: [{tone: 'ok', text: `the security group ${groupId} no longer exists`}]},
    {code: 'InvalidSecurityGroupID.NotFound', lines: [{tone: 'ok', text: `the security group ${groupId} no longer exists`}]},
    {code: 'InvalidGroupId.Malformed', lines: undefined},
    {code: 'UnauthorizedOperation', lines: undefined},
    {code: 'RequestLimitExceeded', lines: undefined},
  ])('$code', ({code, lines}) => {
    expect(reader.whenError(code, risky().facts)).toEqual(lines);
  });
});

describe('CreateSecurityGroup: ports and reach', () => {
  it.each<{permission: IpPermission; text: string}>([
    {permission: {IpProtocol: '-1'}, text: 'all traffic'},
    {permission: {IpProtocol: 'tcp', FromPort: 22, ToPort: 22}, text: 'tcp 22'},
    {permission: {IpProtocol: 'tcp', FromPort: 1000, ToPort: 2000}, text: 'tcp 1000–2000'},
    {permission: {IpProtocol: 'tcp', FromPort: 0, ToPort: 65535}, text: 'tcp all ports'},
    {permission: {IpProtocol: 'udp', FromPort: 53, ToPort: 53}, text: 'udp 53'},
    {permission: {IpProtocol: '6', FromPort: 443, ToPort: 443}, text: 'tcp 443'},
    {permission: {IpProtocol: 'icmp', FromPort: -1, ToPort: -1}, text: 'icmp all'},
    {permission: {IpProtocol: 'icmp', FromPort: 8, ToPort: -1}, text: 'icmp type 8'},
    {permission: {IpProtocol: 'icmp', FromPort: 3, ToPort: 4}, text: 'icmp type 3 code 4'},
    {permission: {IpProtocol: '58', FromPort: -1, ToPort: -1}, text: 'icmpv6 all'},
    {permission: {IpProtocol: '50'}, text: 'protocol 50'},
  ])('$text', ({permission, text}) => {
    expect(portText(permission)).toBe(text);
  });

  it.each<{cidr: string; reach: string}>([
    {cidr: '0.0.0.0/0', reach: 'internet'},
    {cidr: '::/0', reach: 'internet'},
    {cidr: '0.0.0.0/1', reach: 'wide'},
    {cidr: '2000::/3', reach: 'wide'},
    {cidr: '10.0.0.0/8', reach: 'specific'},
    {cidr: '203.0.113.7/32', reach: 'specific'},
    {cidr: '2001:db8::/32', reach: 'specific'},
    {cidr: 'garbage', reach: 'specific'},
  ])('$cidr is $reach', ({cidr, reach}) => {
    expect(reachOf(cidr)).toBe(reach);
  });
});
