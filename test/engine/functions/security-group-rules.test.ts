// The rules an Authorize*/ModifySecurityGroupRules record names, read from records as CloudTrail writes
// them (test/fixtures/events/), and matched against DescribeSecurityGroupRules' rules.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {evaluate} from '../../../src/engine/expression.js';

const record = (path: string): unknown => JSON.parse(readFileSync(`test/fixtures/events/${path}.json`, 'utf8'));
const rulesOf = (event: unknown): unknown => evaluate('event_rules(e)', {e: event});
const listed = (fields: Record<string, unknown>) => ({SecurityGroupRuleId: 'sgr-0aaaaaaaaaaaaaaa1', GroupId: 'sg-0a1b2c3d4e5f60718', IsEgress: false, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, ...fields});

describe('event_rules', () => {
  it('reads ipPermissions.items[].ipRanges/ipv6Ranges with each rule ID from securityGroupRuleSet', () => {
    expect(rulesOf(record('AuthorizeSecurityGroupIngress/risky'))).toEqual([
      expect.objectContaining({isEgress: false, protocol: 'tcp', fromPort: 22, toPort: 22, kind: 'cidr', source: '0.0.0.0/0', reach: 'internet',
        path: 'requestParameters.ipPermissions.items[0].ipRanges.items[0].cidrIp', ruleId: 'sgr-0f1e2d3c4b5a69788', words: 'tcp 22 from 0.0.0.0/0'}),
      expect.objectContaining({source: '::/0', path: 'requestParameters.ipPermissions.items[0].ipv6Ranges.items[0].cidrIpv6', ruleId: 'sgr-01a2b3c4d5e6f7081'}),
    ]);
  });

  it('reads the older flat cidrIp form, which has no rule IDs', () => {
    expect(rulesOf(record('AuthorizeSecurityGroupIngress/risky-flat-no-rule-ids'))).toEqual([
      expect.objectContaining({protocol: 'tcp', fromPort: 3306, toPort: 3306, source: '0.0.0.0/0', path: 'requestParameters.cidrIp', ruleId: null}),
    ]);
  });

  it('reads a source group of another account from groups.items[], all protocols as every port', () => {
    expect(rulesOf(record('AuthorizeSecurityGroupIngress/risky-foreign-group'))).toEqual([
      expect.objectContaining({protocol: '-1', fromPort: 0, toPort: 65535, ports: 'all traffic', kind: 'group', source: 'sg-0fedcba9876543210', account: '444455556666', reach: 'other-account', ruleId: 'sgr-0aa11bb22cc33dd44'}),
    ]);
  });

  it('reads an outbound prefix list as outbound', () => {
    expect(rulesOf(record('AuthorizeSecurityGroupEgress/benign'))).toEqual([
      expect.objectContaining({isEgress: true, kind: 'prefix-list', source: 'pl-63a5400a', reach: 'specific', words: 'tcp 443 to pl-63a5400a'}),
    ]);
  });

  it('reads the wrapped ModifySecurityGroupRulesRequest: the rule ID and the rule as it now is', () => {
    expect(rulesOf(record('ModifySecurityGroupRules/risky'))).toEqual([
      expect.objectContaining({isEgress: null, protocol: 'tcp', source: '0.0.0.0/0', ruleId: 'sgr-0123abcd4567ef890',
        path: 'requestParameters.ModifySecurityGroupRulesRequest.SecurityGroupRule.SecurityGroupRule.CidrIpv4'}),
    ]);
  });

  it('reads values a newer record wraps as {content, tag}', () => {
    const event = {eventName: 'ModifySecurityGroupRules', requestParameters: {ModifySecurityGroupRulesRequest: {GroupId: {content: 'sg-0a1b2c3d4e5f60718', tag: 1},
      SecurityGroupRule: {SecurityGroupRuleId: {content: 'sgr-0123abcd4567ef890', tag: 1}, SecurityGroupRule: {IpProtocol: 'tcp', FromPort: {content: '3389'}, ToPort: 3389, CidrIpv4: {content: '0.0.0.0/0'}}}}}};
    expect(evaluate('event_rules(e)[0].[ruleId, fromPort, source]', {e: event})).toEqual(['sgr-0123abcd4567ef890', 3389, '0.0.0.0/0']);
  });

  it.each<[string, unknown]>([['no record', null], ['another event', {eventName: 'CreateSecurityGroup', requestParameters: {groupName: 'x'}}],
    ['a request without permissions', {eventName: 'AuthorizeSecurityGroupIngress', requestParameters: {groupId: 'sg-0a1b2c3d4e5f60718'}}],
    ['an empty set', {eventName: 'AuthorizeSecurityGroupIngress', requestParameters: {ipPermissions: {}}}]])('%s: none', (_name, event) => {
    expect(rulesOf(event)).toEqual([]);
  });
});

