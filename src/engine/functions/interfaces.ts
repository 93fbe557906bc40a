// Network interfaces as DescribeNetworkInterfaces shows them: what one is attached to, the public
// and IPv6 addresses it carries, its security groups, and which of a set of groups let the internet in.
// Each reads defensively: a field of the wrong type counts as absent.
import type {SecurityGroup} from '@aws-sdk/client-ec2';
import {openIngress} from '../../findings/state.js';
import {define, isObject, str, T, type Arg} from './define.js';

type Obj = {[key: string]: Arg};

const eniArg = {kinds: [T.object, T.null], label: 'interface'};

function own(object: Obj, key: string): Arg | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function objectAt(object: Obj, key: string): Obj | undefined {
  const value = own(object, key);
  return isObject(value) ? value : undefined;
}

function objectsAt(object: Obj, key: string): Obj[] {
  const value = own(object, key);
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/**
 * state: none (no attachment, or detached), attaching, detaching, or attached (any other status);
 * otherAccount: the instance's owner when both it and the interface's owner are known and differ.
 */
export function attachmentOf(eni: Obj): Obj {
  const attachment = objectAt(eni, 'Attachment');
  const status = attachment === undefined ? undefined : str(own(attachment, 'Status'));
  if (attachment === undefined || status === 'detached') return {state: 'none', instance: null, owner: null, otherAccount: null, device: null};
  const owner = str(own(attachment, 'InstanceOwnerId'));
  const eniOwner = str(own(eni, 'OwnerId'));
  const device = own(attachment, 'DeviceIndex');
  return {
    state: status === 'attaching' || status === 'detaching' ? status : 'attached',
    instance: str(own(attachment, 'InstanceId')) ?? null,
    owner: owner ?? null,
    otherAccount: owner !== undefined && eniOwner !== undefined && owner !== eniOwner ? owner : null,
    device: typeof device === 'number' && Number.isFinite(device) ? device : null,
  };
}

/** The public IPv4 and carrier addresses of the interface and of its private addresses, each once, in order. */
export function publicIpsOf(eni: Obj): Obj[] {
  const associations = [objectAt(eni, 'Association'), ...objectsAt(eni, 'PrivateIpAddresses').map((address) => objectAt(address, 'Association'))];
  const seen = new Map<string, Obj>();
  for (const association of associations) {
    if (association === undefined) continue;
    for (const key of ['PublicIp', 'CarrierIp']) {
      const ip = str(own(association, key));
      if (ip === undefined || seen.has(ip)) continue;
      const allocation = key === 'PublicIp' ? str(own(association, 'AllocationId')) : undefined;
      seen.set(ip, {ip, elasticIp: allocation ?? null});
    }
  }
  return [...seen.values()];
}

/** The interface's IPv6 addresses, each once. */
export function ipv6Of(eni: Obj): string[] {
  return [...new Set(objectsAt(eni, 'Ipv6Addresses').flatMap((address) => str(own(address, 'Ipv6Address')) ?? []))];
}

/** The interface's groups: {id, name, label}, label being "id (name)" ("?" for a group without an ID). */
export function groupsOf(eni: Obj): Obj[] {
  return objectsAt(eni, 'Groups').map((group) => {
    const id = str(own(group, 'GroupId'));
    const name = str(own(group, 'GroupName'));
    return {id: id ?? null, name: name ?? null, label: `${id ?? '?'}${name === undefined ? '' : ` (${name})`}`};
  });
}

/** The open inbound rules (source all or nearly all of the internet) of the listed groups, in the order of the IDs. */
export function groupsOpenIngress(groups: readonly Arg[], groupIds: readonly Arg[]): Obj[] {
  return groupIds.flatMap((groupId) => {
    if (typeof groupId !== 'string' || groupId === '') return [];
    const group = groups.find((item) => isObject(item) && own(item, 'GroupId') === groupId);
    if (!isObject(group)) return [];
    const groupName = str(own(group, 'GroupName')) ?? null;
    return openIngress(group as SecurityGroup).map((rule) => ({groupId, groupName, ...rule}));
  });
}

define('interface_attachment', [eniArg],
  'what the interface is attached to: {state (none, attaching, attached, detaching), instance, owner, otherAccount, device}; null when it is not an object',
  ([eni]) => (isObject(eni) ? attachmentOf(eni) : null));
define('interface_public_ips', [eniArg], 'its public IPv4 and carrier addresses, each once: [{ip, elasticIp}] (elasticIp: the allocation ID of an Elastic IP)',
  ([eni]) => (isObject(eni) ? publicIpsOf(eni) : []));
define('interface_ipv6', [eniArg], 'its IPv6 addresses, each once', ([eni]) => (isObject(eni) ? ipv6Of(eni) : []));
define('interface_groups', [eniArg], 'its security groups: [{id, name, label}], label "sg-… (name)"', ([eni]) => (isObject(eni) ? groupsOf(eni) : []));
define('groups_open_ingress', [{kinds: [T.array, T.null], label: 'securityGroups'}, {kinds: [T.array, T.null], label: 'groupIds'}],
  'the inbound rules open to (nearly) the whole internet of the groups with these IDs, in their order: [{groupId, groupName, path, cidr, protocol, fromPort, toPort}]',
  ([groups, ids]) => (Array.isArray(groups) && Array.isArray(ids) ? groupsOpenIngress(groups, ids) : []));
