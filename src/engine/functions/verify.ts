// Reading an executed call's parameters as the API reads them (strings, lists, integers, booleans
// written as text), and comparing what fresh state shows with what the call asked for: sets of IDs,
// network ACL protocols, security group rules. For verifications.
import {isRequestedRule, requestedRules, type RequestedRule} from '../rule-spec.js';
import {define, isObject, T, type Arg} from './define.js';

const any = (label: string) => ({kinds: [T.any], label});

/** A list of non-empty strings (a lone string is a list of one); undefined when absent, empty, or any item is not one. */
export function stringList(value: Arg | undefined): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const items = Array.isArray(value) ? value : [value];
  const texts = items.filter((item): item is string => typeof item === 'string' && item !== '');
  return texts.length > 0 && texts.length === items.length ? texts : undefined;
}

/** An integer, written as a number or as text ("90"). */
export function integerOf(value: Arg | undefined): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isInteger(number) ? number : undefined;
}

/** A boolean, written as one or as "true"/"false". */
export function booleanOf(value: Arg | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/** The same strings, order and repeats ignored; a missing item of the first list (null) counts as one more. */
export function sameStringSet(a: readonly Arg[], b: readonly Arg[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((item) => left.has(item));
}

const protocolNumbers: Readonly<Record<string, string>> = {tcp: '6', udp: '17', icmp: '1', icmpv6: '58', all: '-1'};

/** A network ACL protocol as its number: tcp 6, udp 17, icmp 1, icmpv6 58, all -1 (any case); other text as is. */
export function protocolNumber(protocol: string): string {
  const lower = protocol.toLowerCase();
  return Object.hasOwn(protocolNumbers, lower) ? (protocolNumbers[lower] ?? protocol) : protocol;
}

function asRule(value: Arg | undefined): RequestedRule | undefined {
  if (!isObject(value) || typeof value['protocol'] !== 'string' || typeof value['fromPort'] !== 'number' || typeof value['toPort'] !== 'number') return undefined;
  const source = value['source'];
  if (!isObject(source) || typeof source['value'] !== 'string' || typeof source['kind'] !== 'string' || !['cidr4', 'cidr6', 'prefix', 'group'].includes(source['kind'])) return undefined;
  return value as unknown as RequestedRule;
}

define('str', [any('value')], 'a non-empty string as is; anything else gives null', ([value]) => (typeof value === 'string' && value !== '' ? value : null));
define('strs', [any('value')], 'a list of non-empty strings (a lone string is a list of one); null when absent, empty, or any item is not one', ([value]) => stringList(value) ?? null);
define('int', [any('value')], 'an integer written as a number or as text ("90"); null otherwise', ([value]) => integerOf(value) ?? null);
define('bool', [any('value')], 'a boolean written as one or as "true"/"false"; null otherwise', ([value]) => booleanOf(value) ?? null);
define('as_text', [any('value')], 'a string (even ""), number or boolean as text; null otherwise', ([value]) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null);
define('same_set', [any('a'), any('b')], 'the two lists hold the same values, order and repeats ignored (false when either is not a list)', ([a, b]) =>
  Array.isArray(a) && Array.isArray(b) && sameStringSet(a, b));
define('protocol_number', [any('protocol')], 'a network ACL protocol as its number (tcp "6", udp "17", icmp "1", icmpv6 "58", all "-1"); other text as is; null when not text', ([protocol]) =>
  typeof protocol === 'string' ? protocolNumber(protocol) : null);
define('requested_rules', [any('params'), {kinds: [T.boolean], label: 'isEgress'}],
  'the security group rules a request names (IpPermissions or flat CidrIp), one per source: {isEgress, protocol, fromPort, toPort, source: {kind, value}, text}; null when it cannot name them',
  ([params, isEgress]) => (requestedRules(params, isEgress === true) as unknown as Arg[] | undefined) ?? null);
define('has_rule', [any('rules'), any('rule')], 'a rule of the list (DescribeSecurityGroupRules) is this requested rule (protocol names and numbers alike, CIDRs as blocks, descriptions ignored)', ([rules, rule]) => {
  const wanted = asRule(rule);
  return wanted !== undefined && Array.isArray(rules) && rules.some((item) => isRequestedRule(item, wanted));
});
