import {nowReaderFor} from '../../helpers/engine.js';
import type {DescribeVpcPeeringConnectionsCommandOutput, VpcPeeringConnection, VpcPeeringConnectionStateReasonCode} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import type {Action} from '../../../src/aws/action.js';
import type {NowLine} from '../../../src/engine/now-line.js';
import {oddOutputs, openScenario, scenarioWith, type Opened} from './scenario-facts.js';

const reader = nowReaderFor('CreateVpcPeeringConnection');
const pcx = 'pcx-0123456789abcdef0';
const crossAccount = (): Opened => openScenario('peering-cross-account-cross-region');

const peeringOptions = {AllowDnsResolutionFromRemoteVpc: false, AllowEgressFromLocalClassicLinkToRemoteVpc: false, AllowEgressFromLocalVpcToRemoteClassicLink: false};

/** The cross-account connection of the risky scenario as DescribeVpcPeeringConnections returns it. */
function connection(code: VpcPeeringConnectionStateReasonCode, message: string, extra: Partial<VpcPeeringConnection> = {}): VpcPeeringConnection {
  return {
    VpcPeeringConnectionId: pcx,
    Status: {Code: code, Message: message},
    ExpirationTime: new Date('2025-03-21T23:07:45.000Z'),
    RequesterVpcInfo: {
      OwnerId: '111122223333', VpcId: 'vpc-0abcdef0123456789', Region: 'us-east-1',
      CidrBlock: '10.20.0.0/16', CidrBlockSet: [{CidrBlock: '10.20.0.0/16'}], PeeringOptions: peeringOptions,
    },
    AccepterVpcInfo: {OwnerId: '444455556666', VpcId: 'vpc-0fedcba9876543210', Region: 'ap-southeast-1'},
    Tags: [],
    ...extra,
  };
}

function output(...connections: VpcPeeringConnection[]): DescribeVpcPeeringConnectionsCommandOutput {
  return {$metadata: {httpStatusCode: 200}, VpcPeeringConnections: connections};
}

const accepterLine: NowLine = {tone: 'info', text: 'accepter: account 444455556666, VPC vpc-0fedcba9876543210, Region ap-southeast-1'};
const requesterCidrs: NowLine = {tone: 'info', text: 'requester CIDRs: 10.20.0.0/16'};

describe('CreateVpcPeeringConnection: query', () => {
  it.each<{id: string; action: Action | undefined}>([
    {id: 'peering-cross-account-cross-region', action: {service: 'ec2', operation: 'DescribeVpcPeeringConnections', params: {VpcPeeringConnectionIds: [pcx]}}},
    {id: 'peering-shared-services-same-account', action: {service: 'ec2', operation: 'DescribeVpcPeeringConnections', params: {VpcPeeringConnectionIds: ['pcx-0abcdef0123456789']}}},
  ])('$id', ({id, action}) => {
    const {record, facts} = openScenario(id);
    expect(reader.query(facts, record)).toEqual(action);
  });

  it.each<{name: string; responseElements: Record<string, unknown> | null}>([
    {name: 'failed call (no response)', responseElements: null},
    {name: 'invalid ID', responseElements: {vpcPeeringConnection: {vpcPeeringConnectionId: 'pcx-123;reboot'}}},
  ])('no query: $name', ({responseElements}) => {
    const {record, facts} = scenarioWith('peering-cross-account-cross-region', {responseElements: responseElements as null});
    expect(reader.query(facts, record)).toBeUndefined();
  });
});

