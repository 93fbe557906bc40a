// Network ACL entries, from the record and from DescribeNetworkAcls, in one view: rule number,
// direction, allow or deny, protocol (as its number), source block and ports. An ACL is read as AWS
// reads it: entries of one direction in rule-number order, the first that matches decides. Records
// write the protocol as `aclProtocol` (`protocol` in the API), an absent port range as {}, and the
// rule number and egress as numbers and booleans or as text; a field of the wrong type is absent.
import {isWholeInternet, overlaps, parseCidr} from '../cidr.js';
import {define, isObject, str, T, type Arg} from './define.js';
import {fieldOf, scalarText} from './record.js';
import {booleanOf, integerOf, protocolNumber} from './verify.js';

type Obj = {[key: string]: Arg};

/** One network ACL entry, however it was written. */
export interface AclEntry {
  readonly ruleNumber: number;
  readonly egress: boolean;
  readonly action: string;
  /** The protocol as its number ("-1" all, "6" TCP, "17" UDP, "1" ICMP …). */
  readonly protocol: string;
  readonly cidr: string | null;
  /** TCP/UDP ports; null when the entry covers every port of its protocol. */
  readonly ports: {readonly from: number; readonly to: number} | null;
  /** Every protocol and port (protocol -1), or every port of TCP or UDP. */
  readonly allPorts: boolean;
  /** The source (or destination, outbound) is 0.0.0.0/0 or ::/0. */
  readonly internet: boolean;
  /** In words: "allow all traffic from 0.0.0.0/0", "deny tcp 22 from 203.0.113.0/24". */
  readonly text: string;
  /** Its position in the ACL's Entries, for evidence (absent for a request's entry). */
  readonly index?: number;
}

const portProtocols = new Set(['6', '17']);

function protocolWords(protocol: string, ports: AclEntry['ports']): string {
  if (protocol === '-1') return 'all traffic';
  const name = protocol === '6' ? 'tcp' : protocol === '17' ? 'udp' : protocol === '1' ? 'icmp' : protocol === '58' ? 'icmpv6' : `protocol ${protocol}`;
  if (!portProtocols.has(protocol)) return name;
  if (ports === null) return `${name} all ports`;
  return ports.from === ports.to ? `${name} ${ports.from}` : `${name} ${ports.from}-${ports.to}`;
}

/** An entry from its fields: records name the protocol aclProtocol, answers Protocol. */
function entryOf(object: Arg | undefined, index?: number): AclEntry | undefined {
  if (!isObject(object)) return undefined;
  const ruleNumber = integerOf(fieldOf(object, 'ruleNumber'));
  if (ruleNumber === undefined) return undefined;
  const egress = booleanOf(fieldOf(object, 'egress')) ?? false;
  const rawProtocol = scalarText(fieldOf(object, 'aclProtocol')) ?? scalarText(fieldOf(object, 'protocol'));
  const protocol = rawProtocol === undefined ? '' : protocolNumber(rawProtocol);
  const range = fieldOf(object, 'portRange');
  const from = integerOf(fieldOf(range, 'from'));
  const to = integerOf(fieldOf(range, 'to'));
  const hasPorts = portProtocols.has(protocol) && from !== undefined && to !== undefined;
  const everyPort = hasPorts && from <= 1 && to >= 65535;
  const ports = hasPorts && !everyPort ? {from, to} : null;
  const cidr = str(fieldOf(object, 'cidrBlock')) ?? str(fieldOf(object, 'ipv6CidrBlock')) ?? null;
  const parsed = parseCidr(cidr);
  const action = (str(fieldOf(object, 'ruleAction')) ?? '').toLowerCase();
  const allPorts = protocol === '-1' || (portProtocols.has(protocol) && ports === null);
  const text = `${action} ${protocolWords(protocol, ports)} ${egress ? 'to' : 'from'} ${cidr ?? '?'}`;
  return {ruleNumber, egress, action, protocol, cidr, ports, allPorts, internet: parsed !== undefined && isWholeInternet(parsed), text, ...(index === undefined ? {} : {index})};
}

/** The entry a CreateNetworkAclEntry, ReplaceNetworkAclEntry or DeleteNetworkAclEntry request names. */
export function requestEntry(request: Arg | undefined): AclEntry | undefined {
  return entryOf(request);
}

/** An ACL's entries of one direction, in the order AWS reads them (rule number). */
export function aclEntries(acl: Arg | undefined, egress: boolean): AclEntry[] {
  const list = fieldOf(acl, 'entries');
  if (!Array.isArray(list)) return [];
  return list
    .map((item, index) => entryOf(item, index))
    .filter((entry): entry is AclEntry => entry !== undefined && entry.egress === egress)
    .sort((a, b) => a.ruleNumber - b.ruleNumber);
}

function portsOverlap(a: AclEntry, b: AclEntry): boolean {
  if (a.protocol === '-1' || b.protocol === '-1') return true;
  if (a.protocol !== b.protocol) return false;
  if (a.ports === null || b.ports === null) return true;
  return a.ports.from <= b.ports.to && b.ports.from <= a.ports.to;
}

