// Gated real execution through the keys, against the loopback AWS server with the real executor and
// SDK: with --allow-execute, a passing dry-run and the typed resource ID, exactly one mutating request
// without DryRun reaches "AWS", then its check; without --allow-execute, or before a dry-run, none does.
import '../helpers/aws-env.js';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {createConnection} from '../../src/aws/connect.js';
import {createAwsExecutor} from '../../src/aws/executors/aws.js';
import {createSdk, type Sdk} from '../../src/aws/sdk/aws-sdk.js';
import {startAwsServer, type AwsServer} from '../fixtures/aws/server.js';
import {scenario} from '../helpers/candidates.js';
import {renderApp, type Harness} from '../helpers/ink.js';
import {ENTER} from '../helpers/keys.js';

let server: AwsServer;
let sdk: Sdk;
beforeAll(async () => {
  server = await startAwsServer();
  sdk = createSdk({defaultRegion: 'us-east-1', endpoint: server.url});
});
afterAll(async () => {
  sdk.destroy();
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

// An event from a file, not a training scenario: it goes to the account.
const sg = {...scenario('sg-default-ssh-in-default-vpc'), scenario: undefined};
const rule = 'sgr-0123456789abcdef0';
const realRevokes = () => server.requests.filter((r) => r.action === 'RevokeSecurityGroupIngress' && r.params['DryRun'] === undefined);

async function atRevokeStep(allowExecute: boolean): Promise<Harness> {
  const connection = createConnection({sdk: () => Promise.resolve(sdk)});
  const executor = createAwsExecutor({sdk: () => Promise.resolve(sdk), connection, defaultRegion: 'us-east-1', allowExecute});
  const app = await renderApp([sg], {size: {columns: 160, rows: 60}, services: {executor, connection, allowExecute, clock: () => new Date()}});
  await app.waitFor('AWS account 111122223333', 5000);
  await app.waitFor('Enter remediate');
  await app.pressAndWaitFor(ENTER, 'How do you want');
  await app.pressAndWaitFor('2', 'Step 1 of');
  await app.press('x', 'x', 'x');
  await app.pressAndWaitFor('e', 'securityGroupRuleIds:');
  await app.press(rule, ENTER);
  await app.waitFor(`--security-group-rule-ids ${rule}`);
  return app;
}

describe('gated real execution on an AWS account', () => {
  it('with --allow-execute, after a passing dry-run and the typed ID: exactly one real request, then its check', async () => {
    const app = await atRevokeStep(true);
    // Before the dry-run, X is refused and nothing is sent.
    expect(await app.pressAndWaitFor('X', 'dry-run it first')).not.toContain('to confirm');
    await app.pressAndWaitFor('d', 'RevokeSecurityGroupIngress: would succeed');
    expect(realRevokes()).toHaveLength(0);
    const prompt = await app.pressAndWaitFor('X', 'Type sg-0123456789abcdef0 to confirm');
    expect(prompt).toContain('Execute for real on AWS account 111122223333');
    await app.press('sg-0123456789abcdef0', ENTER);
    const done = await app.waitFor('Executed on AWS: done', 5000);
    await app.waitFor('Check (DescribeSecurityGroupRules)', 5000);
    expect(realRevokes()).toHaveLength(1);
    expect(realRevokes()[0]?.params).toMatchObject({GroupId: 'sg-0123456789abcdef0', 'SecurityGroupRuleId.1': rule});
    expect(done).toContain('revoke-security-group-ingress');
    // The same dry-run does not cover a second execution.
    await app.pressAndWaitFor('X', 'this call was executed after its dry-run: dry-run again');
    expect(realRevokes()).toHaveLength(1);
    app.unmount();
  });

  it('without --allow-execute: X says how to enable it, and no real request is ever sent', async () => {
    const app = await atRevokeStep(false);
    await app.pressAndWaitFor('d', 'RevokeSecurityGroupIngress: would succeed');
    await app.pressAndWaitFor('X', 'start trailguide with --allow-execute');
    expect(app.frame()).not.toContain('to confirm');
    expect(realRevokes()).toHaveLength(0);
    expect(server.requests.filter((r) => r.service === 'ec2' && r.params['DryRun'] === undefined && !r.action.startsWith('Describe'))).toEqual([]);
    app.unmount();
  });
});
