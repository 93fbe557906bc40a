// The built-in scenarios of the network ACL runbook (CreateNetworkAclEntry and its family), finished by a
// trainee who reads the screens (test/helpers/trainee.ts): the entry to take out is the event's own, by
// its number and direction; nothing else is typed. test/helpers/trainee-checks.ts holds the walk.
import {describe, it} from 'vitest';
import {checkTable, checkWalk, walkScenario, type Expected} from '../helpers/trainee-checks.js';

const expected: Readonly<Record<string, Expected>> = {
  // Rule 1 allows all traffic ahead of the blocklist and the SSH/RDP denies: the trainee deletes it.
  'nacl-allow-all-ahead-of-denies': {
    kind: 'risky',
    notice: [/CRITICAL +Inbound rule 1 allows all traffic from 0\.0\.0\.0\/0 ahead of deny rules 50, 60, 70/, /deny rule 60 \(deny tcp 22 from 0\.0\.0\.0\/0\) no longer applies/],
    execute: ['DeleteNetworkAclEntry'],
    notOffered: [],
    saw: ['DeleteNetworkAclEntry: would succeed'],
    lastAnswer: {DescribeNetworkAcls: {lacks: /^\s*1 /m}},
    resolved: [/Inbound rule 1 allows all traffic from 0\.0\.0\.0\/0/],
  },
  // HTTPS from anywhere on a public web tier: expected, nothing to change.
  'nacl-https-for-public-web': {
    kind: 'benign',
    notice: [/inbound rule 120 is still there: allow tcp 443 from 0\.0\.0\.0\/0/],
    execute: [],
    notOffered: [],
    saw: ['DeleteNetworkAclEntry: would succeed'],
    resolved: [],
  },
  // The move was refused: the subnet is still on its filtering ACL. The restore step's pick list offers
  // the VPC's other ACL, the filtering one (it does not let all traffic in), though nothing is to be moved.
  'nacl-refused-subnet-move': {
    kind: 'failed',
    notice: [/THE CALL FAILED: Client\.UnauthorizedOperation/],
    execute: [],
    picked: {vpcId: /vpc-0c1d2e3f405162738/, previousAclId: /acl-0a1b2c3d4e5f60718/},
    // The refused call made no association: only its response could name one.
    notOffered: ['newAssociationId (typed only)'],
    resolved: [],
  },
};

describe('network ACLs: every built-in scenario, finished by a trainee who reads the screens', () => {
  it('has expectations for each scenario of this runbook, of its kind', () => checkTable('networkAcls', expected));

  for (const [id, want] of Object.entries(expected)) {
    it(id, async () => checkWalk(id, want, await walkScenario(id, want)));
  }
});
