// CreateSecurityGroup: the request carries no rules, so open rules come from the group as the
// state has it now (rules are added by AuthorizeSecurityGroupIngress after the event). The
// request itself shows where the group lives and what it is called.
import {evidence, evidenceOr, locate} from './evidence.js';
import {factText, finding, quote, type EventRules, type Finding, type Rule, type RuleInput, type Severity} from './finding.js';
import {allowsPort, byId, isAllPorts, isGone, isTcpUdp, openIngress, type OpenIngress} from './state.js';

const databasePorts = [3306, 5432, 1433, 27017, 6379, 9200];
const webPorts = new Set([80, 443]);

function openRules(input: RuleInput): readonly OpenIngress[] {
  const group = byId(input.state?.SecurityGroups, 'GroupId', factText(input.facts, 'groupId'));
  return group === undefined ? [] : openIngress(group);
}

function matchedEvidence(rules: readonly OpenIngress[]): string {
  const [first] = rules;
  const more = rules.length > 1 ? ` (+${rules.length - 1} more)` : '';
  return first === undefined ? '' : `${evidence(first.path, first.cidr)}${more}`;
}

/** A finding for the open rules that match; the first one's field is the evidence. */
function openRule(id: string, severity: Severity, matches: (rule: OpenIngress) => boolean, title: (rule: OpenIngress) => string): Rule {
  return (input) => {
    const rules = openRules(input).filter(matches);
    const [first] = rules;
    return first === undefined ? undefined : finding(id, severity, title(first), matchedEvidence(rules), 'revoke-open-ingress');
  };
}

const portRule = (port: number) => (rule: OpenIngress) => !isAllPorts(rule) && allowsPort(rule, port);

export const sgOpenAllPorts = openRule('sg-open-all-ports', 'critical', isAllPorts, (rule) =>
  `Every port open to the internet (${rule.cidr}): all services behind the group exposed`);

export const sgOpenSsh = openRule('sg-open-ssh', 'critical', portRule(22), (rule) =>
  `SSH (22) open to the internet (${rule.cidr}): anyone can try to log in`);

export const sgOpenRdp = openRule('sg-open-rdp', 'critical', portRule(3389), (rule) =>
  `RDP (3389) open to the internet (${rule.cidr}): brute force and RDP exploits`);

export const sgOpenDatabase = openRule(
  'sg-open-database',
  'critical',
  (rule) => databasePorts.some((port) => portRule(port)(rule)),
  (rule) => `Database port ${databasePorts.find((port) => allowsPort(rule, port)) ?? '?'} open to the internet (${rule.cidr}): data at risk`,
);

const isWeb = (rule: OpenIngress) => isTcpUdp(rule) && rule.fromPort === rule.toPort && webPorts.has(rule.fromPort);
const isIcmp = (rule: OpenIngress) => ['icmp', '1', 'icmpv6', '58'].includes(rule.protocol);

/** Open rules the rules above do not name: web ports (a load balancer) and ICMP are low, anything else medium. */
export const sgOpenIngress: Rule = (input) => {
  const named = (rule: OpenIngress) => isAllPorts(rule) || [22, 3389, ...databasePorts].some((port) => allowsPort(rule, port));
  const rules = openRules(input).filter((rule) => !named(rule));
  const [first] = rules;
  if (first === undefined) return undefined;
  const isLow = rules.every((rule) => isWeb(rule) || isIcmp(rule));
  const what = !isTcpUdp(first) ? `Protocol ${first.protocol}` : first.fromPort === first.toPort ? `Port ${first.fromPort}` : `Ports ${first.fromPort}-${first.toPort}`;
  const why = isLow ? 'usual only for a public web server or load balancer' : 'check that it must be public';
  const title = `${what} open to the internet (${first.cidr}): ${why}`;
  return finding('sg-open-ingress', isLow ? 'low' : 'medium', title, matchedEvidence(rules), 'revoke-open-ingress');
};

