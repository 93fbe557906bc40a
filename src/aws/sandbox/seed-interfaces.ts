// CreateNetworkInterface's seed: the interface in its subnet with the groups the event gave it
// (names as the response gives them), each group with AWS's allow-all outbound rule.
import {child, entries, response, text} from '../../events/fields.js';
import {newId} from './account.js';
import {around, carve} from './cidr.js';
import {fact, factList, type SeedContext} from './seed-events.js';
import {allowAllOut, group, network, networkInterface, subnet, type Parts} from './seed-parts.js';

export function interfaceSeed(context: SeedContext): Parts[] {
  const {place} = context;
  const subnetId = fact(context, 'subnetId') ?? newId('subnet', 'interface');
  const vpcId = fact(context, 'vpcId') ?? newId('vpc', subnetId);
  const ip = fact(context, 'privateIpAddress');
  const vpcCidr = (ip === undefined ? undefined : around(ip, 16)) ?? '10.0.0.0/16';
  const subnetCidr = (ip === undefined ? undefined : around(ip, 24)) ?? carve(vpcCidr, 24, 1);
  const zone = (fact(context, 'availabilityZone') ?? '').slice(place.region.length) || 'a';
  const home = subnet(place, vpcId, subnetId, subnetCidr, zone);
  const names = new Map(entries(child(response(context.record), 'networkInterface'), 'groupSet').map((g) => [text(g, 'groupId'), text(g, 'groupName')]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const groups = factList(context, 'groupIds').map((id) => group(place, vpcId, id, nameOf(id), `group ${nameOf(id)}`));
  const parts: Parts[] = [network(place, vpcId, vpcCidr, {subnets: [home]}), {SecurityGroups: groups, SecurityGroupRules: groups.map((g) => allowAllOut(place, g.GroupId ?? ''))}];
  const eniId = fact(context, 'networkInterfaceId');
  if (context.failed || eniId === undefined) return parts;
  const eni = networkInterface(place, eniId, home, groups, ip ?? carve(subnetCidr, 32, 10).split('/')[0] ?? '', {
    description: fact(context, 'description'), requesterManaged: fact(context, 'requesterManaged') === 'true',
  });
  parts.push({NetworkInterfaces: [eni]});
  return parts;
}
