// Internet gateways in the sandbox: describe by ID and by filter, attach, detach and delete with EC2's rules
// and codes, and the routes to a gateway turning into blackholes once it leaves their VPC.
import type {InternetGateway, RouteTable} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import {sandboxAccount, type SandboxAccount} from '../../../src/aws/sandbox/account.js';
import {apply} from '../../../src/aws/sandbox/operations.js';
import {merge, network, networkInterface, route, routeTable, subnet} from '../../../src/aws/sandbox/seed-parts.js';
import type {ActionParams} from '../../../src/aws/action.js';

const place = {owner: '111122223333', region: 'us-east-1'};
const ids = {
  quiet: 'vpc-0aaa0000000000011', busy: 'vpc-0aaa0000000000012', bare: 'vpc-0aaa0000000000013',
  attached: 'igw-0aaa0000000000011', spare: 'igw-0aaa0000000000012', busyGw: 'igw-0aaa0000000000013', rtb: 'rtb-0aaa0000000000011',
};

function account(): SandboxAccount {
  const quietSubnet = subnet(place, ids.quiet, 'subnet-0aaa0000000000011', '10.30.1.0/24', 'a');
  const busySubnet = subnet(place, ids.busy, 'subnet-0aaa0000000000012', '10.31.1.0/24', 'a');
  const gateways: InternetGateway[] = [
    {InternetGatewayId: ids.attached, OwnerId: place.owner, Attachments: [{VpcId: ids.quiet, State: 'available' as 'attached'}], Tags: [{Key: 'Name', Value: 'quiet-igw'}]},
    {InternetGatewayId: ids.spare, OwnerId: place.owner, Attachments: [], Tags: []},
    {InternetGatewayId: ids.busyGw, OwnerId: place.owner, Attachments: [{VpcId: ids.busy, State: 'available' as 'attached'}], Tags: []},
  ];
  const snapshot = merge(
    network(place, ids.quiet, '10.30.0.0/16', {subnets: [quietSubnet]}),
    network(place, ids.busy, '10.31.0.0/16', {subnets: [busySubnet]}),
    network(place, ids.bare, '10.32.0.0/16'),
    {RouteTables: [routeTable(place, ids.quiet, ids.rtb, '10.30.0.0/16', [route('0.0.0.0/0', {GatewayId: ids.attached})], [quietSubnet.SubnetId ?? ''])]},
    {NetworkInterfaces: [networkInterface(place, 'eni-0aaa0000000000011', busySubnet, [], '10.31.1.10', {publicIp: '198.51.100.40'})]},
    {InternetGateways: gateways},
  );
  return sandboxAccount({snapshot, accountId: place.owner, region: place.region});
}

function run(operation: string, params: ActionParams, from: SandboxAccount = account()) {
  return apply(from, operation, params);
}

function gateways(result: ReturnType<typeof run>): InternetGateway[] {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.output['InternetGateways'] as InternetGateway[];
}

function after(operation: string, params: ActionParams): SandboxAccount {
  const result = run(operation, params);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.account;
}

const defaultRoute = (from: SandboxAccount) => (from.snapshot.RouteTables ?? []).find((t: RouteTable) => t.RouteTableId === ids.rtb)?.Routes?.find((r) => r.GatewayId === ids.attached);

describe('DescribeInternetGateways', () => {
  it('by ID: the attachment as EC2 shows it (available)', () => {
    expect(gateways(run('DescribeInternetGateways', {InternetGatewayIds: [ids.attached]}))[0]?.Attachments).toEqual([{VpcId: ids.quiet, State: 'available'}]);
  });
  it.each([
    [[{Name: 'attachment.vpc-id', Values: [ids.quiet]}], [ids.attached]],
    [[{Name: 'attachment.vpc-id', Values: [ids.bare]}], []],
    [[{Name: 'internet-gateway-id', Values: [ids.spare]}], [ids.spare]],
    [[{Name: 'tag:Name', Values: ['quiet-*']}], [ids.attached]],
  ])('by Filters %j', (Filters, expected) => {
    expect(gateways(run('DescribeInternetGateways', {Filters})).map((g) => g.InternetGatewayId)).toEqual(expected);
  });
  it('an unknown ID is InvalidInternetGatewayID.NotFound', () => {
    expect(run('DescribeInternetGateways', {InternetGatewayIds: ['igw-0000000000000dead']})).toMatchObject({ok: false, code: 'InvalidInternetGatewayID.NotFound'});
  });
});

describe('DetachInternetGateway', () => {
  it('takes the gateway off the VPC; the route to it stays, as a blackhole', () => {
    const next = after('DetachInternetGateway', {InternetGatewayId: ids.attached, VpcId: ids.quiet});
    expect(gateways(run('DescribeInternetGateways', {InternetGatewayIds: [ids.attached]}, next))[0]?.Attachments).toEqual([]);
    expect(defaultRoute(account())?.State).toBe('active');
    expect(defaultRoute(next)?.State).toBe('blackhole');
  });
  it.each([
    ['another VPC', {InternetGatewayId: ids.attached, VpcId: ids.bare}, 'Gateway.NotAttached'],
    ['a gateway attached to nothing', {InternetGatewayId: ids.spare, VpcId: ids.quiet}, 'Gateway.NotAttached'],
    ['a VPC with public addresses mapped', {InternetGatewayId: ids.busyGw, VpcId: ids.busy}, 'DependencyViolation'],
    ['an unknown VPC', {InternetGatewayId: ids.attached, VpcId: 'vpc-0000000000000dead'}, 'InvalidVpcID.NotFound'],
    ['an unknown gateway', {InternetGatewayId: 'igw-0000000000000dead', VpcId: ids.quiet}, 'InvalidInternetGatewayID.NotFound'],
  ])('refuses %s: %s', (_name, params, code) => {
    expect(run('DetachInternetGateway', params)).toMatchObject({ok: false, code});
  });
});

describe('AttachInternetGateway', () => {
  it('joins a VPC that has none, and brings its routes back', () => {
    const detached = after('DetachInternetGateway', {InternetGatewayId: ids.attached, VpcId: ids.quiet});
    const result = run('AttachInternetGateway', {InternetGatewayId: ids.attached, VpcId: ids.quiet}, detached);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.account.snapshot.InternetGateways?.find((g) => g.InternetGatewayId === ids.attached)?.Attachments).toEqual([{VpcId: ids.quiet, State: 'available'}]);
    expect(defaultRoute(result.account)?.State).toBe('active');
  });
  it.each([
    ['a VPC that already has one', {InternetGatewayId: ids.spare, VpcId: ids.quiet}],
    ['a gateway already attached elsewhere', {InternetGatewayId: ids.attached, VpcId: ids.bare}],
  ])('refuses %s with Resource.AlreadyAssociated', (_name, params) => {
    expect(run('AttachInternetGateway', params)).toMatchObject({ok: false, code: 'Resource.AlreadyAssociated'});
  });
});

describe('DeleteInternetGateway', () => {
  it('removes a detached gateway', () => {
    const next = after('DeleteInternetGateway', {InternetGatewayId: ids.spare});
    expect(run('DescribeInternetGateways', {InternetGatewayIds: [ids.spare]}, next)).toMatchObject({ok: false, code: 'InvalidInternetGatewayID.NotFound'});
  });
  it('refuses an attached one with DependencyViolation', () => {
    expect(run('DeleteInternetGateway', {InternetGatewayId: ids.attached})).toMatchObject({ok: false, code: 'DependencyViolation'});
  });
});
