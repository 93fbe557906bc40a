import type {Vpc} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import type {AccountSnapshot} from '../../src/aws/account-snapshot.js';
import {expectRow, findingOf, record, resolved, scenario, type RuleRow} from './helpers.js';

const risky = scenario('cidr-public-range-on-production-vpc');
const benign = scenario('cidr-secondary-private-range');
const riskyVpc = 'vpc-0abcdef0123456789';
const benignVpc = 'vpc-0aaaabbbbccccdddd';
const riskyAssociation = 'vpc-cidr-assoc-0123456789abcdef0';

const vpc = (VpcId: string, blocks: readonly [string, string][], ipv6: readonly [string, string, string][] = []): Vpc => ({
  VpcId,
  CidrBlockAssociationSet: blocks.map(([CidrBlock, state], index) => ({AssociationId: `${VpcId}-a${index}`, CidrBlock, CidrBlockState: {State: state as 'associated'}})),
  Ipv6CidrBlockAssociationSet: ipv6.map(([AssociationId, Ipv6CidrBlock, state]) => ({AssociationId, Ipv6CidrBlock, Ipv6CidrBlockState: {State: state as 'associated'}})),
});
const peering = (code: string, cidr: string): AccountSnapshot['VpcPeeringConnections'] => [
  {VpcPeeringConnectionId: 'pcx-0aaaa', RequesterVpcInfo: {VpcId: benignVpc}, AccepterVpcInfo: {VpcId: 'vpc-peer', CidrBlock: cidr}, Status: {Code: code as 'active'}},
];
const ipv6 = record('AssociateVpcCidrBlock', {
  requestParameters: {vpcId: benignVpc, amazonProvidedIpv6CidrBlock: true},
  responseElements: {vpcId: benignVpc, ipv6CidrBlockAssociation: {associationId: 'vpc-cidr-assoc-v6', ipv6CidrBlock: '2600:1f18:abcd:1200::/56'}},
});

describe.each<[string, RuleRow[]]>([
  [
    'cidr-public-range',
    [
      {name: '198.51.100.0/24 (wrapped record)', record: risky, severity: 'high', evidence: 'responseElements.AssociateVpcCidrBlockResponse.cidrBlockAssociation.cidrBlock = 198.51.100.0/24'},
      {name: '10.21.0.0/16', record: benign, severity: null},
      {name: '100.64.0.0/16 (RFC 6598)', record: record('AssociateVpcCidrBlock', {requestParameters: {vpcId: benignVpc, cidrBlock: '100.64.0.0/16'}}), severity: null},
      {name: 'an IPv6 block', record: ipv6, severity: null},
    ],
  ],
  [
    'cidr-overlaps-vpc',
    [
      {name: 'another VPC holds 10.21.128.0/17', record: benign, state: {Vpcs: [vpc('vpc-other', [['10.21.128.0/17', 'associated']])]}, severity: 'medium', evidence: 'Vpcs[vpc-other].CidrBlockAssociationSet[0].CidrBlock = 10.21.128.0/17'},
      {name: 'the other VPC let the block go', record: benign, state: {Vpcs: [vpc('vpc-other', [['10.21.0.0/16', 'disassociated']])]}, severity: null},
      {name: 'no overlap', record: benign, state: {Vpcs: [vpc('vpc-other', [['10.22.0.0/16', 'associated']])]}, severity: null},
      {name: 'the VPC itself', record: benign, state: {Vpcs: [vpc(benignVpc, [['10.21.0.0/16', 'associated']])]}, severity: null},
      {name: 'a peered VPC (its own finding)', record: benign, state: {Vpcs: [vpc('vpc-peer', [['10.21.0.0/16', 'associated']])], VpcPeeringConnections: peering('active', '10.21.0.0/16')}, severity: null},
    ],
  ],
  [
    'cidr-overlaps-peered-vpc',
    [
      {name: 'active peering to 10.21.0.0/20', record: benign, state: {VpcPeeringConnections: peering('active', '10.21.0.0/20')}, severity: 'high', evidence: 'VpcPeeringConnections[pcx-0aaaa].AccepterVpcInfo.CidrBlock = 10.21.0.0/20'},
      {name: 'deleted peering', record: benign, state: {VpcPeeringConnections: peering('deleted', '10.21.0.0/20')}, severity: null},
      {name: 'peer without overlap', record: benign, state: {VpcPeeringConnections: peering('active', '10.99.0.0/16')}, severity: null},
    ],
  ],
  [
    'cidr-first-ipv6',
    [
      {name: 'Amazon-provided IPv6, no state', record: ipv6, severity: 'low', evidence: 'requestParameters.amazonProvidedIpv6CidrBlock = true'},
      {name: 'the VPC had no IPv6', record: ipv6, state: {Vpcs: [vpc(benignVpc, [['10.30.0.0/16', 'associated']])]}, severity: 'medium'},
      {name: 'only this block (state after the event)', record: ipv6, state: {Vpcs: [vpc(benignVpc, [], [['vpc-cidr-assoc-v6', '2600:1f18:abcd:1200::/56', 'associating']])]}, severity: 'medium'},
      {name: 'the VPC already had IPv6', record: ipv6, state: {Vpcs: [vpc(benignVpc, [], [['vpc-cidr-assoc-old', '2600:1f18:aaaa:1200::/56', 'associated']])]}, severity: null},
      {name: 'an IPv4 block', record: benign, severity: null},
    ],
  ],
])('%s', (id, rows) => {
  it.each(rows)('$name', (row) => {
    expectRow(id, row);
  });
});

describe('isResolved', () => {
  const publicRange = findingOf('cidr-public-range', risky);
  const withAssociation = (state: string): AccountSnapshot => ({
    Vpcs: [{VpcId: riskyVpc, CidrBlockAssociationSet: [{AssociationId: riskyAssociation, CidrBlock: '198.51.100.0/24', CidrBlockState: {State: state as 'associated'}}]}],
  });

  it.each<[string, AccountSnapshot, boolean]>([
    ['still associated', withAssociation('associated'), false],
    ['disassociating', withAssociation('disassociating'), true],
    ['gone from the VPC', {Vpcs: [{VpcId: riskyVpc, CidrBlockAssociationSet: []}]}, true],
    ['the VPC is gone', {Vpcs: []}, true],
    ['no VPCs in the state', {}, false],
  ])('the block is %s: %s', (_name, state, expected) => {
    expect(publicRange).toBeDefined();
    if (publicRange) expect(resolved(publicRange, risky, state)).toBe(expected);
  });
});
