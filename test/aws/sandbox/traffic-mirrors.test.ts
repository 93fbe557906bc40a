// Traffic mirroring in the sandbox: reads by ID and by filter, deleting a session, a target (refused while a
// session uses it) and a filter rule, with EC2's not-found codes; and the seeds built from the events' records.
import {readFileSync} from 'node:fs';
import type {TrafficMirrorFilter, TrafficMirrorSession, TrafficMirrorTarget} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import type {ActionParams} from '../../../src/aws/action.js';
import type {SandboxAccount} from '../../../src/aws/sandbox/account.js';
import {accountFor} from '../../../src/aws/sandbox/seeds.js';
import {parseRecord} from '../../../src/events/parse-record.js';
import type {JsonObject} from '../../../src/events/record.js';
import {scenarioById} from '../../../src/scenarios/index.js';
import {failure, list, ok} from './fixture.js';

const session = 'tms-0c0ffee1234567890';
const target = 'tmt-0f1e2d3c4b5a69788';
const filter = 'tmf-0123456789abcdef0';
const ingressRule = 'tmfr-0d9c8b7a6f5e4d3c2';

function scenarioAccount(id: string): SandboxAccount {
  const found = scenarioById(id);
  if (found === undefined) throw new Error(`no scenario ${id}`);
  return accountFor(found, parseRecord(found.event, id, ''));
}

function fixtureAccount(eventName: string, kind: string): SandboxAccount {
  const raw = JSON.parse(readFileSync(new URL(`../../fixtures/events/${eventName}/${kind}.json`, import.meta.url), 'utf8')) as JsonObject;
  return accountFor(undefined, parseRecord(raw, kind, ''));
}

const risky = scenarioAccount('mirror-session-to-foreign-target');
const sessions = (params: ActionParams, account = risky) => list<TrafficMirrorSession>(ok('DescribeTrafficMirrorSessions', params, account).output, 'TrafficMirrorSessions');
const targets = (params: ActionParams, account = risky) => list<TrafficMirrorTarget>(ok('DescribeTrafficMirrorTargets', params, account).output, 'TrafficMirrorTargets');
const filters = (params: ActionParams, account = risky) => list<TrafficMirrorFilter>(ok('DescribeTrafficMirrorFilters', params, account).output, 'TrafficMirrorFilters');

describe('DescribeTrafficMirrorSessions, Targets and Filters', () => {
  it('list by ID and by the filters the runbook uses', () => {
    expect(sessions({TrafficMirrorSessionIds: [session]}).map((s) => s.NetworkInterfaceId)).toEqual(['eni-0a1b2c3d4e5f67890']);
    expect(sessions({Filters: [{Name: 'traffic-mirror-target-id', Values: [target]}]}).map((s) => s.TrafficMirrorSessionId)).toEqual([session]);
    expect(sessions({Filters: [{Name: 'network-interface-id', Values: ['eni-00000000000000000']}]})).toEqual([]);
    expect(targets({Filters: [{Name: 'owner-id', Values: ['444455556666']}]}).map((t) => t.TrafficMirrorTargetId)).toEqual([target]);
    expect(filters({TrafficMirrorFilterIds: [filter]})[0]?.IngressFilterRules?.map((r) => r.TrafficMirrorFilterRuleId)).toEqual([ingressRule]);
  });

  it.each([
    ['DescribeTrafficMirrorSessions', {TrafficMirrorSessionIds: ['tms-00000000000000000']}, 'InvalidTrafficMirrorSessionId.NotFound'],
    ['DescribeTrafficMirrorTargets', {TrafficMirrorTargetIds: ['tmt-00000000000000000']}, 'InvalidTrafficMirrorTargetId.NotFound'],
    ['DescribeTrafficMirrorFilters', {TrafficMirrorFilterIds: ['tmf-00000000000000000']}, 'InvalidTrafficMirrorFilterId.NotFound'],
  ] as const)('%s answers an unknown ID with %s', (operation, params, code) => {
    expect(failure(operation, params, risky).code).toBe(code);
  });
});

