// Executing for real, proved at the wire: the real executor and SDK against the loopback server.
// A dry-run carries DryRun=true; execute() sends its call exactly once without DryRun, and still
// exactly once when the answer is a 5xx, a cut connection or no answer at all (the outcome is then
// unknown, and a retry could have run the call twice). Calls that may not be executed never leave.
import '../helpers/aws-env.js';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import type {Action} from '../../src/aws/action.js';
import {createConnection} from '../../src/aws/connect.js';
import {createAwsExecutor} from '../../src/aws/executors/aws.js';
import type {Executor} from '../../src/aws/executors/executor.js';
import {createSdk, type Sdk} from '../../src/aws/sdk/aws-sdk.js';
import {hang, notFound, reset, serverError, startAwsServer, throttled, type AwsServer, type Behaviour} from '../fixtures/aws/server.js';

let server: AwsServer;
let sdk: Sdk;
let executor: Executor;
beforeAll(async () => {
  server = await startAwsServer();
  sdk = createSdk({defaultRegion: 'us-east-1', endpoint: server.url, requestTimeoutMs: 300});
  const connection = createConnection({sdk: () => Promise.resolve(sdk)});
  executor = createAwsExecutor({sdk: () => Promise.resolve(sdk), connection, defaultRegion: 'us-east-1', allowExecute: true});
  await connection();
});
afterAll(async () => {
  sdk.destroy();
  await server.close();
});
beforeEach(() => {
  server.setBehaviour(undefined);
  server.requests.length = 0;
});

const revoke: Action = {service: 'ec2', operation: 'RevokeSecurityGroupIngress', params: {GroupId: 'sg-0123456789abcdef0', SecurityGroupRuleIds: ['sgr-0123456789abcdef0']}};
/** What reached the server for EC2 (the connection's STS identity call left out). */
const ec2Requests = () => server.requests.filter((r) => r.service !== 'sts');

async function execute(action: Action, behaviour?: Behaviour) {
  server.setBehaviour(behaviour);
  const result = await executor.execute?.(action, {region: 'us-east-1'});
  server.setBehaviour(undefined);
  return result;
}

describe('a dry-run and then the real call', () => {
  it('the dry-run carries DryRun=true and is answered "would succeed"', async () => {
    const result = await executor.dryRun(revoke, {region: 'us-east-1'});
    expect(result.verdict).toEqual({outcome: 'would-succeed'});
    expect(ec2Requests()).toHaveLength(1);
    expect(ec2Requests()[0]).toMatchObject({action: 'RevokeSecurityGroupIngress', params: {DryRun: 'true', GroupId: 'sg-0123456789abcdef0', 'SecurityGroupRuleId.1': 'sgr-0123456789abcdef0'}});
  });
  it('execute sends exactly one request, without DryRun, tagged as trailguide\'s', async () => {
    const result = await execute(revoke);
    expect(result).toMatchObject({ok: true, output: {Return: true}});
    const sent = ec2Requests();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({action: 'RevokeSecurityGroupIngress', params: {GroupId: 'sg-0123456789abcdef0', 'SecurityGroupRuleId.1': 'sgr-0123456789abcdef0'}});
    expect(sent[0]?.params).not.toHaveProperty('DryRun');
    expect(String(sent[0]?.headers['user-agent'] ?? sent[0]?.headers['x-amz-user-agent'])).toContain('trailguide/');
  });
});

describe('when the answer does not say what happened, the call is still sent once', () => {
  it.each<[string, Behaviour, string]>([
    ['a server error (500)', serverError('RevokeSecurityGroupIngress'), 'InternalError'],
    ['throttling (503)', throttled('RevokeSecurityGroupIngress'), 'RequestLimitExceeded'],
    ['a connection reset', reset('RevokeSecurityGroupIngress'), 'ECONNRESET'],
    ['no answer (requestTimeout 300 ms)', hang('RevokeSecurityGroupIngress'), 'ETIMEDOUT'],
  ])('%s → one request, outcome unknown', async (_name, behaviour, code) => {
    const result = await execute(revoke, behaviour);
    expect(result).toMatchObject({ok: false, code, outcomeUnknown: true, message: expect.stringContaining('may or may not have happened') as string});
    expect(ec2Requests().map((r) => r.action)).toEqual(['RevokeSecurityGroupIngress']);
  });
  it('a dry-run under the same server error is retried: only execute has the one-attempt client', async () => {
    server.setBehaviour(serverError('RevokeSecurityGroupIngress'));
    await executor.dryRun(revoke, {region: 'us-east-1'});
    expect(ec2Requests().length).toBeGreaterThan(1);
  });
  it('a refusal (400) → one request, a definite failure', async () => {
    const result = await execute(revoke, notFound('RevokeSecurityGroupIngress'));
    expect(result).toEqual({ok: false, code: 'InvalidGroup.NotFound', message: "The security group 'sg-0123456789abcdef0' does not exist"});
    expect(ec2Requests()).toHaveLength(1);
  });
});

describe('what execute never sends', () => {
  it.each<[string, Action]>([
    ['a read-only EC2 call', {service: 'ec2', operation: 'DescribeSecurityGroups', params: {GroupIds: ['sg-0123456789abcdef0']}}],
    ['an EC2 call whose API has no DryRun', {service: 'ec2', operation: 'DisassociateVpcCidrBlock', params: {AssociationId: 'vpc-cidr-assoc-0123456789abcdef0'}}],
    ['a CloudTrail call that changes the account', {service: 'cloudtrail', operation: 'StartLogging', params: {Name: 'incident-trail'}}],
    ['a read-only CloudTrail call', {service: 'cloudtrail', operation: 'LookupEvents', params: {}}],
  ])('%s', async (_name, action) => {
    const result = await execute(action);
    expect(result).toMatchObject({ok: false, code: 'NotExecuted'});
    expect(ec2Requests()).toEqual([]);
  });
});
