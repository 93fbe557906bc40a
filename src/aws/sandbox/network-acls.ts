// Network ACLs in the sandbox: DescribeNetworkAcls (by ID and by filter), Create, Replace and
// DeleteNetworkAclEntry, and ReplaceNetworkAclAssociation. An entry is named by its rule number and
// direction; numbers run from 1 to 32766 (32767, the default * entry, is AWS's own). Protocols are kept
// as their numbers, as DescribeNetworkAcls shows them; TCP and UDP entries need their ports.
import type {NetworkAcl, NetworkAclEntry} from '@aws-sdk/client-ec2';
import type {SandboxSnapshot} from './account.js';
import {newId} from './account.js';
import {parseCidr} from './cidr.js';
import {applyFilters, type FilterFields} from './filters.js';
import type {Handler} from './handler.js';
import {byIds, fail, optBoolean, optInteger, optRecord, optString, optStrings, reqString, type ParamRecord} from './params.js';

const protocolNames: Readonly<Record<string, string>> = {tcp: '6', udp: '17', icmp: '1', icmpv6: '58', all: '-1'};
/** A protocol as the number EC2 keeps (tcp → 6); other text as given. */
const protocolNumber = (text: string): string => protocolNames[text.toLowerCase()] ?? text;

const entries = (acl: NetworkAcl): NetworkAclEntry[] => [...(acl.Entries ?? [])];

const fields: FilterFields<NetworkAcl> = {
  'network-acl-id': (a) => [a.NetworkAclId],
  'vpc-id': (a) => [a.VpcId],
  'owner-id': (a) => [a.OwnerId],
  default: (a) => [a.IsDefault ?? false],
  'association.association-id': (a) => (a.Associations ?? []).map((s) => s.NetworkAclAssociationId),
  'association.network-acl-id': (a) => (a.Associations ?? []).map((s) => s.NetworkAclId),
  'association.subnet-id': (a) => (a.Associations ?? []).map((s) => s.SubnetId),
  'entry.rule-number': (a) => entries(a).map((e) => e.RuleNumber),
  'entry.rule-action': (a) => entries(a).map((e) => e.RuleAction),
  'entry.egress': (a) => entries(a).map((e) => e.Egress),
  'entry.protocol': (a) => entries(a).map((e) => e.Protocol),
  'entry.cidr': (a) => entries(a).map((e) => e.CidrBlock),
  'entry.ipv6-cidr': (a) => entries(a).map((e) => e.Ipv6CidrBlock),
  'entry.port-range.from': (a) => entries(a).map((e) => e.PortRange?.From),
  'entry.port-range.to': (a) => entries(a).map((e) => e.PortRange?.To),
};

const aclNotFound = (id: string): never => fail('InvalidNetworkAclID.NotFound', `The networkAcl ID '${id}' does not exist`);

function aclOf(snapshot: SandboxSnapshot, params: ParamRecord): NetworkAcl {
  const id = reqString(params, 'NetworkAclId');
  return (snapshot.NetworkAcls ?? []).find((a) => a.NetworkAclId === id) ?? aclNotFound(id);
}

function withAcl(snapshot: SandboxSnapshot, before: NetworkAcl, after: NetworkAcl): SandboxSnapshot {
  return {...snapshot, NetworkAcls: (snapshot.NetworkAcls ?? []).map((a) => (a === before ? after : a))};
}

/** The entry's number and direction, as every entry call names it. */
function slot(params: ParamRecord): {number: number; egress: boolean} {
  const number = optInteger(params, 'RuleNumber') ?? fail('MissingParameter', 'The request must contain the parameter RuleNumber');
  const egress = optBoolean(params, 'Egress') ?? fail('MissingParameter', 'The request must contain the parameter Egress');
  if (number < 1 || number > 32766) fail('InvalidParameterValue', `Value (${number}) for parameter ruleNumber is invalid. Rule number must be between 1 and 32766.`);
  return {number, egress};
}

const isSlot = (entry: NetworkAclEntry, at: {number: number; egress: boolean}): boolean => entry.RuleNumber === at.number && (entry.Egress ?? false) === at.egress;
const entryNotFound = (number: number): never => fail('InvalidNetworkAclEntry.NotFound', `The network acl entry identified by ${number} could not be found.`);

