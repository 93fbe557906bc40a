// Traffic mirroring: a session copies the packets of one network interface to a target (another
// interface, a Network Load Balancer or a Gateway Load Balancer endpoint), choosing them with a filter's
// rules. These read a target, a filter rule and the record's values as CloudTrail writes them: either
// key casing, and the newer wrapped form whose scalars come as {"content": "…", "tag": 1}.
import {define, isObject, str, T, type Arg} from './define.js';
import {fieldOf, scalarText} from './record.js';

type Obj = {[key: string]: Arg};

/** A scalar as text, also when written {"content": …} (newer EC2 records); null otherwise. */
export function mirrorValue(value: Arg | undefined): string | null {
  const inner = isObject(value) ? fieldOf(value, 'content') : value;
  return scalarText(inner) ?? null;
}

const arnAccount = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:([0-9]{12}):/;

/** The account in an ARN (arn:aws:elasticloadbalancing:…:111122223333:loadbalancer/…); null when none. */
export function accountOfArn(arn: Arg | undefined): string | null {
  const text = str(arn);
  return text === undefined ? null : (arnAccount.exec(text)?.[1] ?? null);
}

const destinations = [
  ['networkInterfaceId', 'network-interface'],
  ['networkLoadBalancerArn', 'network-load-balancer'],
  ['gatewayLoadBalancerEndpointId', 'gateway-load-balancer-endpoint'],
] as const;

/**
 * A target as DescribeTrafficMirrorTargets lists it or a record's trafficMirrorTarget writes it: {id, type,
 * destination, owner, account}. The account is the load balancer ARN's, else the owner's; null when not an object.
 */
export function mirrorTarget(target: Arg | undefined): Obj | null {
  if (!isObject(target)) return null;
  const found = destinations.find(([key]) => mirrorValue(fieldOf(target, key)) !== null);
  const destination = found === undefined ? null : mirrorValue(fieldOf(target, found[0]));
  const owner = mirrorValue(fieldOf(target, 'ownerId'));
  return {
    id: mirrorValue(fieldOf(target, 'trafficMirrorTargetId')),
    type: mirrorValue(fieldOf(target, 'type')) ?? found?.[1] ?? null,
    destination,
    owner,
    account: (found?.[0] === 'networkLoadBalancerArn' ? accountOfArn(destination) : null) ?? owner,
  };
}

const wholeInternet = new Set(['0.0.0.0/0', '::/0']);

function isWide(cidr: Arg | undefined): boolean {
  const text = mirrorValue(cidr);
  return text === null || wholeInternet.has(text);
}

/** A port range that is absent, or 0/1 to 65535. */
function isAllPorts(range: Arg | undefined): boolean {
  if (range === undefined || range === null) return true;
  if (!isObject(range) || Object.keys(range).length === 0) return true;
  const from = Number(mirrorValue(fieldOf(range, 'fromPort')) ?? 0);
  const to = Number(mirrorValue(fieldOf(range, 'toPort')) ?? 65535);
  return from <= 1 && to >= 65535;
}

/**
 * The filter rule (DescribeTrafficMirrorFilters' or a record's request) accepts every packet of its direction:
 * action accept, every protocol (none or 0), every port, and 0.0.0.0/0 or ::/0 on both sides.
 */
export function mirrorRuleAcceptsAll(rule: Arg | undefined): boolean {
  if (!isObject(rule)) return false;
  if (mirrorValue(fieldOf(rule, 'ruleAction')) !== 'accept') return false;
  const protocol = mirrorValue(fieldOf(rule, 'protocol'));
  if (protocol !== null && protocol !== '0') return false;
  return isWide(fieldOf(rule, 'sourceCidrBlock')) && isWide(fieldOf(rule, 'destinationCidrBlock'))
    && isAllPorts(fieldOf(rule, 'sourcePortRange')) && isAllPorts(fieldOf(rule, 'destinationPortRange'));
}

/** The rule in words: "accept ingress, all protocols, 0.0.0.0/0 → 0.0.0.0/0" ("tcp 443" when it names a port). */
export function mirrorRuleText(rule: Arg | undefined): string | null {
  if (!isObject(rule)) return null;
  const action = mirrorValue(fieldOf(rule, 'ruleAction')) ?? '?';
  const direction = mirrorValue(fieldOf(rule, 'trafficDirection')) ?? '?';
  const protocol = mirrorValue(fieldOf(rule, 'protocol'));
  const named: Readonly<Record<string, string>> = {'6': 'tcp', '17': 'udp', '1': 'icmp'};
  const what = protocol === null || protocol === '0' ? 'all protocols' : (named[protocol] ?? `protocol ${protocol}`);
  const range = fieldOf(rule, 'destinationPortRange');
  const ports = isAllPorts(range) ? '' : ` ports ${mirrorValue(fieldOf(range, 'fromPort')) ?? '?'}-${mirrorValue(fieldOf(range, 'toPort')) ?? '?'}`;
  const source = mirrorValue(fieldOf(rule, 'sourceCidrBlock')) ?? 'any';
  const destination = mirrorValue(fieldOf(rule, 'destinationCidrBlock')) ?? 'any';
  return `${action} ${direction}, ${what}${ports}, ${source} → ${destination}`;
}

const any = {kinds: [T.any], label: 'value'} as const;

define('mirror_value', [any], 'a string, number or boolean as text, also when the record wraps it as {content: …}; null otherwise', ([v]) => mirrorValue(v));
define('mirror_target', [{kinds: [T.any], label: 'target'}],
  'a traffic mirror target (DescribeTrafficMirrorTargets, or a record\'s trafficMirrorTarget) as {id, type, destination, owner, account}: account is its load balancer ARN\'s, else its owner; null when not an object',
  ([v]) => mirrorTarget(v));
define('mirror_rule_accepts_all', [{kinds: [T.any], label: 'rule'}],
  'the traffic mirror filter rule accepts every packet of its direction: accept, all protocols, all ports, 0.0.0.0/0 or ::/0 (or none) on both sides',
  ([v]) => mirrorRuleAcceptsAll(v));
define('mirror_rule_text', [{kinds: [T.any], label: 'rule'}], 'a traffic mirror filter rule in words ("accept ingress, all protocols, 0.0.0.0/0 → 0.0.0.0/0"); null when not an object', ([v]) => mirrorRuleText(v));
