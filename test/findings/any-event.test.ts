import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseEvents} from '../../src/events/parse-events.js';
import type {CloudTrailRecord} from '../../src/events/record.js';
import {account, expectRow, findingOf, record, scenario, type RuleRow} from './helpers.js';

// A trail file of a Stratus Red Team detonation (invictus-ir/aws_dataset, MIT): real records as published.
const trail = parseEvents(readFileSync(new URL('../fixtures/cloudtrail-public/218007301253_CloudTrail_us-east-1_20230710T1205Z_zs3JGxETHr59VpkX.json', import.meta.url), 'utf8'), 'trail').records;
const published = (eventID: string): CloudTrailRecord => {
  const found = trail.find((r) => r.eventID === eventID);
  if (found === undefined) throw new Error(`no record ${eventID}`);
  return found;
};
const stratusCall = published('b3614bea-cc3d-42b6-984b-6883dbdb869f'); // DescribeParameters, userAgent stratus-red-team_<uuid>, key AKIA…
const stratusTerraform = published('339fe997-eff7-463c-a16a-ec31e438246c'); // GetUser by Terraform, stratus-red-team_<uuid> in its agent
const refusedAssumeRole = trail.find((r) => r.eventName === 'AssumeRole' && r.errorCode === 'AccessDenied') as CloudTrailRecord;
const iamInUsEast1 = stratusTerraform; // iam.amazonaws.com, recorded in us-east-1 as global services are
const ssmInUsEast1 = stratusCall;

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
      {name: 'a published AccessDenied (AssumeRole)', record: refusedAssumeRole, severity: 'high', evidence: 'errorCode = AccessDenied'},
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
      {name: 'a published IAM user\'s key', record: stratusCall, severity: 'medium', evidence: 'userIdentity.accessKeyId = AKIATFQR7NSC8Q4X20BJ'},
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
      {name: 'Parrot', record: withAgent('Boto3/1.26.0 Python/3.11.2 Linux/6.1.0-1parrot1-amd64 Botocore/1.29.0'), severity: 'high'},
      {name: 'Stratus Red Team (published)', record: stratusCall, severity: 'high', evidence: 'userAgent = stratus-red-team_11a6ef34'},
      {name: 'Terraform run by Stratus Red Team (published)', record: stratusTerraform, severity: 'high'},
      {name: 'Endgame\'s default agent', record: withAgent('HotDogsAreSandwiches'), severity: 'high'},
      {name: 'Pacu named in the agent', record: withAgent('Boto3/1.34.0 Python/3.11 Linux/6.5 Botocore/1.34.0 Pacu/1.5'), severity: 'high'},
      {name: 'a word that only holds "pacu"', record: withAgent('pacuare-sync/1.0'), severity: null},
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
      {name: 'aws-cli on Kali (offensive, not also unusual)', record: withAgent('aws-cli/1.18.69 Python/3.9.2 Linux/5.10.0-kali7-amd64 botocore/1.17.42'), severity: null},
      {name: 'Stratus Red Team (offensive, not also unusual)', record: stratusCall, severity: null},
    ],
  ],
  [
    'unused-region',
    [
      {name: 'a Region listed unused', record: record('CreateSecurityGroup', {awsRegion: 'ap-southeast-2'}), config: {unusedRegions: ['ap-southeast-2']}, severity: 'medium', evidence: 'awsRegion = ap-southeast-2'},
      {name: 'outside the used Regions', record: record('CreateSecurityGroup', {awsRegion: 'eu-north-1'}), config: {usedRegions: ['us-east-1', 'eu-west-1']}, severity: 'medium', evidence: 'awsRegion = eu-north-1'},
      {name: 'a published SSM call in a Region listed unused', record: ssmInUsEast1, config: {unusedRegions: ['us-east-1']}, severity: 'medium'},
      {name: 'inside the used Regions', record: record('CreateSecurityGroup', {awsRegion: 'eu-west-1'}), config: {usedRegions: ['us-east-1', 'eu-west-1']}, severity: null},
      {name: 'a Region not listed unused', record: record('CreateSecurityGroup', {awsRegion: 'eu-west-1'}), config: {unusedRegions: ['ap-southeast-2']}, severity: null},
      {name: 'IAM, a global service recorded in us-east-1', record: iamInUsEast1, config: {usedRegions: ['eu-west-1']}, severity: null},
      {name: 'no Regions configured', record: record('CreateSecurityGroup', {awsRegion: 'ap-southeast-2'}), severity: null},
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

it('an attack tool is named as such, a distribution as a penetration-testing system', () => {
  expect(findingOf('offensive-user-agent', stratusCall)?.title).toBe('User agent of Stratus Red Team, an attack tool: is a test scheduled? If not, contain it');
  expect(findingOf('offensive-user-agent', record('CreateSecurityGroup', {userAgent: 'aws-cli/2.15.0 Python/3.11.8 Linux/6.6.9-amd64 exe/x86_64.kali.2024'}))?.title).toBe('User agent names Kali Linux, a penetration-testing system: is a test scheduled?');
});

describe('console-without-mfa on the sign-in itself (published ConsoleLogin records, panther-analysis)', () => {
  const logins = parseEvents(readFileSync(new URL('../fixtures/findings/ConsoleLogin__panther.json', import.meta.url), 'utf8'), 'logins').records;
  const [iamUser, root, saml, withMfa, failed] = logins as [CloudTrailRecord, CloudTrailRecord, CloudTrailRecord, CloudTrailRecord, CloudTrailRecord];
  it.each<RuleRow>([
    {name: 'an IAM user, MFAUsed No', record: iamUser, severity: 'high', evidence: 'additionalEventData.MFAUsed = No'},
    {name: 'root, MFAUsed No', record: root, severity: 'high', evidence: 'additionalEventData.MFAUsed = No'},
    {name: 'a SAML sign-in (the identity provider may ask for MFA)', record: saml, severity: 'low'},
    {name: 'MFAUsed Yes', record: withMfa, severity: null},
    {name: 'a failed sign-in', record: failed, severity: null},
  ])('$name', (row) => {
    expectRow('console-without-mfa', row);
  });
  it('root signing in is also root-user, critical', () => {
    expect(findingOf('root-user', root)?.severity).toBe('critical');
  });
});
