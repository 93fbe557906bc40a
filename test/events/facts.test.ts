import {existsSync, readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {factsFor, hasFacts} from '../helpers/engine.js';
import {builtInEventNames as factEventNames} from '../../src/runbooks/catalog.js';
import {parseEvents} from '../../src/events/parse-events.js';
import {parseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord} from '../../src/events/record.js';

type Variant = 'risky' | 'benign' | 'failed';
type FactValues = readonly (readonly [string, string | readonly string[]])[];

function fixture(eventName: string, variant: Variant): CloudTrailRecord {
  const url = new URL(`../fixtures/events/${eventName}/${variant}.json`, import.meta.url);
  const {records} = parseEvents(readFileSync(fileURLToPath(url), 'utf8'), `${eventName}/${variant}.json`);
  const record = records[0];
  if (record === undefined) throw new Error('no record');
  return record;
}

const values = (record: CloudTrailRecord): FactValues => factsFor(record).map((fact) => [fact.key, fact.value] as const);

interface FactRow {
  eventName: string;
  variant: Variant;
  facts: FactValues;
}

describe('factsFor: fixtures', () => {
  it.each<FactRow>([
    {
      eventName: 'CreateSecurityGroup',
      variant: 'risky',
      facts: [
        ['groupId', 'sg-0123456789abcdef0'],
        ['groupName', 'launch-wizard-7'],
        ['groupDescription', 'launch-wizard-7 created 2025-04-02T23:51:08.317Z'],
        ['vpcId', 'vpc-0123456789abcdef0'],
      ],
    },
    {
      eventName: 'CreateSecurityGroup',
      variant: 'benign',
      facts: [
        ['groupId', 'sg-0abcdef0123456789'],
        ['groupName', 'orders-db'],
        ['groupDescription', 'PostgreSQL for orders (managed by Terraform)'],
        ['vpcId', 'vpc-0abcdef0123456789'],
      ],
    },
    {
      eventName: 'CreateSecurityGroup',
      variant: 'failed',
      facts: [
        ['groupName', 'debug-li'],
        ['groupDescription', 'temporary debugging'],
        ['vpcId', 'vpc-0abcdef0123456789'],
      ],
    },
    {
      eventName: 'CreateVpcPeeringConnection',
      variant: 'risky',
      facts: [
        ['vpcPeeringConnectionId', 'pcx-0123456789abcdef0'],
        ['requesterVpcId', 'vpc-0abcdef0123456789'],
        ['accepterVpcId', 'vpc-0fedcba9876543210'],
        ['peerOwnerId', '444455556666'],
        ['peerRegion', 'sa-east-1'],
        ['requesterCidrBlock', '10.20.0.0/16'],
        ['peeringStatus', 'initiating-request'],
      ],
    },
    {
      eventName: 'CreateVpcPeeringConnection',
      variant: 'benign',
      facts: [
        ['vpcPeeringConnectionId', 'pcx-0abcdef0123456789'],
        ['requesterVpcId', 'vpc-0aaaabbbbccccdddd'],
        ['accepterVpcId', 'vpc-0abcdef0123456789'],
        ['peerOwnerId', '111122223333'],
        ['peerRegion', 'eu-west-1'],
        ['requesterCidrBlock', '10.30.0.0/16'],
        ['accepterCidrBlock', '10.40.0.0/16'],
        ['peeringStatus', 'pending-acceptance'],
      ],
    },
    {
      eventName: 'CreateVpcPeeringConnection',
      variant: 'failed',
      facts: [
        ['requesterVpcId', 'vpc-0abcdef0123456789'],
        ['accepterVpcId', 'vpc-0fedcba9876543210'],
        ['peerOwnerId', '444455556666'],
        ['peerRegion', 'us-west-2'],
      ],
    },
    {
      eventName: 'AssociateVpcCidrBlock',
      variant: 'risky',
      facts: [
        ['vpcId', 'vpc-0abcdef0123456789'],
        ['cidrBlock', '203.0.113.0/24'],
        ['associationId', 'vpc-cidr-assoc-0123456789abcdef0'],
      ],
    },
    {
      eventName: 'AssociateVpcCidrBlock',
      variant: 'benign',
      facts: [
        ['vpcId', 'vpc-0aaaabbbbccccdddd'],
        ['ipv6CidrBlock', '2001:db8:1234:1a00::/56'],
        ['associationId', 'vpc-cidr-assoc-0abcdef0123456789'],
        ['amazonProvidedIpv6CidrBlock', 'true'],
      ],
    },
    {
      eventName: 'AssociateVpcCidrBlock',
      variant: 'failed',
      facts: [
        ['vpcId', 'vpc-0abcdef0123456789'],
        ['cidrBlock', '100.64.0.0/16'],
        ['amazonProvidedIpv6CidrBlock', 'false'],
      ],
    },
    {
      eventName: 'CreateRoute',
      variant: 'risky',
      facts: [
        ['routeTableId', 'rtb-0123456789abcdef0'],
        ['destinationCidrBlock', '0.0.0.0/0'],
        ['targetType', 'gatewayId'],
        ['targetId', 'igw-0123456789abcdef0'],
        ['gatewayId', 'igw-0123456789abcdef0'],
      ],
    },
    {
      eventName: 'CreateRoute',
      variant: 'benign',
      facts: [
        ['routeTableId', 'rtb-0fedcba9876543210'],
        ['destinationIpv6CidrBlock', '::/0'],
        ['targetType', 'egressOnlyInternetGatewayId'],
        ['targetId', 'eigw-0123456789abcdef0'],
        ['egressOnlyInternetGatewayId', 'eigw-0123456789abcdef0'],
      ],
    },
    {
      // The panther record, as published: IDs that do not match AWS patterns are passed on raw (the binder validates).
      eventName: 'CreateRoute',
      variant: 'failed',
      facts: [
        ['routeTableId', 'rtb-1'],
        ['destinationCidrBlock', '0.0.0.0/0'],
        ['targetType', 'gatewayId'],
        ['targetId', 'igw-1'],
        ['gatewayId', 'igw-1'],
      ],
    },
    {
      eventName: 'CreateNetworkInterface',
      variant: 'risky',
      facts: [
        ['networkInterfaceId', 'eni-0abcdef0123456789'],
        ['subnetId', 'subnet-0123456789abcdef0'],
        ['vpcId', 'vpc-0abcdef0123456789'],
        ['groupIds', ['sg-0fedcba9876543210', 'sg-0123456789abcdef0']],
        ['privateIpAddress', '10.20.1.10'],
        ['privateIpAddresses', ['10.20.1.10', '10.20.1.11']],
        ['description', 'debug'],
        ['interfaceType', 'interface'],
        ['requesterManaged', 'false'],
        ['availabilityZone', 'us-east-1a'],
        ['ownerId', '111122223333'],
      ],
    },
    {
      eventName: 'CreateNetworkInterface',
      variant: 'benign',
      facts: [
        ['networkInterfaceId', 'eni-0fedcba9876543210'],
        ['subnetId', 'subnet-0abcdef0123456789'],
        ['vpcId', 'vpc-0aaaabbbbccccdddd'],
        ['groupIds', ['sg-0abcdef0123456789']],
        ['privateIpAddress', '10.30.8.201'],
        ['privateIpAddresses', ['10.30.8.201']],
        ['description', 'AWS Lambda VPC ENI-orders-fn-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'],
        ['interfaceType', 'lambda'],
        ['requesterManaged', 'true'],
        ['availabilityZone', 'eu-west-1a'],
        ['ownerId', '111122223333'],
      ],
    },
    {
      eventName: 'CreateNetworkInterface',
      variant: 'failed',
      facts: [
        ['subnetId', 'subnet-0123456789abcdef0'],
        ['groupIds', ['sg-0fedcba9876543210']],
        ['privateIpAddress', '10.20.1.99'],
        ['description', 'manual test'],
      ],
    },
  ])('$eventName $variant', ({eventName, variant, facts}) => {
    expect(values(fixture(eventName, variant))).toEqual(facts);
  });

  // Every event has a risky and a failed record; a benign one where the event has a harmless everyday use on file.
  const variantsOf = (eventName: string): readonly Variant[] =>
    (['risky', 'benign', 'failed'] as const).filter((variant) => existsSync(fileURLToPath(new URL(`../fixtures/events/${eventName}/${variant}.json`, import.meta.url))));

  it.each(factEventNames)('%s has a risky and a failed fixture', (eventName) => {
    expect(variantsOf(eventName)).toEqual(expect.arrayContaining(['risky', 'failed']));
  });

  it.each(factEventNames.flatMap((eventName) => variantsOf(eventName).map((variant) => ({eventName, variant}))))(
    'labels every fact of $eventName $variant in words',
    ({eventName, variant}) => {
      for (const fact of factsFor(fixture(eventName, variant))) expect(fact.label).toMatch(/^[A-Z][A-Za-z0-9 ()-]+$/);
    },
  );

  it('labels as the event screen shows them', () => {
    expect(factsFor(fixture('CreateSecurityGroup', 'risky')).map((fact) => fact.label)).toEqual(['Security group', 'Group name', 'Description', 'VPC']);
  });
});

const record = (fields: object): CloudTrailRecord => parseRecord({eventSource: 'ec2.amazonaws.com', ...fields}, 'test', '');

describe('factsFor: quirks of real records', () => {
  interface QuirkRow {
    name: string;
    fields: object;
    facts: FactValues;
  }
  it.each<QuirkRow>([
    {
      name: 'a route to a prefix list through a VPC endpoint',
      fields: {eventName: 'CreateRoute', requestParameters: {routeTableId: 'rtb-0123456789abcdef0', destinationPrefixListId: 'pl-63a5400a', vpcEndpointId: 'vpce-0123456789abcdef0'}},
      facts: [
        ['routeTableId', 'rtb-0123456789abcdef0'],
        ['destinationPrefixListId', 'pl-63a5400a'],
        ['targetType', 'vpcEndpointId'],
        ['targetId', 'vpce-0123456789abcdef0'],
        ['vpcEndpointId', 'vpce-0123456789abcdef0'],
      ],
    },
    {
      name: 'a route whose target is an empty string (no target)',
      fields: {eventName: 'CreateRoute', requestParameters: {routeTableId: 'rtb-0123456789abcdef0', destinationCidrBlock: '10.0.0.0/8', gatewayId: ''}},
      facts: [
        ['routeTableId', 'rtb-0123456789abcdef0'],
        ['destinationCidrBlock', '10.0.0.0/8'],
      ],
    },
    {
      name: 'requestParameters that is not an object',
      fields: {eventName: 'CreateSecurityGroup', requestParameters: 'oops', responseElements: {groupId: 'sg-0123456789abcdef0'}},
      facts: [['groupId', 'sg-0123456789abcdef0']],
    },
    {
      name: 'fields of the wrong type',
      fields: {eventName: 'CreateSecurityGroup', requestParameters: {groupName: {}, vpcId: ['vpc-0123456789abcdef0'], groupDescription: null}},
      facts: [],
    },
    {
      name: 'a wrapped, PascalCase request and a wrapped response',
      fields: {
        eventName: 'AssociateVpcCidrBlock',
        requestParameters: {AssociateVpcCidrBlockRequest: {VpcId: 'vpc-0123456789abcdef0', AmazonProvidedIpv6CidrBlock: true}},
        responseElements: {AssociateVpcCidrBlockResponse: {ipv6CidrBlockAssociation: {associationId: 'vpc-cidr-assoc-0123456789abcdef0', ipv6CidrBlock: '2001:db8::/56'}}},
      },
      facts: [
        ['vpcId', 'vpc-0123456789abcdef0'],
        ['ipv6CidrBlock', '2001:db8::/56'],
        ['associationId', 'vpc-cidr-assoc-0123456789abcdef0'],
        ['amazonProvidedIpv6CidrBlock', 'true'],
      ],
    },
    {
      name: 'empty sets written as {} and a lone item not in a list',
      fields: {
        eventName: 'CreateNetworkInterface',
        requestParameters: {subnetId: 'subnet-0123456789abcdef0', groupSet: {items: {groupId: 'sg-0123456789abcdef0'}}, privateIpAddressesSet: {}},
        responseElements: {networkInterface: {groupSet: {}, privateIpAddressesSet: {}, tagSet: {}}},
      },
      facts: [
        ['subnetId', 'subnet-0123456789abcdef0'],
        ['groupIds', ['sg-0123456789abcdef0']],
      ],
    },
    {
      name: 'a failed call with responseElements null and only the request',
      fields: {eventName: 'CreateVpcPeeringConnection', errorCode: 'Client.UnauthorizedOperation', requestParameters: {vpcId: 'vpc-0123456789abcdef0', peerVpcId: 'vpc-0abcdef0123456789'}, responseElements: null},
      facts: [
        ['requesterVpcId', 'vpc-0123456789abcdef0'],
        ['accepterVpcId', 'vpc-0abcdef0123456789'],
      ],
    },
  ])('$name', ({fields, facts}) => {
    expect(values(record(fields))).toEqual(facts);
  });
});

describe('factsFor: other events', () => {
  it('has no facts for events without a reader', () => {
    const deleteVpc = record({eventName: 'DeleteVpc', requestParameters: {vpcId: 'vpc-0123456789abcdef0'}});
    expect(factsFor(deleteVpc)).toEqual([]);
  });

  it('ignores API Gateway\'s CreateRoute (same name, another service)', () => {
    const apiRoute = parseRecord({eventName: 'CreateRoute', eventSource: 'apigateway.amazonaws.com', requestParameters: {apiId: 'a1b2c3', routeKey: 'GET /'}}, 'test', '');
    expect(factsFor(apiRoute)).toEqual([]);
  });

  it.each([
    ['CreateSecurityGroup', true],
    ['CreateVpcPeeringConnection', true],
    ['AssociateVpcCidrBlock', true],
    ['CreateRoute', true],
    ['CreateNetworkInterface', true],
    ['DeleteSecurityGroup', false],
    ['createroute', false],
  ] as const)('hasFacts(%s) is %s', (eventName, expected) => {
    expect(hasFacts(eventName)).toBe(expected);
  });
});
