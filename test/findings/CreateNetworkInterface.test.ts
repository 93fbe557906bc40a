import type {NetworkInterface, SecurityGroup} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import type {AccountSnapshot} from '../../src/aws/account-snapshot.js';
import type {JsonObject} from '../../src/events/record.js';
import {account, expectRow, findingOf, otherAccount, record, resolved, scenario, type RuleRow} from './helpers.js';

const risky = scenario('eni-public-group-unusual-principal');
const efs = scenario('eni-efs-mount-target');
const eniId = 'eni-0abcdef0123456789';
const subnetId = 'subnet-0123456789abcdef0';
const publicWeb: SecurityGroup = {GroupId: 'sg-0fedcba9876543210', GroupName: 'public-web', IpPermissions: [{IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{CidrIp: '0.0.0.0/0'}]}]};
const quarantine: SecurityGroup = {GroupId: 'sg-quarantine', GroupName: 'quarantine', IpPermissions: []};
const madeBy = (userIdentity: JsonObject, networkInterface: JsonObject = {}) =>
  record('CreateNetworkInterface', {
    userIdentity: {accountId: account, ...userIdentity},
    requestParameters: {subnetId},
    responseElements: {networkInterface: {networkInterfaceId: eniId, subnetId, requesterManaged: false, ...networkInterface}},
  });

describe.each<[string, RuleRow[]]>([
  [
    'eni-requester-managed',
    [
      {name: 'EFS mount target', record: efs, severity: 'info', evidence: 'responseElements.networkInterface.requesterManaged = true'},
      {name: 'requester-managed, but a role made the call', record: madeBy({type: 'AssumedRole'}, {requesterManaged: true}), severity: 'low'},
      {name: 'made by a user', record: risky, severity: null},
    ],
  ],
  [
    'eni-foreign-subnet',
    [
      {name: 'subnet of an unknown account', record: risky, state: {Subnets: [{SubnetId: subnetId, OwnerId: otherAccount}]}, severity: 'high', evidence: `Subnets[${subnetId}].OwnerId = ${otherAccount}`},
      {name: 'subnet shared by a known account', record: risky, state: {Subnets: [{SubnetId: subnetId, OwnerId: otherAccount}]}, config: {knownAccounts: [otherAccount]}, severity: 'low'},
      {name: 'our own subnet', record: risky, state: {Subnets: [{SubnetId: subnetId, OwnerId: account}]}, severity: null},
      {name: 'no state', record: risky, severity: null},
    ],
  ],
  [
    'eni-public-ip',
    [
      {name: 'state shows a public IP', record: risky, state: {NetworkInterfaces: [{NetworkInterfaceId: eniId, Association: {PublicIp: '198.51.100.7'}}]}, severity: 'medium', evidence: `NetworkInterfaces[${eniId}].Association.PublicIp = 198.51.100.7`},
      {name: 'the response shows a public IP', record: madeBy({type: 'AssumedRole'}, {association: {publicIp: '198.51.100.8'}}), severity: 'medium', evidence: 'responseElements.networkInterface.association.publicIp = 198.51.100.8'},
      {name: 'private only', record: risky, state: {NetworkInterfaces: [{NetworkInterfaceId: eniId}]}, severity: null},
    ],
  ],
  [
    'eni-open-security-group',
    [
      {name: 'public-web allows 0.0.0.0/0', record: risky, state: {SecurityGroups: [publicWeb]}, severity: 'high', evidence: 'SecurityGroups[sg-0fedcba9876543210].IpPermissions[0].IpRanges[0].CidrIp = 0.0.0.0/0'},
      {name: 'the group allows the VPC only', record: risky, state: {SecurityGroups: [{...publicWeb, IpPermissions: [{IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{CidrIp: '10.0.0.0/8'}]}]}]}, severity: null},
      {name: 'no state', record: risky, severity: null},
    ],
  ],
  [
    'eni-unusual-principal',
    [
      {name: 'an IAM user with a long-term key', record: risky, severity: 'medium', evidence: 'userIdentity.type = IAMUser'},
      {name: 'root', record: madeBy({type: 'Root'}), severity: 'medium', evidence: 'userIdentity.type = Root'},
      {name: 'an AWS service', record: efs, severity: null},
      {name: 'a role', record: madeBy({type: 'AssumedRole'}), severity: null},
    ],
  ],
])('%s', (id, rows) => {
  it.each(rows)('$name', (row) => {
    expectRow(id, row);
  });
});

describe('isResolved', () => {
  const eni = (fields: Partial<NetworkInterface>): NetworkInterface => ({NetworkInterfaceId: eniId, ...fields});
  const open = findingOf('eni-open-security-group', risky, {SecurityGroups: [publicWeb]});
  const principal = findingOf('eni-unusual-principal', risky);
  const publicIp = findingOf('eni-public-ip', risky, {NetworkInterfaces: [eni({Association: {PublicIp: '198.51.100.7'}})]});

  it.each<[string, AccountSnapshot, boolean]>([
    ['still has the open group', {SecurityGroups: [publicWeb, quarantine], NetworkInterfaces: [eni({Groups: [{GroupId: 'sg-0fedcba9876543210'}]})]}, false],
    ['moved to the quarantine group', {SecurityGroups: [publicWeb, quarantine], NetworkInterfaces: [eni({Groups: [{GroupId: 'sg-quarantine'}]})]}, true],
    ['moved to a group the state does not show', {SecurityGroups: [publicWeb], NetworkInterfaces: [eni({Groups: [{GroupId: 'sg-unknown'}]})]}, false],
    ['deleted', {SecurityGroups: [publicWeb], NetworkInterfaces: []}, true],
    ['not in the state', {SecurityGroups: [publicWeb]}, false],
  ])('eni-open-security-group when the interface is %s: %s', (_name, state, expected) => {
    expect(open).toBeDefined();
    if (open) expect(resolved(open, risky, state)).toBe(expected);
  });

  it('eni-public-ip ends with the address; eni-unusual-principal only with the interface', () => {
    expect(publicIp).toBeDefined();
    expect(principal).toBeDefined();
    if (!publicIp || !principal) return;
    expect(resolved(publicIp, risky, {NetworkInterfaces: [eni({Association: {PublicIp: '198.51.100.7'}})]})).toBe(false);
    expect(resolved(publicIp, risky, {NetworkInterfaces: [eni({})]})).toBe(true);
    expect(resolved(principal, risky, {NetworkInterfaces: [eni({})]})).toBe(false);
    expect(resolved(principal, risky, {NetworkInterfaces: []})).toBe(true);
  });
});