function blocksOverlap(a: AclEntry, b: AclEntry): boolean {
  const x = parseCidr(a.cidr);
  const y = parseCidr(b.cidr);
  return x !== undefined && y !== undefined && x.version === y.version && overlaps(x, y);
}

/** The explicit deny entries an allow entry now overrides: same direction, numbered after it, traffic in common. */
export function deniesAfter(acl: Arg | undefined, entry: AclEntry): AclEntry[] {
  if (entry.action !== 'allow') return [];
  return aclEntries(acl, entry.egress).filter((other) => other.action === 'deny' && other.ruleNumber > entry.ruleNumber && other.ruleNumber < 32767 && portsOverlap(entry, other) && blocksOverlap(entry, other));
}

/**
 * Whether the ACL lets every protocol and port in (or out) for the whole internet: the first entry
 * for 0.0.0.0/0 (or ::/0) covering all traffic is an allow. Earlier, narrower deny entries are
 * exceptions it keeps (returned as `exceptions`). Null when it does not.
 */
export function openToInternet(acl: Arg | undefined, egress: boolean): Obj | null {
  const entries = aclEntries(acl, egress);
  const first = entries.find((e) => e.internet && e.protocol === '-1');
  if (first === undefined || first.action !== 'allow') return null;
  const exceptions = entries.filter((e) => e.ruleNumber < first.ruleNumber && e.action === 'deny').map((e) => e.ruleNumber);
  return {...(first as unknown as Obj), exceptions};
}

/** The ports of the list the entry lets through (an allow covering them, all ports included). */
export function allowedPorts(entry: AclEntry, ports: readonly number[]): number[] {
  if (entry.action !== 'allow') return [];
  if (entry.protocol === '-1') return [...ports];
  if (!portProtocols.has(entry.protocol)) return [];
  return ports.filter((port) => entry.ports === null || (entry.ports.from <= port && port <= entry.ports.to));
}

const asArg = (entry: AclEntry | undefined): Arg => (entry === undefined ? null : (entry as unknown as Obj));
const entryArg = (value: Arg | undefined): AclEntry | undefined => (isObject(value) && typeof value['ruleNumber'] === 'number' && typeof value['protocol'] === 'string' ? (value as unknown as AclEntry) : undefined);
const any = (label: string) => ({kinds: [T.any], label}) as const;
const direction = {kinds: [T.boolean, T.string, T.null], label: 'egress'} as const;

define('acl_request_entry', [any('request')],
  'the network ACL entry a Create/Replace/DeleteNetworkAclEntry request names: {ruleNumber, egress, action, protocol (as its number), cidr, ports {from, to} or null, allPorts, internet, text}; null without a rule number',
  ([request]) => asArg(requestEntry(request)));
define('acl_entries', [any('acl'), direction],
  "a DescribeNetworkAcls ACL's entries of one direction (egress true or false) in rule-number order, each as acl_request_entry gives it plus index (its place in Entries)",
  ([acl, egress]) => aclEntries(acl, booleanOf(egress) ?? false) as unknown as Arg[]);
define('acl_entry_at', [any('acl'), any('ruleNumber'), direction],
  "the ACL's entry of this rule number and direction (as acl_entries gives it); null when it has none",
  ([acl, number, egress]) => asArg(aclEntries(acl, booleanOf(egress) ?? false).find((e) => e.ruleNumber === integerOf(number))));
define('acl_denies_after', [any('acl'), any('entry')],
  'the deny entries of the ACL an allow entry now overrides: same direction, higher rule number (not the default *), traffic in common',
  ([acl, entry]) => {
    const wanted = entryArg(entry);
    return wanted === undefined ? [] : (deniesAfter(acl, wanted) as unknown as Arg[]);
  });
define('acl_open_to_internet', [any('acl'), direction],
  'the entry by which the ACL lets all traffic of the whole internet in (or out): the first all-traffic entry for 0.0.0.0/0 or ::/0 is an allow; with exceptions (the rule numbers of deny entries before it); null when it does not',
  ([acl, egress]) => openToInternet(acl, booleanOf(egress) ?? false));
define('acl_allowed_ports', [any('entry'), {kinds: [T.array], label: 'ports'}],
  'the ports of the list an ACL entry lets through (an allow of all traffic, or TCP/UDP ports covering them)',
  ([entry, ports]) => {
    const wanted = entryArg(entry);
    const list = Array.isArray(ports) ? ports.filter((p): p is number => typeof p === 'number') : [];
    return wanted === undefined ? [] : allowedPorts(wanted, list);
  });
define('acl_subnets', [any('acl')],
  "the subnets a DescribeNetworkAcls ACL serves (its Associations' SubnetId), in order",
  ([acl]) => {
    const list = fieldOf(acl, 'associations');
    return Array.isArray(list) ? list.flatMap((a) => str(fieldOf(a, 'subnetId')) ?? []) : [];
  });
