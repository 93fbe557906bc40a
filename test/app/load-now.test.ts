// The Now panel's reads against the sandbox: the first answer, its follow-ups (what the findings need
// beyond it), and a resource that is gone.
import {describe, expect, it} from 'vitest';
import {loadNow} from '../../src/app/load-now.js';
import {createSandboxExecutor} from '../../src/aws/sandbox/executor.js';
import {seedFor} from '../helpers/seed.js';
import type {Action} from '../../src/aws/action.js';
import type {Executor} from '../../src/aws/executors/executor.js';
import {engineNamed, factsFor} from '../helpers/engine.js';
import {findingsFor} from '../helpers/engine.js';
import {scenario} from '../helpers/candidates.js';

/** The scenario's sandbox, recording the calls it is sent. */
function sandboxOf(id: string, change?: Action) {
  const c = scenario(id);
  const sandbox = createSandboxExecutor(seedFor(id, c.record));
  const calls: string[] = [];
  const executor: Executor = {
    mode: 'sandbox',
    dryRun: (a, o) => sandbox.dryRun(a, o),
    read: (a, o) => {
      calls.push(a.operation);
      return sandbox.read(a, o);
    },
  };
  const ready = change ? sandbox.execute(change, {region: c.record.awsRegion}) : Promise.resolve();
  return {c, facts: factsFor(c.record), executor, calls, ready};
}

describe('loadNow', () => {
  it('follows a route table to the subnets it serves: they prove the table private', async () => {
    const {c, facts, executor, calls} = sandboxOf('route-default-to-igw-in-private-table');
    const now = await loadNow(c.record, facts, engineNamed(c.record.eventName), executor);
    expect(calls).toEqual(['DescribeRouteTables', 'DescribeSubnets']);
    expect(now.status === 'done' ? now.snapshot?.Subnets?.map((s) => s.MapPublicIpOnLaunch) : undefined).toEqual([false, false]);
    const ids = findingsFor(c.record, facts, now.status === 'done' ? now.snapshot : undefined).map((f) => f.id);
    expect(ids).toContain('route-igw-in-private-table');
    expect(ids).not.toContain('route-default-to-igw');
  });

  it('follows an interface to its groups and subnet: an open group is seen', async () => {
    const {c, facts, executor, calls} = sandboxOf('eni-public-group-unusual-principal');
    const now = await loadNow(c.record, facts, engineNamed(c.record.eventName), executor);
    expect(calls.sort()).toEqual(['DescribeNetworkInterfaces', 'DescribeSecurityGroups', 'DescribeSubnets']);
    const ids = findingsFor(c.record, facts, now.status === 'done' ? now.snapshot : undefined).map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['eni-public-ip', 'eni-open-security-group']));
  });

  it('tells the findings that a deleted resource is gone (an empty collection of its kind)', async () => {
    const {c, facts, executor, ready} = sandboxOf('sg-default-ssh-in-default-vpc', {service: 'ec2', operation: 'DeleteSecurityGroup', params: {GroupId: 'sg-0123456789abcdef0'}});
    await ready;
    const now = await loadNow(c.record, facts, engineNamed(c.record.eventName), executor);
    expect(now).toMatchObject({status: 'done', operation: 'DescribeSecurityGroups', snapshot: {SecurityGroups: []}});
  });

  it('leaves out a follow-up that fails: the first answer still counts', async () => {
    const {c, facts} = sandboxOf('route-default-to-igw-in-private-table');
    const sandbox = createSandboxExecutor(seedFor(c.id, c.record));
    const executor: Executor = {
      mode: 'sandbox',
      dryRun: (a, o) => sandbox.dryRun(a, o),
      read: (a, o) => (a.operation === 'DescribeSubnets' ? Promise.resolve({ok: false, code: 'UnauthorizedOperation', verdict: {outcome: 'denied', permission: 'ec2:DescribeSubnets'}, durationMs: 0}) : sandbox.read(a, o)),
    };
    const now = await loadNow(c.record, facts, engineNamed(c.record.eventName), executor);
    expect(now.status).toBe('done');
    expect(now.status === 'done' ? [now.snapshot?.RouteTables?.length, now.snapshot?.Subnets] : []).toEqual([1, undefined]);
  });
});
