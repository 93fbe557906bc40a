import {describe, expect, it} from 'vitest';
import {evaluate} from '../../../src/engine/expression.js';

const groupId = 'sg-0123456789abcdef0';
const tcp = (from: number, cidr: string, to = from) =>
  cidr.includes(':') ? {IpProtocol: 'tcp', FromPort: from, ToPort: to, Ipv6Ranges: [{CidrIpv6: cidr}]} : {IpProtocol: 'tcp', FromPort: from, ToPort: to, IpRanges: [{CidrIp: cidr}]};
const group = (...permissions: unknown[]) => ({GroupId: groupId, OwnerId: '111122223333', IpPermissions: permissions});

describe('open_ingress', () => {
  it('lists each source open to the internet or nearly, with the path that proves it and its ports', () => {
    const g = group(tcp(443, '10.0.0.0/8'), {IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '203.0.113.0/24'}, {CidrIp: '0.0.0.0/1'}], Ipv6Ranges: [{CidrIpv6: '::/0'}]});
    expect(evaluate('open_ingress(g)', {g})).toEqual([
      {path: `SecurityGroups[${groupId}].IpPermissions[1].IpRanges[1].CidrIp`, cidr: '0.0.0.0/1', protocol: 'tcp', fromPort: 22, toPort: 22},
      {path: `SecurityGroups[${groupId}].IpPermissions[1].Ipv6Ranges[0].CidrIpv6`, cidr: '::/0', protocol: 'tcp', fromPort: 22, toPort: 22},
    ]);
  });

  it('reads all protocols, and TCP without ports, as every port', () => {
    const g = group({IpProtocol: '-1', IpRanges: [{CidrIp: '0.0.0.0/0'}]}, {IpProtocol: 'TCP', FromPort: -1, ToPort: -1, IpRanges: [{CidrIp: '0.0.0.0/0'}]});
    expect(evaluate('open_ingress(g)[*].[protocol, fromPort, toPort]', {g})).toEqual([['-1', 0, 65535], ['tcp', 0, 65535]]);
  });

  it.each<[string, unknown]>([['no group', null], ['no rules', {GroupId: groupId}], ['rules not a list', {GroupId: groupId, IpPermissions: {}}], ['unreadable CIDRs', group({IpProtocol: '-1', IpRanges: [{CidrIp: 'garbage/0'}, {CidrIp: 5}, null]})]])(
    '%s: none', (_name, g) => {
      expect(evaluate('open_ingress(g)', {g})).toEqual([]);
    });
});

