import {nowReaderFor} from '../../helpers/engine.js';
import type {DescribeVpcsCommandOutput, Vpc, VpcCidrBlockAssociation, VpcCidrBlockStateCode} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import type {Action} from '../../../src/aws/action.js';
import type {NowLine} from '../../../src/engine/now-line.js';
import {oddOutputs, openRecord, openScenario, type Opened} from './scenario-facts.js';

const reader = nowReaderFor('AssociateVpcCidrBlock');
const vpcId = 'vpc-0abcdef0123456789';
const publicRange = (): Opened => openScenario('cidr-public-range-on-production-vpc');

const primary: VpcCidrBlockAssociation = {AssociationId: 'vpc-cidr-assoc-0aaaaaaaaaaaaaaaa', CidrBlock: '10.20.0.0/16', CidrBlockState: {State: 'associated'}};

function theBlock(state: VpcCidrBlockStateCode, associationId = 'vpc-cidr-assoc-0123456789abcdef0'): VpcCidrBlockAssociation {
  return {AssociationId: associationId, CidrBlock: '198.51.100.0/24', CidrBlockState: {State: state}};
}

function output(blocks: VpcCidrBlockAssociation[], extra: Partial<Vpc> = {}): DescribeVpcsCommandOutput {
  return {
    $metadata: {httpStatusCode: 200},
    Vpcs: [
      {
        VpcId: vpcId, OwnerId: '111122223333', State: 'available', CidrBlock: '10.20.0.0/16', DhcpOptionsId: 'dopt-0123456789abcdef0',
        InstanceTenancy: 'default', IsDefault: false, CidrBlockAssociationSet: blocks,
        Ipv6CidrBlockAssociationSet: [
          {AssociationId: 'vpc-cidr-assoc-0bbbbbbbbbbbbbbbb', Ipv6CidrBlock: '2600:1f18:abcd:1200::/56', Ipv6CidrBlockState: {State: 'associated'}, NetworkBorderGroup: 'us-east-1', Ipv6Pool: 'Amazon'},
        ],
        ...extra,
      },
    ],
  };
}

const others: NowLine = {tone: 'info', text: 'the VPC\'s other blocks: 10.20.0.0/16, 2600:1f18:abcd:1200::/56'};

/** An IPv6 association: Amazon-provided block, found by its association ID and its block. */
const ipv6Event = (): Opened =>
  openRecord({
    eventSource: 'ec2.amazonaws.com',
    eventName: 'AssociateVpcCidrBlock',
    awsRegion: 'us-east-1',
    requestParameters: {vpcId, amazonProvidedIpv6CidrBlock: true},
    responseElements: {
      vpcId,
      ipv6CidrBlockAssociation: {associationId: 'vpc-cidr-assoc-0fedcba9876543210', ipv6CidrBlock: '2600:1F18:ABCD:1200::/56', ipv6CidrBlockState: {state: 'associating'}},
    },
  });

describe('AssociateVpcCidrBlock: query', () => {
  it.each<{id: string; action: Action}>([
    {id: 'cidr-public-range-on-production-vpc', action: {service: 'ec2', operation: 'DescribeVpcs', params: {VpcIds: [vpcId]}}},
    {id: 'cidr-secondary-private-range', action: {service: 'ec2', operation: 'DescribeVpcs', params: {VpcIds: ['vpc-0aaaabbbbccccdddd']}}},
  ])('$id', ({id, action}) => {
    const {record, facts} = openScenario(id);
    expect(reader.query(facts, record)).toEqual(action);
  });

  it.each<{name: string; requestParameters: Record<string, string | boolean>}>([
    {name: 'an invalid VPC ID', requestParameters: {vpcId: 'vpc-0abcdef0123456789 && curl x', cidrBlock: '198.51.100.0/24'}},
    {name: 'no block to look for (failed Amazon-provided IPv6 request)', requestParameters: {vpcId, amazonProvidedIpv6CidrBlock: true}},
  ])('no query: $name', ({requestParameters}) => {
    const {record, facts} = openRecord({eventSource: 'ec2.amazonaws.com', eventName: 'AssociateVpcCidrBlock', errorCode: 'Client.InvalidParameterValue', requestParameters, responseElements: null});
    expect(reader.query(facts, record)).toBeUndefined();
  });
});

