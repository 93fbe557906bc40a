// What a valid value of each kind of event field is, written here independently of the runbooks'
// patterns: the oracle of the binding campaign. EC2 IDs are a prefix, "-" and 8 or 17 lower-case hex
// digits; CIDRs are an address EC2 would print and a prefix length in range. A value is accepted into
// an action only if it is valid here *and* matches its parameter's pattern (which may be narrower,
// e.g. /16 or wider only); anything else must become a placeholder.
import {isIPv4, isIPv6} from 'node:net';

export type Kind =
  | {readonly tag: 'id'; readonly prefixes: readonly string[]}
  | {readonly tag: 'cidr4' | 'cidr6' | 'ip' | 'account' | 'region' | 'status' | 'groupName' | 'eventName' | 'eventTime' | 'errorCode' | 'protocol' | 'port' | 'ruleNumber' | 'publicGroup' | 'principalName' | 'boolean' | 'accessKeyId' | 'callerType'};

export const id = (...prefixes: string[]): Kind => ({tag: 'id', prefixes});
export const kind = (tag: Exclude<Kind['tag'], 'id'>): Kind => ({tag});

/** Every prefix of a resource ID a route's target may have, by the request key that names it. */
export const routeTargetPrefixes: Readonly<Record<string, readonly string[]>> = {
  gatewayId: ['igw', 'vgw'],
  natGatewayId: ['nat'],
  instanceId: ['i'],
  networkInterfaceId: ['eni'],
  vpcPeeringConnectionId: ['pcx'],
  transitGatewayId: ['tgw'],
  egressOnlyInternetGatewayId: ['eigw'],
  vpcEndpointId: ['vpce'],
  localGatewayId: ['lgw'],
  carrierGatewayId: ['cagw'],
};

/**
 * The kind of every runbook parameter bound from the event (`from:`) or from the record (region,
 * accountId). A new bound parameter must be added here, or the campaign fails naming it.
 */
export const parameterKinds: Readonly<Record<string, Kind>> = {
  region: kind('region'),
  accountId: kind('account'),
  eventName: kind('eventName'),
  eventTime: kind('eventTime'),
  errorCode: kind('errorCode'),
  locationConstraint: kind('region'),
  groupId: id('sg'),
  groupIds: id('sg'),
  groupName: kind('groupName'),
  vpcId: id('vpc'),
  requesterVpcId: id('vpc'),
  accepterVpcId: id('vpc'),
  subnetId: id('subnet'),
  networkInterfaceId: id('eni'),
  routeTableId: id('rtb'),
  vpcPeeringConnectionId: id('pcx'),
  // A CIDR block's (AssociateVpcCidrBlock), a subnet's route table's (routes) or network ACL's association.
  associationId: id('vpc-cidr-assoc', 'rtbassoc', 'aclassoc'),
  destinationPrefixListId: id('pl'),
  instanceId: id('i'),
  targetId: id(...Object.values(routeTargetPrefixes).flat()),
  peerOwnerId: kind('account'),
  peerRegion: kind('region'),
  peeringStatus: kind('status'),
  cidrBlock: kind('cidr4'),
  destinationCidrBlock: kind('cidr4'),
  routeDestinationCidr: kind('cidr4'),
  ipv6CidrBlock: kind('cidr6'),
  routeDestinationIpv6Cidr: kind('cidr6'),
  destinationIpv6CidrBlock: kind('cidr6'),
  // A security group rule's protocol and ports, as ModifySecurityGroupRules' request gives them.
  // A network ACL entry's number; who a snapshot or AMI is shared with; the caller as the event history names it.
  ruleNumber: kind('ruleNumber'),
  sharedAccountIds: kind('account'),
  publicGroup: kind('publicGroup'),
  callerName: kind('principalName'),
  iamUserName: kind('principalName'),
  egress: kind('boolean'),
  accessKeyId: kind('accessKeyId'),
  ruleProtocol: kind('protocol'),
  ruleFromPort: kind('port'),
  ruleToPort: kind('port'),
  // Who made the call (src/runbooks/caller.ts), for the actor's containment.
  callerType: kind('callerType'),
  callerUserName: kind('principalName'),
  callerRoleName: kind('principalName'),
  callerAccessKeyId: kind('accessKeyId'),
  callerInstanceId: id('i'),
};

