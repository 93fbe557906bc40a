// CreateNetworkInterface's seed: the interface in its subnet with the groups the event gave it
// (names as the response gives them), optionally attached to an instance, with an Elastic IP, and a
// quarantine group (no rules at all) ready for the isolation step.
import {child, entries, response, text} from '../../events/facts/fields.js';
import {newId} from './account.js';
import {around, carve} from './cidr.js';
import {fact, factList, type SeedContext} from './seed-events.js';
import {allowAllOut, group, network, networkInterface, rule, subnet, type AttachmentInput, type Parts, type RuleInput} from './seed-parts.js';

export interface InterfaceSeedOptions {
  /** When the record does not name the VPC (a failed call). */
  readonly vpcId?: string;
  readonly vpcCidr?: string;
  /** When the record gives no address to place the subnet by (a failed call). */
  readonly subnetCidr?: string;
  /** Group names when the record gives none (a failed call's request names only IDs). */
  readonly groupNames?: Readonly<Record<string, string>>;
  readonly attachment?: Omit<AttachmentInput, 'at'>;
  readonly publicIp?: string;
  /** Inbound rules of the event's groups, by group ID. */
  readonly ingress?: Readonly<Record<string, readonly RuleInput[]>>;
  readonly withQuarantineGroup?: boolean;
  /** Free addresses left in the subnet. */
  readonly free?: number;
}

export const quarantineGroupId = (vpcId: string): string => newId('sg', `${vpcId}|quarantine`);

export function interfaceSeed(context: SeedContext, options: InterfaceSeedOptions = {}): Parts[] {
  const {place} = context;
  const subnetId = fact(context, 'subnetId') ?? newId('subnet', 'interface');
  const vpcId = fact(context, 'vpcId') ?? options.vpcId ?? newId('vpc', subnetId);
  const ip = fact(context, 'privateIpAddress');
  const vpcCidr = options.vpcCidr ?? (ip === undefined ? undefined : around(ip, 16)) ?? '10.0.0.0/16';
  const subnetCidr = (ip === undefined ? undefined : around(ip, 24)) ?? options.subnetCidr ?? carve(vpcCidr, 24, 1);
  const zone = (fact(context, 'availabilityZone') ?? '').slice(place.region.length) || 'a';
  const home = subnet(place, vpcId, subnetId, subnetCidr, zone, {free: options.free});
  const names = new Map(entries(child(response(context.record), 'networkInterface'), 'groupSet').map((g) => [text(g, 'groupId'), text(g, 'groupName')]));
  const nameOf = (id: string) => names.get(id) ?? options.groupNames?.[id] ?? id;
  const groups = factList(context, 'groupIds').map((id) => group(place, vpcId, id, nameOf(id), `group ${nameOf(id)}`));
  const rules = groups.flatMap((g) => [allowAllOut(place, g.GroupId ?? ''), ...(options.ingress?.[g.GroupId ?? ''] ?? []).map((r) => rule(place, g.GroupId ?? '', r))]);
  const quarantine = options.withQuarantineGroup === true ? [group(place, vpcId, quarantineGroupId(vpcId), 'quarantine', 'Isolates a suspect interface: no inbound and no outbound rules')] : [];
  const parts: Parts[] = [network(place, vpcId, vpcCidr, {subnets: [home]}), {SecurityGroups: [...groups, ...quarantine], SecurityGroupRules: rules}];
  const eniId = fact(context, 'networkInterfaceId');
  if (context.failed || eniId === undefined) return parts;
  const attachment = options.attachment === undefined ? undefined : {...options.attachment, at: context.at};
  const eni = networkInterface(place, eniId, home, groups, ip ?? carve(subnetCidr, 32, 10).split('/')[0] ?? '', {
    description: fact(context, 'description'), requesterManaged: fact(context, 'requesterManaged') === 'true', attachment, publicIp: options.publicIp,
  });
  parts.push({NetworkInterfaces: [eni]});
  return parts;
}
