// Training scenarios for CreateNetworkInterface. Note the real-record quirk in responses:
// groupSet uses {"items": [...]} but privateIpAddressesSet uses {"item": [...]}.
import type {JsonObject} from '../events/record.js';
import {account, legacyKeyUser, tlsDetails} from './identities.js';
import type {Scenario} from './scenario.js';

const efsServiceRole: JsonObject = {
  type: 'AssumedRole',
  principalId: 'AROAJ2EFSSLREXAMPLE01:0123456789ab',
  arn: `arn:aws:sts::${account}:assumed-role/AWSServiceRoleForAmazonElasticFileSystem/0123456789ab`,
  accountId: account,
  sessionContext: {
    sessionIssuer: {
      type: 'Role',
      principalId: 'AROAJ2EFSSLREXAMPLE01',
      arn: `arn:aws:iam::${account}:role/aws-service-role/elasticfilesystem.amazonaws.com/AWSServiceRoleForAmazonElasticFileSystem`,
      accountId: account,
      userName: 'AWSServiceRoleForAmazonElasticFileSystem',
    },
    webIdFederationData: {},
    attributes: {creationDate: '2025-03-11T13:05:27Z', mfaAuthenticated: 'false'},
  },
  invokedBy: 'elasticfilesystem.amazonaws.com',
};

const eksNodeRole: JsonObject = {
  type: 'AssumedRole',
  principalId: 'AROA4EKSNODEEXAMPLE01:i-0123456789abcdef0',
  arn: `arn:aws:sts::${account}:assumed-role/eks-node-group-role/i-0123456789abcdef0`,
  accountId: account,
  accessKeyId: 'ASIAEKSNODEEXAMPLE01',
  sessionContext: {
    sessionIssuer: {
      type: 'Role',
      principalId: 'AROA4EKSNODEEXAMPLE01',
      arn: `arn:aws:iam::${account}:role/eks-node-group-role`,
      accountId: account,
      userName: 'eks-node-group-role',
    },
    webIdFederationData: {},
    attributes: {creationDate: '2025-03-15T06:00:12Z', mfaAuthenticated: 'false'},
    ec2RoleDelivery: '2.0',
  },
};

const common = {
  eventSource: 'ec2.amazonaws.com',
  eventName: 'CreateNetworkInterface',
  readOnly: false,
  eventType: 'AwsApiCall',
  managementEvent: true,
  recipientAccountId: account,
  eventCategory: 'Management',
} as const;

