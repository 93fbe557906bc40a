// A VPC's address blocks and the VPCs peered with it, as Describe answers list them: each block with
// the path it was read at, its association and that association's state; and which blocks of one
// list overlap blocks of another (a new block against a VPC's or a peer's).
import {overlaps, parseCidr} from '../cidr.js';
import {define, isObject, str, T, type Arg} from './define.js';

type Item = {[key: string]: Arg};

/** The object entries of a list as the findings count them (their index is their place among these). */
function objects(value: Arg | undefined): Arg[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'object' && item !== null) : [];
}

function own(object: Arg | undefined, key: string): Arg | undefined {
  return isObject(object) && Object.hasOwn(object, key) ? object[key] : undefined;
}

const endedAssociation = /^(disassociat|failed)/;

/** One association of a VPC's set: its CIDR, ID and state (null when not a non-empty string). */
function associations(vpc: Arg, at: string, set: string, cidrKey: string, stateKey: string): Item[] {
  return objects(own(vpc, set)).flatMap((entry, index) => {
    if (!isObject(entry)) return [];
    const state = str(own(own(entry, stateKey), 'State')) ?? null;
    return [{
      path: `${at}.${set}[${index}].${cidrKey}`,
      cidr: str(own(entry, cidrKey)) ?? null,
      associationId: str(own(entry, 'AssociationId')) ?? null,
      state,
      ended: state !== null && endedAssociation.test(state),
      primary: false,
    }];
  });
}

/** The VPC's IPv4 then IPv6 associations; when no IPv4 one has a CIDR, the VPC's own CidrBlock last (primary). */
export function vpcBlocks(vpc: Arg | undefined): Item[] {
  if (!isObject(vpc)) return [];
  const at = `Vpcs[${str(own(vpc, 'VpcId')) ?? '?'}]`;
  const ipv4 = associations(vpc, at, 'CidrBlockAssociationSet', 'CidrBlock', 'CidrBlockState');
  const ipv6 = associations(vpc, at, 'Ipv6CidrBlockAssociationSet', 'Ipv6CidrBlock', 'Ipv6CidrBlockState');
  const cidr = str(own(vpc, 'CidrBlock'));
  const hasIpv4 = ipv4.some((block) => block['cidr'] !== null);
  const primary = hasIpv4 || cidr === undefined ? [] : [{path: `${at}.CidrBlock`, cidr, associationId: null, state: null, ended: false, primary: true}];
  return [...ipv4, ...ipv6, ...primary];
}

const endedPeering = new Set(['deleted', 'deleting', 'rejected', 'expired', 'failed']);

/** The blocks a peering connection records for one side: CidrBlock, CidrBlockSet, Ipv6CidrBlockSet. */
function sideBlocks(info: Arg | undefined, at: string): Item[] {
  const one = (path: string, value: Arg | undefined): Item[] => {
    const cidr = str(value);
    return cidr === undefined ? [] : [{path, cidr}];
  };
  return [
    ...one(`${at}.CidrBlock`, own(info, 'CidrBlock')),
    ...objects(own(info, 'CidrBlockSet')).flatMap((set, i) => one(`${at}.CidrBlockSet[${i}].CidrBlock`, own(set, 'CidrBlock'))),
    ...objects(own(info, 'Ipv6CidrBlockSet')).flatMap((set, i) => one(`${at}.Ipv6CidrBlockSet[${i}].Ipv6CidrBlock`, own(set, 'Ipv6CidrBlock'))),
  ];
}

/** The other side of a live peering connection of the VPC; null when it does not involve the VPC or has ended. */
export function peeredVpc(connection: Arg | undefined, vpcId: Arg | undefined): Item | null {
  const id = str(vpcId);
  if (!isObject(connection) || id === undefined) return null;
  const code = own(own(connection, 'Status'), 'Code');
  if (typeof code === 'string' && endedPeering.has(code)) return null;
  const requester = own(connection, 'RequesterVpcInfo');
  const accepter = own(connection, 'AccepterVpcInfo');
  const side = own(requester, 'VpcId') === id ? 'AccepterVpcInfo' : own(accepter, 'VpcId') === id ? 'RequesterVpcInfo' : undefined;
  const info = side === 'AccepterVpcInfo' ? accepter : requester;
  if (side === undefined || info === undefined) return null;
  const connectionId = str(own(connection, 'VpcPeeringConnectionId')) ?? '?';
  return {connectionId, side, vpcId: str(own(info, 'VpcId')) ?? null, blocks: sideBlocks(info, `VpcPeeringConnections[${connectionId}].${side}`)};
}

const cidrOf = (item: Arg): Arg | undefined => (typeof item === 'string' ? item : own(item, 'cidr'));

/** Each {block, other} where a block of the first list overlaps one of the second, in the first list's order, then the second's. */
export function overlapsOf(blocks: Arg | undefined, others: Arg | undefined): Item[] {
  const second = Array.isArray(others) ? others.map((item) => ({item, cidr: parseCidr(cidrOf(item))})) : [];
  return (Array.isArray(blocks) ? blocks : []).flatMap((block) => {
    const cidr = parseCidr(cidrOf(block));
    if (cidr === undefined) return [];
    return second.flatMap((other) => (other.cidr !== undefined && overlaps(cidr, other.cidr) ? [{block, other: other.item}] : []));
  });
}

define('vpc_blocks', [{kinds: [T.any], label: 'vpc'}],
  "a VPC's address blocks from DescribeVpcs, IPv4 then IPv6, each {path, cidr, associationId, state, ended, primary}; its CidrBlock (primary: true) when no IPv4 association has one",
  ([vpc]) => vpcBlocks(vpc));
define('peered_vpc', [{kinds: [T.any], label: 'connection'}, {kinds: [T.any], label: 'vpcId'}],
  'the other side of a live peering connection of vpcId: {connectionId, side, vpcId, blocks: [{path, cidr}]}; null when it is not one of its peerings or it ended',
  ([connection, vpcId]) => peeredVpc(connection, vpcId));
define('overlaps_of', [{kinds: [T.array, T.null], label: 'blocks'}, {kinds: [T.array, T.null], label: 'others'}],
  'each {block, other} where a block (a CIDR or an object with cidr) overlaps one of others, in order',
  ([blocks, others]) => overlapsOf(blocks, others));
