// The built-in scenarios of the security group rules runbook (AuthorizeSecurityGroupIngress/Egress,
// ModifySecurityGroupRules), finished by a trainee who reads the screens (test/helpers/trainee.ts):
// every ID it needs comes from the event, a pick list of what a read displayed, or the confirmation
// prompt, never from the scenario file or the sandbox.
import {describe, it} from 'vitest';
import {checkTable, checkWalk, walkScenario, type Expected} from '../helpers/trainee-checks.js';

// The scenarios' own IDs appear below only as expectations the screens are held to, never as input.
const expected: Readonly<Record<string, Expected>> = {
  // Revoke exactly the two rules of the event, by the IDs in its response; the office rule stays.
  'sgrule-ssh-opened-to-internet': {
    kind: 'risky',
    notice: [/CRITICAL +SSH \(22\) opened to 0\.0\.0\.0\/0/, /HIGH +1 interface\(s\) with a public address use sg-07c1e5a9b3d2f4e60/],
    execute: ['RevokeSecurityGroupIngress'],
    notOffered: [],
    saw: ['DescribeNetworkInterfaces: read (changes nothing): NetworkInterfaces: 1'],
    lastAnswer: {DescribeSecurityGroupRules: {shows: /198\.51\.100\.0\/24/, lacks: /tcp +22 +0\.0\.0\.0\/0/}},
    resolved: [/SSH \(22\) opened to 0\.0\.0\.0\/0/, /1 interface\(s\) with a public address/],
  },
  // The modified rule goes back to the office range the group's other rule allows.
  'sgrule-modified-ssh-to-world': {
    kind: 'risky',
    notice: [/CRITICAL +SSH \(22\) opened to 0\.0\.0\.0\/0/, /Modified rule +sgr-0b3f5a7c9e1d2f468/],
    execute: ['ModifySecurityGroupRules'],
    picked: {narrowCidr: /198\.51\.100\.0\/24/},
    notOffered: [],
    lastAnswer: {DescribeSecurityGroupRules: {lacks: /tcp +22 +0\.0\.0\.0\/0/}},
    resolved: [/SSH \(22\) opened to 0\.0\.0\.0\/0/],
  },
  'sgrule-office-https': {
    kind: 'benign',
    notice: [/Rules +tcp 443 from 198\.51\.100\.0\/24/],
    execute: [],
    notOffered: [],
    resolved: [],
  },
  // A refused call added no rule: the response has no rule IDs, and the listing marks none of the group's rules.
  'sgrule-rdp-refused': {
    kind: 'failed',
    notice: [/THE CALL FAILED: Client\.UnauthorizedOperation/, /Refused \(Client\.UnauthorizedOperation\)/],
    execute: [],
    notOffered: ['ingressRuleIds (none likely)'],
    resolved: [],
  },
};

describe('rules: every built-in scenario, finished by a trainee who reads the screens', () => {
  it('has expectations for each scenario of this runbook, of its kind', () => checkTable('rules', expected));

  for (const [id, want] of Object.entries(expected)) {
    it(id, async () => checkWalk(id, want, await walkScenario(id, want)));
  }
});
