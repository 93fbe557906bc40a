// CreateNetworkInterface: who owns the interface and its subnet, whether it faces the internet
// (a public IP, a security group open to the world), and whether a person made it by hand.
import type {NetworkInterface} from '@aws-sdk/client-ec2';
import {evidence, evidenceOr, locate, located} from './evidence.js';
import {factText, factTexts, finding, quote, type EventRules, type Finding, type Rule, type RuleInput} from './finding.js';
import {byId, isGone, list, openIngress, str, strings, type OpenIngress} from './state.js';

function eniState(input: RuleInput): NetworkInterface | undefined {
  return byId(input.state?.NetworkInterfaces, 'NetworkInterfaceId', factText(input.facts, 'networkInterfaceId'));
}

/** An AWS service owns the interface: it must be contained through that service. */
export const eniRequesterManaged: Rule = (input) => {
  if (factText(input.facts, 'requesterManaged') !== 'true') return undefined;
  const path = ['networkInterface', 'requesterManaged'];
  const proof = evidenceOr(locate(input.record, 'responseElements', path), `responseElements.${path.join('.')}`, 'true');
  const service = input.record.userIdentity.invokedBy;
  if (input.context.who.credential === 'aws-service' && service !== undefined) {
    const title = `Owned by ${quote(service, 40)}: contain that service, not the interface`;
    return finding('eni-requester-managed', 'info', title, proof, 'describe-interface');
  }
  const title = 'Requester-managed, yet no AWS service made the call: find the owning service';
  return finding('eni-requester-managed', 'low', title, proof, 'describe-interface');
};

/** The subnet belongs to another account (a shared subnet): the interface lives in a network that account controls. */
export const eniForeignSubnet: Rule = (input) => {
  const subnetId = factText(input.facts, 'subnetId');
  const owner = str(byId(input.state?.Subnets, 'SubnetId', subnetId)?.OwnerId);
  const own = input.context.who.accountId ?? input.context.where.recipientAccountId;
  if (owner === undefined || own === undefined || owner === own) return undefined;
  const isKnown = strings(input.config.knownAccounts).includes(owner);
  const title = isKnown
    ? `Subnet shared by known account ${owner}: its owner controls the network`
    : `Subnet belongs to unknown account ${owner}: the interface sits in their network`;
  return finding('eni-foreign-subnet', isKnown ? 'low' : 'high', title, evidence(`Subnets[${subnetId ?? '?'}].OwnerId`, owner), 'describe-interface');
};

/** A public IP: reachable from the internet, as far as its security groups allow. */
export const eniPublicIp: Rule = (input) => {
  const recorded = locate(input.record, 'responseElements', ['networkInterface', 'association', 'publicIp']);
  const now = str(eniState(input)?.Association?.PublicIp);
  const id = factText(input.facts, 'networkInterfaceId') ?? '?';
  const ip = recorded?.value ?? now;
  if (ip === undefined) return undefined;
  const proof = recorded === undefined ? evidence(`NetworkInterfaces[${id}].Association.PublicIp`, ip) : located(recorded);
  return finding('eni-public-ip', 'medium', `Public IP ${ip}: reachable from the internet, as far as its groups allow`, proof, 'isolate-interface');
};

/** The open inbound rules of the given groups, by the state's SecurityGroups. */
function openGroups(input: RuleInput, groupIds: readonly string[]): readonly [string, OpenIngress][] {
  return groupIds.flatMap((groupId) => {
    const group = byId(input.state?.SecurityGroups, 'GroupId', groupId);
    return group === undefined ? [] : openIngress(group).map((rule) => [groupId, rule] as [string, OpenIngress]);
  });
}

/** A security group of the interface lets the internet in. */
export const eniOpenSecurityGroup: Rule = (input) => {
  const [first] = openGroups(input, factTexts(input.facts, 'groupIds'));
  if (first === undefined) return undefined;
  const [groupId, rule] = first;
  const name = str(byId(input.state?.SecurityGroups, 'GroupId', groupId)?.GroupName);
  const title = `Its group ${groupId}${name === undefined ? '' : ` (${quote(name, 20)})`} lets the internet in (${rule.cidr})`;
  return finding('eni-open-security-group', 'high', title, evidence(rule.path, rule.cidr), 'isolate-interface');
};

/** Made by a long-term IAM user or root: interfaces normally come from services (Lambda, EKS, ELB…) or automation roles. */
export const eniUnusualPrincipal: Rule = (input) => {
  const type = input.record.userIdentity.type;
  if (type !== 'IAMUser' && type !== 'Root') return undefined;
  const who = type === 'Root' ? 'The root user' : `IAM user ${quote(input.record.userIdentity.userName ?? '?')}`;
  const title = `${who} made it by hand: interfaces normally come from services or roles`;
  return finding('eni-unusual-principal', 'medium', title, evidence('userIdentity.type', type), 'describe-interface');
};

/** All findings end with the interface; the open-group one also when its groups are no longer open, the public-IP one without its IP. */
function isResolved(found: Finding, input: RuleInput): boolean {
  const interfaces = input.state?.NetworkInterfaces;
  if (isGone(interfaces, 'NetworkInterfaceId', factText(input.facts, 'networkInterfaceId'))) return true;
  const eni = eniState(input);
  if (eni === undefined) return false;
  if (found.id === 'eni-public-ip') return str(eni.Association?.PublicIp) === undefined;
  if (found.id === 'eni-open-security-group' && Array.isArray(input.state?.SecurityGroups) && Array.isArray(eni.Groups)) {
    const current = list(eni.Groups).flatMap((group) => str(group.GroupId) ?? []);
    return openGroups(input, current).length === 0 && current.every((groupId) => byId(input.state?.SecurityGroups, 'GroupId', groupId) !== undefined);
  }
  return false;
}

export const createNetworkInterfaceRules: EventRules = {
  rules: [eniRequesterManaged, eniForeignSubnet, eniPublicIp, eniOpenSecurityGroup, eniUnusualPrincipal],
  isResolved,
};