/** The entry a Create or Replace call writes, checked as EC2 checks it. */
function entryOf(params: ParamRecord, at: {number: number; egress: boolean}): NetworkAclEntry {
  const protocol = protocolNumber(reqString(params, 'Protocol'));
  if (protocol !== '-1' && !/^\d{1,3}$/.test(protocol)) fail('InvalidParameterValue', `Invalid value '${protocol}' for protocol.`);
  const action = reqString(params, 'RuleAction');
  if (action !== 'allow' && action !== 'deny') fail('InvalidParameterValue', `Value (${action}) for parameter ruleAction is invalid.`);
  const cidr = optString(params, 'CidrBlock');
  const ipv6 = optString(params, 'Ipv6CidrBlock');
  if (cidr === undefined && ipv6 === undefined) fail('MissingParameter', 'Either cidrBlock or ipv6CidrBlock must be specified');
  if (cidr !== undefined && ipv6 !== undefined) fail('InvalidParameterCombination', 'Only one of cidrBlock and ipv6CidrBlock may be specified');
  const block = cidr ?? ipv6 ?? '';
  if (parseCidr(block) === undefined) fail('InvalidParameterValue', `Value (${block}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`);
  const range = optRecord(params, 'PortRange');
  const from = range === undefined ? undefined : optInteger(range, 'From');
  const to = range === undefined ? undefined : optInteger(range, 'To');
  const hasPorts = protocol === '6' || protocol === '17';
  if (hasPorts && (from === undefined || to === undefined)) fail('InvalidParameterValue', 'TCP and UDP entries need a port range (PortRange From and To)');
  const icmp = optRecord(params, 'IcmpTypeCode');
  return {
    RuleNumber: at.number, Egress: at.egress, Protocol: protocol, RuleAction: action,
    ...(cidr === undefined ? {} : {CidrBlock: cidr}), ...(ipv6 === undefined ? {} : {Ipv6CidrBlock: ipv6}),
    ...(hasPorts ? {PortRange: {From: from, To: to}} : {}),
    ...((protocol === '1' || protocol === '58') && icmp !== undefined ? {IcmpTypeCode: {Type: optInteger(icmp, 'Type'), Code: optInteger(icmp, 'Code')}} : {}),
  };
}

const describeNetworkAcls: Handler = (snapshot, params) => {
  const ids = optStrings(params, 'NetworkAclIds');
  const all = snapshot.NetworkAcls ?? [];
  const acls = ids === undefined ? all : byIds(all, ids, (a) => a.NetworkAclId, aclNotFound);
  return {output: {NetworkAcls: applyFilters(acls, params, fields, 'DescribeNetworkAcls')}};
};

const createNetworkAclEntry: Handler = (snapshot, params) => {
  const acl = aclOf(snapshot, params);
  const at = slot(params);
  if (entries(acl).some((e) => isSlot(e, at))) fail('NetworkAclEntryAlreadyExists', `The network acl entry identified by ${at.number} already exists.`);
  return {snapshot: withAcl(snapshot, acl, {...acl, Entries: [...entries(acl), entryOf(params, at)]}), output: {}};
};

const replaceNetworkAclEntry: Handler = (snapshot, params) => {
  const acl = aclOf(snapshot, params);
  const at = slot(params);
  if (!entries(acl).some((e) => isSlot(e, at))) entryNotFound(at.number);
  const next = entryOf(params, at);
  return {snapshot: withAcl(snapshot, acl, {...acl, Entries: entries(acl).map((e) => (isSlot(e, at) ? next : e))}), output: {}};
};

const deleteNetworkAclEntry: Handler = (snapshot, params) => {
  const acl = aclOf(snapshot, params);
  const at = slot(params);
  if (!entries(acl).some((e) => isSlot(e, at))) entryNotFound(at.number);
  return {snapshot: withAcl(snapshot, acl, {...acl, Entries: entries(acl).filter((e) => !isSlot(e, at))}), output: {}};
};

const replaceNetworkAclAssociation: Handler = (snapshot, params) => {
  const associationId = reqString(params, 'AssociationId');
  const target = aclOf(snapshot, params);
  const from = (snapshot.NetworkAcls ?? []).find((a) => (a.Associations ?? []).some((s) => s.NetworkAclAssociationId === associationId));
  if (from === undefined) return fail('InvalidAssociationID.NotFound', `The association ID '${associationId}' does not exist`);
  if (from.VpcId !== target.VpcId) fail('InvalidParameterValue', `Network ACL ${target.NetworkAclId ?? ''} is not in the VPC of association ${associationId}`);
  const old = (from.Associations ?? []).find((s) => s.NetworkAclAssociationId === associationId);
  const created = newId('aclassoc', `${associationId}|${target.NetworkAclId ?? ''}`);
  const moved = {NetworkAclAssociationId: created, NetworkAclId: target.NetworkAclId, SubnetId: old?.SubnetId};
  const acls = (snapshot.NetworkAcls ?? []).map((a) => {
    const kept = (a.Associations ?? []).filter((s) => s.NetworkAclAssociationId !== associationId);
    return {...a, Associations: a.NetworkAclId === target.NetworkAclId ? [...kept, moved] : kept};
  });
  return {snapshot: {...snapshot, NetworkAcls: acls}, output: {NewAssociationId: created}};
};

export const networkAclsHandlers: ReadonlyArray<readonly [string, Handler]> = [
  ['DescribeNetworkAcls', describeNetworkAcls],
  ['CreateNetworkAclEntry', createNetworkAclEntry],
  ['ReplaceNetworkAclEntry', replaceNetworkAclEntry],
  ['DeleteNetworkAclEntry', deleteNetworkAclEntry],
  ['ReplaceNetworkAclAssociation', replaceNetworkAclAssociation],
];
