// Valid samples for the values an event cannot give, as an operator would type them with `e`: the
// first sample a parameter's pattern accepts is its value. Account-bound ones use moto's account
// (123456789012) so an ARN names the account the peer tier runs as; Region-bound ones (an ARN, an
// Availability Zone) are given in the event's Region.
import type {Parameter} from '../../src/runbooks/schema.js';
import type {Actor} from './seed-iam.js';

const hex17 = '0123456789abcdef0';

/** Resource IDs of every EC2 kind a runbook may ask for, in EC2's 17-digit form. */
const ids = ['sg', 'vpc', 'subnet', 'i', 'vol', 'snap', 'rtb', 'eni', 'eni-attach', 'pcx', 'acl', 'nat', 'igw', 'sgr', 'iip-assoc', 'vpc-cidr-assoc', 'ami', 'pl', 'vgw', 'tgw', 'tms', 'tmt', 'tmf', 'tmfr'].map((prefix) => `${prefix}-${hex17}`);

const arns = [
  'arn:aws:iam::123456789012:role/peer-tier-role',
  'arn:aws:iam::123456789012:instance-profile/peer-tier',
  'arn:aws:kms:us-east-1:123456789012:key/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  'arn:aws:sns:us-east-1:123456789012:peer-tier-alerts',
  'arn:aws:iam::aws:policy/ReadOnlyAccess',
  'arn:aws:logs:us-east-1:123456789012:log-group:peer-tier-flow-logs',
  'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/peer-tier/0123456789abcdef',
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/peer-tier/0123456789abcdef',
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/peer-tier/0123456789abcdef/0123456789abcdef',
];

const addresses = ['203.0.113.25/32', '198.51.100.0/24', '10.0.0.0/16', '2001:db8:1234::/56'];

/** Names, numbers, times and keys, from the most specific to the most general shape. */
const others = [
  '2026-01-15T08:30:00Z', 'AKIAIOSFODNN7EXAMPLE', '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', 'us-east-1a', 'us-east-1', '123456789012', 'peer.example.com', 't3.micro', '/dev/xvdf',
  'peer-tier-trail-bucket-123456789012', '443', '100', 'peer-tier', 'PeerTier',
  // A flow log's resource type, traffic type and destination type.
  'VPC', 'ALL', 's3',
];

export const sampleValues: readonly string[] = [...ids, ...arns, ...addresses, ...others];

/** Free-text names: a parameter whose pattern takes one is a name, never a resource ID. */
const names = ['peer-tier', 'PeerTier'];

/** True when the parameter takes a free-text name (a group, user or bucket name), not a resource ID. */
export function takesName(param: Pick<Parameter, 'pattern'>): boolean {
  const pattern = new RegExp(param.pattern);
  return names.some((name) => pattern.test(name));
}

/** A name when the parameter takes one, else the first sample its pattern accepts, in this Region (undefined: none fits, a gap to report). */
export function sampleFor(param: Pick<Parameter, 'pattern'>, region = 'us-east-1'): string | undefined {
  const pattern = new RegExp(param.pattern);
  return names.find((name) => pattern.test(name)) ?? sampleValues.map((value) => value.replaceAll('us-east-1', region)).find((value) => pattern.test(value));
}

/** The caller's user or role, as the operator types it from the event's userIdentity (the library's iamUserName, roleName). */
export function actorAnswer(name: string, actor: Actor): string | undefined {
  if (name === 'iamUserName') return actor.userName;
  if (name === 'roleName') return actor.roleName;
  return undefined;
}
