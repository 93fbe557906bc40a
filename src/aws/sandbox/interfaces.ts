// Network interfaces in the sandbox: DescribeNetworkInterfaces, ModifyNetworkInterfaceAttribute,
// DetachNetworkInterface and DeleteNetworkInterface. An attached interface cannot be deleted, the
// primary one (device index 0) cannot be detached, and an interface an AWS service manages
// (RequesterManaged) is detached by that service only.
import type {NetworkInterface} from '@aws-sdk/client-ec2';
import type {SandboxSnapshot} from './account.js';
import {applyFilters, type FilterFields} from './filters.js';
import type {Handler} from './handler.js';
import {byIds, fail, optBoolean, optRecord, optString, optStrings, reqString} from './params.js';
import {findGroup} from './security-groups.js';

const fields: FilterFields<NetworkInterface> = {
  'network-interface-id': (e) => [e.NetworkInterfaceId],
  'group-id': (e) => (e.Groups ?? []).map((g) => g.GroupId),
  'group-name': (e) => (e.Groups ?? []).map((g) => g.GroupName),
  'vpc-id': (e) => [e.VpcId],
  'subnet-id': (e) => [e.SubnetId],
  status: (e) => [e.Status],
  description: (e) => [e.Description],
  'interface-type': (e) => [e.InterfaceType],
  'requester-managed': (e) => [e.RequesterManaged],
  'private-ip-address': (e) => [e.PrivateIpAddress],
  'attachment.attachment-id': (e) => [e.Attachment?.AttachmentId],
  'attachment.instance-id': (e) => [e.Attachment?.InstanceId],
  'association.public-ip': (e) => [e.Association?.PublicIp],
};

const notFound = (id: string): never => fail('InvalidNetworkInterfaceID.NotFound', `The networkInterface ID '${id}' does not exist`);

function find(snapshot: SandboxSnapshot, id: string): NetworkInterface {
  return (snapshot.NetworkInterfaces ?? []).find((e) => e.NetworkInterfaceId === id) ?? notFound(id);
}

function replace(snapshot: SandboxSnapshot, old: NetworkInterface, next: NetworkInterface | undefined): SandboxSnapshot {
  const enis = (snapshot.NetworkInterfaces ?? []).flatMap((e) => (e === old ? (next === undefined ? [] : [next]) : [e]));
  return {...snapshot, NetworkInterfaces: enis};
}

const describeNetworkInterfaces: Handler = (snapshot, params) => {
  const ids = optStrings(params, 'NetworkInterfaceIds');
  const all = snapshot.NetworkInterfaces ?? [];
  const enis = ids === undefined ? all : byIds(all, ids, (e) => e.NetworkInterfaceId, notFound);
  return {output: {NetworkInterfaces: applyFilters(enis, params, fields, 'DescribeNetworkInterfaces')}};
};

/** Groups (the isolation step), Description and SourceDestCheck; each group must be in the interface's VPC. */
const modifyNetworkInterfaceAttribute: Handler = (snapshot, params) => {
  const eni = find(snapshot, reqString(params, 'NetworkInterfaceId'));
  const groupIds = optStrings(params, 'Groups');
  const description = optRecord(params, 'Description');
  const sourceDestCheck = optRecord(params, 'SourceDestCheck');
  if (groupIds === undefined && description === undefined && sourceDestCheck === undefined) {
    fail('MissingParameter', 'The request must contain one attribute to modify: Groups, Description or SourceDestCheck');
  }
  if (groupIds !== undefined && groupIds.length === 0) fail('InvalidParameterValue', 'An interface needs at least one security group');
  const groups = groupIds?.map((id) => {
    const group = findGroup(snapshot, id);
    if (group.VpcId !== eni.VpcId) fail('InvalidGroup.NotFound', `The security group '${id}' does not exist in VPC '${eni.VpcId ?? ''}'`);
    return {GroupId: id, GroupName: group.GroupName};
  });
  const next: NetworkInterface = {
    ...eni,
    ...(groups === undefined ? {} : {Groups: groups}),
    ...(description === undefined ? {} : {Description: optString(description, 'Value') ?? ''}),
    ...(sourceDestCheck === undefined ? {} : {SourceDestCheck: optBoolean(sourceDestCheck, 'Value') ?? true}),
  };
  return {snapshot: replace(snapshot, eni, next), output: {}};
};

const detachNetworkInterface: Handler = (snapshot, params) => {
  const id = reqString(params, 'AttachmentId');
  const eni = (snapshot.NetworkInterfaces ?? []).find((e) => e.Attachment?.AttachmentId === id);
  if (eni === undefined) return fail('InvalidAttachmentID.NotFound', `The network interface attachment ID '${id}' does not exist`);
  if (eni.RequesterManaged === true) fail('OperationNotPermitted', `You are not allowed to manage the attachment of ${eni.NetworkInterfaceId ?? 'this interface'}: ${eni.Attachment?.InstanceOwnerId ?? 'an AWS service'} manages it`);
  if (eni.Attachment?.DeviceIndex === 0) fail('OperationNotPermitted', 'The network interface at device index 0 and networkCard index 0 cannot be detached.');
  const next: NetworkInterface = {...eni, Status: 'available'};
  delete next.Attachment;
  return {snapshot: replace(snapshot, eni, next), output: {}};
};

/** Routes through a deleted interface stay, as blackholes (as in a real route table). */
const deleteNetworkInterface: Handler = (snapshot, params) => {
  const id = reqString(params, 'NetworkInterfaceId');
  const eni = find(snapshot, id);
  if (eni.Attachment !== undefined || eni.Status === 'in-use') fail('InvalidNetworkInterface.InUse', `The network interface '${id}' is currently in use.`);
  const tables = (snapshot.RouteTables ?? []).map((t) => ({...t, Routes: (t.Routes ?? []).map((r) => (r.NetworkInterfaceId === id ? {...r, State: 'blackhole' as const} : r))}));
  return {snapshot: {...replace(snapshot, eni, undefined), RouteTables: tables}, output: {}};
};

export const interfaceHandlers: ReadonlyArray<readonly [string, Handler]> = [
  ['DescribeNetworkInterfaces', describeNetworkInterfaces],
  ['ModifyNetworkInterfaceAttribute', modifyNetworkInterfaceAttribute],
  ['DetachNetworkInterface', detachNetworkInterface],
  ['DeleteNetworkInterface', deleteNetworkInterface],
];
