// The built-in scenarios of the route-table events (ReplaceRoute, CreateRouteTable,
// ReplaceRouteTableAssociation), finished by a trainee who reads the screens (test/helpers/trainee.ts):
// every ID comes from the event or a pick list of what a read displayed, never from the scenario file.
import {describe, it} from 'vitest';
import {checkTable, checkWalk, walkScenario, type Expected} from '../helpers/trainee-checks.js';

// The scenarios' own IDs appear below only as expectations the screens are held to, never as input.
const expected: Readonly<Record<string, Expected>> = {
  // The default route now goes to the internet gateway: the trainee points it back at the VPC's NAT gateway.
  'route-replaced-nat-with-igw': {
    kind: 'risky',
    notice: [/HIGH +0\.0\.0\.0\/0 → igw-0123456789abcdef0 in a private table/],
    execute: ['ReplaceRoute'],
    picked: {vpcId: /vpc-0abcdef0123456789/, intendedNatGatewayId: /nat-0123456789abcdef0 .*available/},
    notOffered: [],
    lastAnswer: {DescribeRouteTables: {shows: /nat-0123456789abcdef0/, lacks: /0\.0\.0\.0\/0 +igw-0123456789abcdef0/}},
    resolved: [/0\.0\.0\.0\/0 → igw-0123456789abcdef0 in a private table/],
  },
  // The subnet went to the public table: the table it left is the one that now serves no subnet.
  'route-subnet-moved-to-public-table': {
    kind: 'risky',
    notice: [/HIGH +subnet-0dc1d226335b3d967 now on rtb-0a1b2c3d4e5f60719: public via igw-0123456789abcdef0/, /subnet-0dc1d226335b3d967 uses rtb-0a1b2c3d4e5f60719, which sends 0\.0\.0\.0\/0/],
    execute: ['ReplaceRouteTableAssociation'],
    picked: {tableVpcId: /vpc-0abcdef0123456789/, previousRouteTableId: /rtb-0123456789abcdef0/, movedSubnetId: /subnet-0dc1d226335b3d967/},
    notOffered: [],
    lastAnswer: {DescribeRouteTables: {shows: /rtb-0123456789abcdef0/}},
    resolved: [/subnet-0dc1d226335b3d967 now on rtb-0a1b2c3d4e5f60719/],
  },
  // An empty table from the pipeline: nothing routes through it.
  'route-table-created-by-terraform': {
    kind: 'benign',
    notice: [/LOW +New route table rtb-0c3d5e7f9a1b2c4d6/, /rtb-0c3d5e7f9a1b2c4d6 has 1 route\(s\) and serves no subnet/],
    execute: [],
    notOffered: [],
    saw: ['DeleteRouteTable: would succeed'],
    resolved: [],
  },
  // Refused: the subnet never moved.
  'route-association-refused': {
    kind: 'failed',
    notice: [/THE CALL FAILED: Client\.UnauthorizedOperation/],
    execute: [],
    // The table the event named is read all the same: its VPC is offered for the containment reads.
    picked: {tableVpcId: /vpc-0abcdef0123456789/},
    // The refused call made no association: the table it named lists none, and no table lost its subnet.
    notOffered: ['movedSubnetId (nothing listed)', 'previousRouteTableId (none likely)'],
    resolved: [],
  },
};

describe('routes: every built-in scenario, finished by a trainee who reads the screens', () => {
  it('has expectations for each scenario of these events, of its kind', () => checkTable('routes', expected));

  for (const [id, want] of Object.entries(expected)) {
    it(id, async () => checkWalk(id, want, await walkScenario(id, want)));
  }
});
