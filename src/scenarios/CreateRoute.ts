// Training scenarios for CreateRoute. The response of a CreateRoute is only {requestId, _return},
// so everything a trainer points at is in requestParameters.
import type {JsonObject} from '../events/record.js';
import {account, ciDeployer, consoleAdmin, legacyKeyUser, terraformUserAgent, tlsDetails} from './identities.js';
import type {Scenario} from './scenario.js';

interface RouteCall {
  readonly userIdentity: JsonObject;
  readonly eventTime: string;
  readonly awsRegion: string;
  readonly sourceIPAddress: string;
  readonly userAgent: string;
  readonly requestParameters: JsonObject;
  readonly requestID: string;
  readonly eventID: string;
  readonly isConsole?: boolean;
}

/** A full CreateRoute record, fields in the order CloudTrail writes them. */
function routeRecord(call: RouteCall): JsonObject {
  return {
    eventVersion: '1.10',
    userIdentity: call.userIdentity,
    eventTime: call.eventTime,
    eventSource: 'ec2.amazonaws.com',
    eventName: 'CreateRoute',
    awsRegion: call.awsRegion,
    sourceIPAddress: call.sourceIPAddress,
    userAgent: call.userAgent,
    requestParameters: call.requestParameters,
    responseElements: {requestId: call.requestID, _return: true},
    requestID: call.requestID,
    eventID: call.eventID,
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: account,
    eventCategory: 'Management',
    tlsDetails: tlsDetails(call.awsRegion),
    ...(call.isConsole === true ? {sessionCredentialFromConsole: 'true'} : {}),
  };
}

export const createRouteScenarios: readonly Scenario[] = [
  {
    id: 'route-default-to-igw-in-private-table',
    eventName: 'CreateRoute',
    kind: 'risky',
    title: '0.0.0.0/0 sent to an internet gateway from the private subnets\' route table',
    summary:
      'rtb-0123456789abcdef0 serves the private database subnets; a default route to igw-0123456789abcdef0 makes them public (any instance with a public IP is now reachable). Made from the console, outside a change window.',
    record: routeRecord({
      userIdentity: consoleAdmin,
      eventTime: '2025-03-14T23:15:02Z',
      awsRegion: 'us-east-1',
      sourceIPAddress: '198.51.100.201',
      userAgent: 'console.ec2.amazonaws.com',
      requestParameters: {routeTableId: 'rtb-0123456789abcdef0', destinationCidrBlock: '0.0.0.0/0', gatewayId: 'igw-0123456789abcdef0'},
      requestID: '599f9b6c-3169-4494-9b72-fdcd58eafc3e',
      eventID: '82ad3567-b144-4d71-aada-6a3c474495bf',
      isConsole: true,
    }),
  },
  {
    id: 'route-all-traffic-to-an-eni',
    eventName: 'CreateRoute',
    kind: 'risky',
    title: 'All outbound traffic of a route table sent through one network interface',
    summary:
      'A default route to eni-0123456789abcdef0 sends every packet of those subnets through whatever instance holds that interface: the classic way to intercept traffic. The caller is the backup user\'s long-term key.',
    record: routeRecord({
      userIdentity: legacyKeyUser,
      eventTime: '2025-03-16T02:31:44Z',
      awsRegion: 'us-east-1',
      sourceIPAddress: '203.0.113.77',
      userAgent: 'Boto3/1.37.11 md/Botocore#1.37.11 ua/2.1 os/linux#6.8.0-1021-aws md/arch#x86_64 lang/python#3.12.3 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.37.11',
      requestParameters: {
        routeTableId: 'rtb-0abcdef0123456789',
        destinationCidrBlock: '0.0.0.0/0',
        networkInterfaceId: 'eni-0123456789abcdef0',
      },
      requestID: '8f40cfac-efb0-4957-a374-1ad8d1672a64',
      eventID: 'fed463f2-ae45-4f15-878c-e30c8a2ea7b2',
    }),
  },
  {
    id: 'route-to-foreign-peering-connection',
    eventName: 'CreateRoute',
    kind: 'risky',
    title: 'A route to the peering connection with the unknown account',
    summary:
      'This route completes the cross-account peering scenario: 10.99.0.0/16 now leads to pcx-0123456789abcdef0, the connection to account 444455556666. Without it the peering carried nothing; with it, traffic flows.',
    record: routeRecord({
      userIdentity: consoleAdmin,
      eventTime: '2025-03-14T23:21:19Z',
      awsRegion: 'us-east-1',
      sourceIPAddress: '198.51.100.201',
      userAgent: 'console.ec2.amazonaws.com',
      requestParameters: {
        routeTableId: 'rtb-0123456789abcdef0',
        destinationCidrBlock: '10.99.0.0/16',
        vpcPeeringConnectionId: 'pcx-0123456789abcdef0',
      },
      requestID: 'f5062966-2ad3-48d7-8fe1-db1c033185c0',
      eventID: '0186b576-604a-4c58-adad-db6f8d01714b',
      isConsole: true,
    }),
  },
  {
    id: 'route-private-subnets-via-nat',
    eventName: 'CreateRoute',
    kind: 'benign',
    title: 'Terraform gives private subnets outbound access through a NAT gateway',
    summary:
      'A default route to a NAT gateway is the normal way for private subnets to reach the internet without being reachable from it: same destination as the risky IGW scenario, very different target.',
    record: routeRecord({
      userIdentity: ciDeployer,
      eventTime: '2025-03-12T16:47:55Z',
      awsRegion: 'eu-west-1',
      sourceIPAddress: '198.51.100.14',
      userAgent: terraformUserAgent,
      requestParameters: {routeTableId: 'rtb-0fedcba9876543210', destinationCidrBlock: '0.0.0.0/0', natGatewayId: 'nat-0123456789abcdef0'},
      requestID: '685a591d-742f-43d7-902d-e00b9b30d457',
      eventID: '13b40fc3-16de-49cd-be18-8f3ab4b88dea',
    }),
  },
];
