// Training accounts for rules added to or changed in a group (AuthorizeSecurityGroupIngress/Egress,
// ModifySecurityGroupRules), built from the record: the group in its VPC with AWS's allow-all outbound
// rule and an office rule, the event's rules with the IDs its response gave them (a failed call added
// none), an instance with a public address that uses the group, and the prefix lists the rules name.
import type {ManagedPrefixList, SecurityGroupRule} from '@aws-sdk/client-ec2';
import type {JSONValue} from '@jmespath-community/jmespath';
import {eventRules, listedWords, type EventRule} from '../../engine/functions/security-group-rules.js';
import {newId} from './account.js';
import {fact, subnetsOf, type EventSeeds, type SeedContext} from './seed-events.js';
import {allowAllOut, group, network, networkInterface, rule, type Parts, type Place} from './seed-parts.js';

/** The office range the group's existing rule allows (a documentation block). */
export const officeCidr = '198.51.100.0/24';

function sourceOf(item: EventRule): Pick<SecurityGroupRule, 'CidrIpv4' | 'CidrIpv6' | 'PrefixListId' | 'ReferencedGroupInfo'> {
  if (item.kind === 'prefix-list') return {PrefixListId: item.source};
  if (item.kind === 'group') return {ReferencedGroupInfo: {GroupId: item.source, ...(item.account === null ? {} : {UserId: item.account})}};
  return item.source.includes(':') ? {CidrIpv6: item.source} : {CidrIpv4: item.source};
}

/** The event's rule as DescribeSecurityGroupRules lists it. */
function listed(place: Place, groupId: string, item: EventRule): SecurityGroupRule {
  const isAll = item.protocol === '-1';
  return {
    SecurityGroupRuleId: item.ruleId ?? newId('sgr', `${groupId}|${item.key}`), GroupId: groupId, GroupOwnerId: place.owner, IsEgress: item.isEgress === true,
    IpProtocol: item.protocol, FromPort: isAll ? -1 : item.fromPort, ToPort: isAll ? -1 : item.toPort, ...sourceOf(item),
  };
}

/** AWS's own prefix lists are owned by "AWS"; any other list here belongs to the caller's account. */
function prefixList(place: Place, id: string): ManagedPrefixList {
  return {PrefixListId: id, PrefixListName: `com.amazonaws.${place.region}.s3`, OwnerId: 'AWS', AddressFamily: 'IPv4', MaxEntries: 0, State: 'create-complete', Version: 1};
}

export function securityGroupRulesSeed(context: SeedContext): Parts[] {
  const {place} = context;
  const groupId = fact(context, 'groupId') ?? newId('sg', 'rules');
  const vpcId = newId('vpc', groupId);
  const cidr = '10.0.0.0/16';
  const subnets = subnetsOf(context, vpcId, cidr);
  const rules = eventRules(context.record as unknown as JSONValue);
  const own = group(place, vpcId, groupId, fact(context, 'groupName') ?? 'web-servers', 'web servers');
  const office = rule(place, groupId, {protocol: 'tcp', ports: [443, 443], cidr: officeCidr, description: 'office'});
  // The office rule is left out when the event's own rule is the same rule (EC2 holds a rule once).
  const isOffice = (item: EventRule) => !context.failed && item.words === listedWords(office as unknown as JSONValue);
  const groupRules: SecurityGroupRule[] = [allowAllOut(place, groupId), ...(rules.some(isOffice) ? [] : [office])];
  if (!context.failed) {
    for (const item of rules) {
      const made = listed(place, groupId, item);
      const isModified = context.record.eventName === 'ModifySecurityGroupRules';
      groupRules.push(isModified ? {...made, IsEgress: false} : made);
    }
  } else if (context.record.eventName === 'ModifySecurityGroupRules') {
    // The rule a refused modify named is left as it was: SSH from the office.
    const id = rules[0]?.ruleId;
    if (id !== null && id !== undefined) groupRules.push({...rule(place, groupId, {protocol: 'tcp', ports: [22, 22], cidr: officeCidr}), SecurityGroupRuleId: id});
  }
  const [first] = subnets;
  const users = first === undefined ? [] : [networkInterface(place, newId('eni', groupId), first, [own], '10.0.1.10', {
    description: 'Primary network interface', publicIp: '203.0.113.7',
    attachment: {instanceId: newId('i', groupId), deviceIndex: 0, at: context.at},
  })];
  const lists = rules.filter((r) => r.kind === 'prefix-list').map((r) => prefixList(place, r.source));
  return [network(place, vpcId, cidr, {subnets}), {SecurityGroups: [own], SecurityGroupRules: groupRules, NetworkInterfaces: users, PrefixLists: lists}];
}

export const securityGroupRulesSeeds: EventSeeds = {
  AuthorizeSecurityGroupIngress: securityGroupRulesSeed,
  AuthorizeSecurityGroupEgress: securityGroupRulesSeed,
  ModifySecurityGroupRules: securityGroupRulesSeed,
};
