// The security group rules an AuthorizeSecurityGroupIngress/Egress or ModifySecurityGroupRules record
// names, one per source, as real records write them: `ipPermissions.items[].ipRanges.items[].cidrIp`
// (or the older flat cidrIp), `groups.items[]` for source groups, the rule IDs EC2 gave them in
// `securityGroupRuleSet.items[]`, and ModifySecurityGroupRules' `SecurityGroupRule` wrappers. Each rule
// keeps the path of its source in the record, for evidence, and a key that DescribeSecurityGroupRules'
// rules share when they are the same rule.
import {normalizeProtocol} from '../rule-spec.js';
import {define, isObject, str, T, type Arg} from './define.js';
import {entriesOf, fieldOf} from './record.js';
import {portsText, reachOf} from './security-groups.js';
import {integerOf} from './verify.js';

type Obj = {[key: string]: Arg};

export interface EventRule {
  readonly isEgress: boolean | null;
  readonly protocol: string;
  /** As open_ingress writes them: every port is 0–65535. */
  readonly fromPort: number;
  readonly toPort: number;
  readonly ports: string;
  readonly kind: 'cidr' | 'prefix-list' | 'group';
  /** The source (or destination, outbound): a CIDR, a prefix list ID or a group ID; `cidr` repeats it for the open-rule functions. */
  readonly source: string;
  readonly cidr: string;
  readonly account: string | null;
  readonly reach: 'internet' | 'wide' | 'other-account' | 'specific';
  readonly path: string;
  readonly ruleId: string | null;
  readonly key: string;
  /** "tcp 22 from 0.0.0.0/0": as rule_words() writes a listed rule. */
  readonly words: string;
}

/** A value as text, also when a newer record wraps it as {"content": …, "tag": 1}. */
function text(value: Arg | undefined): string | undefined {
  const inner = isObject(value) && Object.hasOwn(value, 'content') ? value['content'] : value;
  if (typeof inner === 'number' && Number.isFinite(inner)) return String(inner);
  return str(inner);
}

const at = (object: Arg | undefined, key: string) => text(fieldOf(object, key));
const portAt = (object: Arg | undefined, key: string) => integerOf(text(fieldOf(object, key)) ?? undefined);

/** The entries of a list field with the path of each: `.items[i]`, `[i]`, or the lone object itself. */
function listed(object: Arg | undefined, key: string, path: string): {item: Obj; path: string}[] {
  const raw = fieldOf(object, key);
  const name = isObject(object) && Object.hasOwn(object, key) ? key : key.charAt(0).toUpperCase() + key.slice(1);
  const base = `${path}.${name}`;
  const wrapped = isObject(raw) && !Array.isArray(raw) && (Object.hasOwn(raw, 'items') || Object.hasOwn(raw, 'item'));
  const items = entriesOf(raw).filter(isObject);
  if (Array.isArray(raw)) return items.map((item, i) => ({item, path: `${base}[${i}]`}));
  if (wrapped) return items.map((item, i) => ({item, path: `${base}.${Object.hasOwn(raw, 'items') ? 'items' : 'item'}[${i}]`}));
  return items.map((item) => ({item, path: base}));
}

/** A protocol EC2 names (tcp, udp, icmp, icmpv6, -1) in its usual form; any other text exactly as written, so a record's own text is never altered. */
function protocolOf(protocol: string): string {
  const known = normalizeProtocol(protocol);
  return ['tcp', 'udp', 'icmp', 'icmpv6', '-1'].includes(known) || /^[0-9]{1,3}$/.test(known) ? known : protocol;
}

/** The rule's ports in words; a protocol EC2 would not know is shown as written. */
const portsWords = (permission: Obj, protocol: string): string => (protocolOf(protocol) === protocol && normalizeProtocol(protocol) !== protocol ? `protocol ${protocol}` : portsText(permission));

const wordsOf = (ports: string, isEgress: boolean, source: string) => `${ports} ${isEgress ? 'to' : 'from'} ${source}`;

/** The key a rule shares with the same rule listed anywhere: protocol, ports and source, as EC2 compares them. */
export function ruleKey(protocol: string, fromPort: number | undefined, toPort: number | undefined, source: string): string {
  const p = protocolOf(protocol);
  const all = p === '-1' || ((p === 'tcp' || p === 'udp') && (fromPort === undefined || fromPort < 0));
  return `${p}|${all ? '*' : `${fromPort ?? -1}-${toPort ?? -1}`}|${source.trim().toLowerCase()}`;
}

