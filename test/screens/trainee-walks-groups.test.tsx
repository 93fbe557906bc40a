// The built-in scenarios of CreateSecurityGroup and CreateNetworkInterface,
// finished by a trainee who reads the screens (test/helpers/trainee.ts): every ID it needs comes from a
// pick list of what a read displayed, or from the confirmation prompt, never from the scenario file or
// the sandbox. The table says, per scenario, what the right call is and what the screens must show on
// the way; test/helpers/trainee-checks.ts holds the walk, the debrief and the session's report to it.
import {describe, it} from 'vitest';
import {checkTable, checkWalk, walkScenario, type Expected} from '../helpers/trainee-checks.js';

// The scenarios' own IDs appear below only as expectations the screens are held to, never as input.
const expected: Readonly<Record<string, Expected>> = {
  // ---- CreateSecurityGroup
  'sg-default-ssh-in-default-vpc': {
    kind: 'risky',
    notice: [/CRITICAL +SSH \(22\) open to the internet/, /Name "default-ssh" imitates AWS's default group/],
    execute: ['RevokeSecurityGroupIngress'],
    picked: {securityGroupRuleIds: /inbound +tcp +22 +0\.0\.0\.0\/0/},
    notOffered: [],
    saw: ['DescribeNetworkInterfaces: read (changes nothing): NetworkInterfaces: 0'],
    // The check after the revoke lists the outbound rule alone.
    lastAnswer: {DescribeSecurityGroupRules: {shows: /SecurityGroupRules · 1 row/, lacks: /inbound/}},
    resolved: [/SSH \(22\) open to the internet/],
  },
  // The load balancer's group: its open 443 and 80 are the point of it, and its interfaces use it.
  'sg-terraform-load-balancer': {
    kind: 'benign',
    notice: [/LOW +Port 443 open to the internet/],
    execute: [],
    picked: {securityGroupRuleIds: /inbound +tcp +(443|80) +0\.0\.0\.0\/0/},
    notOffered: [],
    saw: ['DescribeNetworkInterfaces: read (changes nothing): NetworkInterfaces: 2', 'DeleteSecurityGroup: would fail: DependencyViolation'],
    lastAnswer: {DescribeNetworkInterfaces: {shows: /ELB app\/payments-api-alb/}},
    resolved: [],
  },
  // A refused call created no group: every containment step needs the group's ID, which nothing shows.
  'sg-denied-developer': {
    kind: 'failed',
    notice: [/THE CALL FAILED: Client\.UnauthorizedOperation/, /Refused \(Client\.UnauthorizedOperation\)/],
    execute: [],
    notOffered: ['groupId (typed only)'],
    resolved: [],
  },
  'sg-hostile-strings': {
    kind: 'hostile',
    notice: [/THE CALL FAILED: Client\.InvalidParameterValue/, /userAgent holds control characters/, /\\x1b\]52;c;/, /\\u202e/],
    execute: [],
    notOffered: ['groupId (typed only)'],
    resolved: [],
  },
  // ---- CreateNetworkInterface
  // Quarantine it (the empty group the read lists), detach it (the attachment the read shows), delete it.
  'eni-public-group-unusual-principal': {
    kind: 'risky',
    notice: [/HIGH +Its group sg-0fedcba9876543210 \(public-web\) lets the internet in/, /MEDIUM +Public IP 198\.51\.100\.23/],
    execute: ['ModifyNetworkInterfaceAttribute', 'DetachNetworkInterface', 'DeleteNetworkInterface'],
    picked: {quarantineGroupId: /quarantine +vpc-\w+ +none +none/, attachmentId: /eni-0abcdef0123456789 +in-use/},
    notOffered: [],
    lastAnswer: {DescribeNetworkInterfaces: {shows: /NetworkInterfaces · no rows/}},
    resolved: [/Public IP 198\.51\.100\.23/, /Its group sg-0fedcba9876543210 \(public-web\) lets the internet in/],
  },
  // EFS owns it: AWS refuses to detach or delete it, and the VPC has no empty group to quarantine it in.
  'eni-efs-mount-target': {
    kind: 'benign',
    notice: [/INFO +Owned by elasticfilesystem\.amazonaws\.com/],
    execute: [],
    picked: {attachmentId: /eni-0fedcba9876543210 +in-use/},
    notOffered: ['quarantineGroupId (none likely)'],
    saw: ['DetachNetworkInterface: would fail: OperationNotPermitted', 'DeleteNetworkInterface: would fail: InvalidNetworkInterface.InUse'],
    resolved: [],
  },
  'eni-failed-subnet-full': {
    kind: 'failed',
    notice: [/THE CALL FAILED: Client\.InsufficientFreeAddressesInSubnet/],
    execute: [],
    // The caller is an instance's role: the actor's isolation picks its VPC and interface from the reads of it;
    // no quarantine group is created, so none is listed.
    picked: {actorVpcId: /vpc-[0-9a-f]{8,17}/, actorInterfaceId: /eni-[0-9a-f]{17}/},
    notOffered: ['networkInterfaceId (typed only)', 'vpcId (typed only)', 'attachmentId (nothing listed)', 'actorQuarantineGroupId (nothing listed)'],
    resolved: [],
  },
};

describe('groups: every built-in scenario, finished by a trainee who reads the screens', () => {
  it('has expectations for each scenario of these runbooks, of its kind', () => checkTable('groups', expected));

  for (const [id, want] of Object.entries(expected)) {
    it(id, async () => checkWalk(id, want, await walkScenario(id, want)));
  }
});
