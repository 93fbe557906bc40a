// The Now panel's read of the current state under every fault, at the wire: a Describe is retried
// at most twice (three requests), and the panel says what happened instead of showing stale or
// invented state.
import {describe, expect, it} from 'vitest';
import {loadNow} from '../../../src/app/load-now.js';
import {engineNamed, factsFor} from '../../helpers/engine.js';
import {countRequests, faults} from '../../fixtures/aws/faults.js';
import {scenario} from '../../helpers/candidates.js';
import {boundMs, faultCases, wireForFile, timed} from './wire.js';

const wire = wireForFile();

// The event is read from a file in real use: its security group is looked up on the account.
const sg = scenario('sg-default-ssh-in-default-vpc').record;

describe('the Now read meeting a fault on every attempt', () => {
  it.each(faultCases)('$fault → $attempts request(s) and the panel says so', async ({fault, attempts, words}) => {
    wire.server.setBehaviour(faults({fault, action: 'DescribeSecurityGroups'}));
    const {value: now, ms} = await timed(() => loadNow(sg, factsFor(sg), engineNamed(sg.eventName), wire.executor));
    expect(now.status).toBe('failed');
    expect(now.status === 'failed' ? now.message : '').toMatch(/^DescribeSecurityGroups: not checked \(\w+\): /);
    expect(now.status === 'failed' ? now.message : '').toMatch(words);
    expect(countRequests(wire.server.requests, {action: 'DescribeSecurityGroups'})).toBe(attempts);
    expect(wire.server.requests).toHaveLength(attempts);
    expect(ms).toBeLessThan(boundMs);
  });

  it('an empty 200 is not read as "the group is gone": the state shows as unknown', async () => {
    wire.server.setBehaviour(faults({fault: 'empty', action: 'DescribeSecurityGroups'}));
    const now = await loadNow(sg, factsFor(sg), engineNamed(sg.eventName), wire.executor);
    expect(now).toMatchObject({status: 'done', snapshot: undefined});
    const text = now.status === 'done' ? now.lines.map((l) => l.text).join('\n') : '';
    expect(text).not.toMatch(/no longer exists/);
    expect(countRequests(wire.server.requests, {action: 'DescribeSecurityGroups'})).toBe(1);
  });

});
