import {describe, expect, it} from 'vitest';
import {evaluate} from '../../../src/engine/expression.js';

const igw = 'igw-0123456789abcdef0';

describe('gateway_vpcs', () => {
  it.each<[string, unknown, unknown]>([
    ['attached (EC2 shows available)', {Attachments: [{VpcId: 'vpc-1', State: 'available'}]}, ['vpc-1']],
    ['attaching and attached count', {Attachments: [{VpcId: 'vpc-1', State: 'attaching'}, {VpcId: 'vpc-2', State: 'attached'}]}, ['vpc-1', 'vpc-2']],
    ['detaching and detached do not', {Attachments: [{VpcId: 'vpc-1', State: 'detaching'}, {VpcId: 'vpc-2', State: 'detached'}]}, []],
    ['no state counts as attached', {Attachments: [{VpcId: 'vpc-1'}]}, ['vpc-1']],
    ['each VPC once', {Attachments: [{VpcId: 'vpc-1', State: 'available'}, {VpcId: 'vpc-1', State: 'attached'}]}, ['vpc-1']],
    ['no attachments', {Attachments: []}, []],
    ['a VPC ID of the wrong type', {Attachments: [{VpcId: 7, State: 'available'}]}, []],
    ['not a gateway', null, []],
  ])('%s', (_name, gateway, expected) => {
    expect(evaluate('gateway_vpcs(gateway)', {gateway})).toEqual(expected);
  });
});

describe('gateway_routes', () => {
  const tables = [
    {
      RouteTableId: 'rtb-1', VpcId: 'vpc-1',
      Routes: [{DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local'}, {DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw, State: 'active'}, {DestinationIpv6CidrBlock: '::/0', GatewayId: igw.toUpperCase(), State: 'blackhole'}],
      Associations: [{SubnetId: 'subnet-1', AssociationState: {State: 'associated'}}, {SubnetId: 'subnet-2', AssociationState: {State: 'disassociated'}}],
    },
    {RouteTableId: 'rtb-2', VpcId: 'vpc-1', Routes: [{DestinationPrefixListId: 'pl-1', GatewayId: igw}], Associations: [{Main: true}]},
    {RouteTableId: 'rtb-3', VpcId: 'vpc-1', Routes: [{DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1'}]},
  ];

  it('lists each route to the gateway with its table, subnets and evidence', () => {
    expect(evaluate('gateway_routes(tables, id)', {tables, id: igw})).toEqual([
      {tableId: 'rtb-1', vpcId: 'vpc-1', destination: '0.0.0.0/0', state: 'active', isMain: false, subnets: ['subnet-1'], path: 'RouteTables[rtb-1].Routes[1].GatewayId', evidence: `RouteTables[rtb-1].Routes[1].GatewayId = ${igw}`},
      {tableId: 'rtb-1', vpcId: 'vpc-1', destination: '::/0', state: 'blackhole', isMain: false, subnets: ['subnet-1'], path: 'RouteTables[rtb-1].Routes[2].GatewayId', evidence: `RouteTables[rtb-1].Routes[2].GatewayId = ${igw.toUpperCase()}`},
      {tableId: 'rtb-2', vpcId: 'vpc-1', destination: 'pl-1', state: null, isMain: true, subnets: [], path: 'RouteTables[rtb-2].Routes[0].GatewayId', evidence: `RouteTables[rtb-2].Routes[0].GatewayId = ${igw}`},
    ]);
  });
  it.each<[string, unknown, unknown]>([
    ['another gateway', tables, 'igw-0000000000000dead'],
    ['no gateway ID', tables, null],
    ['no tables', null, igw],
    ['tables of the wrong type', [{RouteTableId: 'rtb-1', Routes: 'none'}], igw],
  ])('%s: none', (_name, given, id) => {
    expect(evaluate('gateway_routes(tables, id)', {tables: given, id})).toEqual([]);
  });
});
