// Security group rules both ways EC2 shows them: one SecurityGroupRule per source, with its ID
// (DescribeSecurityGroupRules), and IpPermissions that group sources by protocol and ports
// (DescribeSecurityGroups). The sandbox keeps rules and derives IpPermissions from them.
import type {IpPermission, SecurityGroupRule} from '@aws-sdk/client-ec2';
import {parseCidr, sameCidr} from './cidr.js';
import {fail, optInteger, optRecords, optString, type ParamRecord} from './params.js';

export type Source = {readonly kind: 'cidr4' | 'cidr6' | 'prefix' | 'group'; readonly value: string; readonly description?: string | undefined};

/** One rule as a request names it: direction, protocol, ports and one source. */
export interface RuleSpec {
  readonly isEgress: boolean;
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
  readonly source: Source;
}

const protocolNames: Readonly<Record<string, string>> = {'6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6', all: '-1'};

export function normalizeProtocol(protocol: string): string {
  const lower = protocol.toLowerCase();
  return protocolNames[lower] ?? lower;
}

function sourceOf(rule: SecurityGroupRule): Source | undefined {
  const description = rule.Description;
  if (rule.CidrIpv4 !== undefined) return {kind: 'cidr4', value: rule.CidrIpv4, description};
  if (rule.CidrIpv6 !== undefined) return {kind: 'cidr6', value: rule.CidrIpv6, description};
  if (rule.PrefixListId !== undefined) return {kind: 'prefix', value: rule.PrefixListId, description};
  const group = rule.ReferencedGroupInfo?.GroupId;
  return group === undefined ? undefined : {kind: 'group', value: group, description};
}

function sameSource(a: Source | undefined, b: Source): boolean {
  if (a === undefined || a.kind !== b.kind) return false;
  return a.kind === 'cidr4' || a.kind === 'cidr6' ? sameCidr(a.value, b.value) : a.value === b.value;
}

/** True when the rule is the one the spec names (descriptions do not count, as in EC2). */
export function matches(rule: SecurityGroupRule, spec: RuleSpec): boolean {
  const protocol = normalizeProtocol(rule.IpProtocol ?? '-1');
  if (rule.IsEgress !== spec.isEgress || protocol !== spec.protocol) return false;
  const portsMatch = protocol === '-1' || (rule.FromPort === spec.fromPort && rule.ToPort === spec.toPort);
  return portsMatch && sameSource(sourceOf(rule), spec.source);
}

/** The rule as EC2's duplicate-rule message describes it. */
export function ruleText(spec: RuleSpec): string {
  const protocol = spec.protocol === '-1' ? 'ALL' : spec.protocol.toUpperCase();
  return `peer: ${spec.source.value}, ${protocol}, from port: ${spec.fromPort}, to port: ${spec.toPort}, ALLOW`;
}

function portsOf(permission: ParamRecord, protocol: string): readonly [number, number] {
  if (protocol === '-1') return [-1, -1];
  const from = optInteger(permission, 'FromPort');
  const to = optInteger(permission, 'ToPort');
  if (protocol === 'tcp' || protocol === 'udp') {
    if (from === undefined || to === undefined || from < 0 || to > 65535 || from > to) fail('InvalidParameterValue', `Invalid ${protocol.toUpperCase()} port range: ${from ?? 'none'} to ${to ?? 'none'}`);
  }
  return [from ?? -1, to ?? -1];
}

function sources(permission: ParamRecord): Source[] {
  const read = (list: string, key: string, kind: Source['kind']) =>
    (optRecords(permission, list) ?? []).map((entry): Source => {
      const value = optString(entry, key) ?? fail('MissingParameter', `The request must contain the parameter ${list}.${key}`);
      if ((kind === 'cidr4' || kind === 'cidr6') && parseCidr(value)?.version !== (kind === 'cidr4' ? 4 : 6)) {
        fail('InvalidPermission.Malformed', `CIDR block ${value} is malformed`);
      }
      return {kind, value, description: optString(entry, 'Description')};
    });
  return [...read('IpRanges', 'CidrIp', 'cidr4'), ...read('Ipv6Ranges', 'CidrIpv6', 'cidr6'), ...read('PrefixListIds', 'PrefixListId', 'prefix'), ...read('UserIdGroupPairs', 'GroupId', 'group')];
}

