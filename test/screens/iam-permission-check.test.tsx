// The dry-run of an IAM step on an account, as the on-call engineer sees it: the real AWS executor
// (its SDK edge stubbed at iam()), the walkthrough, real key bytes. IAM has no DryRun: the screen
// says the permission was checked with the policy simulator, that the call was not sent, and `X`
// still refuses to execute it.
import {describe, expect, it} from 'vitest';
import type {ConnectionStatus} from '../../src/aws/connection-status.js';
import {createAwsExecutor} from '../../src/aws/executors/aws.js';
import type {Sdk} from '../../src/aws/sdk/aws-sdk.js';
import {scenario} from '../helpers/candidates.js';
import {renderApp, type Harness} from '../helpers/ink.js';
import {ENTER} from '../helpers/keys.js';

const connected: ConnectionStatus = {kind: 'connected', account: '111122223333', principal: 'arn:aws:sts::111122223333:assumed-role/IR/oncall', region: 'us-east-1'};

interface Sent {
  readonly operation: string;
  readonly params: object;
}

/** The SDK edge as the executor uses it for IAM: only iam() answers; every call is recorded. */
function stubSdk(decision: 'allowed' | 'explicitDeny'): {sdk: Sdk; sent: Sent[]} {
  const sent: Sent[] = [];
  const stub = {
    canSend: () => false,
    iam: (operation: string, params: object) => {
      sent.push({operation, params});
      if (operation === 'GetRole') return Promise.resolve({Role: {Arn: 'arn:aws:iam::111122223333:role/ir/IR'}});
      const statements = decision === 'allowed' ? [{SourcePolicyId: 'IncidentResponse', SourcePolicyType: 'role'}] : [{SourcePolicyId: 'KeyGuard', SourcePolicyType: 'user-managed'}];
      return Promise.resolve({EvaluationResults: [{EvalActionName: 'iam:UpdateAccessKey', EvalDecision: decision, MatchedStatements: statements}]});
    },
  };
  // A stub of the two members the IAM check uses; the rest of the SDK edge is never reached here.
  return {sdk: stub as unknown as Sdk, sent};
}

/** Opens the CLI track and moves to the first step whose command deactivates an access key. */
async function toKeyStep(app: Harness): Promise<string> {
  await app.waitFor('Enter remediate');
  await app.pressAndWaitFor(ENTER, 'How do you want');
  let frame = await app.pressAndWaitFor('2', 'Step 1 of');
  for (let i = 0; i < 40 && !frame.includes('aws iam update-access-key'); i++) {
    const before = /Step (\d+) of/.exec(frame)?.[1];
    frame = await app.pressAndWaitFor('l', (f) => /Step (\d+) of/.exec(f)?.[1] !== before);
  }
  expect(frame).toContain('aws iam update-access-key');
  return frame;
}

const sg = scenario('sg-default-ssh-in-default-vpc');

describe('an IAM step in plan mode (no account)', () => {
  it('d says the call has no dry-run and where its permission can be checked', async () => {
    const app = await renderApp([sg], {size: {columns: 220, rows: 50}});
    await toKeyStep(app);
    const frame = (await app.pressAndWaitFor('d', 'plan only — this API')).replace(/\s+/g, ' ');
    expect(frame).toContain('plan only — this API has no dry-run; nothing was sent (with an AWS connection its permission is checked with iam:SimulatePrincipalPolicy)');
    app.unmount();
  });
});

describe('an IAM step on an AWS account', () => {
  it('d checks the permission with iam:SimulatePrincipalPolicy, says so, and never sends UpdateAccessKey; X refuses', async () => {
    const {sdk, sent} = stubSdk('allowed');
    const executor = createAwsExecutor({sdk: () => Promise.resolve(sdk), connection: () => Promise.resolve(connected), defaultRegion: 'us-east-1', allowExecute: true});
    const app = await renderApp([sg], {size: {columns: 220, rows: 50}, services: {executor, connection: () => Promise.resolve(connected), allowExecute: true}});
    const before = (await toKeyStep(app)).replace(/\s+/g, ' ');
    expect(before).toContain('iam:UpdateAccessKey — changes the account · this API has no dry-run');
    expect(before).toContain('IAM has no DryRun: d checks your permission with iam:SimulatePrincipalPolicy');
    const frame = (await app.pressAndWaitFor('d', 'IAM has no DryRun: permission checked')).replace(/\s+/g, ' ');
    expect(frame).toContain('IAM has no DryRun: permission checked with iam:SimulatePrincipalPolicy: you have permission for iam:UpdateAccessKey (allowed by IncidentResponse (role)); not sent');
    expect(frame).toContain('Not sent (checked with iam:GetRole and iam:SimulatePrincipalPolicy instead): iam:UpdateAccessKey');
    expect(sent.map((s) => s.operation)).toEqual(['GetRole', 'SimulatePrincipalPolicy']);
    expect(sent[1]!.params).toMatchObject({PolicySourceArn: 'arn:aws:iam::111122223333:role/ir/IR', ActionNames: ['iam:UpdateAccessKey']});
    const refused = await app.pressAndWaitFor('X', 'this API has no DryRun');
    expect(refused).toContain('this API has no DryRun: run the shown command yourself');
    expect(sent.map((s) => s.operation)).toEqual(['GetRole', 'SimulatePrincipalPolicy']);
    app.unmount();
  }, 30_000); // a walk of 10 steps through the real SDK and a loopback server: slow on a loaded 2-core machine
  it('a Deny from the simulator reads as denied, with the statement', async () => {
    const {sdk} = stubSdk('explicitDeny');
    const executor = createAwsExecutor({sdk: () => Promise.resolve(sdk), connection: () => Promise.resolve(connected), defaultRegion: 'us-east-1'});
    const app = await renderApp([sg], {size: {columns: 220, rows: 50}, services: {executor, connection: () => Promise.resolve(connected)}});
    await toKeyStep(app);
    const frame = (await app.pressAndWaitFor('d', 'IAM has no DryRun: permission checked')).replace(/\s+/g, ' ');
    expect(frame).toContain('denied: you lack permission for iam:UpdateAccessKey (an explicit Deny in KeyGuard (user-managed))');
    app.unmount();
  });
});
