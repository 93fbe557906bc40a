// The built-in scenarios of the internet gateway runbook, finished by a trainee who reads the screens
// (test/helpers/trainee.ts): every ID comes from the event or a pick list of what a read displayed, never
// from the scenario file. The table says, per scenario, what the right call is and what the screens show.
import {describe, it} from 'vitest';
import {checkTable, checkWalk, walkScenario, type Expected} from '../helpers/trainee-checks.js';

// The scenarios' own IDs appear below only as expectations the screens are held to, never as input.
const expected: Readonly<Record<string, Expected>> = {
  // The private payments VPC got a gateway and a default route to it: detaching cuts the path (the route
  // stays, a blackhole). Deleting it comes after, once its owner is known; the walk stops at the detach.
  'igw-attached-to-private-payments-vpc': {
    kind: 'risky',
    notice: [/HIGH +igw-0c4d8e2f1a3b5c7d9 is the only way out of vpc-0b7e3a9c1d5f24680/, /HIGH +Subnets of rtb-0d2c3b4a5f6e7d8c9 reach the internet: 0\.0\.0\.0\/0 → igw-0c4d8e2f1a3b5c7d9/],
    execute: ['DetachInternetGateway'],
    notOffered: [],
    saw: ['DetachInternetGateway: DetachInternetGateway executed in the sandbox · check: igw-0c4d8e2f1a3b5c7d9 is no longer attached to vpc-0b7e3a9c1d5f24680'],
    lastAnswer: {DescribeInternetGateways: {lacks: /vpc-0b7e3a9c1d5f24680/}},
    resolved: [/igw-0c4d8e2f1a3b5c7d9 (is the only way out of|attached to) vpc-0b7e3a9c1d5f24680/, /Subnets of rtb-0d2c3b4a5f6e7d8c9 reach the internet/],
  },
  // A pipeline's tagged gateway, attached to nothing: nothing to contain.
  'igw-terraform-creates-staging-gateway': {
    kind: 'benign',
    notice: [/igw-0e6f1a2b3c4d5e6f7 is attached to no VPC/],
    execute: [],
    // A new gateway joins no VPC: the detach step's pick list has nothing to offer.
    notOffered: ['vpcId (nothing listed)'],
    saw: ['DeleteInternetGateway: would succeed'],
    lastAnswer: {DescribeInternetGateways: {shows: /staging-web-igw|igw-0e6f1a2b3c4d5e6f7/}},
    resolved: [],
  },
  // The attach was refused: the gateway joins nothing, the VPC is as it was.
  'igw-attach-refused-payments-vpc': {
    kind: 'failed',
    notice: [/THE CALL FAILED: Client\.UnauthorizedOperation/],
    execute: [],
    notOffered: [],
    resolved: [],
  },
};

describe('gateways: every built-in scenario, finished by a trainee who reads the screens', () => {
  it('has expectations for each scenario of this runbook, of its kind', () => checkTable('gateways', expected));

  for (const [id, want] of Object.entries(expected)) {
    // The risky walk reads, dry-runs and executes every containment step: slow on a loaded 2-core machine.
    it(id, async () => checkWalk(id, want, await walkScenario(id, want)), 60_000);
  }
});
