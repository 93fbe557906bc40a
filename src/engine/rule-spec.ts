// Security group rules as a request names them (IpPermissions, or the older flat CidrIp form) and as
// DescribeSecurityGroupRules lists them, and whether a listed rule is a requested one: protocol names
// and numbers alike, ports, one source each, CIDR spellings compared as blocks, descriptions ignored
// (as EC2 matches them). Pure; reads plain JSON, so a field of the wrong type never throws here.
import {parseCidr, sameCidr} from './cidr.js';

type Json = unknown;
type SourceKind = 'cidr4' | 'cidr6' | 'prefix' | 'group';

/** One rule a request names: one source each; text is the rule as EC2's duplicate-rule message words it. */
export interface RequestedRule {
  readonly isEgress: boolean;
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
  readonly source: {readonly kind: SourceKind; readonly value: string};
  readonly text: string;
}

/** The request cannot name a rule this way (EC2 would refuse the call). */
class Malformed extends Error {}

function isObject(value: Json): value is Readonly<Record<string, Json>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function get(object: Json, key: string): Json {
  return isObject(object) && Object.hasOwn(object, key) ? object[key] : undefined;
}

const protocolNames: Readonly<Record<string, string>> = {'6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6', all: '-1'};

/** tcp, udp, icmp, icmpv6 or -1 (all) for a name or number in any case; other protocols in lower case. */
export function normalizeProtocol(protocol: string): string {
  const lower = protocol.toLowerCase();
  return Object.hasOwn(protocolNames, lower) ? (protocolNames[lower] ?? lower) : lower;
}

function optString(object: Json, key: string): string | undefined {
  const value = get(object, key);
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new Malformed(key);
  return value;
}

function optInteger(object: Json, key: string): number | undefined {
  const value = get(object, key);
  if (value === undefined || value === '') return undefined;
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isInteger(number)) throw new Malformed(key);
  return number;
}

function optRecords(object: Json, key: string): readonly Readonly<Record<string, Json>>[] | undefined {
  const value = get(object, key);
  if (value === undefined) return undefined;
  const items: readonly Json[] = Array.isArray(value) ? value : [value];
  return items.map((item) => {
    if (!isObject(item)) throw new Malformed(key);
    return item;
  });
}

function portsOf(permission: Json, protocol: string): readonly [number, number] {
  if (protocol === '-1') return [-1, -1];
  const from = optInteger(permission, 'FromPort');
  const to = optInteger(permission, 'ToPort');
  if ((protocol === 'tcp' || protocol === 'udp') && (from === undefined || to === undefined || from < 0 || to > 65535 || from > to)) throw new Malformed('ports');
  return [from ?? -1, to ?? -1];
}

const sourceLists: ReadonlyArray<readonly [list: string, key: string, kind: SourceKind]> = [
  ['IpRanges', 'CidrIp', 'cidr4'], ['Ipv6Ranges', 'CidrIpv6', 'cidr6'], ['PrefixListIds', 'PrefixListId', 'prefix'], ['UserIdGroupPairs', 'GroupId', 'group'],
];

function sourcesOf(permission: Json): {kind: SourceKind; value: string}[] {
  return sourceLists.flatMap(([list, key, kind]) =>
    (optRecords(permission, list) ?? []).map((entry) => {
      const value = optString(entry, key);
      if (value === undefined) throw new Malformed(`${list}.${key}`);
      if ((kind === 'cidr4' || kind === 'cidr6') && parseCidr(value)?.version !== (kind === 'cidr4' ? 4 : 6)) throw new Malformed(`${list}.${key}`);
      return {kind, value};
    }),
  );
}

export function ruleText(protocol: string, fromPort: number, toPort: number, source: string): string {
  return `peer: ${source}, ${protocol === '-1' ? 'ALL' : protocol.toUpperCase()}, from port: ${fromPort}, to port: ${toPort}, ALLOW`;
}

/** The rules a request names, one per source; undefined when it cannot name them (EC2 would refuse it). */
export function requestedRules(params: Json, isEgress: boolean): RequestedRule[] | undefined {
  try {
    const flatCidr = optString(params, 'CidrIp');
    const permissions = optRecords(params, 'IpPermissions') ?? (flatCidr === undefined || !isObject(params) ? [] : [{...params, IpRanges: [{CidrIp: flatCidr}]}]);
    return permissions.flatMap((permission) => {
      const named = optString(permission, 'IpProtocol');
      if (named === undefined) throw new Malformed('IpProtocol');
      const protocol = normalizeProtocol(named);
      const [fromPort, toPort] = portsOf(permission, protocol);
      const sources = sourcesOf(permission);
      if (sources.length === 0) throw new Malformed('source');
      return sources.map((source) => ({isEgress, protocol, fromPort, toPort, source, text: ruleText(protocol, fromPort, toPort, source.value)}));
    });
  } catch (error) {
    if (error instanceof Malformed) return undefined;
    throw error;
  }
}

function sourceOf(rule: Json): {kind: SourceKind; value: Json} | undefined {
  const fields: ReadonlyArray<readonly [Json, SourceKind]> = [[get(rule, 'CidrIpv4'), 'cidr4'], [get(rule, 'CidrIpv6'), 'cidr6'], [get(rule, 'PrefixListId'), 'prefix'], [get(get(rule, 'ReferencedGroupInfo'), 'GroupId'), 'group']];
  const found = fields.find(([value]) => value !== undefined);
  return found === undefined ? undefined : {kind: found[1], value: found[0]};
}

/** The listed rule (DescribeSecurityGroupRules) is the requested one. */
export function isRequestedRule(rule: Json, wanted: RequestedRule): boolean {
  const named = get(rule, 'IpProtocol') ?? '-1';
  if (typeof named !== 'string') return false;
  const protocol = normalizeProtocol(named);
  if (get(rule, 'IsEgress') !== wanted.isEgress || protocol !== wanted.protocol) return false;
  const portsMatch = protocol === '-1' || (get(rule, 'FromPort') === wanted.fromPort && get(rule, 'ToPort') === wanted.toPort);
  const source = sourceOf(rule);
  if (!portsMatch || source === undefined || source.kind !== wanted.source.kind) return false;
  return source.kind === 'cidr4' || source.kind === 'cidr6' ? sameCidr(source.value, wanted.source.value) : source.value === wanted.source.value;
}