describe('CreateVpcPeeringConnection: interpret', () => {
  it.each<{name: string; connection: VpcPeeringConnection; lines: NowLine[]}>([
    {
      name: 'still pending acceptance by the other account',
      connection: connection('pending-acceptance', 'Pending Acceptance by 444455556666'),
      lines: [
        {tone: 'bad', text: `the peering connection ${pcx} is still waiting to be accepted by 444455556666: delete it`},
        {tone: 'info', text: 'the request expires at 2025-03-21T23:07:45Z'},
        accepterLine,
        requesterCidrs,
      ],
    },
    {
      name: 'accepted: active, with the accepter CIDR and a block added to the requester since',
      connection: connection('active', 'Active', {
        RequesterVpcInfo: {
          OwnerId: '111122223333', VpcId: 'vpc-0abcdef0123456789', Region: 'us-east-1', CidrBlock: '10.20.0.0/16',
          CidrBlockSet: [{CidrBlock: '10.20.0.0/16'}, {CidrBlock: '10.21.0.0/16'}],
          PeeringOptions: {...peeringOptions, AllowDnsResolutionFromRemoteVpc: true},
        },
        AccepterVpcInfo: {OwnerId: '444455556666', VpcId: 'vpc-0fedcba9876543210', Region: 'ap-southeast-1', CidrBlock: '10.99.0.0/16', CidrBlockSet: [{CidrBlock: '10.99.0.0/16'}], Ipv6CidrBlockSet: [{Ipv6CidrBlock: '2600:1f18:abcd:1200::/56'}]},
      }),
      lines: [
        {tone: 'bad', text: `the peering connection ${pcx} is active: traffic can flow`},
        accepterLine,
        {tone: 'warn', text: 'requester CIDRs now: 10.20.0.0/16, 10.21.0.0/16 (at the event: 10.20.0.0/16)'},
        {tone: 'info', text: 'accepter CIDRs: 10.99.0.0/16, 2600:1f18:abcd:1200::/56'},
        {tone: 'warn', text: 'the accepter VPC resolves the requester VPC\'s public DNS names to private IP addresses'},
      ],
    },
    {
      name: 'deleted',
      connection: connection('deleted', 'Deleted by 111122223333'),
      lines: [{tone: 'ok', text: `the peering connection ${pcx} is already deleted`}, accepterLine, requesterCidrs],
    },
    {
      name: 'rejected by the accepter',
      connection: connection('rejected', 'Rejected by 444455556666'),
      lines: [{tone: 'ok', text: `the peering connection ${pcx} was rejected`}, accepterLine, requesterCidrs],
    },
    {
      name: 'expired',
      connection: connection('expired', 'Expired'),
      lines: [{tone: 'ok', text: `the peering connection ${pcx} expired without being accepted`}, accepterLine, requesterCidrs],
    },
    {
      name: 'failed (overlapping CIDRs)',
      connection: connection('failed', 'Overlapping CIDR range'),
      lines: [
        {tone: 'ok', text: `the peering connection ${pcx} failed: it never carried traffic`},
        {tone: 'info', text: 'AWS says: Overlapping CIDR range'},
        accepterLine,
        requesterCidrs,
      ],
    },
    {
      name: 'the accepter is not the one the event named',
      connection: connection('pending-acceptance', 'Pending Acceptance by 999988887777', {AccepterVpcInfo: {OwnerId: '999988887777', VpcId: 'vpc-0fedcba9876543210', Region: 'ap-southeast-1'}}),
      lines: [
        {tone: 'bad', text: `the peering connection ${pcx} is still waiting to be accepted by 999988887777: delete it`},
        {tone: 'info', text: 'the request expires at 2025-03-21T23:07:45Z'},
        {tone: 'warn', text: 'accepter now: account 999988887777, VPC vpc-0fedcba9876543210, Region ap-southeast-1 (the event named 444455556666)'},
        requesterCidrs,
      ],
    },
  ])('$name', ({connection: found, lines}) => {
    const {record, facts} = crossAccount();
    expect(reader.interpret(output(found), facts, record)).toEqual(lines);
  });

  it('a same-account request can be rejected', () => {
    const {record, facts} = openScenario('peering-shared-services-same-account');
    const found: VpcPeeringConnection = {
      VpcPeeringConnectionId: 'pcx-0abcdef0123456789',
      Status: {Code: 'pending-acceptance', Message: 'Pending Acceptance by 111122223333'},
      RequesterVpcInfo: {OwnerId: '111122223333', VpcId: 'vpc-0aaaabbbbccccdddd', Region: 'eu-west-1', CidrBlock: '10.30.0.0/16'},
      AccepterVpcInfo: {OwnerId: '111122223333', VpcId: 'vpc-0abcdef0123456789', Region: 'eu-west-1'},
    };
    expect(reader.interpret(output(found), facts, record)).toEqual([
      {tone: 'bad', text: 'the peering connection pcx-0abcdef0123456789 is still waiting to be accepted: reject it'},
      {tone: 'info', text: 'accepter: account 111122223333, VPC vpc-0abcdef0123456789, Region eu-west-1'},
      {tone: 'info', text: 'requester CIDRs: 10.30.0.0/16'},
    ]);
  });

  it.each<{name: string; output: unknown; first: NowLine}>([
    {name: 'no connection in the answer', output: output(), first: {tone: 'warn', text: `the answer does not mention the peering connection ${pcx}: its current state is unknown`}},
    {name: 'another connection only', output: output(connection('active', 'Active', {VpcPeeringConnectionId: 'pcx-0fedcba9876543210'})), first: {tone: 'warn', text: `the answer does not mention the peering connection ${pcx}: its current state is unknown`}},
    {name: 'no status', output: {VpcPeeringConnections: [{VpcPeeringConnectionId: pcx}]}, first: {tone: 'warn', text: `the peering connection ${pcx} has no status in the answer: its current state is unknown`}},
    {name: 'an unknown status', output: {VpcPeeringConnections: [{VpcPeeringConnectionId: pcx, Status: {Code: 'quarantined'}}]}, first: {tone: 'warn', text: `the peering connection ${pcx} has status quarantined`}},
  ])('$name', ({output: found, first}) => {
    const {record, facts} = crossAccount();
    expect(reader.interpret(found, facts, record)[0]).toEqual(first);
  });

  it.each<{name: string; output: unknown}>([
    ...oddOutputs.map((value) => ({name: String(JSON.stringify(value)), output: value})),
    {name: 'wrong types everywhere', output: {VpcPeeringConnections: [{VpcPeeringConnectionId: pcx, Status: 'active', ExpirationTime: 'soon', RequesterVpcInfo: [], AccepterVpcInfo: {CidrBlockSet: 'x', Ipv6CidrBlockSet: [null]}}]}},
    {name: 'status code of the wrong type', output: {VpcPeeringConnections: [{VpcPeeringConnectionId: pcx, Status: {Code: 7}, ExpirationTime: Number.MAX_VALUE}]}},
  ])('odd output does not throw: $name', ({output: odd}) => {
    const {record, facts} = crossAccount();
    const lines = reader.interpret(odd, facts, record);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((found) => found.tone === 'ok')).toBe(false);
  });
});

describe('CreateVpcPeeringConnection: whenError', () => {
  it.each<{code: string; lines: NowLine[] | undefined}>([
    {code: 'InvalidVpcPeeringConnectionID.NotFound', lines: [{tone: 'ok', text: `the peering connection ${pcx} no longer exists`}]},
    {code: 'InvalidVpcPeeringConnectionId.Malformed', lines: undefined},
    {code: 'UnauthorizedOperation', lines: undefined},
  ])('$code', ({code, lines}) => {
    expect(reader.whenError(code, crossAccount().facts)).toEqual(lines);
  });
});
