// The findings of CreateRoute's file for the route-table events, on records written as CloudTrail writes
// them (test/fixtures/events/<EventName>/): a route replaced, a subnet moved to another table or taken off
// its own, a table created. A successful exposure is high with its evidence; the refused call raises none
// of the file's findings and nothing high or critical.
import {readFileSync} from 'node:fs';
import type {RouteTable} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import type {AccountSnapshot} from '../../src/aws/account-snapshot.js';
import {parseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord} from '../../src/events/record.js';
import {findingOf, findings, resolved} from './helpers.js';

function fixture(eventName: string, kind: 'risky' | 'benign' | 'failed'): CloudTrailRecord {
  const path = `test/fixtures/events/${eventName}/${kind}.json`;
  return parseRecord(JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as Record<string, unknown>, path, '');
}

const local = {DestinationCidrBlock: '10.40.0.0/16', GatewayId: 'local', State: 'active' as const};
const toIgw = (gatewayId: string) => ({DestinationCidrBlock: '0.0.0.0/0', GatewayId: gatewayId, State: 'active' as const});
const toNat = {DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-0a1b2c3d4e5f6000b', State: 'active' as const};
const tables = (...list: RouteTable[]): AccountSnapshot => ({RouteTables: list});
const fileIds = ['subnet-moved-to-internet-table', 'subnet-association-replaced', 'new-route-table-in-use', 'new-route-table', 'subnet-fell-back-to-main',
  'route-igw-in-private-table', 'route-default-to-igw', 'route-via-network-interface', 'route-via-instance', 'route-via-peering', 'route-more-specific-hijack'];

describe.each(['ReplaceRoute', 'CreateRouteTable', 'ReplaceRouteTableAssociation', 'DisassociateRouteTable'])('%s refused', (eventName) => {
  // What is high about a refused call is the caller (call-refused: possible reconnaissance), not an exposure.
  it("raises none of the file's findings, and nothing high or critical but the caller's refusal", () => {
    const raised = findings(fixture(eventName, 'failed'), tables({RouteTableId: 'rtb-0a1b2c3d4e5f60007', Routes: [local, toIgw('igw-0a1b2c3d4e5f60002')]}));
    expect(raised.map((f) => f.id)).toContain(eventName === 'DisassociateRouteTable' ? 'call-failed' : 'call-refused');
    expect(raised.filter((f) => fileIds.includes(f.id) || (f.id !== 'call-refused' && (f.severity === 'high' || f.severity === 'critical')))).toEqual([]);
  });
});

describe('ReplaceRoute', () => {
  const risky = fixture('ReplaceRoute', 'risky');
  const privateTable = tables({RouteTableId: 'rtb-0a1b2c3d4e5f60001', Routes: [local, toIgw('igw-0a1b2c3d4e5f60002')], Associations: [{Main: true}]});

  it('a private table now sending 0.0.0.0/0 to an internet gateway is high, with the request and the table as evidence', () => {
    const found = findingOf('route-igw-in-private-table', risky, privateTable);
    expect(found?.severity).toBe('high');
    expect(found?.evidence).toBe('requestParameters.gatewayId = igw-0a1b2c3d4e5f60002; RouteTables[rtb-0a1b2c3d4e5f60001].Associations[0].Main = true');
  });

  it('without the state it is the question to answer (medium), and resolved once the route goes to a NAT gateway', () => {
    expect(findingOf('route-default-to-igw', risky)?.severity).toBe('medium');
    const found = findingOf('route-igw-in-private-table', risky, privateTable);
    expect(found && resolved(found, risky, tables({RouteTableId: 'rtb-0a1b2c3d4e5f60001', Routes: [local, toNat]}))).toBe(true);
    expect(found && resolved(found, risky, privateTable)).toBe(false);
  });
});

describe('ReplaceRouteTableAssociation', () => {
  const risky = fixture('ReplaceRouteTableAssociation', 'risky');
  const moved = {RouteTableAssociationId: 'rtbassoc-0a1b2c3d4e5f60008', SubnetId: 'subnet-0a1b2c3d4e5f6000c', Main: false};
  const publicTable = (routes: RouteTable['Routes'], associations: RouteTable['Associations']) =>
    tables({RouteTableId: 'rtb-0a1b2c3d4e5f60007', Routes: routes, Associations: associations});

  it('a subnet moved onto a table with a default route to an internet gateway is high, with the association and the route', () => {
    const found = findingOf('subnet-moved-to-internet-table', risky, publicTable([local, toIgw('igw-0a1b2c3d4e5f60002')], [moved]));
    expect(found?.severity).toBe('high');
    expect(found?.title).toBe('subnet-0a1b2c3d4e5f6000c now on rtb-0a1b2c3d4e5f60007: public via igw-0a1b2c3d4e5f60002');
    expect(found?.evidence).toBe(
      'RouteTables[rtb-0a1b2c3d4e5f60007].Associations[0].RouteTableAssociationId = rtbassoc-0a1b2c3d4e5f60008; RouteTables[rtb-0a1b2c3d4e5f60007].Routes[1].GatewayId = igw-0a1b2c3d4e5f60002',
    );
  });

  it('the main-table role moved counts the same', () => {
    const found = findingOf('subnet-moved-to-internet-table', risky, publicTable([local, toIgw('igw-0a1b2c3d4e5f60002')], [{RouteTableAssociationId: 'rtbassoc-0a1b2c3d4e5f60008', Main: true}]));
    expect(found?.title).toMatch(/^the main-table role now on rtb-0a1b2c3d4e5f60007/);
  });

  it('is not raised for a table whose way out is a NAT gateway, or a blackhole', () => {
    expect(findingOf('subnet-moved-to-internet-table', risky, publicTable([local, toNat], [moved]))).toBeUndefined();
    expect(findingOf('subnet-moved-to-internet-table', risky, publicTable([local, {...toIgw('igw-0a1b2c3d4e5f60002'), State: 'blackhole'}], [moved]))).toBeUndefined();
  });

  it('is resolved once the association is gone from the table (the subnet moved back), and not before', () => {
    const state = publicTable([local, toIgw('igw-0a1b2c3d4e5f60002')], [moved]);
    const found = findingOf('subnet-moved-to-internet-table', risky, state);
    expect(found && resolved(found, risky, state)).toBe(false);
    expect(found && resolved(found, risky, publicTable([local, toIgw('igw-0a1b2c3d4e5f60002')], []))).toBe(true);
  });

  it('without the state it asks what the new table routes (medium)', () => {
    const found = findingOf('subnet-association-replaced', risky);
    expect(found?.severity).toBe('medium');
    expect(found?.evidence).toBe('requestParameters.routeTableId = rtb-0a1b2c3d4e5f60007; requestParameters.associationId = rtbassoc-0a1b2c3d4e5f60006');
  });
});

describe('CreateRouteTable', () => {
  const risky = fixture('CreateRouteTable', 'risky');
  const table = (fields: Partial<RouteTable>) => tables({RouteTableId: 'rtb-0a1b2c3d4e5f60004', Routes: [local], Associations: [], ...fields});

  it('an empty new table is low, read from the response', () => {
    for (const record of [risky, fixture('CreateRouteTable', 'benign')]) {
      const found = findings(record, undefined).find((f) => f.id === 'new-route-table');
      expect(found?.severity).toBe('low');
      expect(found?.evidence).toMatch(/^responseElements\.routeTable\.routeTableId = rtb-/);
    }
    expect(findingOf('new-route-table-in-use', risky, table({}))).toBeUndefined();
  });

  it('a new table since given a route to an internet gateway and a subnet is high', () => {
    const state = table({Routes: [local, toIgw('igw-0a1b2c3d4e5f60002')], Associations: [{SubnetId: 'subnet-0a1b2c3d4e5f6000c'}]});
    const found = findingOf('new-route-table-in-use', risky, state);
    expect(found?.severity).toBe('high');
    expect(found?.evidence).toBe('RouteTables[rtb-0a1b2c3d4e5f60004].Routes[1].GatewayId = igw-0a1b2c3d4e5f60002');
    expect(findingOf('new-route-table', risky, state)).toBeUndefined();
    expect(found && resolved(found, risky, table({Routes: [local, toIgw('igw-0a1b2c3d4e5f60002')]}))).toBe(true);
  });

  it('is resolved once the table is deleted', () => {
    const found = findingOf('new-route-table', risky, table({}));
    expect(found && resolved(found, risky, {RouteTables: []})).toBe(true);
    expect(found && resolved(found, risky, table({}))).toBe(false);
  });
});

describe('DisassociateRouteTable', () => {
  const risky = fixture('DisassociateRouteTable', 'risky');

  it('a subnet off its table uses the main table: medium, naming a main table that sends the internet to a gateway', () => {
    const mains = tables(
      {RouteTableId: 'rtb-0a1b2c3d4e5f6000d', VpcId: 'vpc-0a1b2c3d4e5f6000e', Routes: [local], Associations: [{Main: true}]},
      {RouteTableId: 'rtb-0a1b2c3d4e5f6000f', VpcId: 'vpc-0a1b2c3d4e5f60010', Routes: [local, toIgw('igw-0a1b2c3d4e5f60011')], Associations: [{Main: true}]},
    );
    const found = findingOf('subnet-fell-back-to-main', risky, mains);
    expect(found?.severity).toBe('medium');
    expect(found?.evidence).toBe('requestParameters.associationId = rtbassoc-0a1b2c3d4e5f60009; RouteTables[rtb-0a1b2c3d4e5f6000f].Routes[1].GatewayId = igw-0a1b2c3d4e5f60011');
    expect(findingOf('subnet-fell-back-to-main', risky)?.evidence).toBe('requestParameters.associationId = rtbassoc-0a1b2c3d4e5f60009');
  });
});
