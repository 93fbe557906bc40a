import {describe, expect, it} from 'vitest';
import type {AccountSnapshot} from '../../src/aws/account-snapshot.js';
import {account, expectRow, findingOf, otherAccount, record, resolved, scenario, type RuleRow} from './helpers.js';

const risky = scenario('peering-cross-account-cross-region');
const benign = scenario('peering-shared-services-same-account');
const connectionId = 'pcx-0123456789abcdef0';
const productionVpc = 'vpc-0abcdef0123456789';

describe.each<[string, RuleRow[]]>([
  [
    'peering-cross-account',
    [
      {name: 'unknown account', record: risky, severity: 'high', evidence: `requestParameters.peerOwnerId = ${otherAccount}`},
      {name: 'a known account', record: risky, config: {knownAccounts: [otherAccount]}, severity: null},
      {name: 'same account (peerOwnerId absent)', record: benign, severity: null},
      {name: 'peerOwnerId is the caller\'s own', record: record('CreateVpcPeeringConnection', {requestParameters: {vpcId: 'vpc-1', peerVpcId: 'vpc-2', peerOwnerId: account}}), severity: null},
      {
        name: 'peer only in the response (wrapped request)',
        record: record('CreateVpcPeeringConnection', {
          responseElements: {vpcPeeringConnection: {accepterVpcInfo: {ownerId: otherAccount, vpcId: 'vpc-2'}}},
        }),
        severity: 'high',
        evidence: 'responseElements.vpcPeeringConnection.accepterVpcInfo.ownerId',
      },
    ],
  ],
  [
    'peering-cross-region',
    [
      {name: 'ap-southeast-1 from us-east-1', record: risky, severity: 'medium', evidence: 'requestParameters.peerRegion = ap-southeast-1'},
      {name: 'same Region', record: benign, severity: null},
      {name: 'peerRegion equals awsRegion', record: record('CreateVpcPeeringConnection', {requestParameters: {vpcId: 'vpc-1', peerVpcId: 'vpc-2', peerRegion: 'us-east-1'}}), severity: null},
    ],
  ],
  [
    'peering-sensitive-vpc',
    [
      {name: 'requester VPC listed by id', record: risky, config: {sensitiveVpcs: [productionVpc]}, severity: 'high', evidence: `vpcId = ${productionVpc}`},
      {
        name: 'requester VPC listed by Name tag substring',
        record: risky,
        state: {Vpcs: [{VpcId: productionVpc, Tags: [{Key: 'Name', Value: 'Production-Core'}]}]},
        config: {sensitiveVpcs: ['production']},
        severity: 'high',
        evidence: `Vpcs[${productionVpc}].Tags.Name = Production-Core`,
      },
      {name: 'accepter VPC listed by id', record: benign, config: {sensitiveVpcs: [productionVpc]}, severity: 'high'},
      {name: 'no sensitive VPC configured', record: risky, severity: null},
      {name: 'a Name tag that does not match', record: risky, state: {Vpcs: [{VpcId: productionVpc, Tags: [{Key: 'Name', Value: 'sandbox'}]}]}, config: {sensitiveVpcs: ['prod']}, severity: null},
    ],
  ],
])('%s', (id, rows) => {
  it.each(rows)('$name', (row) => {
    expectRow(id, row);
  });
});

describe('isResolved', () => {
  const crossAccount = findingOf('peering-cross-account', risky);
  const state = (code: string): AccountSnapshot => ({VpcPeeringConnections: [{VpcPeeringConnectionId: connectionId, Status: {Code: code as 'active'}}]});

  it.each<[string, AccountSnapshot, boolean]>([
    ['pending-acceptance', state('pending-acceptance'), false],
    ['active', state('active'), false],
    ['deleted', state('deleted'), true],
    ['rejected', state('rejected'), true],
    ['expired', state('expired'), true],
    ['gone from the listing', {VpcPeeringConnections: []}, true],
    ['not in the state at all', {}, false],
  ])('the connection is %s: %s', (_name, snapshot, expected) => {
    expect(crossAccount).toBeDefined();
    if (crossAccount) expect(resolved(crossAccount, risky, snapshot)).toBe(expected);
  });
});

// AcceptVpcPeeringConnection: this account is the accepter, so the requester is the peer to judge.
describe('AcceptVpcPeeringConnection', () => {
  const accepted = scenario('peering-accepted-unknown-account');
  const refused = record('AcceptVpcPeeringConnection', {errorCode: 'Client.UnauthorizedOperation', requestParameters: {vpcPeeringConnectionId: 'pcx-0a1b2c3d4e5f60718'}, responseElements: null});
  const acceptedId = 'pcx-0a1b2c3d4e5f60718';

  it.each<RuleRow>([
    {name: 'a requester in an unknown account', record: accepted, severity: 'high', evidence: `responseElements.vpcPeeringConnection.requesterVpcInfo.ownerId = ${otherAccount}`},
    {name: 'a requester in a known account', record: accepted, config: {knownAccounts: [otherAccount]}, severity: null},
    {name: 'a requester in our own account', record: record('AcceptVpcPeeringConnection', {responseElements: {vpcPeeringConnection: {requesterVpcInfo: {ownerId: account, vpcId: 'vpc-1'}, accepterVpcInfo: {ownerId: account, vpcId: 'vpc-2'}}}}), severity: null},
    {name: 'the acceptance was refused', record: refused, severity: null},
  ])('peering-accepted-from-unknown-account: $name', (row) => {
    expectRow('peering-accepted-from-unknown-account', row);
  });

  it('is not taken for a request to the accepter (our own account): no peering-cross-account', () => {
    expect(findingOf('peering-cross-account', accepted)).toBeUndefined();
  });

  it('resolves once the connection is deleted', () => {
    const found = findingOf('peering-accepted-from-unknown-account', accepted);
    const state = (code: string): AccountSnapshot => ({VpcPeeringConnections: [{VpcPeeringConnectionId: acceptedId, Status: {Code: code as 'active'}}]});
    expect(found && resolved(found, accepted, state('active'))).toBe(false);
    expect(found && resolved(found, accepted, state('deleted'))).toBe(true);
  });
});
