// Training scenarios for AssociateVpcCidrBlock. Newer EC2 calls such as this one may be logged
// with the body wrapped as {"AssociateVpcCidrBlockRequest": {…}} / {"AssociateVpcCidrBlockResponse": {…}};
// the risky scenario uses that form, the benign one the plain camelCase form.
import {account, ciDeployer, consoleUserNoMfa, firefoxUserAgent, terraformUserAgent, tlsDetails} from './identities.js';
import {developer} from './identities.js';
import type {Scenario} from './scenario.js';

export const associateVpcCidrBlockScenarios: readonly Scenario[] = [
  {
    id: 'cidr-public-range-on-production-vpc',
    eventName: 'AssociateVpcCidrBlock',
    kind: 'risky',
    title: 'A public (non-RFC 1918) range is added to the production VPC',
    summary:
      '198.51.100.0/24 is publicly routable and not ours: inside the VPC, traffic for it now stays local, so calls to whoever really owns that range can be captured by an instance here. It came from a console user without MFA, after midnight.',
    record: {
      eventVersion: '1.10',
      userIdentity: consoleUserNoMfa,
      eventTime: '2025-03-16T00:12:09Z',
      eventSource: 'ec2.amazonaws.com',
      eventName: 'AssociateVpcCidrBlock',
      awsRegion: 'us-east-1',
      sourceIPAddress: '203.0.113.140',
      userAgent: firefoxUserAgent,
      requestParameters: {AssociateVpcCidrBlockRequest: {VpcId: 'vpc-0abcdef0123456789', CidrBlock: '198.51.100.0/24'}},
      responseElements: {
        AssociateVpcCidrBlockResponse: {
          xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/',
          requestId: 'e6cd82de-5f89-4a26-9345-62f8b273620c',
          vpcId: 'vpc-0abcdef0123456789',
          cidrBlockAssociation: {
            associationId: 'vpc-cidr-assoc-0123456789abcdef0',
            cidrBlock: '198.51.100.0/24',
            cidrBlockState: {state: 'associating'},
          },
        },
      },
      requestID: 'e6cd82de-5f89-4a26-9345-62f8b273620c',
      eventID: '950cb63f-4bf1-418c-834e-8b8c4a189aca',
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: account,
      eventCategory: 'Management',
      tlsDetails: tlsDetails('us-east-1'),
      sessionCredentialFromConsole: 'true',
    },
  },
  {
    id: 'cidr-secondary-private-range',
    eventName: 'AssociateVpcCidrBlock',
    kind: 'benign',
    title: 'Terraform adds a private secondary range (10.21.0.0/16) to a VPC',
    summary:
      'A secondary RFC 1918 block added by the CI role to make room for more subnets: routine. Contrast the CIDR with the public range in the risky scenario.',
    record: {
      eventVersion: '1.11',
      userIdentity: ciDeployer,
      eventTime: '2025-03-12T16:44:18Z',
      eventSource: 'ec2.amazonaws.com',
      eventName: 'AssociateVpcCidrBlock',
      awsRegion: 'eu-west-1',
      sourceIPAddress: '198.51.100.14',
      userAgent: terraformUserAgent,
      requestParameters: {vpcId: 'vpc-0aaaabbbbccccdddd', cidrBlock: '10.21.0.0/16', amazonProvidedIpv6CidrBlock: false},
      responseElements: {
        requestId: 'ec60a45c-a862-4125-aaa1-d98de993475c',
        vpcId: 'vpc-0aaaabbbbccccdddd',
        cidrBlockAssociation: {
          associationId: 'vpc-cidr-assoc-0abcdef0123456789',
          cidrBlock: '10.21.0.0/16',
          cidrBlockState: {state: 'associating'},
        },
      },
      requestID: 'ec60a45c-a862-4125-aaa1-d98de993475c',
      eventID: '02326c1c-1baf-4a44-8fe9-2c0ded7538b8',
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: account,
      eventCategory: 'Management',
      tlsDetails: tlsDetails('eu-west-1'),
    },
  },
  {
    id: 'cidr-refused-public-range',
    eventName: 'AssociateVpcCidrBlock',
    kind: 'failed',
    title: 'A developer is refused adding a public range to a VPC (Client.UnauthorizedOperation)',
    summary:
      'The call was refused, so the VPC has no new block: nothing to disassociate. The public range asked for (203.0.113.0/24) is the interesting part: who wanted to route that inside the VPC, and what else did they try?',
    record: {
      eventVersion: '1.11',
      userIdentity: developer,
      eventTime: '2025-03-17T10:05:43Z',
      eventSource: 'ec2.amazonaws.com',
      eventName: 'AssociateVpcCidrBlock',
      awsRegion: 'us-east-1',
      sourceIPAddress: '203.0.113.40',
      userAgent: 'aws-cli/2.24.22 md/awscrt#0.23.8 ua/2.1 os/linux#6.8.0 md/arch#x86_64 lang/python#3.12.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 md/prompt#off md/command#ec2.associate-vpc-cidr-block',
      errorCode: 'Client.UnauthorizedOperation',
      errorMessage: 'You are not authorized to perform this operation. User: arn:aws:sts::111122223333:assumed-role/developer/li.wei is not authorized to perform: ec2:AssociateVpcCidrBlock on resource: arn:aws:ec2:us-east-1:111122223333:vpc/vpc-0abcdef0123456789 because no identity-based policy allows the ec2:AssociateVpcCidrBlock action.',
      requestParameters: {AssociateVpcCidrBlockRequest: {VpcId: 'vpc-0abcdef0123456789', CidrBlock: '203.0.113.0/24'}},
      responseElements: null,
      requestID: '5c8d2e9f-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
      eventID: '8f9a0b1c-2d3e-4f5a-9b6c-7d8e9f0a1b2c',
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: account,
      eventCategory: 'Management',
      tlsDetails: tlsDetails('us-east-1'),
    },
  },
];
