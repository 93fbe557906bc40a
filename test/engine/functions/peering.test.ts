// The peering functions as a runbook's expressions call them.
import {describe, expect, it} from 'vitest';
import {evaluate} from '../../../src/engine/expression.js';

const ours = '111122223333';
const peer = '444455556666';
const vpc = 'vpc-0abcdef0123456789';

describe('is_ended_peering', () => {
  it.each<[unknown, boolean]>([
    ['deleted', true], ['deleting', true], ['rejected', true], ['expired', true], ['failed', true],
    ['pending-acceptance', false], ['initiating-request', false], ['provisioning', false], ['active', false],
    ['Deleted', false], ['', false], [null, false], [5, false], [['deleted'], false],
  ])('%j: %s', (code, ended) => {
    expect(evaluate('is_ended_peering(code)', {code})).toBe(ended);
  });
});

describe('peering_view', () => {
  const view = (connection: unknown) => evaluate('peering_view(c)', {c: connection});

  it('reads status, expiry and both sides of an answer', () => {
    expect(view({
      VpcPeeringConnectionId: 'pcx-0123456789abcdef0',
      Status: {Code: 'active', Message: 'Active'},
      ExpirationTime: '2025-03-21T23:07:45.000Z',
      RequesterVpcInfo: {
        OwnerId: ours, VpcId: vpc, Region: 'us-east-1', CidrBlock: '10.20.0.0/16',
        CidrBlockSet: [{CidrBlock: '10.20.0.0/16'}, {CidrBlock: '10.21.0.0/16'}], Ipv6CidrBlockSet: [{Ipv6CidrBlock: '2600:1f18::/56'}],
        PeeringOptions: {AllowDnsResolutionFromRemoteVpc: true},
      },
      AccepterVpcInfo: {OwnerId: peer, Region: 'ap-southeast-1'},
    })).toEqual({
      id: 'pcx-0123456789abcdef0', code: 'active', message: 'Active', expires: '2025-03-21T23:07:45Z',
      requester: {owner: ours, vpc, region: 'us-east-1', cidrs: ['10.20.0.0/16', '10.21.0.0/16', '2600:1f18::/56'], dnsFromRemote: true},
      accepter: {owner: peer, vpc: null, region: 'ap-southeast-1', cidrs: [], dnsFromRemote: false},
    });
  });

  it.each<[string, unknown, string | null]>([
    ['ISO text with milliseconds', '2025-03-21T23:07:45.120Z', '2025-03-21T23:07:45.120Z'],
    ['epoch milliseconds (as the record writes it)', 1742697105000, '2025-03-23T02:31:45Z'],
    ['unreadable text', 'soon', null],
    ['a number past the dates a clock can show', Number.MAX_VALUE, null],
    ['an object', {}, null],
  ])('expires from %s', (_name, time, expires) => {
    expect(view({ExpirationTime: time})).toMatchObject({expires});
  });

  it('counts a field of the wrong type as absent', () => {
    expect(view({Status: {Code: 7, Message: ''}, RequesterVpcInfo: [], AccepterVpcInfo: {OwnerId: 5, CidrBlockSet: 'x', Ipv6CidrBlockSet: [null, {Ipv6CidrBlock: ''}], PeeringOptions: {AllowDnsResolutionFromRemoteVpc: 'true'}}}))
      .toEqual({
        id: null, code: null, message: null, expires: null,
        requester: {owner: null, vpc: null, region: null, cidrs: [], dnsFromRemote: false},
        accepter: {owner: null, vpc: null, region: null, cidrs: [], dnsFromRemote: false},
      });
    expect(view({Status: 'active'})).toMatchObject({code: null});
  });

  it('lists a block once, however often the answer repeats it', () => {
    expect(view({RequesterVpcInfo: {CidrBlock: '10.0.0.0/16', CidrBlockSet: [{CidrBlock: '10.0.0.0/16'}, {CidrBlock: '10.1.0.0/16'}, {CidrBlock: '10.1.0.0/16'}]}}))
      .toMatchObject({requester: {cidrs: ['10.0.0.0/16', '10.1.0.0/16']}});
  });

  it.each([null, 'pcx-0123456789abcdef0', [{}]])('is null for %j', (connection) => {
    expect(view(connection)).toBeNull();
  });
});

describe('is_foreign_account', () => {
  const foreign = (account: unknown, own: unknown, known: unknown) => evaluate('is_foreign_account(account, own, known)', {account, own, known});

  it.each<[string, unknown, unknown, unknown, boolean]>([
    ['another account, none known', peer, ours, null, true],
    ['another account, others known', peer, ours, ['999988887777'], true],
    ['a known account', peer, ours, [peer], false],
    ['our own account', ours, ours, null, false],
    ['no account', null, ours, null, false],
    ['our account unknown, nothing known: cannot tell', peer, null, null, false],
    ['our account unknown, others known', peer, null, ['999988887777'], true],
    ['our account unknown, a list of blanks only', peer, null, ['', 5], false],
    ['a known list that is not a list', peer, ours, peer, true],
  ])('%s', (_name, account, own, known, expected) => {
    expect(foreign(account, own, known)).toBe(expected);
  });
});

describe('sensitive_vpc', () => {
  const vpcs = [{VpcId: vpc, Tags: [{Key: 'Env', Value: 'prod'}, {Key: 'Name', Value: 'Production-Core'}]}, {VpcId: 'vpc-0fedcba9876543210'}];
  const sensitive = (id: unknown, list: unknown, state: unknown = vpcs) => evaluate('sensitive_vpc(id, vpcs, list)', {id, vpcs: state, list});

  it('matches a Name tag substring, whatever the case, and says which tag', () => {
    expect(sensitive(vpc, ['production'])).toEqual({by: 'name', name: 'Production-Core'});
    expect(sensitive(vpc, ['CORE'])).toEqual({by: 'name', name: 'Production-Core'});
  });

  it('matches the VPC ID, whatever the case, when the tag does not match', () => {
    expect(sensitive(vpc, [vpc.toUpperCase()])).toEqual({by: 'id'});
    expect(sensitive('vpc-0fedcba9876543210', ['vpc-0fedcba9876543210', 'core'])).toEqual({by: 'id'});
  });

  it('prefers the tag when both match', () => {
    expect(sensitive(vpc, [vpc, 'prod'])).toEqual({by: 'name', name: 'Production-Core'});
  });

  it.each<[string, unknown, unknown, unknown]>([
    ['only another tag holds the entry (Env=prod is not the Name)', vpc, ['prod-eu'], vpcs],
    ['no list', vpc, null, vpcs],
    ['a list of blanks', vpc, ['', 7], vpcs],
    ['the state does not know the VPC', vpc, ['production'], [{VpcId: 'vpc-0fedcba9876543210'}]],
    ['no state', vpc, ['production'], null],
    ['Tags not a list', vpc, ['production'], [{VpcId: vpc, Tags: {Name: 'production'}}]],
    ['no VPC', null, ['production'], vpcs],
  ])('none: %s', (_name, id, list, state) => {
    expect(sensitive(id, list, state)).toBeNull();
  });
});