function rule(base: {isEgress: boolean | null; protocol: string; from: number | undefined; to: number | undefined; ownAccount: string | undefined},
  kind: EventRule['kind'], source: string, path: string, account: string | null, ruleId: string | null): EventRule {
  const protocol = protocolOf(base.protocol);
  const every = protocol === '-1' || ((protocol === 'tcp' || protocol === 'udp') && (base.from === undefined || base.from < 0 || base.to === undefined || base.to < 0));
  const reach = kind === 'cidr' ? reachOf(source) : kind === 'group' && account !== null && base.ownAccount !== undefined && account !== base.ownAccount ? 'other-account' : 'specific';
  const permission: Obj = {IpProtocol: protocol, ...(base.from === undefined ? {} : {FromPort: base.from}), ...(base.to === undefined ? {} : {ToPort: base.to})};
  return {
    isEgress: base.isEgress, protocol, fromPort: every ? 0 : (base.from ?? -1), toPort: every ? 65535 : (base.to ?? -1), ports: portsWords(permission, protocol),
    kind, source, cidr: source, account, reach, path, ruleId, key: ruleKey(protocol, base.from, base.to, source),
    words: wordsOf(portsWords(permission, protocol), base.isEgress === true, source),
  };
}

/** Authorize*: each ipPermission's sources (or the flat cidrIp form), their IDs from the response. */
function authorized(event: Obj, request: Arg, isEgress: boolean, ownAccount: string | undefined): EventRule[] {
  const path = 'requestParameters';
  const flat = at(request, 'cidrIp');
  const permissions = flat !== undefined ? [{item: isObject(request) ? request : {}, path}] : listed(request, 'ipPermissions', path);
  const answered = entriesOf(fieldOf(fieldOf(event, 'responseElements'), 'securityGroupRuleSet')).filter(isObject);
  const idOf = (key: string) => {
    const found = answered.find((r) => {
      const source = at(r, 'cidrIpv4') ?? at(r, 'cidrIpv6') ?? at(r, 'prefixListId') ?? at(fieldOf(r, 'referencedGroupInfo'), 'groupId');
      return source !== undefined && ruleKey(at(r, 'ipProtocol') ?? '-1', portAt(r, 'fromPort'), portAt(r, 'toPort'), source) === key;
    });
    return (found && at(found, 'securityGroupRuleId')) ?? null;
  };
  return permissions.flatMap(({item, path: at0}) => {
    const base = {isEgress, protocol: at(item, 'ipProtocol') ?? '-1', from: portAt(item, 'fromPort'), to: portAt(item, 'toPort'), ownAccount};
    const make = (kind: EventRule['kind'], source: string | undefined, where: string, account: string | null = null) => {
      if (source === undefined) return [];
      const made = rule(base, kind, source, where, account, null);
      return [{...made, ruleId: idOf(made.key)}];
    };
    if (flat !== undefined) return make('cidr', flat, `${path}.cidrIp`);
    return [
      ...listed(item, 'ipRanges', at0).flatMap((r) => make('cidr', at(r.item, 'cidrIp'), `${r.path}.cidrIp`)),
      ...listed(item, 'ipv6Ranges', at0).flatMap((r) => make('cidr', at(r.item, 'cidrIpv6'), `${r.path}.cidrIpv6`)),
      ...listed(item, 'prefixListIds', at0).flatMap((r) => make('prefix-list', at(r.item, 'prefixListId'), `${r.path}.prefixListId`)),
      ...listed(item, 'groups', at0).flatMap((r) => make('group', at(r.item, 'groupId') ?? at(r.item, 'groupName'), `${r.path}.groupId`, at(r.item, 'userId') ?? null)),
    ];
  });
}

/** ModifySecurityGroupRules: each SecurityGroupRule {SecurityGroupRuleId, SecurityGroupRule: {…}} as it is now. */
function modified(request: Arg): EventRule[] {
  const root = isObject(request) && Object.hasOwn(request, 'SecurityGroupRule') ? 'requestParameters.ModifySecurityGroupRulesRequest' : 'requestParameters';
  return listed(request, 'SecurityGroupRule', root).flatMap(({item, path}) => {
    const spec = fieldOf(item, 'SecurityGroupRule');
    const base = {isEgress: null, protocol: at(spec, 'IpProtocol') ?? '-1', from: portAt(spec, 'FromPort'), to: portAt(spec, 'ToPort'), ownAccount: undefined};
    const id = at(item, 'SecurityGroupRuleId') ?? null;
    const inner = `${path}.SecurityGroupRule`;
    const sources: [EventRule['kind'], string][] = [['cidr', 'CidrIpv4'], ['cidr', 'CidrIpv6'], ['prefix-list', 'PrefixListId'], ['group', 'ReferencedGroupId']];
    return sources.flatMap(([kind, key]) => {
      const source = at(spec, key);
      return source === undefined ? [] : [rule(base, kind, source, `${inner}.${key}`, null, id)];
    });
  });
}

