// Odd records, states and configs never make a rule throw. The rules are called directly, without
// the safety net in findings/index.ts, so a rule that would throw fails here.
import {engineNamed, factsFor, findingsFor, isResolved} from '../helpers/engine.js';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {AccountSnapshot} from '../../src/aws/account-snapshot.js';
import {eventContext} from '../../src/events/context.js';
import {tryParseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord} from '../../src/events/record.js';
import {anyEventRules} from '../../src/findings/any-event.js';
import {finding, type FindingsConfig, type RuleInput} from '../../src/findings/finding.js';
import type {RunbookEngine} from '../../src/engine/engine-types.js';
import type {Snapshot} from '../../src/engine/document.js';
import {builtInEventNames} from '../../src/runbooks/catalog.js';

const eventRules: readonly (readonly [string, RunbookEngine])[] = builtInEventNames.map((name) => [name, engineNamed(name)] as const);

/** Keys the rules read, so generated objects reach deep into the code. */
const keys = [
  'groupId', 'groupName', 'groupDescription', 'vpcId', 'peerVpcId', 'peerOwnerId', 'peerRegion', 'vpcPeeringConnection', 'requesterVpcInfo',
  'accepterVpcInfo', 'ownerId', 'region', 'cidrBlock', 'ipv6CidrBlock', 'cidrBlockAssociation', 'ipv6CidrBlockAssociation', 'amazonProvidedIpv6CidrBlock',
  'associationId', 'routeTableId', 'destinationCidrBlock', 'destinationIpv6CidrBlock', 'gatewayId', 'networkInterfaceId', 'instanceId',
  'networkInterface', 'subnetId', 'groupSet', 'items', 'requesterManaged', 'association', 'publicIp', 'AssociateVpcCidrBlockRequest',
  'GroupId', 'IpPermissions', 'IpRanges', 'Ipv6Ranges', 'CidrIp', 'CidrIpv6', 'IpProtocol', 'FromPort', 'ToPort', 'VpcId', 'IsDefault', 'Tags',
  'Key', 'Value', 'CidrBlock', 'CidrBlockAssociationSet', 'Ipv6CidrBlockAssociationSet', 'Ipv6CidrBlock', 'CidrBlockState', 'State',
  'AssociationId', 'RouteTableId', 'Routes', 'Associations', 'Main', 'SubnetId', 'MapPublicIpOnLaunch', 'OwnerId', 'DestinationCidrBlock',
  'GatewayId', 'NetworkInterfaceId', 'Groups', 'Association', 'PublicIp', 'VpcPeeringConnectionId', 'Status', 'Code', 'RequesterVpcInfo',
  'AccepterVpcInfo', 'CidrBlockSet',
];
const leaf = fc.oneof(
  fc.constantFrom('sg-1', 'vpc-1', 'rtb-1', 'eni-1', 'pcx-1', 'subnet-1', 'igw-1', '0.0.0.0/0', '::/0', '10.0.0.0/16', '2001:db8::/300', 'Name', 'true', 'deleted', ''),
  fc.integer({min: -2, max: 70000}),
  fc.boolean(),
  fc.constant(null),
  fc.string(),
);
const {value: odd} = fc.letrec<{value: unknown}>((tie) => ({
  value: fc.oneof({depthSize: 'small', withCrossShrink: true}, leaf, fc.array(tie('value'), {maxLength: 3}), fc.dictionary(fc.constantFrom(...keys), tie('value'), {maxKeys: 5})),
}));
const oddState = fc.dictionary(fc.constantFrom('Vpcs', 'Subnets', 'SecurityGroups', 'RouteTables', 'VpcPeeringConnections', 'NetworkInterfaces'), odd, {maxKeys: 6});
const oddConfig = fc.dictionary(fc.constantFrom('knownAccounts', 'sensitiveVpcs', 'allowedSourceIps', 'allowedUserAgents'), odd, {maxKeys: 4});
const oddRecord = fc.record({
  eventName: fc.constantFrom(...eventRules.map(([name]) => name)),
  eventSource: fc.constant('ec2.amazonaws.com'),
  userIdentity: odd,
  userAgent: odd,
  sourceIPAddress: odd,
  errorCode: odd,
  awsRegion: odd,
  requestParameters: odd,
  responseElements: odd,
});

function parse(raw: unknown): CloudTrailRecord {
  const result = tryParseRecord(raw);
  if (!result.ok) throw new Error(result.problem);
  return result.record;
}

describe('odd input', () => {
  it('no rule throws, and no isResolved does', () => {
    fc.assert(
      fc.property(oddRecord, oddState, oddConfig, (raw, state, config) => {
        const record = parse(raw);
        const input: RuleInput = {record, facts: factsFor(record), context: eventContext(record), state, config};
        const engine = eventRules.find(([name]) => name === record.eventName)?.[1];
        for (const rule of anyEventRules) rule(input);
        const found = engine?.findings(record, input.facts, state as Snapshot, config) ?? [];
        const probe = finding('sg-open-ssh', 'critical', 't', 'e');
        for (const [, each] of eventRules) for (const f of [probe, ...found]) expect(typeof each.isResolved(f, record, input.facts, state as Snapshot)).toBe('boolean');
      }),
      {numRuns: 400},
    );
  });

  it.each<[string, unknown]>([
    ['a bare record', {eventName: 'CreateRoute', eventSource: 'ec2.amazonaws.com'}],
    ['null request and response', {eventName: 'CreateSecurityGroup', eventSource: 'ec2.amazonaws.com', requestParameters: null, responseElements: null}],
    ['wrong types everywhere', {eventName: 'CreateNetworkInterface', eventSource: 'ec2.amazonaws.com', userIdentity: 'root', requestParameters: [1, 2], responseElements: {networkInterface: 'eni'}, userAgent: 5, sourceIPAddress: {}}],
    ['a wrapper that is not an object', {eventName: 'AssociateVpcCidrBlock', eventSource: 'ec2.amazonaws.com', requestParameters: {AssociateVpcCidrBlockRequest: 'x'}, responseElements: {AssociateVpcCidrBlockResponse: [null]}}],
    ['a prototype key', {eventName: 'CreateVpcPeeringConnection', eventSource: 'ec2.amazonaws.com', requestParameters: JSON.parse('{"__proto__": {"peerOwnerId": "1"}, "constructor": "x"}') as unknown}],
  ])('%s: findings and isResolved answer without throwing', (_name, raw) => {
    const record = parse(raw);
    const state = {SecurityGroups: 'x', Vpcs: [null, 3, {VpcId: 5, CidrBlockAssociationSet: 'y'}], RouteTables: [{RouteTableId: 'rtb-1', Routes: {}}]} as unknown as AccountSnapshot;
    const config = {knownAccounts: 'x', sensitiveVpcs: [null, 1], allowedSourceIps: {}, allowedUserAgents: [undefined]} as unknown as FindingsConfig;
    const found = findingsFor(record, factsFor(record), state, config);
    expect(Array.isArray(found)).toBe(true);
    for (const f of found) expect(typeof isResolved(f, record, factsFor(record), state)).toBe('boolean');
  });
});
