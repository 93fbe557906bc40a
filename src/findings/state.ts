// Reading an AccountSnapshot defensively: it holds EC2 API shapes, but a sandbox or a partial
// Describe answer may leave lists out or put odd values in, so every read checks its type.
import type {IpPermission, SecurityGroup, Tag, Vpc} from '@aws-sdk/client-ec2';
import {isInternetWide, parseCidr} from '../engine/cidr.js';
import {scalar} from './evidence.js';

/** The objects of a list (readonly T[]); anything that is not an array gives []. */
export function list<T>(value: readonly T[] | undefined | null): readonly T[] {
  const items: unknown = value;
  if (!Array.isArray(items)) return [];
  return items.filter((item): item is T => typeof item === 'object' && item !== null);
}

/** A string field ("" counts as absent). */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The non-empty strings of a list (a config list may come from a file: anything else is dropped). */
export function strings(value: readonly string[] | undefined): readonly string[] {
  const items: unknown = value;
  return Array.isArray(items) ? items.filter((item): item is string => typeof item === 'string' && item !== '') : [];
}

/** The entry of a list whose idKey equals id. */
export function byId<T extends object>(items: readonly T[] | undefined, idKey: keyof T, id: string | undefined): T | undefined {
  if (id === undefined) return undefined;
  return list(items).find((item) => item[idKey] === id);
}

/**
 * Whether the snapshot lists this kind of resource and the one asked for is not among them: the
 * resource is gone (a Describe by ID answers NotFound; a sandbox lists what exists).
 */
export function isGone<T extends object>(items: readonly T[] | undefined, idKey: keyof T, id: string | undefined): boolean {
  return Array.isArray(items) && id !== undefined && byId(items, idKey, id) === undefined;
}

const endedPeeringCodes = new Set(['deleted', 'deleting', 'rejected', 'expired', 'failed']);

/** A peering connection's Status.Code that means it carries no traffic and never will. */
export function isEndedPeering(code: unknown): boolean {
  return typeof code === 'string' && endedPeeringCodes.has(code);
}

/** The Name tag. */
export function nameTag(tags: readonly Tag[] | undefined): string | undefined {
  return str(list(tags).find((tag) => tag.Key === 'Name')?.Value);
}

/** An inbound rule's source open to all or nearly all of the internet, where it was read, and its ports. */
export interface OpenIngress {
  readonly path: string;
  readonly cidr: string;
  /** '-1' for all protocols; else as written ('tcp', '6', 'udp' …). */
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
}

/** The group's inbound rules whose source is 0.0.0.0/0, ::/0 or nearly as wide. */
export function openIngress(group: SecurityGroup): readonly OpenIngress[] {
  const groupId = str(group.GroupId) ?? '?';
  return list(group.IpPermissions).flatMap((permission, index) => {
    const base = `SecurityGroups[${groupId}].IpPermissions[${index}]`;
    const sources = [
      ...list(permission.IpRanges).map((range, at) => [`${base}.IpRanges[${at}].CidrIp`, range.CidrIp] as const),
      ...list(permission.Ipv6Ranges).map((range, at) => [`${base}.Ipv6Ranges[${at}].CidrIpv6`, range.CidrIpv6] as const),
    ];
    return sources.flatMap(([path, cidr]) => {
      const parsed = parseCidr(cidr);
      if (parsed === undefined || !isInternetWide(parsed) || typeof cidr !== 'string') return [];
      return [{path, cidr, ...portsOf(permission)}];
    });
  });
}

const tcpUdp = new Set(['tcp', '6', 'udp', '17']);
const isAllProtocols = (protocol: string) => protocol === '-1' || protocol === 'all';

/** The rule's protocol and ports; for ICMP the "ports" are the type and code, as EC2 writes them. */
function portsOf(permission: IpPermission): {protocol: string; fromPort: number; toPort: number} {
  const protocol = scalar(permission.IpProtocol)?.toLowerCase() ?? '-1';
  const from = typeof permission.FromPort === 'number' ? permission.FromPort : -1;
  const to = typeof permission.ToPort === 'number' ? permission.ToPort : -1;
  // All protocols, or TCP/UDP without ports (-1 or absent), mean every port.
  if (isAllProtocols(protocol) || (tcpUdp.has(protocol) && (from < 0 || to < 0))) return {protocol, fromPort: 0, toPort: 65535};
  return {protocol, fromPort: from, toPort: to};
}

/** The rule lets every port in: all protocols, or a TCP/UDP range from 0 or 1 to 65535. */
export function isAllPorts(rule: OpenIngress): boolean {
  return isAllProtocols(rule.protocol) || (tcpUdp.has(rule.protocol) && rule.fromPort <= 1 && rule.toPort >= 65535);
}

/** The rule is for TCP or UDP (so its ports are ports). */
export function isTcpUdp(rule: OpenIngress): boolean {
  return tcpUdp.has(rule.protocol);
}

/** The rule lets this TCP/UDP port in (all-protocol rules included). */
export function allowsPort(rule: OpenIngress, port: number): boolean {
  if (isAllProtocols(rule.protocol)) return true;
  return tcpUdp.has(rule.protocol) && rule.fromPort <= port && port <= rule.toPort;
}

/** An address block of a VPC (or a peer) as the state has it, where it was read, and whether its association ended. */
export interface Block {
  readonly path: string;
  readonly cidr: string;
  readonly associationId?: string;
  readonly isEnded: boolean;
}

const ended = (state: unknown) => typeof state === 'string' && /^(disassociat|failed)/.test(state);

/** A block read from the state; none when its CIDR is missing. */
export function block(path: string, cidr: unknown, associationId?: unknown, state?: unknown): Block[] {
  const text = str(cidr);
  const id = str(associationId);
  return text === undefined ? [] : [{path, cidr: text, isEnded: ended(state), ...(id === undefined ? {} : {associationId: id})}];
}

/** A VPC's blocks in the state, IPv4 and IPv6, with their association states (the primary CidrBlock when no set is listed). */
export function vpcBlocks(vpc: Vpc): readonly Block[] {
  const at = `Vpcs[${str(vpc.VpcId) ?? '?'}]`;
  const ipv4 = list(vpc.CidrBlockAssociationSet).flatMap((a, i) =>
    block(`${at}.CidrBlockAssociationSet[${i}].CidrBlock`, a.CidrBlock, a.AssociationId, a.CidrBlockState?.State));
  const ipv6 = list(vpc.Ipv6CidrBlockAssociationSet).flatMap((a, i) =>
    block(`${at}.Ipv6CidrBlockAssociationSet[${i}].Ipv6CidrBlock`, a.Ipv6CidrBlock, a.AssociationId, a.Ipv6CidrBlockState?.State));
  return [...ipv4, ...ipv6, ...(ipv4.length === 0 ? block(`${at}.CidrBlock`, vpc.CidrBlock) : [])];
}
