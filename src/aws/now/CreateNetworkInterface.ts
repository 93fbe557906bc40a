// Now panel for CreateNetworkInterface: is the interface attached (to what), reachable from the
// internet (public IP, IPv6), did its security groups change, and is it an AWS service's own?
import type {
  DescribeNetworkInterfacesResult,
  GroupIdentifier,
  NetworkInterface,
  NetworkInterfaceAssociation,
  NetworkInterfaceAttachment,
  NetworkInterfaceIpv6Address,
  NetworkInterfacePrivateIpAddress,
} from '@aws-sdk/client-ec2';
import type {JsonRecord} from '../../events/detect-shape.js';
import type {Action} from '../action.js';
import {factTexts, idPatterns, line, listText, unknownState, validId, type NowLine, type NowReader} from './now.js';
import {child, findById, flag, int, items, text, texts} from './output.js';

export const createNetworkInterfaceNow: NowReader = {
  query(facts) {
    const id = validId(facts, 'networkInterfaceId');
    return id === undefined ? undefined : {service: 'ec2', operation: 'DescribeNetworkInterfaces', params: {NetworkInterfaceIds: [id]}};
  },

  interpret(output, facts) {
    const id = validId(facts, 'networkInterfaceId');
    if (id === undefined) return [];
    const eni = findById<DescribeNetworkInterfacesResult, NetworkInterface>(output, 'NetworkInterfaces', 'NetworkInterfaceId', id);
    if (eni === undefined) return [unknownState(`the network interface ${id}`)];
    const isManaged = flag<NetworkInterface>(eni, 'RequesterManaged') === true;
    const status = text<NetworkInterface>(eni, 'Status');
    return [
      ...(status === undefined ? [] : [line('info', `status: ${status}`)]),
      attachmentLine(eni, isManaged),
      ...publicLines(eni),
      groupLine(eni, factTexts(facts, 'groupIds')),
      ...(flag<NetworkInterface>(eni, 'SourceDestCheck') === false ? [line('warn', 'source/destination check is off: it can forward others\' traffic')] : []),
      ...(isManaged ? [managedLine(eni)] : []),
    ];
  },

  followUps(output, facts) {
    const id = validId(facts, 'networkInterfaceId');
    const eni = id === undefined ? undefined : findById<DescribeNetworkInterfacesResult, NetworkInterface>(output, 'NetworkInterfaces', 'NetworkInterfaceId', id);
    if (eni === undefined) return [];
    // The groups it has now (their rules say whether it is open) and its subnet (whose account owns it).
    const groupIds = items<NetworkInterface>(eni, 'Groups').flatMap((g) => text<GroupIdentifier>(g, 'GroupId') ?? []).filter((g) => idPatterns.groupId.test(g));
    const subnetId = text<NetworkInterface>(eni, 'SubnetId');
    const calls: Action[] = [];
    if (groupIds.length > 0) calls.push({service: 'ec2', operation: 'DescribeSecurityGroups', params: {GroupIds: groupIds}});
    if (subnetId !== undefined && idPatterns.subnetId.test(subnetId)) calls.push({service: 'ec2', operation: 'DescribeSubnets', params: {SubnetIds: [subnetId]}});
    return calls;
  },

  whenError(code, facts) {
    if (code !== 'InvalidNetworkInterfaceID.NotFound') return undefined;
    return [line('ok', `the network interface ${validId(facts, 'networkInterfaceId') ?? 'of the event'} is deleted`)];
  },
};

function attachmentLine(eni: JsonRecord, isManaged: boolean): NowLine {
  const attachment = child<NetworkInterface>(eni, 'Attachment');
  const state = text<NetworkInterfaceAttachment>(attachment, 'Status');
  if (attachment === undefined || state === 'detached') return line('ok', 'not attached to anything');
  const instance = text<NetworkInterfaceAttachment>(attachment, 'InstanceId');
  const device = int<NetworkInterfaceAttachment>(attachment, 'DeviceIndex');
  const owner = text<NetworkInterfaceAttachment>(attachment, 'InstanceOwnerId');
  const eniOwner = text<NetworkInterface>(eni, 'OwnerId');
  const what = instance !== undefined
    ? `instance ${instance}${owner !== undefined && eniOwner !== undefined && owner !== eniOwner ? ` of account ${owner}` : ''}`
    : `a resource of ${owner ?? 'an unknown owner'}`;
  const as = device === undefined ? '' : ` as device ${device}`;
  if (state === 'detaching') return line('warn', `being detached from ${what}`);
  // An AWS service's own interface is meant to be attached (a mount target, a load balancer …).
  const tone = isManaged ? 'info' : instance !== undefined ? 'bad' : 'warn';
  return line(tone, `${state === 'attaching' ? 'being attached' : 'attached'} to ${what}${as}`);
}

function publicLines(eni: JsonRecord): NowLine[] {
  const associations = [
    child<NetworkInterface>(eni, 'Association'),
    ...items<NetworkInterface>(eni, 'PrivateIpAddresses').map((address) => child<NetworkInterfacePrivateIpAddress>(address, 'Association')),
  ];
  const publicIps = new Map<string, string>();
  for (const association of associations) {
    for (const key of ['PublicIp', 'CarrierIp'] as const) {
      const ip = text<NetworkInterfaceAssociation>(association, key);
      if (ip === undefined || publicIps.has(ip)) continue;
      const allocation = text<NetworkInterfaceAssociation>(association, 'AllocationId');
      publicIps.set(ip, allocation === undefined || key !== 'PublicIp' ? ip : `${ip} (Elastic IP ${allocation})`);
    }
  }
  const ipv6 = [...new Set(texts<NetworkInterface, NetworkInterfaceIpv6Address>(eni, 'Ipv6Addresses', 'Ipv6Address'))];
  return [
    publicIps.size === 0 ? line('ok', 'no public IP address') : line('bad', `public IP: ${listText([...publicIps.values()])}`),
    ...(ipv6.length === 0 ? [] : [line('warn', `IPv6 (reachable from the internet if routes and groups allow): ${listText(ipv6)}`)]),
  ];
}

function groupLine(eni: JsonRecord, atCreation: readonly string[]): NowLine {
  const groups = items<NetworkInterface>(eni, 'Groups');
  const ids = groups.map((group) => text<GroupIdentifier>(group, 'GroupId')).filter((id) => id !== undefined);
  const shown = groups.map((group) => {
    const id = text<GroupIdentifier>(group, 'GroupId') ?? '?';
    const name = text<GroupIdentifier>(group, 'GroupName');
    return name === undefined ? id : `${id} (${name})`;
  });
  const isSame = atCreation.length === ids.length && atCreation.every((id) => ids.includes(id));
  if (atCreation.length === 0 || isSame) return line('info', `security groups: ${listText(shown)}`);
  return line('warn', `security groups now: ${listText(shown)} (at creation: ${listText(atCreation)})`);
}

function managedLine(eni: JsonRecord): NowLine {
  const requester = text<NetworkInterface>(eni, 'RequesterId');
  return line('info', `managed by an AWS service${requester === undefined ? '' : ` (${requester})`}: do not delete it by hand`);
}
