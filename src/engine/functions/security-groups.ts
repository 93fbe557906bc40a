// Security groups as Describe answers show them: the inbound rules open to the internet (with the
// path that proves each), the ports and protocols a rule lets in, how the Now panel words a rule and
// its reach, and group names or descriptions that pass for ones AWS makes. Each reads defensively:
// a field of the wrong type counts as absent.
import type {SecurityGroup} from '@aws-sdk/client-ec2';
import {allowsPort, isAllPorts, isTcpUdp, openIngress, type OpenIngress} from '../../findings/state.js';
import {define, isObject, str, T, type Arg} from './define.js';

type Obj = {[key: string]: Arg};

const groupArg = {kinds: [T.object, T.null], label: 'group'};
const ruleArg = {kinds: [T.object, T.null], label: 'rule'};

function own(object: Obj, key: string): Arg | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function objectsAt(object: Arg | undefined, key: string): Obj[] {
  const value = isObject(object) ? own(object, key) : undefined;
  return Array.isArray(value) ? value.filter(isObject) : [];
}

const finite = (value: Arg | undefined): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** An item of open_ingress back as the rule it describes; undefined for anything else. */
function ruleOf(value: Arg | undefined): OpenIngress | undefined {
  if (!isObject(value)) return undefined;
  const [path, cidr, protocol] = [own(value, 'path'), own(value, 'cidr'), own(value, 'protocol')];
  const [fromPort, toPort] = [finite(own(value, 'fromPort')), finite(own(value, 'toPort'))];
  if (typeof path !== 'string' || typeof cidr !== 'string' || typeof protocol !== 'string' || fromPort === undefined || toPort === undefined) return undefined;
  return {path, cidr, protocol, fromPort, toPort};
}

const ruleTest = (test: (rule: OpenIngress) => boolean) => ([value]: readonly Arg[]) => {
  const rule = ruleOf(value);
  return rule !== undefined && test(rule);
};

define('open_ingress', [groupArg],
  "the group's inbound rules whose source is 0.0.0.0/0, ::/0 or nearly as wide, one per source: {path, cidr, protocol, fromPort, toPort} (all ports: 0-65535)",
  ([group]) => (isObject(group) ? openIngress(group as SecurityGroup).map((rule) => ({...rule})) : []));
define('is_all_ports', [ruleArg], 'the open_ingress rule lets every port in (all protocols, or TCP/UDP 0 or 1 to 65535)', ruleTest(isAllPorts));
define('is_tcp_udp', [ruleArg], 'the open_ingress rule is for TCP or UDP (its ports are ports, not ICMP types)', ruleTest(isTcpUdp));
define('allows_port', [ruleArg, {kinds: [T.number], label: 'port'}], 'the open_ingress rule lets this TCP/UDP port in (all-protocol rules included)', ([value, port]) => {
  const rule = ruleOf(value);
  return rule !== undefined && typeof port === 'number' && allowsPort(rule, port);
});
define('allowed_ports', [ruleArg, {kinds: [T.array], label: 'ports'}], 'the ports of the list the open_ingress rule lets in, in the order of the list', ([value, ports]) => {
  const rule = ruleOf(value);
  return rule === undefined || !Array.isArray(ports) ? [] : ports.filter((port) => typeof port === 'number' && allowsPort(rule, port));
});
define('open_evidence', [{kinds: [T.array, T.null], label: 'rules'}], 'the first open_ingress rule as "path = cidr", and "(+N more)" when the list has others; "" for none', ([rules]) => {
  const list = Array.isArray(rules) ? rules.map(ruleOf) : [];
  const first = list[0];
  if (first === undefined) return '';
  return `${first.path} = ${first.cidr}${list.length > 1 ? ` (+${list.length - 1} more)` : ''}`;
});

/** internet: any /0; wide: an IPv4 block wider than /8, an IPv6 one of /1 to /3; else specific (unreadable ones too). */
export function reachOf(cidr: string): 'internet' | 'wide' | 'specific' {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(cidr.trim());
  if (match === null) return 'specific';
  const length = Number(match[2]);
  if (length === 0) return 'internet';
  return (match[1] ?? '').includes(':') ? (length <= 3 ? 'wide' : 'specific') : length < 8 ? 'wide' : 'specific';
}

const protocolNames = new Map([['6', 'tcp'], ['17', 'udp'], ['1', 'icmp'], ['58', 'icmpv6']]);

/** An IpPermission's protocol and ports in words: "all traffic", "tcp 22", "tcp 1000–2000", "udp all ports", "icmp type 8", "protocol 50". */
export function portsText(permission: Obj): string {
  const raw = str(own(permission, 'IpProtocol')) ?? '?';
  if (raw === '-1' || raw.toLowerCase() === 'all') return 'all traffic';
  const protocol = protocolNames.get(raw) ?? raw.toLowerCase();
  const from = finite(own(permission, 'FromPort'));
  const to = finite(own(permission, 'ToPort'));
  if (protocol === 'icmp' || protocol === 'icmpv6') {
    if (from === undefined || from === -1) return `${protocol} all`;
    return to === undefined || to === -1 ? `${protocol} type ${from}` : `${protocol} type ${from} code ${to}`;
  }
  if (protocol !== 'tcp' && protocol !== 'udp') return `protocol ${protocol}`;
  if (from === undefined || from === -1 || (from === 0 && to === 65535)) return `${protocol} all ports`;
  return to === undefined || to === from ? `${protocol} ${from}` : `${protocol} ${from}–${to}`;
}