describe('deleting', () => {
  it('a session: gone from the listing, so the copying stops', () => {
    const {account, output} = ok('DeleteTrafficMirrorSession', {TrafficMirrorSessionId: session}, risky);
    expect(output).toEqual({TrafficMirrorSessionId: session});
    expect(sessions({}, account)).toEqual([]);
    expect(failure('DeleteTrafficMirrorSession', {TrafficMirrorSessionId: session}, account).code).toBe('InvalidTrafficMirrorSessionId.NotFound');
  });

  it('a target is refused while a session uses it, and works once the session is gone', () => {
    expect(failure('DeleteTrafficMirrorTarget', {TrafficMirrorTargetId: target}, risky)).toMatchObject({code: 'DependencyViolation'});
    const without = ok('DeleteTrafficMirrorSession', {TrafficMirrorSessionId: session}, risky).account;
    const {account, output} = ok('DeleteTrafficMirrorTarget', {TrafficMirrorTargetId: target}, without);
    expect(output).toEqual({TrafficMirrorTargetId: target});
    expect(targets({}, account)).toEqual([]);
  });

  it('a filter rule: only that rule leaves its filter', () => {
    const {account} = ok('DeleteTrafficMirrorFilterRule', {TrafficMirrorFilterRuleId: ingressRule}, risky);
    const [left] = filters({}, account);
    expect(left?.IngressFilterRules).toEqual([]);
    expect(left?.EgressFilterRules?.map((r) => r.TrafficMirrorFilterRuleId)).toEqual(['tmfr-01a2b3c4d5e6f7a8b']);
    expect(failure('DeleteTrafficMirrorFilterRule', {TrafficMirrorFilterRuleId: ingressRule}, account).code).toBe('InvalidTrafficMirrorFilterRuleId.NotFound');
  });
});

describe('seeds from the records', () => {
  it('a session: the mirrored interface on its instance, the target, the filter and the session', () => {
    const account = fixtureAccount('CreateTrafficMirrorSession', 'risky');
    expect(sessions({}, account).map((s) => [s.TrafficMirrorSessionId, s.NetworkInterfaceId, s.TrafficMirrorTargetId])).toEqual([[session, 'eni-0a1b2c3d4e5f67890', target]]);
    expect(account.snapshot.NetworkInterfaces?.find((n) => n.NetworkInterfaceId === 'eni-0a1b2c3d4e5f67890')?.Attachment?.InstanceId).toMatch(/^i-/);
    expect(targets({}, account).map((t) => t.TrafficMirrorTargetId)).toEqual([target]);
  });

  it('a refused session created nothing', () => {
    expect(sessions({}, fixtureAccount('CreateTrafficMirrorSession', 'failed'))).toEqual([]);
  });

  it('a target to another account\'s load balancer, as the (wrapped) record names it', () => {
    const [made] = targets({}, fixtureAccount('CreateTrafficMirrorTarget', 'risky'));
    expect(made).toMatchObject({TrafficMirrorTargetId: target, Type: 'network-load-balancer', NetworkLoadBalancerArn: expect.stringContaining(':444455556666:') as unknown});
  });

  it('a filter rule: in its filter, and not when the call was refused', () => {
    expect(filters({}, fixtureAccount('CreateTrafficMirrorFilterRule', 'risky'))[0]?.IngressFilterRules?.map((r) => r.TrafficMirrorFilterRuleId)).toEqual(['tmfr-0d9c8b7a6f5e4d3c2']);
    expect(filters({}, fixtureAccount('CreateTrafficMirrorFilterRule', 'failed'))[0]?.IngressFilterRules).toEqual([]);
  });

  it('an accepted peering: our accepter VPC and the connection, active, to the requester elsewhere', () => {
    const account = fixtureAccount('AcceptVpcPeeringConnection', 'risky');
    const [pcx] = account.snapshot.VpcPeeringConnections ?? [];
    expect(pcx?.Status?.Code).toBe('active');
    expect(pcx?.RequesterVpcInfo?.OwnerId).toBe('444455556666');
    expect(account.snapshot.Vpcs?.map((v) => v.VpcId)).toEqual(['vpc-0abcdef0123456789']);
    expect(ok('DeleteVpcPeeringConnection', {VpcPeeringConnectionId: 'pcx-0a1b2c3d4e5f60718'}, account).output).toEqual({Return: true});
  });
});
