import type {IpPermission} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import type {AccountSnapshot} from '../../src/aws/account-snapshot.js';
import {expectRow, findingOf, record, resolved, scenario, type RuleRow} from './helpers.js';

const groupId = 'sg-0123456789abcdef0';
const vpcId = 'vpc-0123456789abcdef0';
const risky = scenario('sg-default-ssh-in-default-vpc');
const benign = scenario('sg-terraform-load-balancer');

function withRules(...permissions: IpPermission[]): AccountSnapshot {
  return {SecurityGroups: [{GroupId: groupId, VpcId: vpcId, IpPermissions: permissions}]};
}
const tcp = (port: number, cidr: string, to = port): IpPermission =>
  cidr.includes(':')
    ? {IpProtocol: 'tcp', FromPort: port, ToPort: to, Ipv6Ranges: [{CidrIpv6: cidr}]}
    : {IpProtocol: 'tcp', FromPort: port, ToPort: to, IpRanges: [{CidrIp: cidr}]};
const all = (cidr: string): IpPermission => ({IpProtocol: '-1', IpRanges: [{CidrIp: cidr}]});

describe.each<[string, RuleRow[]]>([
  [
    'sg-open-ssh',
    [
      {name: 'tcp 22 from 0.0.0.0/0', record: risky, state: withRules(tcp(22, '0.0.0.0/0')), severity: 'critical', evidence: `SecurityGroups[${groupId}].IpPermissions[0].IpRanges[0].CidrIp = 0.0.0.0/0`},
      {name: 'tcp 20-25 from ::/0', record: risky, state: withRules(tcp(20, '::/0', 25)), severity: 'critical', evidence: 'Ipv6Ranges[0].CidrIpv6 = ::/0'},
      {name: 'tcp 22 from the office', record: risky, state: withRules(tcp(22, '203.0.113.0/24')), severity: null},
      {name: 'all traffic (all-ports finding instead)', record: risky, state: withRules(all('0.0.0.0/0')), severity: null},
      {name: 'no state', record: risky, severity: null},
    ],
  ],
  [
    'sg-open-rdp',
    [
      {name: 'tcp 3389 from 0.0.0.0/1 (half the internet)', record: risky, state: withRules(tcp(3389, '0.0.0.0/1')), severity: 'critical'},
      {name: 'tcp 3389 from a /24', record: risky, state: withRules(tcp(3389, '198.51.100.0/24')), severity: null},
    ],
  ],
  [
    'sg-open-database',
    [
      {name: 'PostgreSQL from 0.0.0.0/0', record: risky, state: withRules(tcp(5432, '0.0.0.0/0')), severity: 'critical'},
      {name: 'Redis from ::/0', record: risky, state: withRules(tcp(6379, '::/0')), severity: 'critical'},
      {name: 'port 8080 from 0.0.0.0/0', record: risky, state: withRules(tcp(8080, '0.0.0.0/0')), severity: null},
    ],
  ],
  [
    'sg-open-all-ports',
    [
      {name: 'protocol -1', record: risky, state: withRules(all('0.0.0.0/0')), severity: 'critical'},
      {name: 'tcp 0-65535', record: risky, state: withRules(tcp(0, '::/0', 65535)), severity: 'critical'},
      {name: 'tcp without ports', record: risky, state: withRules({IpProtocol: 'tcp', IpRanges: [{CidrIp: '0.0.0.0/0'}]}), severity: 'critical'},
      {name: 'tcp 22 only', record: risky, state: withRules(tcp(22, '0.0.0.0/0')), severity: null},
      {name: 'ICMP, all types and codes', record: risky, state: withRules({IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{CidrIp: '0.0.0.0/0'}]}), severity: null},
    ],
  ],
  [
    'sg-open-ingress',
    [
      {name: 'HTTPS on the load balancer group', record: benign, state: {SecurityGroups: [{GroupId: 'sg-0abcdef0123456789', IpPermissions: [tcp(443, '0.0.0.0/0')]}]}, severity: 'low'},
      {name: 'tcp 8080', record: risky, state: withRules(tcp(8080, '0.0.0.0/0')), severity: 'medium'},
      {name: 'ICMP echo', record: risky, state: withRules({IpProtocol: 'icmp', FromPort: 8, ToPort: -1, IpRanges: [{CidrIp: '0.0.0.0/0'}]}), severity: 'low'},
      {name: 'ESP (protocol 50)', record: risky, state: withRules({IpProtocol: '50', IpRanges: [{CidrIp: '0.0.0.0/0'}]}), severity: 'medium'},
      {name: 'SSH only (its own finding)', record: risky, state: withRules(tcp(22, '0.0.0.0/0')), severity: null},
      {name: 'no open rule', record: risky, state: withRules(tcp(443, '10.0.0.0/8')), severity: null},
    ],
  ],
  [
    'sg-in-default-vpc',
    [
      {name: 'state marks the VPC default', record: risky, state: {Vpcs: [{VpcId: vpcId, IsDefault: true}]}, severity: 'medium', evidence: `Vpcs[${vpcId}].IsDefault = true`},
      {name: 'request names no VPC', record: record('CreateSecurityGroup', {requestParameters: {groupName: 'x', groupDescription: 'x'}}), severity: 'medium', evidence: 'requestParameters.vpcId'},
      {name: 'state marks the VPC non-default', record: risky, state: {Vpcs: [{VpcId: vpcId, IsDefault: false}]}, severity: null},
      {name: 'VPC named, no state', record: risky, severity: null},
    ],
  ],
  [
    'sg-imitates-standard-group',
    [
      {name: '"default-ssh" by a backup user', record: risky, severity: 'medium', evidence: 'requestParameters.groupName = default-ssh'},
      {name: 'a descriptive name by Terraform', record: benign, severity: null},
      {name: 'launch-wizard-3 from the CLI', record: record('CreateSecurityGroup', {requestParameters: {groupName: 'launch-wizard-3', vpcId}}), severity: 'medium'},
      {name: 'launch-wizard-3 from the console', record: record('CreateSecurityGroup', {requestParameters: {groupName: 'launch-wizard-3', vpcId}, sessionCredentialFromConsole: 'true'}), severity: null},
      {name: 'ElasticMapReduce-master by a user', record: record('CreateSecurityGroup', {requestParameters: {groupName: 'ElasticMapReduce-master', vpcId}}), severity: 'medium'},
      {name: 'ElasticMapReduce-master by EMR', record: record('CreateSecurityGroup', {requestParameters: {groupName: 'ElasticMapReduce-master', vpcId}, userAgent: 'elasticmapreduce.amazonaws.com'}), severity: null},
      {name: 'AWS-OpsWorks-Web by a user', record: record('CreateSecurityGroup', {requestParameters: {groupName: 'AWS-OpsWorks-Web', vpcId}}), severity: 'medium'},
      {name: 'the default group\'s description', record: record('CreateSecurityGroup', {requestParameters: {groupName: 'sg1', groupDescription: 'default VPC security group', vpcId}}), severity: 'medium', evidence: 'requestParameters.groupDescription'},
      {name: '"defaults-review" is a word, not an imitation', record: record('CreateSecurityGroup', {requestParameters: {groupName: 'defaults-review', vpcId}}), severity: null},
    ],
  ],
])('%s', (id, rows) => {
  it.each(rows)('$name', (row) => {
    const found = expectRow(id, row);
    if (found !== undefined) expect(found.stepId).toBeDefined();
  });
});

describe('isResolved', () => {
  const open = withRules(tcp(22, '0.0.0.0/0'), tcp(443, '10.0.0.0/8'));
  const ssh = findingOf('sg-open-ssh', risky, open);
  const imitation = findingOf('sg-imitates-standard-group', risky);

  it.each<[string, AccountSnapshot, boolean]>([
    ['the open rule is still there', open, false],
    ['the open rule was revoked', withRules(tcp(443, '10.0.0.0/8')), true],
    ['the rule now allows the office only', withRules(tcp(22, '203.0.113.0/24')), true],
    ['the group was deleted', {SecurityGroups: []}, true],
    ['the state does not list groups', {Vpcs: []}, false],
  ])('sg-open-ssh when %s: %s', (_name, state, expected) => {
    expect(ssh).toBeDefined();
    if (ssh) expect(resolved(ssh, risky, state)).toBe(expected);
  });

  it.each<[string, AccountSnapshot, boolean]>([
    ['the group exists', open, false],
    ['the group was deleted', {SecurityGroups: []}, true],
  ])('sg-imitates-standard-group when %s: %s', (_name, state, expected) => {
    expect(imitation).toBeDefined();
    if (imitation) expect(resolved(imitation, risky, state)).toBe(expected);
  });
});