describe('rule_words', () => {
  it('words a listed rule as event_rules words the same rule', () => {
    expect(evaluate('rule_words(r)', {r: listed({CidrIpv4: '0.0.0.0/0'})})).toBe('tcp 22 from 0.0.0.0/0');
    expect(evaluate('rule_words(r)', {r: listed({IsEgress: true, IpProtocol: '-1', FromPort: -1, ToPort: -1, CidrIpv4: '0.0.0.0/0'})})).toBe('all traffic to 0.0.0.0/0');
    expect(evaluate('rule_words(r)', {r: listed({ReferencedGroupInfo: {GroupId: 'sg-0fedcba9876543210', UserId: '444455556666'}})})).toBe('tcp 22 from sg-0fedcba9876543210');
  });
  it('is null for a rule that names no source', () => {
    expect(evaluate('rule_words(r)', {r: listed({})})).toBeNull();
  });
});

describe('rules_still_there', () => {
  const rules = rulesOf(record('AuthorizeSecurityGroupIngress/risky'));
  it('finds an event rule by the ID its response gave, with that rule\'s source', () => {
    const found = evaluate('rules_still_there(l, r)[*].ruleId', {l: [listed({SecurityGroupRuleId: 'sgr-0f1e2d3c4b5a69788', CidrIpv4: '0.0.0.0/0'})], r: rules});
    expect(found).toEqual(['sgr-0f1e2d3c4b5a69788']);
  });
  it('does not take another rule with the same source for one whose ID the event gave', () => {
    expect(evaluate('rules_still_there(l, r)', {l: [listed({SecurityGroupRuleId: 'sgr-0bbbbbbbbbbbbbbb2', CidrIpv4: '0.0.0.0/0'})], r: rules})).toEqual([]);
  });
  it('matches an older record\'s rule by direction, protocol, ports and source, and gives its ID now', () => {
    const flat = rulesOf(record('AuthorizeSecurityGroupIngress/risky-flat-no-rule-ids'));
    const l = [listed({SecurityGroupRuleId: 'sgr-0ccccccccccccccc3', FromPort: 3306, ToPort: 3306, CidrIpv4: '0.0.0.0/0'}), listed({SecurityGroupRuleId: 'sgr-0ddddddddddddddd4', IsEgress: true, FromPort: 3306, ToPort: 3306, CidrIpv4: '0.0.0.0/0'})];
    expect(evaluate('rules_still_there(l, r)[*].ruleId', {l, r: flat})).toEqual(['sgr-0ccccccccccccccc3']);
  });
  it('no longer finds a modified rule once its source is narrowed', () => {
    const modified = rulesOf(record('ModifySecurityGroupRules/risky'));
    const there = listed({SecurityGroupRuleId: 'sgr-0123abcd4567ef890', CidrIpv4: '0.0.0.0/0'});
    expect(evaluate('length(rules_still_there(l, r))', {l: [there], r: modified})).toBe(1);
    expect(evaluate('length(rules_still_there(l, r))', {l: [{...there, CidrIpv4: '198.51.100.0/24'}], r: modified})).toBe(0);
  });
});