describe('ports of an open rule', () => {
  const rule = (protocol: string, fromPort: number, toPort: number) => ({path: 'p', cidr: '0.0.0.0/0', protocol, fromPort, toPort});

  it.each<[string, boolean, boolean, ReturnType<typeof rule>]>([
    ['all protocols', true, false, rule('-1', 0, 65535)],
    ['tcp 0-65535', true, true, rule('tcp', 0, 65535)],
    ['udp 1-65535', true, true, rule('17', 1, 65535)],
    ['tcp 22', false, true, rule('tcp', 22, 22)],
    ['icmp, all types', false, false, rule('icmp', -1, -1)],
    ['ESP', false, false, rule('50', -1, -1)],
  ])('%s: every port %s, TCP/UDP %s', (_name, isAll, isTcpUdp, r) => {
    expect(evaluate('is_all_ports(r)', {r})).toBe(isAll);
    expect(evaluate('is_tcp_udp(r)', {r})).toBe(isTcpUdp);
  });

  it('allows_port: a TCP/UDP port inside the range, or any port for all protocols; never an ICMP type', () => {
    expect(evaluate('[allows_port(r, `22`), allows_port(r, `23`), allows_port(r, `19`)]', {r: rule('tcp', 20, 22)})).toEqual([true, false, false]);
    expect(evaluate('allows_port(r, `3389`)', {r: rule('-1', 0, 65535)})).toBe(true);
    expect(evaluate('allows_port(r, `8`)', {r: rule('icmp', 8, -1)})).toBe(false);
  });

  it('allowed_ports: the listed ports the rule lets in, in the order of the list', () => {
    expect(evaluate('allowed_ports(r, `[3306, 5432, 1433, 6379]`)', {r: rule('tcp', 1000, 6000)})).toEqual([3306, 5432, 1433]);
    expect(evaluate('allowed_ports(r, `[22]`)', {r: rule('tcp', 80, 80)})).toEqual([]);
  });

  it('something that is not an open rule lets nothing in', () => {
    expect(evaluate('[is_all_ports(r), allows_port(r, `22`), allowed_ports(r, `[22]`)]', {r: {protocol: '-1'}})).toEqual([false, false, []]);
  });

  it('open_evidence: the first rule as path = cidr, and how many more', () => {
    const one = {path: 'SecurityGroups[sg-1].IpPermissions[0].IpRanges[0].CidrIp', cidr: '0.0.0.0/0', protocol: 'tcp', fromPort: 22, toPort: 22};
    expect(evaluate('open_evidence(r)', {r: [one]})).toBe('SecurityGroups[sg-1].IpPermissions[0].IpRanges[0].CidrIp = 0.0.0.0/0');
    expect(evaluate('open_evidence(r)', {r: [one, one, one]})).toBe('SecurityGroups[sg-1].IpPermissions[0].IpRanges[0].CidrIp = 0.0.0.0/0 (+2 more)');
    expect(evaluate('open_evidence(r)', {r: []})).toBe('');
  });
});

describe('rule_ports', () => {
  it.each<[unknown, string]>([
    [{IpProtocol: '-1'}, 'all traffic'],
    [{IpProtocol: 'tcp', FromPort: 22, ToPort: 22}, 'tcp 22'],
    [{IpProtocol: 'tcp', FromPort: 1000, ToPort: 2000}, 'tcp 1000–2000'],
    [{IpProtocol: 'tcp', FromPort: 0, ToPort: 65535}, 'tcp all ports'],
    [{IpProtocol: 'udp', FromPort: 53, ToPort: 53}, 'udp 53'],
    [{IpProtocol: '6', FromPort: 443, ToPort: 443}, 'tcp 443'],
    [{IpProtocol: 'icmp', FromPort: -1, ToPort: -1}, 'icmp all'],
    [{IpProtocol: 'icmp', FromPort: 8, ToPort: -1}, 'icmp type 8'],
    [{IpProtocol: 'icmp', FromPort: 3, ToPort: 4}, 'icmp type 3 code 4'],
    [{IpProtocol: '58', FromPort: -1, ToPort: -1}, 'icmpv6 all'],
    [{IpProtocol: '50'}, 'protocol 50'],
    [{IpProtocol: 'constructor'}, 'protocol constructor'],
    [{IpProtocol: 6, FromPort: '22'}, 'protocol ?'],
  ])('%j is "%s"', (permission, text) => {
    expect(evaluate('rule_ports(p)', {p: permission})).toBe(text);
  });
});

describe('cidr_reach', () => {
  it.each<[string, string]>([
    ['0.0.0.0/0', 'internet'], ['::/0', 'internet'], ['0.0.0.0/1', 'wide'], ['1.0.0.0/7', 'wide'], ['2000::/3', 'wide'],
    ['::/4', 'specific'], ['10.0.0.0/8', 'specific'], ['203.0.113.7/32', 'specific'], ['2001:db8::/32', 'specific'], ['garbage', 'specific'], [' 0.0.0.0/0 ', 'internet'],
  ])('%s is %s', (cidr, reach) => {
    expect(evaluate('cidr_reach(c)', {c: cidr})).toBe(reach);
  });
});

