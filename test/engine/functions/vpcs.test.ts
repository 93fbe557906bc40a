import {describe, expect, it} from 'vitest';
import {evaluate} from '../../../src/engine/expression.js';

const vpcId = 'vpc-0aaaabbbbccccdddd';

describe('vpc_blocks', () => {
  const vpc = {
    VpcId: vpcId,
    CidrBlock: '10.30.0.0/16',
    CidrBlockAssociationSet: [
      {AssociationId: 'vpc-cidr-assoc-1', CidrBlock: '10.30.0.0/16', CidrBlockState: {State: 'associated'}},
      {AssociationId: 'vpc-cidr-assoc-2', CidrBlock: '198.51.100.0/24', CidrBlockState: {State: 'disassociating'}},
    ],
    Ipv6CidrBlockAssociationSet: [{AssociationId: 'vpc-cidr-assoc-3', Ipv6CidrBlock: '2600:1f18:abcd:1200::/56', Ipv6CidrBlockState: {State: 'failed'}}],
  };

  it('lists IPv4 then IPv6 associations with their paths, IDs, states and whether they ended', () => {
    expect(evaluate('vpc_blocks(@)', vpc)).toEqual([
      {path: `Vpcs[${vpcId}].CidrBlockAssociationSet[0].CidrBlock`, cidr: '10.30.0.0/16', associationId: 'vpc-cidr-assoc-1', state: 'associated', ended: false, primary: false},
      {path: `Vpcs[${vpcId}].CidrBlockAssociationSet[1].CidrBlock`, cidr: '198.51.100.0/24', associationId: 'vpc-cidr-assoc-2', state: 'disassociating', ended: true, primary: false},
      {path: `Vpcs[${vpcId}].Ipv6CidrBlockAssociationSet[0].Ipv6CidrBlock`, cidr: '2600:1f18:abcd:1200::/56', associationId: 'vpc-cidr-assoc-3', state: 'failed', ended: true, primary: false},
    ]);
  });

  it('falls back to the VPC\'s own CidrBlock when no IPv4 association names one', () => {
    expect(evaluate('vpc_blocks(@)[*].[path, cidr, primary]', {VpcId: vpcId, CidrBlock: '10.30.0.0/16', CidrBlockAssociationSet: [{AssociationId: 'vpc-cidr-assoc-1'}]})).toEqual([
      [`Vpcs[${vpcId}].CidrBlockAssociationSet[0].CidrBlock`, null, false],
      [`Vpcs[${vpcId}].CidrBlock`, '10.30.0.0/16', true],
    ]);
  });

  it('reads a missing or odd state as null, and an unnamed VPC as ?', () => {
    const odd = {CidrBlockAssociationSet: [null, {CidrBlock: '10.0.0.0/16', CidrBlockState: 'associated'}, {CidrBlock: '10.1.0.0/16', CidrBlockState: {State: 5}}]};
    expect(evaluate('vpc_blocks(@)[*].[path, state, ended]', odd)).toEqual([
      ['Vpcs[?].CidrBlockAssociationSet[0].CidrBlock', null, false],
      ['Vpcs[?].CidrBlockAssociationSet[1].CidrBlock', null, false],
    ]);
  });

  it.each<unknown>([null, 'vpc', [vpc], {VpcId: vpcId, CidrBlockAssociationSet: 'x'}])('gives no block for %j', (value) => {
    expect(evaluate('vpc_blocks(@)', value)).toEqual([]);
  });
});