/** The rules a request names: IpPermissions, or the older flat CidrIp/IpProtocol/FromPort/ToPort. */
export function requestedSpecs(params: ParamRecord, isEgress: boolean): RuleSpec[] {
  const flatCidr = optString(params, 'CidrIp');
  const permissions = optRecords(params, 'IpPermissions') ?? (flatCidr === undefined ? [] : [{...params, IpRanges: [{CidrIp: flatCidr}]}]);
  return permissions.flatMap((permission) => {
    const protocol = normalizeProtocol(optString(permission, 'IpProtocol') ?? fail('MissingParameter', 'The request must contain the parameter IpProtocol'));
    const [fromPort, toPort] = portsOf(permission, protocol);
    const found = sources(permission);
    if (found.length === 0) fail('MissingParameter', 'Each IpPermission needs a source: IpRanges, Ipv6Ranges, PrefixListIds or UserIdGroupPairs');
    return found.map((source) => ({isEgress, protocol, fromPort, toPort, source}));
  });
}

/** A new rule of the group for the spec. */
export function ruleOf(spec: RuleSpec, groupId: string, ownerId: string, id: string): SecurityGroupRule {
  const {source} = spec;
  return {
    SecurityGroupRuleId: id,
    GroupId: groupId,
    GroupOwnerId: ownerId,
    IsEgress: spec.isEgress,
    IpProtocol: spec.protocol,
    FromPort: spec.fromPort,
    ToPort: spec.toPort,
    ...(source.kind === 'cidr4' ? {CidrIpv4: source.value} : {}),
    ...(source.kind === 'cidr6' ? {CidrIpv6: source.value} : {}),
    ...(source.kind === 'prefix' ? {PrefixListId: source.value} : {}),
    ...(source.kind === 'group' ? {ReferencedGroupInfo: {GroupId: source.value, UserId: ownerId}} : {}),
    ...(source.description === undefined ? {} : {Description: source.description}),
  };
}

/** The spec as an IpPermission (what EC2 answers in UnknownIpPermissions). */
export function permissionOf(spec: RuleSpec): IpPermission {
  return permissionsOf([ruleOf(spec, '', '', '')], spec.isEgress)[0] ?? {};
}

/** A group's rules of one direction, grouped into IpPermissions as DescribeSecurityGroups shows them. */
export function permissionsOf(rules: readonly SecurityGroupRule[], isEgress: boolean): IpPermission[] {
  const byKey = new Map<string, IpPermission>();
  for (const rule of rules.filter((r) => r.IsEgress === isEgress)) {
    const protocol = rule.IpProtocol ?? '-1';
    const key = `${protocol}|${rule.FromPort}|${rule.ToPort}`;
    const ports = protocol === '-1' ? {} : {FromPort: rule.FromPort, ToPort: rule.ToPort};
    const permission = byKey.get(key) ?? {IpProtocol: protocol, ...ports, IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: []};
    byKey.set(key, permission);
    const description = rule.Description === undefined ? {} : {Description: rule.Description};
    if (rule.CidrIpv4 !== undefined) permission.IpRanges?.push({CidrIp: rule.CidrIpv4, ...description});
    if (rule.CidrIpv6 !== undefined) permission.Ipv6Ranges?.push({CidrIpv6: rule.CidrIpv6, ...description});
    if (rule.PrefixListId !== undefined) permission.PrefixListIds?.push({PrefixListId: rule.PrefixListId, ...description});
    const group = rule.ReferencedGroupInfo;
    if (group?.GroupId !== undefined) permission.UserIdGroupPairs?.push({GroupId: group.GroupId, UserId: group.UserId, ...description});
  }
  return [...byKey.values()];
}

/** The rules of IpPermissions read from a snapshot that has no rule IDs (a Now-panel Describe answer). */
export function rulesFromPermissions(permissions: readonly IpPermission[], isEgress: boolean, groupId: string, ownerId: string, idFor: (index: number) => string): SecurityGroupRule[] {
  const specs = permissions.flatMap((p) => {
    const protocol = normalizeProtocol(p.IpProtocol ?? '-1');
    const base = {isEgress, protocol, fromPort: protocol === '-1' ? -1 : (p.FromPort ?? -1), toPort: protocol === '-1' ? -1 : (p.ToPort ?? -1)};
    const found: Source[] = [
      ...(p.IpRanges ?? []).map((r) => ({kind: 'cidr4' as const, value: r.CidrIp ?? '', description: r.Description})),
      ...(p.Ipv6Ranges ?? []).map((r) => ({kind: 'cidr6' as const, value: r.CidrIpv6 ?? '', description: r.Description})),
      ...(p.PrefixListIds ?? []).map((r) => ({kind: 'prefix' as const, value: r.PrefixListId ?? '', description: r.Description})),
      ...(p.UserIdGroupPairs ?? []).map((r) => ({kind: 'group' as const, value: r.GroupId ?? '', description: r.Description})),
    ];
    return found.map((source) => ({...base, source}));
  });
  return specs.map((spec, index) => ruleOf(spec, groupId, ownerId, idFor(index)));
}