/** The default VPC: the request names no VPC, or the state marks the group's VPC as the default one. */
export const sgInDefaultVpc: Rule = (input) => {
  const vpcId = factText(input.facts, 'vpcId');
  const title = "Group created in the default VPC: its subnets give instances public IPs";
  if (vpcId === undefined) {
    if (input.record.requestParameters === null) return undefined;
    return finding('sg-in-default-vpc', 'medium', title, evidence('requestParameters.vpcId', '(absent: the default VPC)'), 'find-group-users');
  }
  const vpc = byId(input.state?.Vpcs, 'VpcId', vpcId);
  if (vpc?.IsDefault !== true) return undefined;
  return finding('sg-in-default-vpc', 'medium', title, evidence(`Vpcs[${vpcId}].IsDefault`, 'true'), 'find-group-users');
};

interface Imitation {
  readonly pattern: RegExp;
  readonly of: string;
  /** The group really comes from whoever it imitates. */
  readonly isGenuine: (input: RuleInput) => boolean;
}

const never = () => false;
const fromService = (host: string, role?: RegExp) => (input: RuleInput) =>
  [input.record.userIdentity.invokedBy, input.record.sourceIPAddress, input.record.userAgent].some((value) => value?.includes(host) === true) ||
  (role !== undefined && role.test(input.context.who.roleName ?? ''));

const nameImitations: readonly Imitation[] = [
  {pattern: /^default([-_ .:0-9]|$)/i, of: "AWS's default group", isGenuine: never},
  {pattern: /^launch-wizard-\d+$/i, of: 'the console launch wizard', isGenuine: (input) => input.context.who.credential === 'console'},
  {pattern: /^ElasticMapReduce-/i, of: 'Amazon EMR', isGenuine: fromService('elasticmapreduce.amazonaws.com', /^(EMR_|AWSServiceRoleForEMR)/)},
  {pattern: /^eks-cluster-sg-/i, of: 'Amazon EKS', isGenuine: fromService('eks.amazonaws.com', /EKS/i)},
  {pattern: /^AWS[-_]/i, of: 'an AWS service', isGenuine: (input) => input.context.who.credential === 'aws-service'},
];

const descriptionImitations: readonly Imitation[] = [
  {pattern: /^default VPC security group$/i, of: "AWS's default group", isGenuine: never},
  {pattern: /^launch-wizard-\d+ created /i, of: 'the console launch wizard', isGenuine: (input) => input.context.who.credential === 'console'},
];

/** A name or description that passes for a group AWS or one of its services made, when they did not make it. */
export const sgImitatesStandardGroup: Rule = (input) => {
  for (const [key, imitations] of [['groupName', nameImitations], ['groupDescription', descriptionImitations]] as const) {
    const value = factText(input.facts, key);
    const imitation = imitations.find((candidate) => value !== undefined && candidate.pattern.test(value.trim()));
    if (value === undefined || imitation === undefined || imitation.isGenuine(input)) continue;
    const what = key === 'groupName' ? 'Name' : 'Description';
    const title = `${what} "${quote(value)}" imitates ${imitation.of}: easy to overlook in a review`;
    const proof = evidenceOr(locate(input.record, 'requestParameters', [key]), `requestParameters.${key}`, value);
    return finding('sg-imitates-standard-group', 'medium', title, proof, 'delete-group');
  }
  return undefined;
};

const rules: readonly Rule[] = [sgOpenAllPorts, sgOpenSsh, sgOpenRdp, sgOpenDatabase, sgOpenIngress, sgInDefaultVpc, sgImitatesStandardGroup];

const openRuleById: ReadonlyMap<string, Rule> = new Map([
  ['sg-open-all-ports', sgOpenAllPorts],
  ['sg-open-ssh', sgOpenSsh],
  ['sg-open-rdp', sgOpenRdp],
  ['sg-open-database', sgOpenDatabase],
  ['sg-open-ingress', sgOpenIngress],
]);

/** Every finding ends when the group is gone; an open-rule finding also when the group no longer has such a rule. */
function isResolved(found: Finding, input: RuleInput): boolean {
  const groups = input.state?.SecurityGroups;
  const groupId = factText(input.facts, 'groupId');
  if (isGone(groups, 'GroupId', groupId)) return true;
  const rule = openRuleById.get(found.id);
  if (rule === undefined || byId(groups, 'GroupId', groupId) === undefined) return false;
  return rule(input) === undefined;
}

export const createSecurityGroupRules: EventRules = {rules, isResolved};