/** Every source of the group's inbound rules, in order: its CIDRs, then prefix lists, then groups. */
function ingressSources(group: Obj): Obj[] {
  const owner = str(own(group, 'OwnerId'));
  return objectsAt(group, 'IpPermissions').flatMap((permission) => {
    const ports = portsText(permission);
    const cidrs = [...objectsAt(permission, 'IpRanges').map((r) => own(r, 'CidrIp')), ...objectsAt(permission, 'Ipv6Ranges').map((r) => own(r, 'CidrIpv6'))];
    return [
      ...cidrs.map((cidr) => {
        const source = str(cidr);
        return {kind: 'cidr', source: source ?? null, account: null, ports, reach: source === undefined ? 'specific' : reachOf(source)};
      }),
      ...objectsAt(permission, 'PrefixListIds').map((list) => ({kind: 'prefix-list', source: str(own(list, 'PrefixListId')) ?? null, account: null, ports, reach: 'specific'})),
      ...objectsAt(permission, 'UserIdGroupPairs').map((pair) => {
        const account = str(own(pair, 'UserId'));
        const isOther = account !== undefined && owner !== undefined && account !== owner;
        return {kind: 'group', source: str(own(pair, 'GroupId')) ?? 'a group', account: account ?? null, ports, reach: isOther ? 'other-account' : 'specific'};
      }),
    ];
  });
}

define('ingress_sources', [groupArg],
  "every source of the group's inbound rules in order, {kind: cidr|prefix-list|group, source, account, ports (in words), reach: internet|wide|other-account|specific}",
  ([group]) => (isObject(group) ? ingressSources(group) : []));
define('rule_ports', [{kinds: [T.object, T.null], label: 'permission'}], 'an IpPermission\'s protocol and ports in words ("tcp 22", "all traffic", "icmp type 8")', ([permission]) =>
  isObject(permission) ? portsText(permission) : null);
define('cidr_reach', [{kinds: [T.string, T.null], label: 'cidr'}], "'internet' (a /0), 'wide' (an IPv4 block wider than /8, an IPv6 one of /1 to /3) or 'specific'", ([cidr]) =>
  typeof cidr === 'string' ? reachOf(cidr) : 'specific');

/** Who makes groups of a standard name: nobody but AWS itself, or a caller that shows it is that maker. */
interface Standard {
  readonly pattern: RegExp;
  readonly of: string;
  readonly isMaker: (caller: Obj) => boolean;
}

const nobody = () => false;
const credential = (kind: string) => (caller: Obj) => own(caller, 'credential') === kind;
/** The service's host in the caller's invokedBy, source address or user agent, or a role name of its own. */
const service = (host: string, role: RegExp) => (caller: Obj) => {
  const via = own(caller, 'via');
  const roleName = own(caller, 'roleName');
  return (Array.isArray(via) && via.some((value) => typeof value === 'string' && value.includes(host))) || role.test(typeof roleName === 'string' ? roleName : '');
};

const standards: Readonly<Record<'name' | 'description', readonly Standard[]>> = {
  name: [
    {pattern: /^default([-_ .:0-9]|$)/i, of: "AWS's default group", isMaker: nobody},
    {pattern: /^launch-wizard-\d+$/i, of: 'the console launch wizard', isMaker: credential('console')},
    {pattern: /^ElasticMapReduce-/i, of: 'Amazon EMR', isMaker: service('elasticmapreduce.amazonaws.com', /^(EMR_|AWSServiceRoleForEMR)/)},
    {pattern: /^eks-cluster-sg-/i, of: 'Amazon EKS', isMaker: service('eks.amazonaws.com', /EKS/i)},
    {pattern: /^AWS[-_]/i, of: 'an AWS service', isMaker: credential('aws-service')},
  ],
  description: [
    {pattern: /^default VPC security group$/i, of: "AWS's default group", isMaker: nobody},
    {pattern: /^launch-wizard-\d+ created /i, of: 'the console launch wizard', isMaker: credential('console')},
  ],
};

define('imitated_group', [{kinds: [T.string, T.null], label: 'text'}, {kinds: [T.string], label: "'name'|'description'"}, {kinds: [T.object], label: 'caller'}],
  "what a group name or description passes for (\"AWS's default group\", \"Amazon EMR\" …) when the caller {credential, roleName, via: [invokedBy, source IP, user agent]} is not that maker; null otherwise",
  ([text, field, caller]) => {
    const list = field === 'name' || field === 'description' ? standards[field] : [];
    const value = typeof text === 'string' ? text.trim() : '';
    const standard = value === '' ? undefined : list.find((candidate) => candidate.pattern.test(value));
    return standard === undefined || !isObject(caller) || standard.isMaker(caller) ? null : standard.of;
  });