describe('peered_vpc', () => {
  const connection = (code: string) => ({
    VpcPeeringConnectionId: 'pcx-0aaaa',
    Status: {Code: code},
    RequesterVpcInfo: {VpcId: vpcId, CidrBlock: '10.30.0.0/16'},
    AccepterVpcInfo: {VpcId: 'vpc-peer', CidrBlock: '10.21.0.0/20', CidrBlockSet: [{CidrBlock: '10.21.0.0/20'}, {CidrBlock: '10.22.0.0/16'}], Ipv6CidrBlockSet: [{Ipv6CidrBlock: '2600:1f18::/56'}]},
  });
  const at = 'VpcPeeringConnections[pcx-0aaaa]';

  it('gives the other side of a live peering, with each block it records', () => {
    expect(evaluate('peered_vpc(@, id)', {...connection('active'), id: vpcId})).toEqual({
      connectionId: 'pcx-0aaaa', side: 'AccepterVpcInfo', vpcId: 'vpc-peer',
      blocks: [
        {path: `${at}.AccepterVpcInfo.CidrBlock`, cidr: '10.21.0.0/20'},
        {path: `${at}.AccepterVpcInfo.CidrBlockSet[0].CidrBlock`, cidr: '10.21.0.0/20'},
        {path: `${at}.AccepterVpcInfo.CidrBlockSet[1].CidrBlock`, cidr: '10.22.0.0/16'},
        {path: `${at}.AccepterVpcInfo.Ipv6CidrBlockSet[0].Ipv6CidrBlock`, cidr: '2600:1f18::/56'},
      ],
    });
  });

  it('gives the requester when the VPC accepted', () => {
    expect(evaluate("peered_vpc(@, 'vpc-peer')", connection('pending-acceptance'))).toEqual({
      connectionId: 'pcx-0aaaa', side: 'RequesterVpcInfo', vpcId, blocks: [{path: `${at}.RequesterVpcInfo.CidrBlock`, cidr: '10.30.0.0/16'}],
    });
  });

  it.each(['deleted', 'deleting', 'rejected', 'expired', 'failed'])('a %s peering carries nothing', (code) => {
    expect(evaluate('peered_vpc(@, id)', {...connection(code), id: vpcId})).toBeNull();
  });

  it.each<[string, unknown, unknown]>([
    ['another VPC', connection('active'), 'vpc-0fedcba9876543210'],
    ['no VPC', connection('active'), null],
    ['an empty VPC ID', connection('active'), ''],
    ['no other side', {VpcPeeringConnectionId: 'pcx-0aaaa', RequesterVpcInfo: {VpcId: vpcId}}, vpcId],
    ['not a connection', 'pcx-0aaaa', vpcId],
  ])('%s gives null', (_name, value, id) => {
    expect(evaluate('peered_vpc(c, id)', {c: value, id})).toBeNull();
  });
});

describe('overlaps_of', () => {
  it('pairs each block with every block of the others it overlaps, in order', () => {
    const blocks = [{path: 'a', cidr: '10.21.0.0/16'}, {path: 'b', cidr: '2600:1f18:abcd:1200::/56'}];
    const others = ['10.99.0.0/16', {cidr: '10.21.128.0/17'}, '10.0.0.0/8', '2600:1f18:abcd::/48', '::/0'];
    expect(evaluate('overlaps_of(b, o)', {b: blocks, o: others})).toEqual([
      {block: blocks[0], other: {cidr: '10.21.128.0/17'}},
      {block: blocks[0], other: '10.0.0.0/8'},
      {block: blocks[1], other: '2600:1f18:abcd::/48'},
      {block: blocks[1], other: '::/0'},
    ]);
  });

  it('never pairs IPv4 with IPv6, nor anything that is not a CIDR', () => {
    expect(evaluate('overlaps_of(b, o)', {b: ['0.0.0.0/0', 'not-a-cidr', {cidr: null}], o: ['::/0', '', {cidr: 'x'}, 12]})).toEqual([]);
  });

  it('gives none for a missing list', () => {
    expect(evaluate('overlaps_of(`null`, o)', {o: ['10.0.0.0/8']})).toEqual([]);
    expect(evaluate('overlaps_of(b, `null`)', {b: ['10.0.0.0/8']})).toEqual([]);
  });
});