describe('AssociateVpcCidrBlock: interpret', () => {
  it.each<{name: string; blocks: VpcCidrBlockAssociation[]; first: NowLine}>([
    {name: 'still associated', blocks: [primary, theBlock('associated')], first: {tone: 'bad', text: 'the block 198.51.100.0/24 is still associated'}},
    {name: 'still associating', blocks: [primary, theBlock('associating')], first: {tone: 'bad', text: 'the block 198.51.100.0/24 is still being associated'}},
    {name: 'being disassociated', blocks: [primary, theBlock('disassociating')], first: {tone: 'ok', text: 'the block 198.51.100.0/24 is being disassociated'}},
    {name: 'disassociated', blocks: [primary, theBlock('disassociated')], first: {tone: 'ok', text: 'the block 198.51.100.0/24 is disassociated'}},
    {name: 'failed', blocks: [primary, theBlock('failed')], first: {tone: 'ok', text: 'the block 198.51.100.0/24 failed to associate'}},
    {name: 'no longer listed', blocks: [primary], first: {tone: 'ok', text: 'the block 198.51.100.0/24 is no longer on the VPC'}},
    {
      name: 'disassociated, then associated again under a new ID',
      blocks: [primary, theBlock('disassociated'), theBlock('associated', 'vpc-cidr-assoc-0cccccccccccccccc')],
      first: {tone: 'bad', text: 'the block 198.51.100.0/24 is still associated'},
    },
  ])('$name', ({blocks, first}) => {
    const {record, facts} = publicRange();
    expect(reader.interpret(output(blocks), facts, record)).toEqual([first, others]);
  });

  it('IPv6: found by association ID, other blocks listed', () => {
    const {record, facts} = ipv6Event();
    const found = output([primary], {
      Ipv6CidrBlockAssociationSet: [{AssociationId: 'vpc-cidr-assoc-0fedcba9876543210', Ipv6CidrBlock: '2600:1f18:abcd:1200::/56', Ipv6CidrBlockState: {State: 'associated'}}],
    });
    expect(reader.interpret(found, facts, record)).toEqual([
      {tone: 'bad', text: 'the block 2600:1F18:ABCD:1200::/56 is still associated'},
      {tone: 'info', text: 'the VPC\'s other blocks: 10.20.0.0/16'},
    ]);
  });

  it('IPv6: gone, and the VPC has no other block', () => {
    const {record, facts} = ipv6Event();
    expect(reader.interpret(output([], {Ipv6CidrBlockAssociationSet: []}), facts, record)).toEqual([
      {tone: 'ok', text: 'the block 2600:1F18:ABCD:1200::/56 is no longer on the VPC'},
      {tone: 'info', text: 'the VPC\'s other blocks: none'},
    ]);
  });

  it('a block without a state is no all-clear', () => {
    const {record, facts} = publicRange();
    expect(reader.interpret({Vpcs: [{VpcId: vpcId, CidrBlockAssociationSet: [{CidrBlock: '198.51.100.0/24'}]}]}, facts, record)).toEqual([
      {tone: 'warn', text: 'the block 198.51.100.0/24 is on the VPC in an unknown state'},
      {tone: 'info', text: 'the VPC\'s other blocks: none'},
    ]);
  });

  it.each<{name: string; output: unknown}>([
    ...oddOutputs.map((value) => ({name: String(JSON.stringify(value)), output: value})),
    {name: 'Vpcs not a list', output: {Vpcs: {VpcId: vpcId}}},
    {name: 'another VPC only', output: {Vpcs: [{VpcId: 'vpc-0fedcba9876543210', CidrBlockAssociationSet: []}]}},
  ])('odd output does not throw and claims nothing: $name', ({output: odd}) => {
    const {record, facts} = publicRange();
    expect(reader.interpret(odd, facts, record)).toEqual([{tone: 'warn', text: `the answer does not mention the VPC ${vpcId}: its current state is unknown`}]);
  });

  it('sets of the wrong type do not throw', () => {
    const {record, facts} = publicRange();
    const odd = {Vpcs: [{VpcId: vpcId, CidrBlockAssociationSet: 'x', Ipv6CidrBlockAssociationSet: [null, {Ipv6CidrBlockState: 'associated'}, {CidrBlockState: {State: 5}}]}]};
    expect(() => reader.interpret(odd, facts, record)).not.toThrow();
  });
});

describe('AssociateVpcCidrBlock: whenError', () => {
  it.each<{code: string; lines: NowLine[] | undefined}>([
    {code: 'InvalidVpcID.NotFound', lines: [{tone: 'ok', text: `the VPC ${vpcId} no longer exists, and the block with it`}]},
    {code: 'InvalidVpcID.Malformed', lines: undefined},
    {code: 'UnauthorizedOperation', lines: undefined},
  ])('$code', ({code, lines}) => {
    expect(reader.whenError(code, publicRange().facts)).toEqual(lines);
  });
});
