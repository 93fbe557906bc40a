// IAM has no DryRun, proved at the wire: the dry-run of an IAM call sends the policy simulator's
// request (after GetRole for the caller's role) through the real SDK, IAM's query protocol and a
// loopback server, and never the IAM call itself.
import '../helpers/aws-env.js';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import type {Action} from '../../src/aws/action.js';
import {createConnection} from '../../src/aws/connect.js';
import {createAwsExecutor} from '../../src/aws/executors/aws.js';
import type {Executor} from '../../src/aws/executors/executor.js';
import {createSdk, type Sdk} from '../../src/aws/sdk/aws-sdk.js';
import {verdictText} from '../../src/aws/verdict-text.js';
import {ACCOUNT, CALLER_POLICY, CALLER_ROLE_ARN, firstOf, hang, iamFails, simulated, startAwsServer, times, type AwsServer} from '../fixtures/aws/server.js';

let server: AwsServer;
let sdk: Sdk;
let executor: Executor;
beforeAll(async () => {
  server = await startAwsServer();
  sdk = createSdk({defaultRegion: 'eu-west-1', endpoint: server.url});
  const connection = createConnection({sdk: () => Promise.resolve(sdk)});
  executor = createAwsExecutor({sdk: () => Promise.resolve(sdk), connection, defaultRegion: 'eu-west-1', allowExecute: true});
});
afterAll(async () => {
  sdk.destroy();
  await server.close();
});
beforeEach(() => {
  server.setBehaviour(undefined);
  server.requests.length = 0;
});

const disableKey: Action = {service: 'iam', operation: 'UpdateAccessKey', params: {UserName: 'bob', AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', Status: 'Inactive'}};
const iamRequests = () => server.requests.filter((r) => r.service === 'iam');

describe('the dry-run of UpdateAccessKey on an account', () => {
  it('sends GetRole and SimulatePrincipalPolicy, signed for us-east-1, and never UpdateAccessKey', async () => {
    const result = await executor.dryRun(disableKey, {region: 'eu-west-1'});
    expect(iamRequests().map((r) => r.action)).toEqual(['GetRole', 'SimulatePrincipalPolicy']);
    expect(server.requests.some((r) => r.action === 'UpdateAccessKey')).toBe(false);
    const [getRole, simulation] = iamRequests();
    expect(getRole!.params['RoleName']).toBe('IncidentResponder');
    // The role's real ARN, with the path GetRole gave, not one built from the session's ARN.
    expect(simulation!.params).toMatchObject({
      Version: '2010-05-08',
      PolicySourceArn: CALLER_ROLE_ARN,
      'ActionNames.member.1': 'iam:UpdateAccessKey',
      'ResourceArns.member.1': `arn:aws:iam::${ACCOUNT}:user/bob`,
    });
    expect(String(simulation!.headers['authorization'])).toMatch(/Credential=[^/]+\/\d{8}\/us-east-1\/iam\/aws4_request/);
    expect(result.verdict).toEqual({outcome: 'permitted', permission: 'iam:UpdateAccessKey', checkedBy: 'SimulatePrincipalPolicy', statements: [`${CALLER_POLICY} (role)`]});
  });
  it('an explicit Deny comes back as denied, naming the statement', async () => {
    server.setBehaviour(simulated({decision: 'explicitDeny', statements: [['QuarantineGuard', 'user-managed']]}));
    const result = await executor.dryRun(disableKey, {region: 'eu-west-1'});
    expect(verdictText(result.verdict)).toBe(
      'IAM has no DryRun: permission checked with iam:SimulatePrincipalPolicy: denied: you lack permission for iam:UpdateAccessKey (an explicit Deny in QuarantineGuard (user-managed))',
    );
    expect(server.requests.some((r) => r.action === 'UpdateAccessKey')).toBe(false);
  });
  it('the simulator refused (403 AccessDenied): not checked, not denied', async () => {
    server.setBehaviour(iamFails('SimulatePrincipalPolicy', 403, 'AccessDenied', `User: arn:aws:sts::${ACCOUNT}:assumed-role/IncidentResponder/oncall is not authorized to perform: iam:SimulatePrincipalPolicy`));
    const result = await executor.dryRun(disableKey, {region: 'eu-west-1'});
    expect(result.verdict.outcome).toBe('error');
    expect(verdictText(result.verdict)).toContain('cannot check: iam:SimulatePrincipalPolicy refused (AccessDenied)');
  });
  it('IAM throttling once (400 Throttling): retried, then answered', async () => {
    server.setBehaviour(firstOf(times(1, iamFails('SimulatePrincipalPolicy', 400, 'Throttling', 'Rate exceeded'))));
    const result = await executor.dryRun(disableKey, {region: 'eu-west-1'});
    expect(iamRequests().filter((r) => r.action === 'SimulatePrincipalPolicy')).toHaveLength(2);
    expect(result.verdict.outcome).toBe('permitted');
  });
  it('Esc cancels a check in flight: the abort reaches the simulator\'s request', async () => {
    server.setBehaviour(hang('SimulatePrincipalPolicy'));
    const abort = new AbortController();
    const pending = executor.dryRun(disableKey, {region: 'eu-west-1', signal: abort.signal});
    while (!server.requests.some((r) => r.action === 'SimulatePrincipalPolicy')) await new Promise((resolve) => setTimeout(resolve, 10));
    abort.abort();
    expect((await pending).verdict).toEqual({outcome: 'error', kind: 'cancelled', message: 'cancelled'});
  });
  it('execute, started with --allow-execute and after a passing check: refused, and nothing reaches IAM', async () => {
    expect((await executor.dryRun(disableKey, {region: 'eu-west-1'})).verdict.outcome).toBe('permitted');
    server.requests.length = 0;
    const executed = await executor.execute?.(disableKey, {region: 'eu-west-1'});
    expect(executed).toMatchObject({ok: false, code: 'NotExecuted'});
    expect(iamRequests()).toEqual([]);
  });
});

describe("IAM's reads on an account", () => {
  it('run for real, without DryRun, at IAM\'s home Region, and their answer is kept (the contain-actor checks and their verification)', async () => {
    const list: Action = {service: 'iam', operation: 'ListAccessKeys', params: {UserName: 'bob'}};
    const result = await executor.dryRun(list, {region: 'eu-west-1'});
    expect(iamRequests().map((r) => [r.action, r.params['UserName'], r.params['DryRun']])).toEqual([['ListAccessKeys', 'bob', undefined]]);
    expect(result.verdict).toMatchObject({outcome: 'read', output: {AccessKeyMetadata: [{UserName: 'bob', AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', Status: 'Inactive'}]}});
    expect(result.request.region).toBe('us-east-1');
    const read = await executor.read!(list, {region: 'eu-west-1'});
    expect(read).toMatchObject({ok: true, output: {AccessKeyMetadata: [{Status: 'Inactive'}]}});
  });
  it('an IAM change is never carried out, even with --allow-execute, whatever the SDK edge is asked', async () => {
    expect(await executor.execute!(disableKey, {region: 'eu-west-1'})).toMatchObject({ok: false, code: 'NotExecuted'});
    await expect(sdk.send('iam', 'UpdateAccessKey', disableKey.params, 'us-east-1')).rejects.toThrow(/changes the account/);
    await expect(sdk.sendOnce('iam', 'UpdateAccessKey', disableKey.params, 'us-east-1')).rejects.toThrow(/never carries out/);
    expect(iamRequests()).toEqual([]);
  });
});
