// VPC peering connections and the accounts and VPCs on their sides: a connection as
// DescribeVpcPeeringConnections lists it (read defensively: a field of the wrong type counts as
// absent), the status codes after which it carries no traffic, an account that is neither ours nor
// known, and a VPC the operator calls sensitive, by ID or by its Name tag.
import {define, isObject, str, T, type Arg} from './define.js';

type Obj = {[key: string]: Arg};

function own(object: Arg | undefined, key: string): Arg | undefined {
  return isObject(object) && Object.hasOwn(object, key) ? object[key] : undefined;
}

/** The non-empty strings of a list (a config list may come from a file: anything else is dropped). */
function strings(value: Arg | undefined): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item !== '') : [];
}

const endedCodes = new Set(['deleted', 'deleting', 'rejected', 'expired', 'failed']);

/** A Status.Code after which the connection carries no traffic and never will. */
export function isEndedPeering(code: Arg | undefined): boolean {
  return typeof code === 'string' && endedCodes.has(code);
}

/** A time (ISO text or epoch milliseconds) as "2025-03-21T23:07:45Z"; null when unreadable. */
export function isoTime(value: Arg | undefined): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().replace(/\.000Z$/, 'Z');
}

/** One side (RequesterVpcInfo or AccepterVpcInfo): owner, VPC, Region, its CIDRs (IPv4 then IPv6, each once), and whether the other side resolves its public DNS names privately. */
export function peeringSide(info: Arg | undefined): Obj {
  const listed = (setKey: string, cidrKey: string): string[] => {
    const set = own(info, setKey);
    return Array.isArray(set) ? set.flatMap((entry) => str(own(entry, cidrKey)) ?? []) : [];
  };
  const primary = str(own(info, 'CidrBlock'));
  const cidrs = [...(primary === undefined ? [] : [primary]), ...listed('CidrBlockSet', 'CidrBlock'), ...listed('Ipv6CidrBlockSet', 'Ipv6CidrBlock')];
  return {
    owner: str(own(info, 'OwnerId')) ?? null,
    vpc: str(own(info, 'VpcId')) ?? null,
    region: str(own(info, 'Region')) ?? null,
    cidrs: [...new Set(cidrs)],
    dnsFromRemote: own(own(info, 'PeeringOptions'), 'AllowDnsResolutionFromRemoteVpc') === true,
  };
}

/** A connection of a DescribeVpcPeeringConnections answer: {id, code, message, expires, requester, accepter}; null when it is not an object. */
export function peeringView(connection: Arg | undefined): Obj | null {
  if (!isObject(connection)) return null;
  const status = own(connection, 'Status');
  return {
    id: str(own(connection, 'VpcPeeringConnectionId')) ?? null,
    code: str(own(status, 'Code')) ?? null,
    message: str(own(status, 'Message')) ?? null,
    expires: isoTime(own(connection, 'ExpirationTime')),
    requester: peeringSide(own(connection, 'RequesterVpcInfo')),
    accepter: peeringSide(own(connection, 'AccepterVpcInfo')),
  };
}

/**
 * The account is another than ours and not among the known ones. False when it is absent, and when
 * neither our account nor a known list is given (nothing to tell it apart from).
 */
export function isForeignAccount(account: Arg | undefined, ours: Arg | undefined, known: Arg | undefined): boolean {
  const peer = str(account);
  const self = str(ours);
  const listed = strings(known);
  if (peer === undefined || peer === self || listed.includes(peer)) return false;
  return self !== undefined || listed.length > 0;
}

/**
 * Why the VPC is sensitive by the operator's list (VPC IDs, or Name-tag substrings, case-insensitive):
 * {by: 'name', name} when its Name tag in vpcs (a DescribeVpcs list) holds an entry, else {by: 'id'}
 * when its ID is listed; null when neither.
 */
export function sensitiveVpc(vpcId: Arg | undefined, vpcs: Arg | undefined, sensitive: Arg | undefined): Obj | null {
  const id = str(vpcId);
  const wanted = strings(sensitive).map((entry) => entry.toLowerCase());
  if (id === undefined || wanted.length === 0) return null;
  const vpc = Array.isArray(vpcs) ? vpcs.find((item) => isObject(item) && item['VpcId'] === id) : undefined;
  const tags = own(vpc, 'Tags');
  const tag = Array.isArray(tags) ? tags.find((item) => isObject(item) && item['Key'] === 'Name') : undefined;
  const name = str(own(tag, 'Value'));
  if (name !== undefined && wanted.some((entry) => name.toLowerCase().includes(entry))) return {by: 'name', name};
  return wanted.includes(id.toLowerCase()) ? {by: 'id'} : null;
}

const any = (label: string) => ({kinds: [T.any], label});

define('is_ended_peering', [any('code')], 'the peering Status.Code means it carries no traffic and never will (deleted, deleting, rejected, expired, failed)', ([code]) => isEndedPeering(code));
define('peering_view', [any('connection')],
  'a connection of DescribeVpcPeeringConnections: {id, code, message, expires ("…Z"), requester, accepter}, each side {owner, vpc, region, cidrs, dnsFromRemote}; null when not an object',
  ([connection]) => peeringView(connection));
define('is_foreign_account', [any('account'), any('ours'), any('knownAccounts')],
  'the account is neither ours nor in the known list; false when absent, or when neither ours nor a list is given', ([account, ours, known]) => isForeignAccount(account, ours, known));
define('sensitive_vpc', [any('vpcId'), any('vpcs'), any('sensitiveVpcs')],
  "why the VPC is in the sensitive list: {by: 'name', name} by a Name-tag substring (case-insensitive, its tag read in vpcs), else {by: 'id'}; null when not",
  ([vpcId, vpcs, sensitive]) => sensitiveVpc(vpcId, vpcs, sensitive));
