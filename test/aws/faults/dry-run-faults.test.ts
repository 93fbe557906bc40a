// `d` under every fault, at the wire: the dry-run carries DryRun=true on every attempt, costs at
// most three requests (one when retrying cannot help), ends within seconds, and its verdict says
// what happened in plain words.
import {describe, expect, it} from 'vitest';
import {verdictText} from '../../../src/aws/verdict-text.js';
import {countRequests, faults} from '../../fixtures/aws/faults.js';
import {boundMs, faultCases, revoke, wireForFile, timed} from './wire.js';

const wire = wireForFile();

describe('a dry-run meeting a fault on every attempt', () => {
  it.each(faultCases)('$fault → $attempts request(s), all with DryRun, and the verdict says so', async ({fault, attempts, words}) => {
    wire.server.setBehaviour(faults({fault, action: 'RevokeSecurityGroupIngress'}));
    const {value: result, ms} = await timed(() => wire.executor.dryRun(revoke, {region: 'us-east-1'}));
    expect(countRequests(wire.server.requests, {action: 'RevokeSecurityGroupIngress'})).toBe(attempts);
    expect(countRequests(wire.server.requests, {action: 'RevokeSecurityGroupIngress', dryRun: false})).toBe(0);
    expect(result.sent).toBe(true);
    expect(verdictText(result.verdict)).toMatch(words);
    expect(ms).toBeLessThan(boundMs);
  });

  it('a throttling storm of two answers, then a good one: three requests and "would succeed"', async () => {
    wire.server.setBehaviour(faults({fault: 'throttle', action: 'RevokeSecurityGroupIngress', times: 2}));
    const result = await wire.executor.dryRun(revoke, {region: 'us-east-1'});
    expect(result.verdict).toEqual({outcome: 'would-succeed'});
    expect(countRequests(wire.server.requests, {action: 'RevokeSecurityGroupIngress', dryRun: true})).toBe(3);
  });

  it('dry-runs again and again in a throttling storm: at most three requests each, never dozens per key press', async () => {
    wire.server.setBehaviour(faults({fault: 'throttle'}));
    for (let i = 0; i < 3; i++) {
      const before = wire.server.requests.length;
      await wire.executor.dryRun(revoke, {region: 'us-east-1'});
      expect(wire.server.requests.length - before).toBeLessThanOrEqual(3);
    }
    expect(countRequests(wire.server.requests, {dryRun: false})).toBe(0);
  });

  it('Esc during a hanging dry-run: cancelled at once, one request', async () => {
    wire.server.setBehaviour(faults({fault: 'hang'}));
    const controller = new AbortController();
    const pending = timed(() => wire.executor.dryRun(revoke, {region: 'us-east-1', signal: controller.signal}));
    while (wire.server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const {value: result, ms} = await pending;
    expect(verdictText(result.verdict)).toBe('not checked (cancelled): cancelled');
    expect(ms).toBeLessThan(250);
    expect(wire.server.requests).toHaveLength(1);
  });
});