export function eventRules(event: Arg): EventRule[] {
  if (!isObject(event)) return [];
  const name = str(event['eventName']);
  const rawRequest = event['requestParameters'];
  const wrapped = fieldOf(rawRequest, `${name ?? ''}Request`);
  const request = isObject(wrapped) ? wrapped : (rawRequest ?? null);
  const ownAccount = str(event['recipientAccountId']) ?? str(fieldOf(event['userIdentity'], 'accountId'));
  // By the record's shape, not its event name (adding an event is a runbook file): a modify lists
  // SecurityGroupRule wrappers; an Authorize*Ingress/Egress call, its permissions, the direction in its name.
  if (isObject(request) && Object.hasOwn(request, 'SecurityGroupRule')) return modified(request);
  if (name !== undefined && /^Authorize\w*(Ingress|Egress)$/.test(name)) return authorized(event, request, name.endsWith('Egress'), ownAccount);
  return [];
}

/** A rule of DescribeSecurityGroupRules as its key; null when it names no source. */
export function listedKey(listedRule: Arg): string | null {
  if (!isObject(listedRule)) return null;
  const source = str(listedRule['CidrIpv4']) ?? str(listedRule['CidrIpv6']) ?? str(listedRule['PrefixListId']) ?? str(fieldOf(listedRule['ReferencedGroupInfo'], 'GroupId'));
  const protocol = str(listedRule['IpProtocol']) ?? '-1';
  return source === undefined ? null : ruleKey(protocol, integerOf(listedRule['FromPort']), integerOf(listedRule['ToPort']), source);
}

/** A rule of DescribeSecurityGroupRules in words, as event_rules writes the same rule: "tcp 22 from 0.0.0.0/0". */
export function listedWords(listedRule: Arg): string | null {
  if (!isObject(listedRule)) return null;
  const source = str(listedRule['CidrIpv4']) ?? str(listedRule['CidrIpv6']) ?? str(listedRule['PrefixListId']) ?? str(fieldOf(listedRule['ReferencedGroupInfo'], 'GroupId'));
  return source === undefined ? null : wordsOf(portsText(listedRule), listedRule['IsEgress'] === true, source);
}

/** The event's rules still in the listed rules (by ID and key when the event gave an ID, else by direction and key), each with the ID it has now. */
export function rulesStillThere(listedRules: Arg, rules: Arg): Obj[] {
  const current = Array.isArray(listedRules) ? listedRules.filter(isObject) : [];
  const wanted = Array.isArray(rules) ? rules.filter(isObject) : [];
  return wanted.flatMap((want) => {
    const match = current.find((have) => {
      if (listedKey(have) !== want['key']) return false;
      if (typeof want['ruleId'] === 'string') return have['SecurityGroupRuleId'] === want['ruleId'];
      return typeof want['isEgress'] !== 'boolean' || have['IsEgress'] === want['isEgress'];
    });
    return match === undefined ? [] : [{...want, ruleId: str(match['SecurityGroupRuleId']) ?? null}];
  });
}

define('event_rules', [{kinds: [T.object, T.null], label: 'event'}],
  'the security group rules an Authorize*/ModifySecurityGroupRules record names, one per source: {isEgress (null for a modify), protocol, fromPort, toPort (all: 0-65535), ports (in words), kind: cidr|prefix-list|group, source, cidr, account, reach, path, ruleId, key, words ("tcp 22 from 0.0.0.0/0")}',
  ([event]) => eventRules(event ?? null) as unknown as Arg[]);
define('rule_words', [{kinds: [T.any], label: 'rule'}], 'a DescribeSecurityGroupRules rule in words as event_rules writes the same rule ("tcp 22 from 0.0.0.0/0"); null when it names no source', ([value]) => listedWords(value ?? null));
define('rules_still_there', [{kinds: [T.any], label: 'rules'}, {kinds: [T.any], label: 'eventRules'}],
  'the event_rules still among the listed rules (DescribeSecurityGroupRules), by rule ID when the event gave one, else by direction, protocol, ports and source; each with its rule ID now',
  ([listedRules, rules]) => rulesStillThere(listedRules ?? null, rules ?? null));
