// The security group rules runbook's findings on records as CloudTrail writes them (test/fixtures/events/):
// a sensitive port opened to the internet is critical with the request's path as evidence, egress to
// everywhere and another account's source are high, the group's public users are exposed while the rule
// stands; each shows resolved once the event's rule is gone; the same calls refused raise none of these.
import {readFileSync} from 'node:fs';
import type {NetworkInterface, SecurityGroup, SecurityGroupRule} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import type {AccountSnapshot} from '../../src/aws/account-snapshot.js';
import {parseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord} from '../../src/events/record.js';
import {expectRow, findingOf, findings, resolved} from './helpers.js';

const groupId = 'sg-0a1b2c3d4e5f60718';
const fixture = (path: string): CloudTrailRecord => parseRecord(JSON.parse(readFileSync(`test/fixtures/events/${path}.json`, 'utf8')) as unknown, path, '');
const group: SecurityGroup = {GroupId: groupId, GroupName: 'web', OwnerId: '111122223333', VpcId: 'vpc-0b7e3a9c1d5f24680'};
const rule = (id: string, fields: Partial<SecurityGroupRule>): SecurityGroupRule => ({SecurityGroupRuleId: id, GroupId: groupId, IsEgress: false, IpProtocol: 'tcp', FromPort: 22, ToPort: 22, ...fields});
const publicEni: NetworkInterface = {NetworkInterfaceId: 'eni-0123456789abcdef0', Groups: [{GroupId: groupId}], Association: {PublicIp: '203.0.113.7'}};
const state = (rules: SecurityGroupRule[], extra: AccountSnapshot = {}): AccountSnapshot =>
  ({SecurityGroups: [group], NetworkInterfaces: [publicEni], ...extra, SecurityGroupRules: rules} as AccountSnapshot);
const sshOpen = state([rule('sgr-0f1e2d3c4b5a69788', {CidrIpv4: '0.0.0.0/0'}), rule('sgr-01a2b3c4d5e6f7081', {CidrIpv6: '::/0'})]);
const sshClosed = state([rule('sgr-0c0ffee0c0ffee012', {FromPort: 443, ToPort: 443, CidrIpv4: '198.51.100.0/24'})]);
const gone: AccountSnapshot = {SecurityGroups: [], SecurityGroupRules: []} as AccountSnapshot;

const ownIds = ['sgr-open-all-ports', 'sgr-open-remote-login', 'sgr-open-database', 'sgr-open-internet', 'sgr-egress-everywhere', 'sgr-foreign-group', 'sgr-foreign-prefix-list', 'sgr-public-users-exposed'];

