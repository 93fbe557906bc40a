// The execute gate: every reason a call may not be executed now, per mode, and the one way through
// on a real account (--allow-execute, a mutating call with DryRun, a passing dry-run of exactly
// this call less than 15 minutes old).
import {describe, expect, it} from 'vitest';
import type {Action} from '../../src/aws/action.js';
import type {DryRunResult, Verdict} from '../../src/aws/executors/executor.js';
import {executeGate, sameParams, type ExecuteGateInput} from '../../src/walkthrough/execute-gate.js';

const now = new Date('2026-03-16T12:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

const revoke: Action = {
  service: 'ec2',
  operation: 'RevokeSecurityGroupIngress',
  params: {GroupId: 'sg-0123456789abcdef0', IpPermissions: [{IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '0.0.0.0/0'}]}]},
};
const describeGroups: Action = {service: 'ec2', operation: 'DescribeSecurityGroups', params: {GroupIds: ['sg-0123456789abcdef0']}};
const noDryRun: Action = {service: 'ec2', operation: 'DisassociateVpcCidrBlock', params: {AssociationId: 'vpc-cidr-assoc-0123456789abcdef0'}};
const cloudTrailWrite: Action = {service: 'cloudtrail', operation: 'StartLogging', params: {Name: 'trail'}};
const iamWrite: Action = {service: 'iam', operation: 'UpdateAccessKey', params: {AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', Status: 'Inactive'}};

function dryRunOf(action: Action, overrides: {verdict?: Verdict; at?: string; sent?: boolean; region?: string} = {}): DryRunResult {
  return {
    request: {service: action.service, operation: action.operation, params: {...action.params, DryRun: true}, region: overrides.region ?? 'us-east-1'},
    verdict: overrides.verdict ?? {outcome: 'would-succeed'},
    sent: overrides.sent ?? true,
    durationMs: 120,
    at: overrides.at ?? minutesAgo(2),
  };
}

const aws = (overrides: Partial<ExecuteGateInput> = {}): ExecuteGateInput => ({mode: 'aws', allowExecute: true, action: revoke, lastDryRun: dryRunOf(revoke), now, ...overrides});

describe('on a real account', () => {
  it('allows a mutating EC2 call with --allow-execute and a passing dry-run of exactly it, 2 min old', () => {
    expect(executeGate(aws())).toEqual({ok: true});
  });
  it('allows it just under 15 minutes, whatever order the parameters\' keys are in', () => {
    const reordered: Action = {...revoke, params: {IpPermissions: revoke.params['IpPermissions']!, GroupId: 'sg-0123456789abcdef0'}};
    expect(executeGate(aws({action: reordered, lastDryRun: dryRunOf(revoke, {at: new Date(now.getTime() - 15 * 60_000 + 1).toISOString()})}))).toEqual({ok: true});
  });
  it.each<[string, Partial<ExecuteGateInput>, string]>([
    ['without --allow-execute', {allowExecute: false}, 'start trailguide with --allow-execute (or TRAILGUIDE_ALLOW_EXECUTE=1) to execute on a real account'],
    ['with no action', {action: undefined}, 'this step has no complete call to execute'],
    ['a read-only call', {action: describeGroups, lastDryRun: dryRunOf(describeGroups)}, 'this call only reads: there is nothing to execute'],
    ['an EC2 call without DryRun', {action: noDryRun, lastDryRun: dryRunOf(noDryRun)}, 'this API has no DryRun: run the shown command yourself'],
    ['a CloudTrail call', {action: cloudTrailWrite}, 'this API has no DryRun: run the shown command yourself'],
    ['an IAM call', {action: iamWrite}, 'this API has no DryRun: run the shown command yourself'],
    [
      'an IAM call whose permission the policy simulator allowed just now',
      {
        action: iamWrite,
        lastDryRun: {
          ...dryRunOf(iamWrite, {verdict: {outcome: 'permitted', permission: 'iam:UpdateAccessKey', checkedBy: 'SimulatePrincipalPolicy'}}),
          request: {service: 'iam', operation: 'UpdateAccessKey', params: iamWrite.params, region: 'us-east-1'},
          sentInstead: [{service: 'iam', operation: 'SimulatePrincipalPolicy', params: {ActionNames: ['iam:UpdateAccessKey']}, region: 'us-east-1'}],
        },
      },
      'this API has no DryRun: run the shown command yourself',
    ],
    ['an EC2 call after a "permitted" verdict (a permission check is no dry-run)', {lastDryRun: dryRunOf(revoke, {verdict: {outcome: 'permitted', permission: 'ec2:RevokeSecurityGroupIngress', checkedBy: 'SimulatePrincipalPolicy'}})}, 'dry-run it first (d): the last dry-run did not pass'],
    ['with no dry-run', {lastDryRun: undefined}, 'dry-run it first (d): no passing dry-run in this session'],
    ['with a dry-run of another operation', {lastDryRun: dryRunOf({...revoke, operation: 'RevokeSecurityGroupEgress'})}, 'dry-run it first (d): no passing dry-run in this session'],
    ['with a dry-run of another service', {lastDryRun: dryRunOf({...revoke, service: 'iam'})}, 'dry-run it first (d): no passing dry-run in this session'],
    ['after a denied dry-run', {lastDryRun: dryRunOf(revoke, {verdict: {outcome: 'denied', permission: 'ec2:RevokeSecurityGroupIngress'}})}, 'dry-run it first (d): the last dry-run did not pass'],
    ['after a dry-run that would fail', {lastDryRun: dryRunOf(revoke, {verdict: {outcome: 'would-fail', code: 'InvalidGroup.NotFound', message: 'gone'}})}, 'dry-run it first (d): the last dry-run did not pass'],
    ['after a dry-run that errored', {lastDryRun: dryRunOf(revoke, {verdict: {outcome: 'error', kind: 'timeout', message: 'no answer'}})}, 'dry-run it first (d): the last dry-run did not pass'],
    ['after a plan-only dry-run', {lastDryRun: dryRunOf(revoke, {verdict: {outcome: 'plan-only', reason: 'offline'}, sent: false})}, 'dry-run it first (d): the last dry-run did not pass'],
    ['after a "would succeed" that was never sent', {lastDryRun: dryRunOf(revoke, {sent: false})}, 'dry-run it first (d): the last dry-run did not pass'],
    ['after a dry-run 17 minutes ago', {lastDryRun: dryRunOf(revoke, {at: minutesAgo(17.5)})}, 'the dry-run is 17 min old: dry-run again (limit 15 min)'],
    ['after a dry-run exactly 15 minutes ago', {lastDryRun: dryRunOf(revoke, {at: minutesAgo(15)})}, 'the dry-run is 15 min old: dry-run again (limit 15 min)'],
    ['after a dry-run in the future (the clock moved)', {lastDryRun: dryRunOf(revoke, {at: minutesAgo(-1)})}, 'the dry-run has no valid time: dry-run again'],
    ['after a dry-run with no valid time', {lastDryRun: dryRunOf(revoke, {at: 'yesterday'})}, 'the dry-run has no valid time: dry-run again'],
    ['when the parameters changed', {action: {...revoke, params: {...revoke.params, GroupId: 'sg-0123456789abcdef1'}}}, 'the parameters changed since the dry-run: dry-run again'],
    ['when a nested parameter changed', {action: {...revoke, params: {...revoke.params, IpPermissions: [{IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '0.0.0.0/1'}]}]}}}, 'the parameters changed since the dry-run: dry-run again'],
    ['when a parameter was added', {action: {...revoke, params: {...revoke.params, SecurityGroupRuleIds: ['sgr-0123456789abcdef0']}}}, 'the parameters changed since the dry-run: dry-run again'],
    ['when the Region changed', {region: 'eu-west-1'}, 'the dry-run went to us-east-1, this would go to eu-west-1: dry-run again'],
    ['when the call was executed after the dry-run (whatever came of it)', {lastExecutedAt: minutesAgo(1)}, 'this call was executed after its dry-run: dry-run again'],
    ['when the execution has no valid time', {lastExecutedAt: 'unknown'}, 'this call was executed after its dry-run: dry-run again'],
  ])('refuses %s', (_name, overrides, reason) => {
    expect(executeGate(aws(overrides))).toEqual({ok: false, reason});
  });
  it('the same Region passes', () => {
    expect(executeGate(aws({region: 'us-east-1'}))).toEqual({ok: true});
  });
  it('a dry-run newer than the last execution passes', () => {
    expect(executeGate(aws({lastExecutedAt: minutesAgo(3)}))).toEqual({ok: true});
  });
});

