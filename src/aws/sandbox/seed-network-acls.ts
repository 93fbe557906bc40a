// Training accounts for the network ACL events, built from the record's facts: the VPC and its
// subnets, the VPC's default ACL (allow all, both ways), and the event's ACL with the entries a
// filtering ACL usually has. A call that succeeded has left its change (the entry written or gone, the
// subnet moved); a refused one left the ACL as it was.
import type {NetworkAcl, NetworkAclEntry} from '@aws-sdk/client-ec2';
import {newId} from './account.js';
import {fact, subnetsOf, type EventSeeds, type SeedContext} from './seed-events.js';
import {network, type Parts, type Place} from './seed-parts.js';

type EntryInput = {readonly number: number; readonly egress?: boolean; readonly action: 'allow' | 'deny'; readonly protocol: string; readonly cidr: string; readonly ports?: readonly [number, number]};

export function aclEntry(input: EntryInput): NetworkAclEntry {
  return {
    RuleNumber: input.number, Egress: input.egress ?? false, RuleAction: input.action, Protocol: input.protocol,
    ...(input.cidr.includes(':') ? {Ipv6CidrBlock: input.cidr} : {CidrBlock: input.cidr}),
    ...(input.ports === undefined ? {} : {PortRange: {From: input.ports[0], To: input.ports[1]}}),
  };
}

/** What every ACL ends with: the * entries that deny whatever nothing else matched. */
const denyRest = [aclEntry({number: 32767, action: 'deny', protocol: '-1', cidr: '0.0.0.0/0'}), aclEntry({number: 32767, egress: true, action: 'deny', protocol: '-1', cidr: '0.0.0.0/0'})];

/** A filtering ACL: HTTPS and return traffic in, everything out. */
export const filteringEntries: readonly NetworkAclEntry[] = [
  aclEntry({number: 100, action: 'allow', protocol: '6', cidr: '0.0.0.0/0', ports: [443, 443]}),
  aclEntry({number: 110, action: 'allow', protocol: '6', cidr: '0.0.0.0/0', ports: [1024, 65535]}),
  aclEntry({number: 100, egress: true, action: 'allow', protocol: '-1', cidr: '0.0.0.0/0'}),
];

/** The default ACL's own entries: everything allowed both ways. */
export const defaultEntries: readonly NetworkAclEntry[] = [
  aclEntry({number: 100, action: 'allow', protocol: '-1', cidr: '0.0.0.0/0'}),
  aclEntry({number: 100, egress: true, action: 'allow', protocol: '-1', cidr: '0.0.0.0/0'}),
];

export function networkAcl(place: Place, vpcId: string, id: string, entries: readonly NetworkAclEntry[], subnets: readonly (readonly [string, string])[], isDefault = false): NetworkAcl {
  return {
    NetworkAclId: id, VpcId: vpcId, OwnerId: place.owner, IsDefault: isDefault, Tags: [],
    Entries: [...entries, ...denyRest],
    Associations: subnets.map(([associationId, subnetId]) => ({NetworkAclAssociationId: associationId, NetworkAclId: id, SubnetId: subnetId})),
  };
}

/** The event's entry, from its facts (number, direction, action, protocol, block and ports as the request gave them). */
function eventEntry(context: SeedContext): NetworkAclEntry | undefined {
  const number = Number(fact(context, 'ruleNumber'));
  const action = fact(context, 'ruleAction');
  const protocol = fact(context, 'protocol');
  const cidr = fact(context, 'cidrBlock') ?? fact(context, 'ipv6CidrBlock');
  if (!Number.isInteger(number) || (action !== 'allow' && action !== 'deny') || protocol === undefined || cidr === undefined) return undefined;
  const from = Number(fact(context, 'portFrom'));
  const to = Number(fact(context, 'portTo'));
  const ports = protocol === '6' || protocol === '17' ? ([Number.isInteger(from) ? from : 0, Number.isInteger(to) ? to : 65535] as const) : undefined;
  return aclEntry({number, egress: fact(context, 'egress') === 'true', action, protocol, cidr, ...(ports === undefined ? {} : {ports})});
}

type Shape = 'create' | 'replace' | 'delete';

/** The VPC, its default ACL, and the event's ACL serving both subnets, after (or, refused, before) the entry event. */
function entrySeed(context: SeedContext, shape: Shape): Parts[] {
  const {place} = context;
  const aclId = fact(context, 'networkAclId') ?? newId('acl', 'event');
  const vpcId = newId('vpc', aclId);
  const cidr = '10.0.0.0/16';
  const subnets = subnetsOf(context, vpcId, cidr);
  const served = subnets.map((s) => [newId('aclassoc', `${aclId}|${s.SubnetId ?? ''}`), s.SubnetId ?? ''] as const);
  const number = Number(fact(context, 'ruleNumber'));
  const egress = fact(context, 'egress') === 'true';
  const written = eventEntry(context);
  const before = aclEntry({number: Number.isInteger(number) ? number : 90, egress, action: 'deny', protocol: '-1', cidr: written?.CidrBlock ?? written?.Ipv6CidrBlock ?? '198.51.100.0/24'});
  const hadEntry = shape !== 'create';
  const changed = context.failed ? hadEntry : shape !== 'delete';
  const entry = context.failed ? before : shape === 'delete' ? undefined : written;
  const others = filteringEntries.filter((e) => e.RuleNumber !== number || (e.Egress ?? false) !== egress);
  const entries = changed && entry !== undefined ? [...others, entry] : others;
  return [
    network(place, vpcId, cidr, {subnets}),
    {NetworkAcls: [networkAcl(place, vpcId, newId('acl', `${vpcId}|default`), defaultEntries, [], true), networkAcl(place, vpcId, aclId, entries, served)]},
  ];
}

/** ReplaceNetworkAclAssociation: the subnet on the event's ACL (or, refused, still on the one it had), the other on the filtering ACL. */
function associationSeed(context: SeedContext): Parts[] {
  const {place} = context;
  const target = fact(context, 'networkAclId') ?? newId('acl', 'event');
  const vpcId = newId('vpc', target);
  const cidr = '10.0.0.0/16';
  const subnets = subnetsOf(context, vpcId, cidr);
  const [moved, other] = subnets.map((s) => s.SubnetId ?? '');
  const previous = newId('acl', `${vpcId}|filtering`);
  const oldAssociation = fact(context, 'associationId') ?? newId('aclassoc', `${previous}|${moved ?? ''}`);
  const newAssociation = fact(context, 'newAssociationId') ?? newId('aclassoc', `${target}|${moved ?? ''}`);
  const neighbour = [newId('aclassoc', `${previous}|${other ?? ''}`), other ?? ''] as const;
  const onTarget = context.failed ? [] : [[newAssociation, moved ?? ''] as const];
  const onPrevious = context.failed ? [[oldAssociation, moved ?? ''] as const, neighbour] : [neighbour];
  return [
    network(place, vpcId, cidr, {subnets}),
    {NetworkAcls: [networkAcl(place, vpcId, target, defaultEntries, onTarget, true), networkAcl(place, vpcId, previous, filteringEntries, onPrevious)]},
  ];
}

export const networkAclsSeeds: EventSeeds = {
  CreateNetworkAclEntry: (c) => entrySeed(c, 'create'),
  ReplaceNetworkAclEntry: (c) => entrySeed(c, 'replace'),
  DeleteNetworkAclEntry: (c) => entrySeed(c, 'delete'),
  ReplaceNetworkAclAssociation: (c) => associationSeed(c),
};
