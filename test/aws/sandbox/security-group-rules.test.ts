// ModifySecurityGroupRules and DescribeManagedPrefixLists in the sandbox, and the accounts it builds from
// the rules events' records: the event's rules in place with their IDs (none for a refused call).
import {readFileSync} from 'node:fs';
import type {ManagedPrefixList, SecurityGroupRule} from '@aws-sdk/client-ec2';
import type {ActionParams, ParamValue} from '../../../src/aws/action.js';
import {describe, expect, it} from 'vitest';
import {parseRecord} from '../../../src/events/parse-record.js';
import {accountFor} from '../../../src/aws/sandbox/seeds.js';
import type {SandboxAccount} from '../../../src/aws/sandbox/account.js';
import {failure, fixture, ids, list, ok} from './fixture.js';

const seeded = (path: string): SandboxAccount =>
  accountFor(undefined, parseRecord(JSON.parse(readFileSync(`test/fixtures/events/${path}.json`, 'utf8')) as unknown, path, ''));
const groupId = 'sg-0a1b2c3d4e5f60718';
const rulesOf = (account: SandboxAccount, group = groupId) =>
  list<SecurityGroupRule>(ok('DescribeSecurityGroupRules', {Filters: [{Name: 'group-id', Values: [group]}]}, account).output, 'SecurityGroupRules');
const sshRule = (account = fixture()) => rulesOf(account, ids.web).find((r) => r.IsEgress === false && r.FromPort === 22 && r.CidrIpv4 === '0.0.0.0/0');
const narrow = (ruleId: string, rule: Readonly<Record<string, ParamValue>> = {IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '198.51.100.0/24'}): ActionParams =>
  ({GroupId: ids.web, SecurityGroupRules: [{SecurityGroupRuleId: ruleId, SecurityGroupRule: rule}]});

describe('ModifySecurityGroupRules', () => {
  it('rewrites the rule in place: same ID and direction, the new source', () => {
    const id = sshRule()?.SecurityGroupRuleId ?? '';
    const result = ok('ModifySecurityGroupRules', narrow(id));
    expect(result.output).toEqual({Return: true});
    expect(rulesOf(result.account, ids.web).find((r) => r.SecurityGroupRuleId === id)).toMatchObject({IsEgress: false, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '198.51.100.0/24'});
    expect(sshRule(result.account)).toBeUndefined();
  });
  it('InvalidSecurityGroupRuleId.NotFound for a rule the group does not have', () => {
    expect(failure('ModifySecurityGroupRules', narrow('sgr-0000000000000dead')).code).toBe('InvalidSecurityGroupRuleId.NotFound');
  });
  it('InvalidGroup.NotFound for a group that does not exist', () => {
    expect(failure('ModifySecurityGroupRules', {...narrow('sgr-0000000000000dead'), GroupId: 'sg-0000000000000dead'}).code).toBe('InvalidGroup.NotFound');
  });
  it('InvalidPermission.Duplicate when the group already has the rule it would become', () => {
    const rules = rulesOf(fixture(), ids.web);
    const ssh = sshRule()?.SecurityGroupRuleId ?? '';
    const https = rules.find((r) => r.IsEgress === false && r.FromPort === 443);
    expect(https).toBeDefined();
    expect(failure('ModifySecurityGroupRules', narrow(ssh, {IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIpv4: '0.0.0.0/0'})).code).toBe('InvalidPermission.Duplicate');
  });
  it.each<[string, Readonly<Record<string, ParamValue>>, string]>([
    ['no source', {IpProtocol: 'tcp', FromPort: 22, ToPort: 22}, 'InvalidParameterValue'],
    ['two sources', {IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '198.51.100.0/24', CidrIpv6: '2001:db8::/32'}, 'InvalidParameterValue'],
    ['no protocol', {FromPort: 22, ToPort: 22, CidrIpv4: '198.51.100.0/24'}, 'MissingParameter'],
    ['a port range upside down', {IpProtocol: 'tcp', FromPort: 23, ToPort: 22, CidrIpv4: '198.51.100.0/24'}, 'InvalidParameterValue'],
  ])('%s: %s', (_name, rule, code) => {
    expect(failure('ModifySecurityGroupRules', narrow(sshRule()?.SecurityGroupRuleId ?? '', rule)).code).toBe(code);
  });
});

describe('DescribeManagedPrefixLists', () => {
  const account = seeded('AuthorizeSecurityGroupEgress/benign');
  it('lists the prefix lists a rule names, AWS\'s own owned by AWS', () => {
    const lists = list<ManagedPrefixList>(ok('DescribeManagedPrefixLists', {PrefixListIds: ['pl-63a5400a']}, account).output, 'PrefixLists');
    expect(lists.map((p) => [p.PrefixListId, p.OwnerId])).toEqual([['pl-63a5400a', 'AWS']]);
  });
  it('InvalidPrefixListID.NotFound for a list that does not exist', () => {
    expect(failure('DescribeManagedPrefixLists', {PrefixListIds: ['pl-0000000000000dead']}, account).code).toBe('InvalidPrefixListID.NotFound');
  });
});

describe('accounts built from the rules events', () => {
  it('holds the event\'s rules with the IDs of its response, beside the office rule and the outbound default', () => {
    const rules = rulesOf(seeded('AuthorizeSecurityGroupIngress/risky'));
    expect(rules.filter((r) => r.IsEgress === false).map((r) => [r.SecurityGroupRuleId ?? '', r.FromPort, r.CidrIpv4 ?? r.CidrIpv6])).toEqual(expect.arrayContaining([
      ['sgr-0f1e2d3c4b5a69788', 22, '0.0.0.0/0'], ['sgr-01a2b3c4d5e6f7081', 22, '::/0'],
    ]));
    expect(rules.some((r) => r.IsEgress === false && r.CidrIpv4 === '198.51.100.0/24')).toBe(true);
  });
  it('lets the trainee revoke exactly those rules by their IDs', () => {
    const account = seeded('AuthorizeSecurityGroupIngress/risky');
    const after = ok('RevokeSecurityGroupIngress', {GroupId: groupId, SecurityGroupRuleIds: ['sgr-0f1e2d3c4b5a69788', 'sgr-01a2b3c4d5e6f7081']}, account).account;
    expect(rulesOf(after).filter((r) => r.IsEgress === false).map((r) => r.CidrIpv4)).toEqual(['198.51.100.0/24']);
  });
  it('holds the office rule once when the event added that same rule', () => {
    const https = rulesOf(seeded('AuthorizeSecurityGroupIngress/benign')).filter((r) => r.IsEgress === false && r.FromPort === 443);
    expect(https.map((r) => [r.SecurityGroupRuleId, r.CidrIpv4])).toEqual([['sgr-0c0ffee0c0ffee012', '198.51.100.0/24']]);
  });
  it('holds no rule of a refused call', () => {
    expect(rulesOf(seeded('AuthorizeSecurityGroupIngress/failed')).some((r) => r.FromPort === 3389)).toBe(false);
  });
  it('has an instance with a public address using the group', () => {
    const enis = list<{Association?: {PublicIp?: string}}>(ok('DescribeNetworkInterfaces', {Filters: [{Name: 'group-id', Values: [groupId]}]}, seeded('ModifySecurityGroupRules/risky')).output, 'NetworkInterfaces');
    expect(enis.map((e) => e.Association?.PublicIp)).toEqual(['203.0.113.7']);
  });
});