describe('ingress_sources', () => {
  it('lists every source in order, with its ports in words and its reach', () => {
    const g = group(
      {IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '0.0.0.0/0'}, {CidrIp: '10.0.0.0/8'}], Ipv6Ranges: [{CidrIpv6: '2000::/3'}], PrefixListIds: [{PrefixListId: 'pl-0123456789abcdef0'}]},
      {IpProtocol: '-1', UserIdGroupPairs: [{GroupId: 'sg-0fedcba9876543210', UserId: '444455556666'}, {GroupId: 'sg-0aaaabbbbccccdddd', UserId: '111122223333'}, {}]},
    );
    expect(evaluate('ingress_sources(g)[*].[kind, source, ports, reach]', {g})).toEqual([
      ['cidr', '0.0.0.0/0', 'tcp 22', 'internet'],
      ['cidr', '10.0.0.0/8', 'tcp 22', 'specific'],
      ['cidr', '2000::/3', 'tcp 22', 'wide'],
      ['prefix-list', 'pl-0123456789abcdef0', 'tcp 22', 'specific'],
      ['group', 'sg-0fedcba9876543210', 'all traffic', 'other-account'],
      ['group', 'sg-0aaaabbbbccccdddd', 'all traffic', 'specific'],
      ['group', 'a group', 'all traffic', 'specific'],
    ]);
  });

  it('cannot tell another account without the group owner', () => {
    const g = {GroupId: groupId, IpPermissions: [{IpProtocol: '-1', UserIdGroupPairs: [{GroupId: 'sg-0fedcba9876543210', UserId: '444455556666'}]}]};
    expect(evaluate('ingress_sources(g)[0].reach', {g})).toBe('specific');
  });

  it('gives none for an odd group', () => {
    expect(evaluate('ingress_sources(g)', {g: {GroupId: groupId, IpPermissions: 'x'}})).toEqual([]);
    expect(evaluate('ingress_sources(g)', {g: null})).toEqual([]);
  });
});

describe('imitated_group', () => {
  const user = {credential: 'long-term-key', roleName: null, via: ['203.0.113.9', 'aws-cli/2.24']};

  it.each<[string, 'name' | 'description', string | null]>([
    ['default', 'name', "AWS's default group"],
    ['default-ssh', 'name', "AWS's default group"],
    ['  DEFAULT ', 'name', "AWS's default group"],
    ['defaults-review', 'name', null],
    ['launch-wizard-12', 'name', 'the console launch wizard'],
    ['launch-wizard-x', 'name', null],
    ['ElasticMapReduce-master', 'name', 'Amazon EMR'],
    ['eks-cluster-sg-prod-1', 'name', 'Amazon EKS'],
    ['AWS-OpsWorks-Web', 'name', 'an AWS service'],
    ['orders-db', 'name', null],
    ['default VPC security group', 'description', "AWS's default group"],
    ['launch-wizard-2 created 2025-04-02T23:51:08.317Z', 'description', 'the console launch wizard'],
    ['default', 'description', null],
  ])('%j as a %s, by a user: %j', (text, field, of) => {
    expect(evaluate('imitated_group(t, f, c)', {t: text, f: field, c: user})).toBe(of);
  });

  it.each<[string, Record<string, unknown>]>([
    ['launch-wizard-3', {credential: 'console', via: []}],
    ['ElasticMapReduce-master', {credential: 'aws-service', via: ['elasticmapreduce.amazonaws.com']}],
    ['ElasticMapReduce-master', {credential: 'temporary-credentials', roleName: 'EMR_EC2_DefaultRole', via: []}],
    ['eks-cluster-sg-prod-1', {credential: 'temporary-credentials', roleName: 'my-eks-nodes', via: []}],
    ['AWS-OpsWorks-Web', {credential: 'aws-service', via: []}],
  ])('%s made by its real maker is no imitation', (text, caller) => {
    expect(evaluate("imitated_group(t, 'name', c)", {t: text, c: caller})).toBeNull();
  });

  it("nobody but AWS makes the default group, whoever calls", () => {
    expect(evaluate("imitated_group('default', 'name', c)", {c: {credential: 'aws-service', via: ['eks.amazonaws.com']}})).toBe("AWS's default group");
  });
});