export const createNetworkInterfaceScenarios: readonly Scenario[] = [
  {
    id: 'eni-public-group-unusual-principal',
    eventName: 'CreateNetworkInterface',
    kind: 'risky',
    title: 'The backup user creates a network interface with the public web group',
    summary:
      'svc-backup has never created network interfaces, and this one carries public-web (open to the internet) in the production VPC: attached to an instance it gives that instance a public face. Check for an AttachNetworkInterface or an AssociateAddress that follows.',
    record: {
      eventVersion: '1.10',
      userIdentity: legacyKeyUser,
      eventTime: '2025-03-16T02:26:13Z',
      ...common,
      awsRegion: 'us-east-1',
      sourceIPAddress: '203.0.113.77',
      userAgent: 'Boto3/1.37.11 md/Botocore#1.37.11 ua/2.1 os/linux#6.8.0-1021-aws md/arch#x86_64 lang/python#3.12.3 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.37.11',
      requestParameters: {
        subnetId: 'subnet-0123456789abcdef0',
        description: 'tmp',
        groupSet: {items: [{groupId: 'sg-0fedcba9876543210'}]},
        privateIpAddressesSet: {},
      },
      responseElements: {
        requestId: '89d205f2-648b-4330-9dc2-2e10fea66fba',
        networkInterface: {
          networkInterfaceId: 'eni-0abcdef0123456789',
          subnetId: 'subnet-0123456789abcdef0',
          vpcId: 'vpc-0abcdef0123456789',
          availabilityZone: 'us-east-1a',
          description: 'tmp',
          ownerId: account,
          requesterManaged: false,
          status: 'pending',
          macAddress: '0e:12:34:56:78:9a',
          privateIpAddress: '10.20.1.57',
          privateDnsName: 'ip-10-20-1-57.ec2.internal',
          sourceDestCheck: true,
          interfaceType: 'interface',
          groupSet: {items: [{groupId: 'sg-0fedcba9876543210', groupName: 'public-web'}]},
          privateIpAddressesSet: {item: [{privateIpAddress: '10.20.1.57', privateDnsName: 'ip-10-20-1-57.ec2.internal', primary: true}]},
          ipv6AddressesSet: {},
          tagSet: {},
        },
      },
      requestID: '89d205f2-648b-4330-9dc2-2e10fea66fba',
      eventID: '3cf8ed34-c0b5-475d-8022-80b4539e42d6',
      tlsDetails: tlsDetails('us-east-1'),
    },
  },
  {
    id: 'eni-efs-mount-target',
    eventName: 'CreateNetworkInterface',
    kind: 'benign',
    title: 'Amazon EFS creates the network interface of a new mount target',
    summary:
      'An AWS service (invokedBy elasticfilesystem.amazonaws.com) made the call through its service-linked role, and the interface is requester-managed: it belongs to the mount target, and nobody should delete it by hand.',
    record: {
      eventVersion: '1.10',
      userIdentity: efsServiceRole,
      eventTime: '2025-03-11T13:05:27Z',
      ...common,
      awsRegion: 'eu-west-1',
      sourceIPAddress: 'elasticfilesystem.amazonaws.com',
      userAgent: 'elasticfilesystem.amazonaws.com',
      requestParameters: {
        subnetId: 'subnet-0abcdef0123456789',
        description: 'EFS mount target for fs-0123456789abcdef0 (fsmt-0123456789abcdef0)',
        groupSet: {items: [{groupId: 'sg-0abcdef0123456789'}]},
        privateIpAddressesSet: {},
      },
      responseElements: {
        requestId: 'c0a9553b-1aaf-4153-986d-74d5044713b4',
        networkInterface: {
          networkInterfaceId: 'eni-0fedcba9876543210',
          subnetId: 'subnet-0abcdef0123456789',
          vpcId: 'vpc-0aaaabbbbccccdddd',
          availabilityZone: 'eu-west-1b',
          description: 'EFS mount target for fs-0123456789abcdef0 (fsmt-0123456789abcdef0)',
          ownerId: account,
          requesterManaged: true,
          status: 'pending',
          macAddress: '06:ab:cd:ef:01:23',
          privateIpAddress: '10.30.2.118',
          privateDnsName: 'ip-10-30-2-118.eu-west-1.compute.internal',
          sourceDestCheck: true,
          interfaceType: 'interface',
          groupSet: {items: [{groupId: 'sg-0abcdef0123456789', groupName: 'efs-clients'}]},
          privateIpAddressesSet: {item: [{privateIpAddress: '10.30.2.118', primary: true}]},
          ipv6AddressesSet: {},
          tagSet: {},
        },
      },
      requestID: 'c0a9553b-1aaf-4153-986d-74d5044713b4',
      eventID: '32501800-c891-4af1-8167-d40e425fca95',
    },
  },
  {
    id: 'eni-failed-subnet-full',
    eventName: 'CreateNetworkInterface',
    kind: 'failed',
    title: 'The EKS network plugin cannot get an interface: the subnet is full',
    summary:
      'A failed call from the node role (session name = instance ID) with Client.InsufficientFreeAddressesInSubnet: an operations problem, not an attack. Nothing was created; the fix is capacity, not containment.',
    record: {
      eventVersion: '1.10',
      userIdentity: eksNodeRole,
      eventTime: '2025-03-15T09:41:27Z',
      ...common,
      awsRegion: 'us-east-1',
      sourceIPAddress: '10.20.4.19',
      userAgent: 'aws-sdk-go-v2/1.32.7 ua/2.1 os/linux lang/go#1.23.4 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.198.1 amazon-vpc-cni-k8s',
      errorCode: 'Client.InsufficientFreeAddressesInSubnet',
      errorMessage: 'The specified subnet does not have enough free addresses to satisfy the request.',
      requestParameters: {
        subnetId: 'subnet-0fedcba9876543210',
        description: 'aws-K8S-i-0123456789abcdef0',
        groupSet: {items: [{groupId: 'sg-0aaaabbbbccccdddd'}]},
        privateIpAddressesSet: {},
        secondaryPrivateIpAddressCount: 9,
      },
      responseElements: null,
      requestID: '3d57724a-0b19-4331-a4bc-3b18f71eaf8c',
      eventID: '082ebdfa-5f3d-4db1-a965-eeb5a0c49a60',
      vpcEndpointId: 'vpce-0123456789abcdef0',
      tlsDetails: tlsDetails('us-east-1'),
    },
  },
];
