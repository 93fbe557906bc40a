// The traffic mirroring runbook's findings on records as CloudTrail writes them (test/fixtures/events): where
// the copies go, which interface is copied, a new target, an accept-all filter rule; none when the call was
// refused; and each shown resolved once the containment's change is in the state.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {AccountSnapshot} from '../../src/aws/account-snapshot.js';
import {parseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord, JsonObject} from '../../src/events/record.js';
import {expectRow, findingOf, findings, otherAccount, resolved, type RuleRow} from './helpers.js';

function fixture(eventName: string, kind: string): CloudTrailRecord {
  const raw = JSON.parse(readFileSync(new URL(`../fixtures/events/${eventName}/${kind}.json`, import.meta.url), 'utf8')) as JsonObject;
  return parseRecord(raw, `${eventName}/${kind}`, '');
}

const session = fixture('CreateTrafficMirrorSession', 'risky');
const benign = fixture('CreateTrafficMirrorSession', 'benign');
const target = fixture('CreateTrafficMirrorTarget', 'risky');
const rule = fixture('CreateTrafficMirrorFilterRule', 'risky');
const sessionId = 'tms-0c0ffee1234567890';
const targetId = 'tmt-0f1e2d3c4b5a69788';
const filterId = 'tmf-0123456789abcdef0';

const foreignTarget: AccountSnapshot = {
  TrafficMirrorSessions: [{TrafficMirrorSessionId: sessionId, TrafficMirrorTargetId: targetId, TrafficMirrorFilterId: filterId, NetworkInterfaceId: 'eni-0a1b2c3d4e5f67890'}],
  TrafficMirrorTargets: [{TrafficMirrorTargetId: targetId, Type: 'network-interface', NetworkInterfaceId: 'eni-0ffffffffffffffff', OwnerId: otherAccount}],
};
const ownTarget: AccountSnapshot = {...foreignTarget, TrafficMirrorTargets: [{TrafficMirrorTargetId: targetId, Type: 'network-interface', NetworkInterfaceId: 'eni-0ffffffffffffffff', OwnerId: '111122223333'}]};

describe.each<[string, RuleRow[]]>([
  ['mirror-target-other-account', [
    {name: 'session to a target another account owns (read)', record: session, state: foreignTarget, severity: 'critical', evidence: `TrafficMirrorTargets[${targetId}].OwnerId = ${otherAccount}`},
    {name: 'that account is a known one', record: session, state: foreignTarget, config: {knownAccounts: [otherAccount]}, severity: null},
    {name: 'session to our own target', record: session, state: ownTarget, severity: null},
    {name: 'session without the state: cannot tell', record: session, severity: null},
    {name: 'target on another account\'s load balancer (record only)', record: target, severity: 'critical', evidence: 'trafficMirrorTarget.networkLoadBalancerArn = arn:aws:elasticloadbalancing:us-east-1:444455556666:'},
  ]],
  ['mirror-session-copies-traffic', [
    {name: 'the wrapped record names the interface', record: session, severity: 'medium', evidence: 'CreateTrafficMirrorSessionResponse.trafficMirrorSession.networkInterfaceId = eni-0a1b2c3d4e5f67890'},
    {name: 'the monitoring team\'s session says which interface too', record: benign, severity: 'medium'},
    {name: 'a target event copies nothing by itself', record: target, severity: null},
  ]],
  ['mirror-target-created', [
    {name: 'a new target nobody uses yet', record: target, severity: 'medium'},
    {name: 'a new target a session already uses', record: target, state: {TrafficMirrorSessions: foreignTarget.TrafficMirrorSessions ?? []}, severity: 'high'},
  ]],
  ['mirror-filter-accepts-all', [
    {name: 'accept everything inbound', record: rule, severity: 'high', evidence: 'trafficMirrorFilterRule.ruleAction = accept'},
  ]],
])('%s', (id, rows) => {
  it.each(rows)('$name', (row) => {
    expectRow(id, row);
  });
});

describe('a narrower filter rule', () => {
  it('raises nothing about copying everything', () => {
    const raw = JSON.parse(readFileSync(new URL('../fixtures/events/CreateTrafficMirrorFilterRule/risky.json', import.meta.url), 'utf8')) as JsonObject;
    const narrow = JSON.parse(JSON.stringify(raw).replaceAll('"0.0.0.0/0"', '"10.20.0.0/16"')) as JsonObject;
    expect(findingOf('mirror-filter-accepts-all', parseRecord(narrow, 'narrow', ''))).toBeUndefined();
  });
});

describe.each(['CreateTrafficMirrorSession', 'CreateTrafficMirrorTarget', 'CreateTrafficMirrorFilterRule'])('%s refused', (eventName) => {
  it('raises none of the runbook\'s findings, and says the call failed', () => {
    const refused = findings(fixture(eventName, 'failed'), foreignTarget);
    expect(refused.filter((f) => f.id.startsWith('mirror-'))).toEqual([]);
    // The only severe one is the shared finding about the caller (a refused call may be reconnaissance).
    expect(refused.filter((f) => f.severity === 'high' || f.severity === 'critical').map((f) => f.id)).toEqual(['call-refused']);
  });
});

describe('resolved once the containment worked', () => {
  it('deleting the session ends the copying: both session findings resolve', () => {
    const critical = findingOf('mirror-target-other-account', session, foreignTarget);
    const copies = findingOf('mirror-session-copies-traffic', session, foreignTarget);
    const deleted: AccountSnapshot = {...foreignTarget, TrafficMirrorSessions: []};
    expect(critical && resolved(critical, session, foreignTarget)).toBe(false);
    expect(critical && resolved(critical, session, deleted)).toBe(true);
    expect(copies && resolved(copies, session, deleted)).toBe(true);
  });

  it('deleting the filter rule resolves the accept-all finding; the rule still there does not', () => {
    const found = findingOf('mirror-filter-accepts-all', rule);
    const withRule: AccountSnapshot = {TrafficMirrorFilters: [{TrafficMirrorFilterId: filterId, IngressFilterRules: [{TrafficMirrorFilterRuleId: 'tmfr-0d9c8b7a6f5e4d3c2', RuleAction: 'accept'}], EgressFilterRules: []}]};
    const without: AccountSnapshot = {TrafficMirrorFilters: [{TrafficMirrorFilterId: filterId, IngressFilterRules: [], EgressFilterRules: []}]};
    expect(found && resolved(found, rule, withRule)).toBe(false);
    expect(found && resolved(found, rule, without)).toBe(true);
  });

  it('deleting the target resolves the new-target finding', () => {
    const found = findingOf('mirror-target-created', target);
    expect(found && resolved(found, target, {TrafficMirrorTargets: [{TrafficMirrorTargetId: targetId}]})).toBe(false);
    expect(found && resolved(found, target, {TrafficMirrorTargets: []})).toBe(true);
  });
});
