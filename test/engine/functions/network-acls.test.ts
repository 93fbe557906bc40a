// Network ACL entries read the same from a record (aclProtocol, portRange {from, to}, {} when absent)
// and from DescribeNetworkAcls (Protocol, PortRange {From, To}); the ACL is read in rule-number order.
import {describe, expect, it} from 'vitest';
import {evaluate} from '../../../src/engine/expression.js';

const entry = (n: number, action: string, protocol: string, cidr: string, ports?: [number, number], egress = false) => ({
  RuleNumber: n, Egress: egress, RuleAction: action, Protocol: protocol, CidrBlock: cidr, ...(ports ? {PortRange: {From: ports[0], To: ports[1]}} : {}),
});
// Entries in the order AWS lists them (not by number), an outbound one among them.
const acl = {
  NetworkAclId: 'acl-0a1b2c3d4e5f60718',
  Entries: [
    entry(100, 'allow', '6', '0.0.0.0/0', [443, 443]), entry(50, 'deny', '-1', '192.0.2.0/24'), entry(60, 'deny', '6', '0.0.0.0/0', [22, 22]),
    entry(1, 'allow', '-1', '0.0.0.0/0'), entry(100, 'allow', '-1', '0.0.0.0/0', undefined, true), entry(32767, 'deny', '-1', '0.0.0.0/0'),
  ],
  Associations: [{NetworkAclAssociationId: 'aclassoc-0a2b3c4d5e6f70819', SubnetId: 'subnet-0a1a2a3a4a5a6a7a8'}, {NetworkAclAssociationId: 'aclassoc-0b3c4d5e6f708192a', SubnetId: 'subnet-0b1b2b3b4b5b6b7b8'}],
};

describe('acl_request_entry', () => {
  it.each<[string, unknown, unknown]>([
    ['an allow of all traffic as records write it', {networkAclId: 'acl-1', ruleNumber: 1, egress: false, ruleAction: 'allow', icmpTypeCode: {}, portRange: {}, aclProtocol: '-1', cidrBlock: '0.0.0.0/0'},
      {ruleNumber: 1, egress: false, action: 'allow', protocol: '-1', cidr: '0.0.0.0/0', ports: null, allPorts: true, internet: true, text: 'allow all traffic from 0.0.0.0/0'}],
    ['TCP 22 from the internet', {ruleNumber: 100, egress: false, ruleAction: 'allow', portRange: {from: 22, to: 22}, aclProtocol: '6', cidrBlock: '0.0.0.0/0'},
      {ruleNumber: 100, egress: false, action: 'allow', protocol: '6', cidr: '0.0.0.0/0', ports: {from: 22, to: 22}, allPorts: false, internet: true, text: 'allow tcp 22 from 0.0.0.0/0'}],
    ['every TCP port, text numbers and a protocol name, IPv6, outbound', {RuleNumber: '7', Egress: 'true', RuleAction: 'ALLOW', PortRange: {From: 0, To: 65535}, Protocol: 'tcp', Ipv6CidrBlock: '::/0'},
      {ruleNumber: 7, egress: true, action: 'allow', protocol: '6', cidr: '::/0', ports: null, allPorts: true, internet: true, text: 'allow tcp all ports to ::/0'}],
  ])('%s', (_name, request, expected) => {
    expect(evaluate('acl_request_entry(request)', {request})).toEqual(expected);
  });
  it('is null without a rule number (an association request)', () => {
    expect(evaluate('acl_request_entry(request)', {request: {associationId: 'aclassoc-0c3d4e5f60718293a', networkAclId: 'acl-1'}})).toBeNull();
  });
  it('names the deleted entry by number and direction only', () => {
    expect(evaluate('acl_request_entry(request)', {request: {networkAclId: 'acl-1', ruleNumber: 90, egress: false}})).toMatchObject({ruleNumber: 90, egress: false, action: '', protocol: ''});
  });
});

describe('reading an ACL', () => {
  it('lists one direction in rule-number order, with each entry\'s place in Entries', () => {
    expect(evaluate('acl_entries(acl, `false`)[].[ruleNumber, index]', {acl})).toEqual([[1, 3], [50, 1], [60, 2], [100, 0], [32767, 5]]);
    expect(evaluate("acl_entries(acl, 'true')[].ruleNumber", {acl})).toEqual([100]);
  });
  it('finds the entry of a number and direction', () => {
    expect(evaluate('acl_entry_at(acl, `100`, `true`).text', {acl})).toBe('allow all traffic to 0.0.0.0/0');
    expect(evaluate("acl_entry_at(acl, '60', `false`).text", {acl})).toBe('deny tcp 22 from 0.0.0.0/0');
    expect(evaluate('acl_entry_at(acl, `90`, `false`)', {acl})).toBeNull();
  });
  it('names the deny entries an allow numbered before them overrides (not the * entry, not other traffic)', () => {
    expect(evaluate('acl_denies_after(acl, acl_entry_at(acl, `1`, `false`))[].ruleNumber', {acl})).toEqual([50, 60]);
    // HTTPS only: neither the blocklist (numbered before it) nor the SSH deny (another port) is overridden.
    expect(evaluate('acl_denies_after(acl, acl_entry_at(acl, `100`, `false`))', {acl})).toEqual([]);
    expect(evaluate('acl_denies_after(acl, acl_entry_at(acl, `50`, `false`))', {acl})).toEqual([]);
  });
  it('says whether the ACL lets all traffic in from the internet, and the earlier denies it keeps', () => {
    expect(evaluate('acl_open_to_internet(acl, `false`)', {acl})).toMatchObject({ruleNumber: 1, cidr: '0.0.0.0/0', exceptions: []});
    const filtering = {...acl, Entries: acl.Entries.filter((e) => e.RuleNumber !== 1)};
    expect(evaluate('acl_open_to_internet(acl, `false`)', {acl: filtering})).toBeNull();
    const defaultAcl = {Entries: [entry(40, 'deny', '-1', '198.51.100.0/24'), entry(100, 'allow', '-1', '0.0.0.0/0'), entry(32767, 'deny', '-1', '0.0.0.0/0')]};
    expect(evaluate('acl_open_to_internet(acl, `false`).exceptions', {acl: defaultAcl})).toEqual([40]);
  });
  it('lists the sensitive ports an entry lets through', () => {
    const ports = [22, 3389, 5432];
    expect(evaluate('acl_allowed_ports(acl_request_entry(r), p)', {r: {ruleNumber: 5, ruleAction: 'allow', aclProtocol: '6', portRange: {from: 0, to: 3400}, cidrBlock: '0.0.0.0/0'}, p: ports})).toEqual([22, 3389]);
    expect(evaluate('acl_allowed_ports(acl_request_entry(r), p)', {r: {ruleNumber: 5, ruleAction: 'deny', aclProtocol: '-1', cidrBlock: '0.0.0.0/0'}, p: ports})).toEqual([]);
    expect(evaluate('acl_allowed_ports(acl_request_entry(r), p)', {r: {ruleNumber: 5, ruleAction: 'allow', aclProtocol: '1', cidrBlock: '0.0.0.0/0'}, p: ports})).toEqual([]);
  });
  it('lists the subnets it serves', () => {
    expect(evaluate('acl_subnets(acl)', {acl})).toEqual(['subnet-0a1a2a3a4a5a6a7a8', 'subnet-0b1b2b3b4b5b6b7b8']);
    expect(evaluate('acl_subnets(`null`)', {})).toEqual([]);
  });
});
