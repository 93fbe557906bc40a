// The built-in scenarios of CreateVpcPeeringConnection, AssociateVpcCidrBlock and CreateRoute,
// finished by a trainee who reads the screens (test/helpers/trainee.ts): every ID it needs comes from a
// pick list of what a read displayed, or from the confirmation prompt, never from the scenario file or
// the sandbox. The table says, per scenario, what the right call is and what the screens must show on
// the way; test/helpers/trainee-checks.ts holds the walk, the debrief and the session's report to it.
import {describe, it} from 'vitest';
import {checkTable, checkWalk, walkScenario, type Expected} from '../helpers/trainee-checks.js';

// The scenarios' own IDs appear below only as expectations the screens are held to, never as input.
const expected: Readonly<Record<string, Expected>> = {
  // ---- CreateVpcPeeringConnection
  // Still pending: the requester cannot reject its own request, it deletes it. The reject goes to the
  // accepter's Region (ap-southeast-1), where the requester's account has no such connection: NotFound, as
  // AWS answers there. No route uses it yet.
  'peering-cross-account-cross-region': {
    kind: 'risky',
    notice: [/HIGH +Peering to account 444455556666, neither ours nor known/],
    execute: ['DeleteVpcPeeringConnection'],
    notOffered: ['routeTableId (nothing listed)'],
    saw: ['DescribeRouteTables: read (changes nothing): RouteTables: 0', 'RejectVpcPeeringConnection: would fail: InvalidVpcPeeringConnectionID.NotFound'],
    lastAnswer: {DescribeVpcPeeringConnections: {shows: /deleted/}},
    resolved: [/Peering to account 444455556666, neither ours nor known/],
  },
  'peering-shared-services-same-account': {
    kind: 'benign',
    notice: [/accepter: account 111122223333/],
    execute: [],
    notOffered: ['routeTableId (nothing listed)'],
    saw: ['RejectVpcPeeringConnection: would succeed'],
    resolved: [],
  },
  'peering-refused-developer': {
    kind: 'failed',
    notice: [/THE CALL FAILED: Client\.UnauthorizedOperation/],
    execute: [],
    // peerRegion and peeringStatus are never asked for (ask: false): only the event can give them, and it failed.
    notOffered: ['vpcPeeringConnectionId (typed only)', 'routeTableId (nothing listed)'],
    resolved: [],
  },
  // ---- AcceptVpcPeeringConnection
  // This account accepted: the requester's owner is the unknown one. The accepter may delete an active
  // connection; no route uses it yet.
  'peering-accepted-unknown-account': {
    kind: 'risky',
    notice: [/HIGH +Peering accepted from unknown account 444455556666/, /the requester is account 444455556666/],
    execute: ['DeleteVpcPeeringConnection'],
    notOffered: ['routeTableId (nothing listed)'],
    saw: ['DeleteVpcPeeringConnection: would succeed'],
    lastAnswer: {DescribeVpcPeeringConnections: {shows: /deleted/}},
    resolved: [/Peering accepted from unknown account 444455556666/],
  },
  // ---- AssociateVpcCidrBlock
  // No subnet uses the public block, so it can go. DisassociateVpcCidrBlock has no DryRun: d plans it, X carries it out.
  'cidr-public-range-on-production-vpc': {
    kind: 'risky',
    notice: [/HIGH +198\.51\.100\.0\/24 is a public range/],
    execute: ['DisassociateVpcCidrBlock'],
    notOffered: [],
    saw: ['DisassociateVpcCidrBlock: plan only — this API has no dry-run'],
    lastAnswer: {DescribeSubnets: {lacks: /198\.51\.100\./}},
    resolved: [/198\.51\.100\.0\/24 is a public range/],
  },
  // Subnets already live in the new private block: it is in use, and planned.
  'cidr-secondary-private-range': {
    kind: 'benign',
    notice: [/the block 10\.21\.0\.0\/16 is still associated/],
    execute: [],
    notOffered: [],
    lastAnswer: {DescribeSubnets: {shows: /new-range-c +10\.21\.0\.0\/20/}},
    resolved: [],
  },
  // The VPC exists (its reads run); the refused call made no association to remove.
  'cidr-refused-public-range': {
    kind: 'failed',
    notice: [/THE CALL FAILED: Client\.UnauthorizedOperation/],
    execute: [],
    notOffered: ['associationId (typed only)'],
    saw: ['DescribeSubnets: read (changes nothing): Subnets: 0'],
    resolved: [],
  },
  // ---- CreateRoute: the trainee deletes the route; the NAT gateway to point it at instead is listed by a read of the table's VPC.
  'route-default-to-igw-in-private-table': {
    kind: 'risky',
    notice: [/HIGH +0\.0\.0\.0\/0 → igw-0123456789abcdef0 in a private table/],
    execute: ['DeleteRoute'],
    picked: {vpcId: /vpc-0abcdef0123456789/, intendedNatGatewayId: /nat-0123456789abcdef0 .*available/},
    notOffered: [],
    lastAnswer: {DescribeRouteTables: {shows: /local/, lacks: /igw-0123456789abcdef0/}},
    resolved: [/0\.0\.0\.0\/0 → igw-0123456789abcdef0 in a private table/],
  },
  'route-all-traffic-to-an-eni': {
    kind: 'risky',
    notice: [/HIGH +0\.0\.0\.0\/0 now goes through eni-0123456789abcdef0/],
    execute: ['DeleteRoute'],
    picked: {vpcId: /vpc-/},
    notOffered: ['intendedNatGatewayId (nothing listed)'],
    lastAnswer: {DescribeRouteTables: {shows: /local/, lacks: /eni-0123456789abcdef0/}},
    resolved: [/0\.0\.0\.0\/0 now goes through eni-0123456789abcdef0/],
  },
  'route-to-foreign-peering-connection': {
    kind: 'risky',
    notice: [/HIGH +10\.99\.0\.0\/16 now leaves the VPC over pcx-0123456789abcdef0/],
    execute: ['DeleteRoute'],
    picked: {vpcId: /vpc-/},
    notOffered: ['intendedNatGatewayId (nothing listed)'],
    lastAnswer: {DescribeRouteTables: {shows: /local/, lacks: /pcx-0123456789abcdef0/}},
    resolved: [/10\.99\.0\.0\/16 now leaves the VPC over pcx-0123456789abcdef0/],
  },
  'route-private-subnets-via-nat': {
    kind: 'benign',
    notice: [/the route 0\.0\.0\.0\/0 → nat-0123456789abcdef0 is still there/],
    execute: [],
    picked: {vpcId: /vpc-/},
    notOffered: ['intendedNatGatewayId (nothing listed)'],
    saw: ['DeleteRoute: would succeed'],
    lastAnswer: {DescribeRouteTables: {shows: /0\.0\.0\.0\/0 +nat-0123456789abcdef0/}},
    resolved: [],
  },
};

describe('networks: every built-in scenario, finished by a trainee who reads the screens', () => {
  it('has expectations for each scenario of these runbooks, of its kind', () => checkTable('networks', expected));

  for (const [id, want] of Object.entries(expected)) {
    it(id, async () => checkWalk(id, want, await walkScenario(id, want)));
  }
});
