// The walkthrough connected to an account (a fake executor and connection): the status line, the
// verdicts as an on-call engineer reads them, cancelling with Esc, decoding a denial, no credentials.
import {describe, expect, it} from 'vitest';
import type {Action} from '../../src/aws/action.js';
import type {ConnectionStatus} from '../../src/aws/connection-status.js';
import type {DryRunOptions, DryRunResult, Executor, Verdict} from '../../src/aws/executors/executor.js';
import {scenario} from '../helpers/candidates.js';
import {renderApp, type Harness} from '../helpers/ink.js';
import {ENTER, ESC} from '../helpers/keys.js';

const connected: ConnectionStatus = {kind: 'connected', account: '111122223333', principal: 'arn:aws:sts::111122223333:assumed-role/IR/oncall', region: 'us-east-1'};

function fakeExecutor(verdict: (action: Action) => Verdict, options: {hang?: boolean} = {}): Executor & {signals: AbortSignal[]} {
  const signals: AbortSignal[] = [];
  return {
    mode: 'aws',
    signals,
    dryRun(action: Action, {region, signal}: DryRunOptions): Promise<DryRunResult> {
      if (signal) signals.push(signal);
      const result = (v: Verdict): DryRunResult => ({request: {service: action.service, operation: action.operation, params: {...action.params, DryRun: true}, region}, verdict: v, sent: true, durationMs: 42, at: '2026-11-25T12:00:00.000Z'});
      if (!options.hang) return Promise.resolve(result(verdict(action)));
      return new Promise((resolve) => signal?.addEventListener('abort', () => resolve(result({outcome: 'error', kind: 'cancelled', message: 'cancelled'}))));
    },
  };
}

async function firstStep(app: Harness): Promise<string> {
  await app.waitFor('Enter remediate');
  await app.pressAndWaitFor(ENTER, 'How do you want');
  return app.pressAndWaitFor('2', 'Step 1 of');
}

const sg = scenario('sg-default-ssh-in-default-vpc');

describe('connected to an AWS account', () => {
  it('says which account, Region and principal in the status line', async () => {
    const app = await renderApp([sg], {size: {columns: 140, rows: 30}, services: {executor: fakeExecutor(() => ({outcome: 'would-succeed'})), connection: () => Promise.resolve(connected)}});
    await app.waitFor('AWS account 111122223333 in us-east-1 as arn:aws:sts::111122223333:assumed-role/IR/oncall');
    app.unmount();
  });
  it.each<[string, Verdict, string]>([
    ['would succeed', {outcome: 'would-succeed'}, 'would succeed: you have permission · 42 ms'],
    ['denied', {outcome: 'denied', permission: 'ec2:DescribeSecurityGroups', encodedMessage: 'blob'}, 'denied: you lack permission for ec2:DescribeSecurityGroups · 42 ms'],
    ['would fail', {outcome: 'would-fail', code: 'InvalidGroup.NotFound', message: 'The security group does not exist'}, 'would fail: InvalidGroup.NotFound: The security group does not exist'],
    ['throttled', {outcome: 'error', kind: 'throttled', message: 'AWS is throttling requests (RequestLimitExceeded); try again in a moment'}, 'not checked (throttled)'],
  ])('shows a %s verdict on the step, and the step stays usable', async (_name, verdict, text) => {
    const app = await renderApp([sg], {size: {columns: 140, rows: 40}, services: {executor: fakeExecutor(() => verdict), connection: () => Promise.resolve(connected)}});
    await firstStep(app);
    const frame = await app.pressAndWaitFor('d', text);
    expect(frame).toContain('Dry-run sent: ec2:DescribeSecurityGroups in us-east-1');
    await app.pressAndWaitFor('x', 'Step 2 of');
    app.unmount();
  });
  it('decodes a denial with a on request, and shows why', async () => {
    const decoded = JSON.stringify({allowed: false, explicitDeny: true, context: {action: 'ec2:DescribeSecurityGroups', resource: 'arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123456789abcdef0'}});
    const asked: string[] = [];
    const app = await renderApp([sg], {
      size: {columns: 200, rows: 40},
      services: {
        executor: fakeExecutor(() => ({outcome: 'denied', permission: 'ec2:DescribeSecurityGroups', encodedMessage: 'ENCODED'})),
        connection: () => Promise.resolve(connected),
        decode: (m) => {
          asked.push(m);
          return Promise.resolve(decoded);
        },
      },
    });
    await firstStep(app);
    await app.pressAndWaitFor('d', 'a why denied (decode)');
    const frame = await app.pressAndWaitFor('a', 'Why denied');
    expect(frame.replace(/\s+/g, ' ')).toContain('an explicit Deny in a policy (an SCP, a permission boundary or an identity policy) blocks ec2:DescribeSecurityGroups on arn:aws:ec2:us-east-1:111122223333:security-group/sg-0123456789abcdef0');
    expect(asked).toEqual(['ENCODED']);
    app.unmount();
  });
  it('cancels a dry-run in flight with Esc', async () => {
    const executor = fakeExecutor(() => ({outcome: 'would-succeed'}), {hang: true});
    const app = await renderApp([sg], {size: {columns: 140, rows: 40}, services: {executor, connection: () => Promise.resolve(connected)}});
    await firstStep(app);
    await app.pressAndWaitFor('d', 'Esc cancel the dry-run');
    await app.press(ESC);
    await app.waitFor('not checked (cancelled): cancelled');
    expect(executor.signals[0]?.aborted).toBe(true);
    await app.pressAndWaitFor('d', 'reading…');
    app.unmount();
  });
});

describe('without credentials', () => {
  it('says so once in the status line and stays in plan mode', async () => {
    const app = await renderApp([sg], {size: {columns: 140, rows: 30}, services: {connection: () => Promise.resolve({kind: 'offline', reason: 'no AWS credentials found'})}});
    await app.waitFor('looking for AWS credentials');
    await app.waitFor('plan mode (no AWS credentials found): nothing is sent to AWS');
    await firstStep(app);
    await app.pressAndWaitFor('d', 'plan only — nothing was sent');
    app.unmount();
  });
});
