import type {Route, RouteTable} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import type {AccountSnapshot} from '../../src/aws/account-snapshot.js';
import {expectRow, findingOf, record, resolved, scenario, type RuleRow} from './helpers.js';

const toIgw = scenario('route-default-to-igw-in-private-table');
const toEni = scenario('route-all-traffic-to-an-eni');
const toPeering = scenario('route-to-foreign-peering-connection');
const toNat = scenario('route-private-subnets-via-nat');
const igwTable = 'rtb-0123456789abcdef0';
const igw = 'igw-0123456789abcdef0';

const table = (RouteTableId: string, fields: Partial<RouteTable>): AccountSnapshot => ({RouteTables: [{RouteTableId, ...fields}]});
const privateSubnets: AccountSnapshot = {
  ...table(igwTable, {Associations: [{SubnetId: 'subnet-a'}, {SubnetId: 'subnet-b'}]}),
  Subnets: [{SubnetId: 'subnet-a', MapPublicIpOnLaunch: true}, {SubnetId: 'subnet-b', MapPublicIpOnLaunch: false}],
};
const publicSubnets: AccountSnapshot = {...table(igwTable, {Associations: [{SubnetId: 'subnet-a'}]}), Subnets: [{SubnetId: 'subnet-a', MapPublicIpOnLaunch: true}]};
const route = (fields: Record<string, string>) => record('CreateRoute', {requestParameters: {routeTableId: 'rtb-h', ...fields}});
const hijackTable = (...routes: Route[]): AccountSnapshot => table('rtb-h', {Routes: routes});

describe.each<[string, RuleRow[]]>([
  [
    'route-igw-in-private-table',
    [
      {name: 'a subnet does not map public IPs', record: toIgw, state: privateSubnets, severity: 'high', evidence: 'Subnets[subnet-b].MapPublicIpOnLaunch = false'},
      {name: 'the table is named private', record: toIgw, state: table(igwTable, {Tags: [{Key: 'Name', Value: 'db-Private-rt'}]}), severity: 'high', evidence: 'Tags.Name = db-Private-rt'},
      {name: 'the main table', record: toIgw, state: table(igwTable, {Associations: [{Main: true}]}), severity: 'high'},
      {name: 'public subnets', record: toIgw, state: publicSubnets, severity: null},
      {name: 'no state', record: toIgw, severity: null},
      {name: 'a NAT gateway target', record: toNat, state: {...privateSubnets, RouteTables: [{RouteTableId: 'rtb-0fedcba9876543210', Associations: [{SubnetId: 'subnet-b'}]}]}, severity: null},
    ],
  ],
  [
    'route-default-to-igw',
    [
      {name: 'no state', record: toIgw, severity: 'medium', evidence: `requestParameters.gatewayId = ${igw}`},
      {name: '::/0, no state', record: route({destinationIpv6CidrBlock: '::/0', gatewayId: igw}), severity: 'medium'},
      {name: 'state: private (its own finding)', record: toIgw, state: privateSubnets, severity: null},
      {name: 'state: public subnets', record: toIgw, state: publicSubnets, severity: null},
      {name: 'a narrower route to the gateway', record: route({destinationCidrBlock: '198.51.100.0/24', gatewayId: igw}), severity: null},
      {name: 'a virtual private gateway', record: route({destinationCidrBlock: '0.0.0.0/0', gatewayId: 'vgw-0123'}), severity: null},
      {name: 'a NAT gateway', record: toNat, severity: null},
    ],
  ],
  [
    'route-via-network-interface',
    [
      {name: '0.0.0.0/0 through an ENI', record: toEni, severity: 'high', evidence: 'requestParameters.networkInterfaceId = eni-0123456789abcdef0'},
      {name: 'a NAT gateway', record: toNat, severity: null},
    ],
  ],
  [
    'route-via-instance',
    [
      {name: 'through an instance', record: route({destinationCidrBlock: '10.0.0.0/8', instanceId: 'i-0123456789abcdef0'}), severity: 'high'},
      {name: 'a NAT gateway', record: toNat, severity: null},
    ],
  ],
  [
    'route-via-peering',
    [
      {name: 'to the foreign peering', record: toPeering, severity: 'high', evidence: 'requestParameters.vpcPeeringConnectionId = pcx-0123456789abcdef0'},
      {name: 'an internet gateway', record: toIgw, severity: null},
    ],
  ],
  [
    'route-more-specific-hijack',
    [
      {
        name: '10.0.1.0/24 → ENI inside 10.0.0.0/16 → local',
        record: route({destinationCidrBlock: '10.0.1.0/24', networkInterfaceId: 'eni-x'}),
        state: hijackTable({DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local'}, {DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1'}),
        severity: 'high',
        evidence: 'RouteTables[rtb-h].Routes[0].DestinationCidrBlock = 10.0.0.0/16',
      },
      {
        name: 'IPv6 /64 → ENI inside the VPC\'s /56',
        record: route({destinationIpv6CidrBlock: '2600:1f18:abcd:1201::/64', networkInterfaceId: 'eni-x'}),
        state: hijackTable({DestinationIpv6CidrBlock: '2600:1f18:abcd:1200::/56', GatewayId: 'local'}),
        severity: 'high',
      },
      {name: 'more specific than the default route only', record: route({destinationCidrBlock: '10.99.0.0/16', vpcPeeringConnectionId: 'pcx-1'}), state: hijackTable({DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1'}), severity: null},
      {name: 'the wider route has the same target', record: route({destinationCidrBlock: '10.1.1.0/24', transitGatewayId: 'tgw-1'}), state: hijackTable({DestinationCidrBlock: '10.1.0.0/16', TransitGatewayId: 'tgw-1'}), severity: null},
      {name: 'no state', record: route({destinationCidrBlock: '10.0.1.0/24', networkInterfaceId: 'eni-x'}), severity: null},
    ],
  ],
])('%s', (id, rows) => {
  it.each(rows)('$name', (row) => {
    expectRow(id, row);
  });
});

describe('isResolved', () => {
  const exposed = findingOf('route-igw-in-private-table', toIgw, privateSubnets);
  const withRoutes = (...routes: Route[]): AccountSnapshot => ({...privateSubnets, RouteTables: [{RouteTableId: igwTable, Associations: [{SubnetId: 'subnet-b'}], Routes: routes}]});

  it.each<[string, AccountSnapshot, boolean]>([
    ['the route is still there', withRoutes({DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local'}, {DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw}), false],
    ['the route was deleted', withRoutes({DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local'}), true],
    ['the route now goes to a NAT gateway', withRoutes({DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1'}), true],
    ['the table is gone', {RouteTables: []}, true],
    ['the table has no route listing', {RouteTables: [{RouteTableId: igwTable}]}, false],
    ['no tables in the state', {}, false],
  ])('%s: %s', (_name, state, expected) => {
    expect(exposed).toBeDefined();
    if (exposed) expect(resolved(exposed, toIgw, state)).toBe(expected);
  });

  it('an interception route ends when it is gone', () => {
    const found = findingOf('route-via-network-interface', toEni);
    expect(found).toBeDefined();
    if (!found) return;
    const state = (routes: Route[]): AccountSnapshot => ({RouteTables: [{RouteTableId: 'rtb-0abcdef0123456789', Routes: routes}]});
    expect(resolved(found, toEni, state([{DestinationCidrBlock: '0.0.0.0/0', NetworkInterfaceId: 'eni-0123456789abcdef0'}]))).toBe(false);
    expect(resolved(found, toEni, state([]))).toBe(true);
  });
});
