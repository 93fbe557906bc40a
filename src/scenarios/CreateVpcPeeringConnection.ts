// Training scenarios for CreateVpcPeeringConnection.
import {account, ciDeployer, consoleAdmin, firefoxUserAgent, otherAccount, terraformUserAgent, tlsDetails} from './identities.js';
import type {Scenario} from './scenario.js';

const peeringOptions = {
  allowEgressFromLocalClassicLinkToRemoteVpc: false,
  allowEgressFromLocalVpcToRemoteClassicLink: false,
  allowDnsResolutionFromRemoteVpc: false,
};

export const createVpcPeeringConnectionScenarios: readonly Scenario[] = [
  {
    id: 'peering-cross-account-cross-region',
    eventName: 'CreateVpcPeeringConnection',
    kind: 'risky',
    title: 'Production VPC peering requested to an unknown account in another Region',
    summary:
      'The requester is the production VPC and the peer is account 444455556666 in ap-southeast-1, which nobody here owns: once accepted, that account can route to 10.20.0.0/16. It was requested from the console at night; the request stays open for a week unless it is deleted.',
    record: {
      eventVersion: '1.10',
      userIdentity: consoleAdmin,
      eventTime: '2025-03-14T23:07:45Z',
      eventSource: 'ec2.amazonaws.com',
      eventName: 'CreateVpcPeeringConnection',
      awsRegion: 'us-east-1',
      sourceIPAddress: '198.51.100.201',
      userAgent: firefoxUserAgent,
      requestParameters: {
        vpcId: 'vpc-0abcdef0123456789',
        peerVpcId: 'vpc-0fedcba9876543210',
        peerOwnerId: otherAccount,
        peerRegion: 'ap-southeast-1',
      },
      responseElements: {
        requestId: '9f1fb917-159d-4df6-a7b6-e1d2cc21a0c7',
        vpcPeeringConnection: {
          vpcPeeringConnectionId: 'pcx-0123456789abcdef0',
          requesterVpcInfo: {
            ownerId: account,
            vpcId: 'vpc-0abcdef0123456789',
            cidrBlock: '10.20.0.0/16',
            cidrBlockSet: {items: [{cidrBlock: '10.20.0.0/16'}]},
            peeringOptions,
            region: 'us-east-1',
          },
          accepterVpcInfo: {ownerId: otherAccount, vpcId: 'vpc-0fedcba9876543210', region: 'ap-southeast-1'},
          status: {code: 'initiating-request', message: `Initiating Request to ${otherAccount}`},
          expirationTime: 1742598465000,
          tagSet: {},
        },
      },
      requestID: '9f1fb917-159d-4df6-a7b6-e1d2cc21a0c7',
      eventID: 'dce02d56-6fe1-4575-8a64-f6db67f6d590',
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
    id: 'peering-shared-services-same-account',
    eventName: 'CreateVpcPeeringConnection',
    kind: 'benign',
    title: 'Terraform peers an application VPC with the shared-services VPC',
    summary:
      'Both VPCs belong to this account and this Region, the CIDRs do not overlap and the CI role made the call: a planned change. Point out that peerOwnerId and peerRegion are absent when they default to the caller\'s own.',
    record: {
      eventVersion: '1.11',
      userIdentity: ciDeployer,
      eventTime: '2025-03-12T16:52:30Z',
      eventSource: 'ec2.amazonaws.com',
      eventName: 'CreateVpcPeeringConnection',
      awsRegion: 'eu-west-1',
      sourceIPAddress: '198.51.100.14',
      userAgent: terraformUserAgent,
      requestParameters: {vpcId: 'vpc-0aaaabbbbccccdddd', peerVpcId: 'vpc-0abcdef0123456789'},
      responseElements: {
        requestId: 'ceef1b31-ae90-4f49-adae-7709169db2f2',
        vpcPeeringConnection: {
          vpcPeeringConnectionId: 'pcx-0abcdef0123456789',
          requesterVpcInfo: {
            ownerId: account,
            vpcId: 'vpc-0aaaabbbbccccdddd',
            cidrBlock: '10.30.0.0/16',
            cidrBlockSet: {items: [{cidrBlock: '10.30.0.0/16'}]},
            peeringOptions,
            region: 'eu-west-1',
          },
          accepterVpcInfo: {ownerId: account, vpcId: 'vpc-0abcdef0123456789', region: 'eu-west-1'},
          status: {code: 'initiating-request', message: `Initiating Request to ${account}`},
          expirationTime: 1742403150000,
          tagSet: {},
        },
      },
      requestID: 'ceef1b31-ae90-4f49-adae-7709169db2f2',
      eventID: '051ace8a-47a1-465a-b980-4cb59620af8c',
      readOnly: false,
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: account,
      eventCategory: 'Management',
      tlsDetails: tlsDetails('eu-west-1'),
    },
  },
];
