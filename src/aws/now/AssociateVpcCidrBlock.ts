// Now panel for AssociateVpcCidrBlock: is the event's block still on the VPC? Found by the
// association ID first, then by the block itself (a re-association gets a new ID), IPv4 or IPv6.
import type {DescribeVpcsResult, Vpc, VpcCidrBlockAssociation, VpcCidrBlockState, VpcIpv6CidrBlockAssociation} from '@aws-sdk/client-ec2';
import type {JsonRecord} from '../../events/detect-shape.js';
import type {Fact} from '../../events/record.js';
import {factText, line, listText, unknownState, validId, type NowLine, type NowReader} from './now.js';
import {child, findById, items, text} from './output.js';

interface Block {
  readonly associationId: string | undefined;
  readonly cidr: string | undefined;
  readonly state: string | undefined;
}

export const associateVpcCidrBlockNow: NowReader = {
  query(facts) {
    const vpcId = validId(facts, 'vpcId');
    // Without the block or its association there is nothing to compare the VPC with.
    if (vpcId === undefined || wanted(facts).length === 0) return undefined;
    return {service: 'ec2', operation: 'DescribeVpcs', params: {VpcIds: [vpcId]}};
  },

  interpret(output, facts) {
    const vpcId = validId(facts, 'vpcId');
    if (vpcId === undefined || wanted(facts).length === 0) return [];
    const vpc = findById<DescribeVpcsResult, Vpc>(output, 'Vpcs', 'VpcId', vpcId);
    if (vpc === undefined) return [unknownState(`the VPC ${vpcId}`)];
    const blocks = blocksOf(vpc);
    const associationId = factText(facts, 'associationId');
    const cidrs = wanted(facts).filter((value) => value !== associationId).map(normal);
    const isEventBlock = (block: Block): boolean =>
      (associationId !== undefined && block.associationId === associationId) || (block.cidr !== undefined && cidrs.includes(normal(block.cidr)));
    const matches = blocks.filter(isEventBlock);
    const label = `the block ${factText(facts, 'cidrBlock') ?? factText(facts, 'ipv6CidrBlock') ?? matches[0]?.cidr ?? associationId ?? ''}`;
    const others = blocks.filter((block) => !isEventBlock(block) && isOn(block.state)).map((block) => block.cidr ?? block.associationId ?? '?');
    return [blockLine(label, matches), line('info', `the VPC's other blocks: ${listText(others)}`)];
  },

  whenError(code, facts) {
    if (code !== 'InvalidVpcID.NotFound') return undefined;
    return [line('ok', `the VPC ${validId(facts, 'vpcId') ?? 'of the event'} no longer exists, and the block with it`)];
  },
};

function wanted(facts: readonly Fact[]): string[] {
  return [factText(facts, 'associationId'), factText(facts, 'cidrBlock'), factText(facts, 'ipv6CidrBlock')].filter((value) => value !== undefined);
}

/** IPv6 blocks compare case-insensitively. */
function normal(cidr: string): string {
  return cidr.trim().toLowerCase();
}

function isOn(state: string | undefined): boolean {
  return state === undefined || state === 'associated' || state === 'associating';
}

function blocksOf(vpc: JsonRecord): Block[] {
  const ipv4 = items<Vpc>(vpc, 'CidrBlockAssociationSet').map((entry) => ({
    associationId: text<VpcCidrBlockAssociation>(entry, 'AssociationId'),
    cidr: text<VpcCidrBlockAssociation>(entry, 'CidrBlock'),
    state: text<VpcCidrBlockState>(child<VpcCidrBlockAssociation>(entry, 'CidrBlockState'), 'State'),
  }));
  const ipv6 = items<Vpc>(vpc, 'Ipv6CidrBlockAssociationSet').map((entry) => ({
    associationId: text<VpcIpv6CidrBlockAssociation>(entry, 'AssociationId'),
    cidr: text<VpcIpv6CidrBlockAssociation>(entry, 'Ipv6CidrBlock'),
    state: text<VpcCidrBlockState>(child<VpcIpv6CidrBlockAssociation>(entry, 'Ipv6CidrBlockState'), 'State'),
  }));
  return [...ipv4, ...ipv6];
}

/** The worst state among the event block's associations decides (a re-association counts). */
function blockLine(label: string, matches: readonly Block[]): NowLine {
  const states = new Set(matches.map((block) => block.state ?? 'unknown'));
  if (states.has('associated')) return line('bad', `${label} is still associated`);
  if (states.has('associating')) return line('bad', `${label} is still being associated`);
  if (states.has('unknown')) return line('warn', `${label} is on the VPC in an unknown state`);
  if (states.has('disassociating')) return line('ok', `${label} is being disassociated`);
  if (states.has('disassociated')) return line('ok', `${label} is disassociated`);
  if (states.has('failed') || states.has('failing')) return line('ok', `${label} failed to associate`);
  const other = [...states][0];
  if (other !== undefined) return line('warn', `${label} is ${other}`);
  return line('ok', `${label} is no longer on the VPC`);
}