describe('in plan mode', () => {
  it.each<[string, Partial<ExecuteGateInput>]>([
    ['even with everything else in order', {}],
    ['with no action', {action: undefined}],
    ['for a read-only call', {action: describeGroups}],
  ])('nothing is ever executed, %s', (_name, overrides) => {
    expect(executeGate(aws({mode: 'plan', ...overrides}))).toEqual({ok: false, reason: 'plan mode: nothing is ever executed'});
  });
});

describe('in the training sandbox', () => {
  it.each<[string, Action]>([
    ['a mutating EC2 call', revoke],
    ['an EC2 call without DryRun', noDryRun],
    ['a call of another service (the sandbox answers for itself)', iamWrite],
  ])('allows %s without --allow-execute and without a dry-run', (_name, action) => {
    expect(executeGate({mode: 'sandbox', allowExecute: false, action, lastDryRun: undefined, now})).toEqual({ok: true});
  });
  it('allows it after a stale or failed dry-run too (mistakes are counted elsewhere)', () => {
    const lastDryRun = dryRunOf(revoke, {verdict: {outcome: 'would-fail', code: 'InvalidGroup.NotFound', message: 'gone'}, at: minutesAgo(60)});
    expect(executeGate({mode: 'sandbox', allowExecute: false, action: revoke, lastDryRun, now})).toEqual({ok: true});
  });
  it.each<[string, Action | undefined, string]>([
    ['a read-only call', describeGroups, 'this call only reads: there is nothing to execute'],
    ['no action', undefined, 'this step has no complete call to execute'],
  ])('refuses %s', (_name, action, reason) => {
    expect(executeGate({mode: 'sandbox', allowExecute: true, action, lastDryRun: undefined, now})).toEqual({ok: false, reason});
  });
});

describe('sameParams', () => {
  it.each<[string, Action['params'], Action['params'], boolean]>([
    ['ignores DryRun', {GroupId: 'sg-1', DryRun: true}, {GroupId: 'sg-1'}, true],
    ['ignores key order', {A: 1, B: {C: 'x', D: [1, 2]}}, {B: {D: [1, 2], C: 'x'}, A: 1}, true],
    ['not list order', {A: [1, 2]}, {A: [2, 1]}, false],
    ['not a list against a string', {A: ['x']}, {A: 'x'}, false],
    ['not a number against its text', {A: 1}, {A: '1'}, false],
    ['not an extra key', {A: 1}, {A: 1, B: 2}, false],
    ['not a nested extra key', {A: {B: 1}}, {A: {B: 1, C: 2}}, false],
    ['not an object against a list', {A: {}}, {A: []}, false],
  ])('%s', (_name, a, b, same) => {
    expect(sameParams(a, b)).toBe(same);
    expect(sameParams(b, a)).toBe(same);
  });
});
