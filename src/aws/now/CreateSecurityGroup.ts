// Now panel for CreateSecurityGroup: the group's inbound rules today. A new group has none; the
// risk is what was added after (AuthorizeSecurityGroupIngress), above all rules open to the internet.
import type {DescribeSecurityGroupsResult, IpPermission, IpRange, Ipv6Range, SecurityGroup, UserIdGroupPair} from '@aws-sdk/client-ec2';
import {count, line, unknownState, validId, type NowLine, type NowReader} from './now.js';
import {findById, int, items, text} from './output.js';

/** DescribeSecurityGroups answers InvalidGroup.NotFound for a GroupId that does not exist; the second is EC2's other spelling. */
const notFoundCodes = new Set(['InvalidGroup.NotFound', 'InvalidSecurityGroupID.NotFound']);

export const createSecurityGroupNow: NowReader = {
  query(facts) {
    const groupId = validId(facts, 'groupId');
    return groupId === undefined ? undefined : {service: 'ec2', operation: 'DescribeSecurityGroups', params: {GroupIds: [groupId]}};
  },

  interpret(output, facts) {
    const groupId = validId(facts, 'groupId');
    if (groupId === undefined) return [];
    const group = findById<DescribeSecurityGroupsResult, SecurityGroup>(output, 'SecurityGroups', 'GroupId', groupId);
    if (group === undefined) return [unknownState(`the security group ${groupId}`)];
    return inboundLines(group);
  },

  whenError(code, facts) {
    if (!notFoundCodes.has(code)) return undefined;
    return [line('ok', `the security group ${validId(facts, 'groupId') ?? 'of the event'} no longer exists`)];
  },
};

function inboundLines(group: unknown): NowLine[] {
  const owner = text<SecurityGroup>(group, 'OwnerId');
  const lines: NowLine[] = [];
  let others = 0;
  let isOpen = false;
  for (const permission of items<SecurityGroup>(group, 'IpPermissions')) {
    const ports = portText(permission);
    const sources = [
      ...items<IpPermission>(permission, 'IpRanges').map((range) => text<IpRange>(range, 'CidrIp')),
      ...items<IpPermission>(permission, 'Ipv6Ranges').map((range) => text<Ipv6Range>(range, 'CidrIpv6')),
    ];
    for (const source of sources) {
      const reach = source === undefined ? 'specific' : reachOf(source);
      if (reach === 'specific') others += 1;
      else isOpen = true;
      if (reach === 'internet') lines.push(line('bad', `the rule ${source} → ${ports} is still there`));
      if (reach === 'wide') lines.push(line('warn', `the rule ${source} → ${ports} is open to a large part of the internet`));
    }
    others += items<IpPermission>(permission, 'PrefixListIds').length;
    for (const pair of items<IpPermission>(permission, 'UserIdGroupPairs')) {
      const account = text<UserIdGroupPair>(pair, 'UserId');
      if (account !== undefined && owner !== undefined && account !== owner) {
        const from = text<UserIdGroupPair>(pair, 'GroupId') ?? 'a group';
        lines.push(line('warn', `the rule ${from} of account ${account} → ${ports} lets another account in`));
      } else others += 1;
    }
  }
  const flagged = lines.length;
  if (!isOpen) lines.push(line('ok', 'no inbound rule is open to the internet'));
  if (others > 0) lines.push(line('info', flagged > 0 ? count(others, 'other inbound rule') : `${count(others, 'inbound rule')} from specific sources`));
  else if (flagged === 0) lines.push(line('info', 'the group has no inbound rules'));
  return lines;
}

type Reach = 'internet' | 'wide' | 'specific';

/** 0.0.0.0/0 and ::/0 are the internet; a block almost as wide (0.0.0.0/1 + 128.0.0.0/1 evades a check for /0) is "wide". */
export function reachOf(cidr: string): Reach {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(cidr.trim());
  if (match === null) return 'specific';
  const address = match[1] ?? '';
  const length = Number(match[2]);
  if (address.includes(':')) return length === 0 ? 'internet' : length <= 3 ? 'wide' : 'specific';
  return length === 0 ? 'internet' : length < 8 ? 'wide' : 'specific';
}

const protocolNames: Readonly<Record<string, string>> = {'6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6'};

/** "all traffic", "tcp 22", "tcp 1000–2000", "udp all ports", "icmp type 8", "protocol 50". */
export function portText(permission: unknown): string {
  const raw = text<IpPermission>(permission, 'IpProtocol') ?? '?';
  if (raw === '-1' || raw.toLowerCase() === 'all') return 'all traffic';
  const protocol = protocolNames[raw] ?? raw.toLowerCase();
  const from = int<IpPermission>(permission, 'FromPort');
  const to = int<IpPermission>(permission, 'ToPort');
  if (protocol === 'icmp' || protocol === 'icmpv6') {
    if (from === undefined || from === -1) return `${protocol} all`;
    return to === undefined || to === -1 ? `${protocol} type ${from}` : `${protocol} type ${from} code ${to}`;
  }
  if (protocol !== 'tcp' && protocol !== 'udp') return `protocol ${protocol}`;
  if (from === undefined || from === -1 || (from === 0 && to === 65535)) return `${protocol} all ports`;
  return to === undefined || to === from ? `${protocol} ${from}` : `${protocol} ${from}–${to}`;
}