describe('a sensitive port opened to the internet', () => {
  it('SSH to 0.0.0.0/0 and ::/0 is critical, with the request path as evidence', () => {
    const found = expectRow('sgr-open-remote-login', {name: 'ssh', record: fixture('AuthorizeSecurityGroupIngress/risky'), severity: 'critical',
      evidence: 'requestParameters.ipPermissions.items[0].ipRanges.items[0].cidrIp = 0.0.0.0/0 (+1 more)'});
    expect(found?.title).toContain('SSH (22)');
  });
  it('a database port in the older flat form is critical', () => {
    expectRow('sgr-open-database', {name: 'mysql', record: fixture('AuthorizeSecurityGroupIngress/risky-flat-no-rule-ids'), severity: 'critical', evidence: 'requestParameters.cidrIp = 0.0.0.0/0'});
  });
  it('a modified rule rewritten to the internet is critical, with the wrapped request as evidence', () => {
    expectRow('sgr-open-remote-login', {name: 'modify', record: fixture('ModifySecurityGroupRules/risky'), severity: 'critical',
      evidence: 'requestParameters.ModifySecurityGroupRulesRequest.SecurityGroupRule.SecurityGroupRule.CidrIpv4 = 0.0.0.0/0'});
  });
  it('the group\'s public interfaces are exposed while the rule stands, and not once it is gone', () => {
    const record = fixture('AuthorizeSecurityGroupIngress/risky');
    const found = expectRow('sgr-public-users-exposed', {name: 'public', record, state: sshOpen, severity: 'high', evidence: 'NetworkInterfaces[eni-0123456789abcdef0].Association.PublicIp = 203.0.113.7'});
    expect(found?.title).toContain('reachable now on tcp 22');
    expectRow('sgr-public-users-exposed', {name: 'closed', record, state: sshClosed, severity: null});
  });
  it('shows resolved once the event\'s rules are revoked or the group is gone, not while one is left', () => {
    const record = fixture('AuthorizeSecurityGroupIngress/risky');
    const found = findingOf('sgr-open-remote-login', record, sshOpen);
    expect(found).toBeDefined();
    if (found === undefined) return;
    expect(resolved(found, record, sshOpen)).toBe(false);
    expect(resolved(found, record, state([rule('sgr-01a2b3c4d5e6f7081', {CidrIpv6: '::/0'})]))).toBe(false);
    expect(resolved(found, record, sshClosed)).toBe(true);
    expect(resolved(found, record, gone)).toBe(true);
  });
  it('a modified rule shows resolved once narrowed back', () => {
    const record = fixture('ModifySecurityGroupRules/risky');
    const found = findingOf('sgr-open-remote-login', record);
    expect(found).toBeDefined();
    if (found === undefined) return;
    expect(resolved(found, record, state([rule('sgr-0123abcd4567ef890', {CidrIpv4: '0.0.0.0/0'})]))).toBe(false);
    expect(resolved(found, record, state([rule('sgr-0123abcd4567ef890', {CidrIpv4: '198.51.100.0/24'})]))).toBe(true);
  });
});

describe('other exposures', () => {
  it('all traffic out to 0.0.0.0/0 is high', () => {
    expectRow('sgr-egress-everywhere', {name: 'egress', record: fixture('AuthorizeSecurityGroupEgress/risky'), severity: 'high', evidence: 'ipRanges.items[0].cidrIp = 0.0.0.0/0'});
  });
  it('a source group of another account is high, unless that account is a known one', () => {
    const record = fixture('AuthorizeSecurityGroupIngress/risky-foreign-group');
    expectRow('sgr-foreign-group', {name: 'foreign', record, severity: 'high', evidence: 'groups.items[0].groupId = sg-0fedcba9876543210 (userId 444455556666)'});
    expectRow('sgr-foreign-group', {name: 'known', record, config: {knownAccounts: ['444455556666']}, severity: null});
  });
  it('a prefix list another account owns is high once the state names its owner; AWS\'s own lists are not', () => {
    const record = fixture('AuthorizeSecurityGroupEgress/benign');
    const list = (owner: string): AccountSnapshot => state([], {PrefixLists: [{PrefixListId: 'pl-63a5400a', OwnerId: owner}]});
    expectRow('sgr-foreign-prefix-list', {name: 'foreign', record, state: list('444455556666'), severity: 'high', evidence: 'PrefixLists[pl-63a5400a].OwnerId = 444455556666'});
    expectRow('sgr-foreign-prefix-list', {name: 'aws', record, state: list('AWS'), severity: null});
    expectRow('sgr-foreign-prefix-list', {name: 'own', record, state: list('111122223333'), severity: null});
  });
});

describe('no exposure finding', () => {
  it.each([
    'AuthorizeSecurityGroupIngress/benign', 'AuthorizeSecurityGroupEgress/benign', 'ModifySecurityGroupRules/benign',
  ])('%s: a narrow source or an AWS prefix list', (path) => {
    expect(findings(fixture(path), sshOpen).filter((f) => ownIds.includes(f.id))).toEqual([]);
  });
  it.each([
    'AuthorizeSecurityGroupIngress/failed', 'AuthorizeSecurityGroupEgress/failed', 'ModifySecurityGroupRules/failed',
  ])('%s: the refused call raises no high or critical finding of its own', (path) => {
    const raised = findings(fixture(path), sshOpen);
    expect(raised.filter((f) => ownIds.includes(f.id))).toEqual([]);
    expect(raised.filter((f) => f.severity === 'critical')).toEqual([]);
  });
});