const octet = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const ipv4 = new RegExp(`^${octet}(\\.${octet}){3}$`);
const prefixLength = /^(0|[1-9][0-9]{0,2})$/;

function cidrOk(value: string, isAddress: (address: string) => boolean, maxPrefix: number): boolean {
  const [address, prefix, ...rest] = value.split('/');
  if (rest.length > 0 || address === undefined || prefix === undefined || !prefixLength.test(prefix)) return false;
  return Number(prefix) <= maxPrefix && isAddress(address);
}

/** An IPv6 address as EC2 prints one: hex groups and colons only (no zone, no embedded IPv4). */
const ipv6Address = (address: string): boolean => /^[0-9a-fA-F:]+$/.test(address) && isIPv6(address);

/** Whether value is a well-formed value of this kind, exactly as written (no trimming, no case folding). */
export function isValidFor(k: Kind, value: string): boolean {
  switch (k.tag) {
    case 'id':
      return k.prefixes.some((prefix) => new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`).test(value));
    case 'cidr4':
      return cidrOk(value, (address) => ipv4.test(address), 32);
    case 'cidr6':
      return cidrOk(value, ipv6Address, 128);
    case 'ip':
      return ipv4.test(value) && isIPv4(value);
    case 'account':
      return /^[0-9]{12}$/.test(value);
    case 'region':
      return /^[a-z]{2}(-[a-z]+)+-[0-9]+$/.test(value);
    case 'status':
      return /^[a-z-]+$/.test(value);
    case 'groupName':
      return /^[ -~]+$/.test(value);
    // The record's own call, time and error (CloudTrail writes them; trailguide uses them in text and LookupEvents).
    case 'eventName':
      return /^[A-Z][A-Za-z0-9]+$/.test(value);
    case 'eventTime':
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(value) && !Number.isNaN(Date.parse(value));
    case 'errorCode':
      return /^[A-Za-z0-9._:-]+$/.test(value);
    // A protocol name EC2 takes, -1 (all) or a protocol number; a port 0 to 65535.
    case 'protocol':
      return /^(tcp|udp|icmp|icmpv6|-1|[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])$/.test(value);
    case 'port':
      return /^(0|[1-9][0-9]{0,4})$/.test(value) && Number(value) <= 65535;
    // A network ACL rule number: 1 to 32766 (EC2 reserves 32767 for the default deny).
    case 'ruleNumber':
      return /^[1-9][0-9]{0,4}$/.test(value) && Number(value) <= 32766;
    // The one group a snapshot or AMI permission names: all (public).
    case 'publicGroup':
      return value === 'all';
    // An IAM user's or role session's name: letters, digits and +=,.@_- (a session name may hold : and / too).
    case 'principalName':
      return /^[A-Za-z0-9+=,.@_:/-]{1,128}$/.test(value);
    // A JSON boolean as the facts give it (egress).
    case 'boolean':
      return value === 'true' || value === 'false';
    // An access key ID: AKIA (long-term) or ASIA (temporary) and 16 upper-case letters or digits.
    case 'accessKeyId':
      return /^(AKIA|ASIA)[A-Z0-9]{16}$/.test(value);
    // The kinds of caller a step may be limited to.
    case 'callerType':
      return ['iam-user', 'role-session', 'instance-role', 'root', 'aws-service', 'other'].includes(value);
    default: {
      const never: never = k;
      return never;
    }
  }
}

const idPattern = /^\^\(?([a-z]+(?:-[a-z]+)*(?:\|[a-z]+(?:-[a-z]+)*)*)\)?-\[0-9a-f\]\{8\}\(\[0-9a-f\]\{9\}\)\?\$$/;

/** The kind of any parameter: the table above, else an EC2 ID kind read off an ID pattern; undefined for the rest (names, ARNs, ports …). */
export function kindOf(param: {readonly name: string; readonly pattern: string}): Kind | undefined {
  const known = parameterKinds[param.name];
  if (known !== undefined) return known;
  const prefixes = idPattern.exec(param.pattern)?.[1];
  return prefixes === undefined ? undefined : id(...prefixes.split('|'));
}
