import {describe, expect, it} from 'vitest';
import {account, expectRow, findingOf, record, scenario, type RuleRow} from './helpers.js';

const benign = scenario('sg-terraform-load-balancer');
const denied = scenario('sg-denied-developer');
const hostile = scenario('sg-hostile-strings');
const legacyKey = scenario('sg-default-ssh-in-default-vpc');
const consoleUser = scenario('cidr-public-range-on-production-vpc');
const ssoConsole = scenario('peering-cross-account-cross-region');
const efs = scenario('eni-efs-mount-target');
const eksNode = scenario('eni-failed-subnet-full');
const withAgent = (userAgent: string, fields = {}) => record('CreateSecurityGroup', {userAgent, ...fields});
const failedWith = (errorCode: string) => record('CreateSecurityGroup', {errorCode, errorMessage: 'x', responseElements: null});

describe.each<[string, RuleRow[]]>([
  [
    'call-refused',
    [
      {name: 'Client.UnauthorizedOperation', record: denied, severity: 'high', evidence: 'errorCode = Client.UnauthorizedOperation'},
      {name: 'AccessDenied', record: failedWith('AccessDenied'), severity: 'high'},
      {name: 'a full subnet', record: eksNode, severity: null},
      {name: 'a successful call', record: benign, severity: null},
    ],
  ],
  [
    'call-failed',
    [
      {name: 'a full subnet', record: eksNode, severity: 'low', evidence: 'errorCode = Client.InsufficientFreeAddressesInSubnet'},
      {name: 'a dry run', record: failedWith('Client.DryRunOperation'), severity: 'low'},
      {name: 'an error message only', record: record('CreateSecurityGroup', {errorMessage: 'Something broke'}), severity: 'low', evidence: 'errorMessage = Something broke'},
      {name: 'a refusal (its own finding)', record: denied, severity: null},
      {name: 'a successful call', record: benign, severity: null},
    ],
  ],
  [
    'root-user',
    [
      {name: 'root', record: record('CreateSecurityGroup', {userIdentity: {type: 'Root', accountId: account, arn: `arn:aws:iam::${account}:root`}}), severity: 'critical', evidence: 'userIdentity.type = Root'},
      {name: 'a role', record: benign, severity: null},
    ],
  ],
  [
    'console-without-mfa',
    [
      {name: 'an IAM user in the console', record: consoleUser, severity: 'high', evidence: 'mfaAuthenticated = false'},
      {name: 'an Identity Center role in the console', record: ssoConsole, severity: 'low'},
      {name: 'an IAM user with MFA', record: record('CreateSecurityGroup', {sessionCredentialFromConsole: 'true', userIdentity: {type: 'IAMUser', userName: 'ops', sessionContext: {attributes: {mfaAuthenticated: 'true'}}}}), severity: null},
      {name: 'not a console session', record: benign, severity: null},
    ],
  ],
  [
    'long-term-access-key',
    [
      {name: 'AKIA key', record: legacyKey, severity: 'medium', evidence: 'userIdentity.accessKeyId = AKIAIOSFODNN7EXAMPLE'},
      {name: 'ASIA session', record: benign, severity: null},
    ],
  ],
  [
    'unlisted-source-ip',
    [
      {name: 'outside the allowlist', record: legacyKey, config: {allowedSourceIps: ['192.0.2.0/24']}, severity: 'low', evidence: 'sourceIPAddress = 203.0.113.77'},
      {name: 'inside the allowlist', record: legacyKey, config: {allowedSourceIps: ['203.0.113.0/24']}, severity: null},
      {name: 'IPv6 inside the allowlist', record: record('CreateSecurityGroup', {sourceIPAddress: '2001:db8::7'}), config: {allowedSourceIps: ['2001:db8::/32']}, severity: null},
      {name: 'no allowlist (no baseline)', record: legacyKey, severity: null},
      {name: 'an AWS service', record: efs, config: {allowedSourceIps: ['192.0.2.0/24']}, severity: null},
    ],
  ],
  [
    'offensive-user-agent',
    [
      {name: 'Kali', record: withAgent('aws-cli/1.18.69 Python/3.9.2 Linux/5.10.0-kali7-amd64 botocore/1.17.42'), severity: 'high'},
      {name: 'Terraform', record: benign, severity: null},
    ],
  ],
  [
    'crafted-strings',
    [
      {name: 'escapes in the user agent', record: hostile, severity: 'medium', evidence: 'userAgent = aws-cli/2.24.22'},
      {name: 'bidi override in a request value', record: record('CreateSecurityGroup', {requestParameters: {groupName: 'ops-\u202ehss-tluafed'}}), severity: 'medium', evidence: 'requestParameters.groupName'},
      {name: 'plain strings', record: benign, severity: null},
    ],
  ],
  [
    'unusual-user-agent',
    [
      {name: 'python-requests', record: withAgent('python-requests/2.31.0'), severity: 'low', evidence: 'userAgent = python-requests/2.31.0'},
      {name: 'curl', record: withAgent('curl/8.5.0'), severity: 'low'},
      {name: 'a browser without console credentials', record: withAgent('Mozilla/5.0 (X11; Linux x86_64)'), severity: 'low'},
      {name: 'not on the allowlist', record: withAgent('acme-deployer/1.2'), config: {allowedUserAgents: ['other-tool']}, severity: 'low'},
      {name: 'on the allowlist', record: withAgent('acme-deployer/1.2'), config: {allowedUserAgents: ['ACME-Deployer']}, severity: null},
      {name: 'Terraform', record: benign, severity: null},
      {name: 'aws-cli', record: legacyKey, severity: null},
      {name: 'Boto3', record: scenario('route-all-traffic-to-an-eni'), severity: null},
      {name: 'the console (browser, console credentials)', record: ssoConsole, severity: null},
      {name: 'the console (console.ec2.amazonaws.com)', record: scenario('route-default-to-igw-in-private-table'), severity: null},
      {name: 'CloudFormation', record: withAgent('cloudformation.amazonaws.com', {sourceIPAddress: 'cloudformation.amazonaws.com'}), severity: null},
      {name: 'an AWS service', record: efs, severity: null},
      {name: 'a service name as agent, from an ordinary address', record: withAgent('elasticfilesystem.amazonaws.com'), severity: 'low'},
      {name: 'an AWS SDK in a cluster', record: eksNode, severity: null},
      {name: 'a crafted agent (its own finding)', record: hostile, severity: null},
    ],
  ],
])('%s', (id, rows) => {
  it.each(rows)('$name', (row) => {
    expectRow(id, row);
  });
});

it('a dry run says the caller holds the permission', () => {
  expect(findingOf('call-failed', failedWith('Client.DryRunOperation'))?.title).toMatch(/^Dry run .*has the permission/);
});

it('the identity steps follow the event\'s runbook', () => {
  expect(findingOf('long-term-access-key', legacyKey)?.stepId).toBe('disable-user-key');
  expect(findingOf('long-term-access-key', scenario('eni-public-group-unusual-principal'))?.stepId).toBe('console-deactivate-access-key');
  expect(findingOf('long-term-access-key', scenario('route-all-traffic-to-an-eni'))?.stepId).toBeUndefined();
});
