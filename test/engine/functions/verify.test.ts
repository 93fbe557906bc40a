// The named functions verifications use: a call's parameters read as the API reads them, and fresh
// state compared with what the call asked for.
import {describe, expect, it} from 'vitest';
import {evaluate} from '../../../src/engine/expression.js';

const call = (expression: string, value: unknown, other?: unknown) => evaluate(expression, {value, other});

describe('reading parameters', () => {
  it.each<[unknown, unknown]>([['sg-0aaa0001', 'sg-0aaa0001'], ['', null], [5, null], [null, null], [['a'], null]])('str(%j) is %j', (value, expected) => {
    expect(call('str(value)', value)).toEqual(expected);
  });

  it.each<[unknown, unknown]>([
    [['i-1', 'i-2'], ['i-1', 'i-2']],
    ['i-1', ['i-1']],
    [[], null],
    [['i-1', ''], null],
    [['i-1', 5], null],
    [null, null],
  ])('strs(%j) is %j', (value, expected) => {
    expect(call('strs(value)', value)).toEqual(expected);
  });

  it.each<[unknown, unknown]>([[90, 90], ['90', 90], [' 90 ', 90], ['', null], ['  ', null], ['x', null], [90.5, null], [true, null]])('int(%j) is %j', (value, expected) => {
    expect(call('int(value)', value)).toEqual(expected);
  });

  it.each<[unknown, unknown]>([[true, true], ['false', false], ['yes', null], [1, null]])('bool(%j) is %j', (value, expected) => {
    expect(call('bool(value)', value)).toEqual(expected);
  });

  it.each<[unknown, unknown]>([['', ''], [2, '2'], [false, 'false'], [null, null], [{Value: 1}, null]])('as_text(%j) is %j', (value, expected) => {
    expect(call('as_text(value)', value)).toEqual(expected);
  });
});

describe('comparing with what was asked', () => {
  it.each<[unknown, unknown, boolean]>([
    [['sg-2', 'sg-1'], ['sg-1', 'sg-2'], true],
    [['sg-1', 'sg-1'], ['sg-1'], true],
    [['sg-1', 'sg-3'], ['sg-1'], false],
    [['sg-1', null], ['sg-1'], false],
    [[], ['sg-1'], false],
    ['sg-1', ['sg-1'], false],
  ])('same_set(%j, %j) is %s', (value, other, expected) => {
    expect(call('same_set(value, other)', value, other)).toBe(expected);
  });

  it.each<[unknown, unknown]>([['tcp', '6'], ['UDP', '17'], ['icmpv6', '58'], ['All', '-1'], ['6', '6'], ['Esp', 'Esp'], [6, null]])('protocol_number(%j) is %j', (value, expected) => {
    expect(call('protocol_number(value)', value)).toEqual(expected);
  });
});

describe('security group rules a request names', () => {
  const ssh = {IpPermissions: [{IpProtocol: 'TCP', FromPort: 22, ToPort: '22', IpRanges: [{CidrIp: '0.0.0.0/0'}, {CidrIp: '198.51.100.0/24'}], UserIdGroupPairs: [{GroupId: 'sg-0aaa0001'}]}]};

  it('one rule per source, protocol names normalized, the text EC2 uses', () => {
    const rules = call('requested_rules(value, `false`)', ssh) as {protocol: string; fromPort: number; source: unknown; text: string}[];
    expect(rules.map((r) => r.source)).toEqual([{kind: 'cidr4', value: '0.0.0.0/0'}, {kind: 'cidr4', value: '198.51.100.0/24'}, {kind: 'group', value: 'sg-0aaa0001'}]);
    expect(rules[0]).toMatchObject({protocol: 'tcp', fromPort: 22, text: 'peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW'});
  });

  it('the older flat form; all protocols have no ports', () => {
    expect(call('requested_rules(value, `true`)[*].text', {CidrIp: '10.0.0.0/8', IpProtocol: 'all', FromPort: 22})).toEqual(['peer: 10.0.0.0/8, ALL, from port: -1, to port: -1, ALLOW']);
    expect(call('requested_rules(value, `true`)', {})).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['no protocol', {IpPermissions: [{IpRanges: [{CidrIp: '0.0.0.0/0'}]}]}],
    ['no source', {IpPermissions: [{IpProtocol: '-1'}]}],
    ['TCP without ports', {IpPermissions: [{IpProtocol: 'tcp', IpRanges: [{CidrIp: '0.0.0.0/0'}]}]}],
    ['ports the wrong way round', {IpPermissions: [{IpProtocol: 'tcp', FromPort: 443, ToPort: 22, IpRanges: [{CidrIp: '0.0.0.0/0'}]}]}],
    ['an IPv6 block as IPv4', {IpPermissions: [{IpProtocol: '-1', IpRanges: [{CidrIp: '::/0'}]}]}],
    ['a permission that is not an object', {IpPermissions: ['x']}],
  ])('null when the request cannot name them: %s', (_name, params) => {
    expect(call('requested_rules(value, `false`)', params)).toBeNull();
  });

  it('has_rule: a listed rule is the requested one however written; direction, ports and source count, descriptions do not', () => {
    const wanted = call('requested_rules(value, `false`)[0]', ssh);
    const listed = {GroupId: 'sg-0aaa0001', IsEgress: false, IpProtocol: '6', FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/00', Description: 'old'};
    const has = (rules: unknown[]) => evaluate('has_rule(rules, rule)', {rules, rule: wanted});
    expect(has([listed])).toBe(true);
    expect(has([{...listed, IsEgress: true}])).toBe(false);
    expect(has([{...listed, ToPort: 23}])).toBe(false);
    expect(has([{...listed, CidrIpv4: '0.0.0.0/1'}])).toBe(false);
    expect(has([{...listed, CidrIpv4: undefined, CidrIpv6: '::/0'}])).toBe(false);
    expect(has([5, 'x', {}])).toBe(false);
    expect(evaluate('has_rule(rules, rule)', {rules: [listed], rule: {protocol: 'tcp'}})).toBe(false);
  });
});
