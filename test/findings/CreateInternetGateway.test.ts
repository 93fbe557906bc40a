// The internet gateway runbook's findings on the records as CloudTrail writes them (test/fixtures/events/<name>/):
// a successful attach is high (critical for a sensitive VPC) with the request's fields as evidence, routes to the
// gateway are high, a detach or delete is medium, and the same calls refused raise none of these.
import {readFileSync} from 'node:fs';
import type {InternetGateway, RouteTable, Vpc} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import type {AccountSnapshot} from '../../src/aws/account-snapshot.js';
import {parseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord} from '../../src/events/record.js';
import {expectRow, findingOf, findings, resolved} from './helpers.js';

const igw = 'igw-0c4d8e2f1a3b5c7d9';
const vpcId = 'vpc-0b7e3a9c1d5f24680';
const fixture = (path: string): CloudTrailRecord => parseRecord(JSON.parse(readFileSync(`test/fixtures/events/${path}.json`, 'utf8')) as unknown, path, '');

const gateway = (attachedTo?: string): InternetGateway => ({InternetGatewayId: igw, OwnerId: '111122223333', Attachments: attachedTo === undefined ? [] : [{VpcId: attachedTo, State: 'available' as 'attached'}]});
const table = (state: 'active' | 'blackhole'): RouteTable => ({
  RouteTableId: 'rtb-0d2c3b4a5f6e7d8c9', VpcId: vpcId,
  Routes: [{DestinationCidrBlock: '10.40.0.0/16', GatewayId: 'local', State: 'active'}, {DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw, State: state}],
  Associations: [{SubnetId: 'subnet-0a1a2b3c4d5e6f701', Main: false, AssociationState: {State: 'associated'}}],
});
const vpc: Vpc = {VpcId: vpcId, CidrBlock: '10.40.0.0/16', Tags: [{Key: 'Name', Value: 'payments-prod'}]};
const attached: AccountSnapshot = {InternetGateways: [gateway(vpcId)], RouteTables: [table('active')], Vpcs: [vpc]};
const detached: AccountSnapshot = {InternetGateways: [gateway()], RouteTables: [table('blackhole')], Vpcs: [vpc]};
const deleted: AccountSnapshot = {InternetGateways: [], RouteTables: [table('blackhole')], Vpcs: [vpc]};

const attach = fixture('AttachInternetGateway/risky');
const attachRefused = fixture('AttachInternetGateway/failed');
const create = fixture('CreateInternetGateway/risky');
const detach = fixture('DetachInternetGateway/risky');
const remove = fixture('DeleteInternetGateway/risky');

const own = ['igw-attached-sensitive-vpc', 'igw-attached-to-vpc', 'igw-routes-use-gateway', 'igw-detached-from-vpc', 'igw-deleted', 'igw-created'];

describe('a successful attach', () => {
  it('is high without the state, with the request as evidence', () => {
    expectRow('igw-attached-to-vpc', {name: 'no state', record: attach, severity: 'high', evidence: `requestParameters.vpcId = ${vpcId}`});
  });
  it('says the gateway is the VPC\'s only one once the filtered read shows it', () => {
    const found = expectRow('igw-attached-to-vpc', {name: 'state', record: attach, state: attached, severity: 'high', evidence: `InternetGateways[attachment.vpc-id=${vpcId}] = ${igw}`});
    expect(found?.title).toContain('only way out');
  });
  it('is critical when the VPC is on the sensitive list (by its Name tag)', () => {
    expectRow('igw-attached-sensitive-vpc', {name: 'sensitive', record: attach, state: attached, config: {sensitiveVpcs: ['payments']}, severity: 'critical', evidence: `Vpcs[${vpcId}].Tags.Name = payments-prod`});
    expectRow('igw-attached-sensitive-vpc', {name: 'not listed', record: attach, state: attached, config: {sensitiveVpcs: ['hr']}, severity: null});
  });
  it('names the route that now sends traffic to the gateway', () => {
    expectRow('igw-routes-use-gateway', {name: 'route', record: attach, state: attached, severity: 'high', evidence: `RouteTables[rtb-0d2c3b4a5f6e7d8c9].Routes[1].GatewayId = ${igw}`});
    expectRow('igw-routes-use-gateway', {name: 'blackhole only', record: attach, state: detached, severity: null});
  });
  it('shows resolved once the gateway is detached, or gone', () => {
    for (const id of ['igw-attached-to-vpc', 'igw-routes-use-gateway']) {
      const found = findingOf(id, attach, attached);
      expect(found, id).toBeDefined();
      if (found === undefined) continue;
      expect(resolved(found, attach, attached), id).toBe(false);
      expect(resolved(found, attach, detached), id).toBe(true);
      expect(resolved(found, attach, deleted), id).toBe(true);
    }
  });
});

describe('a detach or a delete', () => {
  it('is medium: what lost its way to the internet', () => {
    expectRow('igw-detached-from-vpc', {name: 'detach', record: detach, state: detached, severity: 'medium', evidence: `requestParameters.vpcId = ${vpcId}`});
    expectRow('igw-deleted', {name: 'delete (wrapped request)', record: remove, state: deleted, severity: 'medium', evidence: 'requestParameters.DeleteInternetGatewayRequest.InternetGatewayId'});
    expect(findingOf('igw-deleted', remove, deleted)?.title).toContain('1 route(s) now lead nowhere');
  });
  it('a detach shows resolved once the gateway is back on the VPC', () => {
    const found = findingOf('igw-detached-from-vpc', detach, detached);
    expect(found).toBeDefined();
    if (found === undefined) return;
    expect(resolved(found, detach, detached)).toBe(false);
    expect(resolved(found, detach, attached)).toBe(true);
  });
});

describe('a new gateway', () => {
  it('is low while it joins nothing, and raises no attach finding', () => {
    expectRow('igw-created', {name: 'created', record: create, state: {InternetGateways: [gateway()]}, severity: 'low', evidence: `responseElements.internetGateway.internetGatewayId = ${igw}`});
    expectRow('igw-attached-to-vpc', {name: 'no attach', record: create, state: {InternetGateways: [gateway()]}, severity: null});
  });
});

describe('refused calls raise none of the runbook\'s findings', () => {
  // Denied calls get the shared call-refused finding (about the caller), a DependencyViolation call-failed.
  it.each([
    ['AttachInternetGateway/failed', 'call-refused'],
    ['CreateInternetGateway/failed', 'call-refused'],
    ['DetachInternetGateway/failed', 'call-failed'],
    ['DeleteInternetGateway/failed', 'call-failed'],
  ])('%s', (path, shared) => {
    const record = fixture(path);
    expect(record.errorCode).toMatch(/^Client\./);
    const raised = findings(record, attached, {sensitiveVpcs: ['payments']}).map((f) => f.id);
    expect(raised.filter((id) => own.includes(id))).toEqual([]);
    expect(raised).toContain(shared);
  });
  it('the refused attach raises no high or critical finding about the gateway or the VPC', () => {
    const severe = findings(attachRefused, attached, {sensitiveVpcs: ['payments']}).filter((f) => f.severity === 'high' || f.severity === 'critical');
    expect(severe.map((f) => f.id)).toEqual(['call-refused']);
  });
});
