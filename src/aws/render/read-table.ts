// What a read-only call returned, as a compact table of the fields an operator decides on: for
// security-group rules the rule ID, direction, protocol, ports, source and description; for
// interfaces the attachment; for route tables one row per route. Pure: the SDK output in (as the
// SDK or the sandbox gives it, `unknown`), rows of plain strings out. Cells are raw (the answer
// quotes attacker-written text such as descriptions): whoever draws them makes them inert.
import {isJsonObject, type JsonRecord} from '../../events/detect-shape.js';

export interface ReadTable {
  /** The list the rows come from, e.g. "SecurityGroupRules". */
  readonly collection: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

type Cell = (item: JsonRecord) => string;

interface TableSpec {
  readonly collection: string;
  /** One item of the collection can give several rows (a route table's routes). */
  readonly rows?: (item: JsonRecord) => readonly JsonRecord[];
  readonly columns: readonly (readonly [string, Cell])[];
}

function str(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

function list(value: unknown): readonly JsonRecord[] {
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}

const at = (...path: readonly string[]): Cell => (item) => {
  let value: unknown = item;
  for (const key of path) value = isJsonObject(value) ? value[key] : undefined;
  return str(value);
};

function nameTag(item: JsonRecord): string {
  return str(list(item['Tags']).find((t) => t['Key'] === 'Name')?.['Value']);
}

function protocol(value: unknown): string {
  const p = str(value);
  return p === '-1' ? 'all' : p;
}

function ports(from: unknown, to: unknown, proto: unknown): string {
  if (str(proto) === '-1') return 'all';
  const a = str(from);
  const b = str(to);
  if (a === '' && b === '') return '';
  if (a === '-1' || (a === '0' && b === '65535')) return 'all';
  return a === b ? a : `${a}-${b}`;
}

function ruleSource(rule: JsonRecord): string {
  const group = rule['ReferencedGroupInfo'];
  return str(rule['CidrIpv4']) || str(rule['CidrIpv6']) || str(rule['PrefixListId']) || (isJsonObject(group) ? str(group['GroupId']) : '');
}

/** The sources of one IpPermissions entry: CIDRs, IPv6 CIDRs, prefix lists and groups. */
function permissionSources(permission: JsonRecord): string {
  return [
    ...list(permission['IpRanges']).map((r) => str(r['CidrIp'])),
    ...list(permission['Ipv6Ranges']).map((r) => str(r['CidrIpv6'])),
    ...list(permission['PrefixListIds']).map((r) => str(r['PrefixListId'])),
    ...list(permission['UserIdGroupPairs']).map((r) => str(r['GroupId'])),
  ].filter(Boolean).join(' ');
}

function permissionsText(value: unknown): string {
  const entries = list(value).map((p) => `${protocol(p['IpProtocol'])}/${ports(p['FromPort'], p['ToPort'], p['IpProtocol']) || '-'} ${permissionSources(p)}`.trim());
  return entries.length ? entries.join('; ') : 'none';
}

function routeTarget(route: JsonRecord): string {
  const keys = ['GatewayId', 'NatGatewayId', 'NetworkInterfaceId', 'InstanceId', 'VpcPeeringConnectionId', 'TransitGatewayId', 'EgressOnlyInternetGatewayId', 'LocalGatewayId', 'CarrierGatewayId', 'CoreNetworkArn'];
  return keys.map((k) => str(route[k])).find(Boolean) ?? '';
}

/** A field of the record LookupEvents returns as a JSON string (CloudTrailEvent); '' when it does not parse. */
const recordField = (key: string): Cell => (event) => {
  const text = event['CloudTrailEvent'];
  if (typeof text !== 'string') return '';
  try {
    const record: unknown = JSON.parse(text);
    return isJsonObject(record) ? str(record[key]) : '';
  } catch {
    return '';
  }
};

const specs: Readonly<Record<string, TableSpec>> = {
  LookupEvents: {
    collection: 'Events',
    columns: [
      ['Time', at('EventTime')],
      ['Event', at('EventName')],
      ['User', at('Username')],
      ['Error', (e) => recordField('errorCode')(e) || '(succeeded)'],
      ['Source IP', recordField('sourceIPAddress')],
      ['Event ID', at('EventId')],
    ],
  },
  DescribeSecurityGroupRules: {
    collection: 'SecurityGroupRules',
    columns: [
      ['Rule ID', at('SecurityGroupRuleId')],
      ['Direction', (r) => (r['IsEgress'] === true ? 'outbound' : r['IsEgress'] === false ? 'inbound' : '')],
      ['Protocol', (r) => protocol(r['IpProtocol'])],
      ['Ports', (r) => ports(r['FromPort'], r['ToPort'], r['IpProtocol'])],
      ['Source/destination', ruleSource],
      ['Description', at('Description')],
    ],
  },
  DescribeSecurityGroups: {
    collection: 'SecurityGroups',
    columns: [
      ['Group ID', at('GroupId')],
      ['Name', at('GroupName')],
      ['VPC', at('VpcId')],
      ['Inbound', (g) => permissionsText(g['IpPermissions'])],
      ['Outbound', (g) => permissionsText(g['IpPermissionsEgress'])],
      ['Description', at('Description')],
    ],
  },
  DescribeNetworkInterfaces: {
    collection: 'NetworkInterfaces',
    columns: [
      ['Interface ID', at('NetworkInterfaceId')],
      ['Status', at('Status')],
      ['Attachment ID', at('Attachment', 'AttachmentId')],
      ['Instance', at('Attachment', 'InstanceId')],
      ['Groups', (n) => list(n['Groups']).map((g) => str(g['GroupId'])).join(' ')],
      ['Private IP', at('PrivateIpAddress')],
      ['Public IP', at('Association', 'PublicIp')],
      ['Type', at('InterfaceType')],
      ['Description', at('Description')],
    ],
  },
  DescribeRouteTables: {
    collection: 'RouteTables',
    rows: (table) => {
      const routes = list(table['Routes']);
      return routes.length ? routes.map((route) => ({...route, RouteTableId: table['RouteTableId'] ?? null, Associations: table['Associations'] ?? null})) : [{RouteTableId: table['RouteTableId'] ?? null, Associations: table['Associations'] ?? null}];
    },
    columns: [
      ['Route table', at('RouteTableId')],
      ['Destination', (r) => str(r['DestinationCidrBlock']) || str(r['DestinationIpv6CidrBlock']) || str(r['DestinationPrefixListId'])],
      ['Target', routeTarget],
      ['State', at('State')],
      ['Subnets', (r) => list(r['Associations']).map((a) => (a['Main'] === true ? 'main' : str(a['SubnetId']))).filter(Boolean).join(' ')],
    ],
  },
  DescribeVpcPeeringConnections: {
    collection: 'VpcPeeringConnections',
    columns: [
      ['Peering ID', at('VpcPeeringConnectionId')],
      ['Status', at('Status', 'Code')],
      ['Requester', (p) => `${at('RequesterVpcInfo', 'OwnerId')(p)} ${at('RequesterVpcInfo', 'VpcId')(p)} ${at('RequesterVpcInfo', 'Region')(p)}`.trim()],
      ['Accepter', (p) => `${at('AccepterVpcInfo', 'OwnerId')(p)} ${at('AccepterVpcInfo', 'VpcId')(p)} ${at('AccepterVpcInfo', 'Region')(p)}`.trim()],
    ],
  },
  DescribeVpcs: {
    collection: 'Vpcs',
    columns: [
      ['VPC', at('VpcId')],
      ['Name', nameTag],
      ['CIDR blocks', (v) => list(v['CidrBlockAssociationSet']).map((a) => `${str(a['CidrBlock'])} ${str(a['AssociationId'])} ${at('CidrBlockState', 'State')(a)}`.trim()).join('; ') || str(v['CidrBlock'])],
      ['Default', (v) => (v['IsDefault'] === true ? 'yes' : v['IsDefault'] === false ? 'no' : '')],
      ['State', at('State')],
    ],
  },
  DescribeSubnets: {
    collection: 'Subnets',
    columns: [
      ['Subnet', at('SubnetId')],
      ['Name', nameTag],
      ['CIDR', at('CidrBlock')],
      ['Zone', at('AvailabilityZone')],
      ['Public IPs', (s) => (s['MapPublicIpOnLaunch'] === true ? 'on launch' : '')],
      ['Free IPs', at('AvailableIpAddressCount')],
    ],
  },
  DescribeInstances: {
    collection: 'Reservations',
    rows: (reservation) => list(reservation['Instances']),
    columns: [
      ['Instance', at('InstanceId')],
      ['Name', nameTag],
      ['State', at('State', 'Name')],
      ['Type', at('InstanceType')],
      ['Private IP', at('PrivateIpAddress')],
      ['Public IP', at('PublicIpAddress')],
      ['Launched', at('LaunchTime')],
    ],
  },
  DescribeImages: {
    collection: 'Images',
    columns: [
      ['Image', at('ImageId')],
      ['Name', at('Name')],
      ['Created', at('CreationDate')],
      ['Owner', at('OwnerId')],
      ['Public', (i) => (i['Public'] === true ? 'yes' : i['Public'] === false ? 'no' : '')],
    ],
  },
};

/** The first list of objects in an answer, for calls without a table of their own. */
function firstList(output: JsonRecord): string | undefined {
  return Object.keys(output).find((key) => key !== '$metadata' && Array.isArray(output[key]));
}

/** Columns for an unknown list: its items' scalar fields, IDs first, at most six. */
function genericColumns(items: readonly JsonRecord[]): TableSpec['columns'] {
  const keys = [...new Set(items.slice(0, 50).flatMap((item) => Object.keys(item).filter((k) => item[k] === null || typeof item[k] !== 'object')))];
  const ordered = [...keys.filter((k) => /Id$/.test(k)), ...keys.filter((k) => !/Id$/.test(k))].slice(0, 6);
  return ordered.map((key) => [key, at(key)] as const);
}

/**
 * The table of one read's answer, or undefined when the answer holds no list at all (e.g.
 * GetEbsEncryptionByDefault: its fields are shown as they are).
 */
export function readTable(operation: string, output: unknown): ReadTable | undefined {
  if (!isJsonObject(output)) return undefined;
  const spec = specs[operation];
  const collection = spec?.collection ?? firstList(output);
  if (collection === undefined) return undefined;
  const items = list(output[collection]);
  const expand = spec?.rows;
  const rowsOf = expand ? items.flatMap((item) => expand(item)) : items;
  const columns = spec?.columns ?? genericColumns(rowsOf);
  return {collection, columns: columns.map(([name]) => name), rows: rowsOf.map((item) => columns.map(([, cell]) => cell(item)))};
}

/** The answer without the SDK's transport metadata: what is shown, copied and journaled. */
export function answerOf(output: unknown): unknown {
  if (!isJsonObject(output)) return output;
  return Object.fromEntries(Object.entries(output).filter(([key]) => key !== '$metadata'));
}

/** "SecurityGroupRules: 3", from the answer's lists (the one-line verdict). */
export function answerSummary(output: unknown): string {
  if (!isJsonObject(output)) return 'done';
  const parts = Object.entries(output)
    .filter(([key, value]) => key !== '$metadata' && Array.isArray(value))
    .map(([key, value]) => `${key}: ${(value as readonly unknown[]).length}`);
  return parts.length ? parts.join(', ') : 'done';
}
