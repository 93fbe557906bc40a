// The identity check (sts:GetCallerIdentity) under every fault, at the wire: at most three requests,
// over within seconds (the connection gives up after its own time limit even if every attempt
// hangs), and the status line says why trailguide stays in plan mode.
import {describe, expect, it} from 'vitest';
import {createConnection} from '../../../src/aws/connect.js';
import {connectionLine} from '../../../src/aws/connection-status.js';
import {countRequests, faults} from '../../fixtures/aws/faults.js';
import {boundMs, faultCases, wireForFile, timed} from './wire.js';

const wire = wireForFile();

const connect = (timeoutMs?: number) => createConnection({sdk: () => Promise.resolve(wire.sdk), region: 'us-east-1', ...(timeoutMs === undefined ? {} : {timeoutMs})})();

describe('the identity check meeting a fault on every attempt', () => {
  it.each(faultCases)('$fault → $attempts request(s), plan mode, and the status line says why', async ({fault, attempts, words}) => {
    wire.server.setBehaviour(faults({fault, service: 'sts'}));
    const {value: status, ms} = await timed(() => connect());
    expect(status.kind).toBe('offline');
    const line = connectionLine(status);
    expect(line).toMatch(/^plan mode \(/);
    expect(line).toMatch(words);
    expect(line).toMatch(/: nothing is sent to AWS$/);
    expect(countRequests(wire.server.requests, {action: 'GetCallerIdentity'})).toBe(attempts);
    expect(ms).toBeLessThan(boundMs);
  });

  it('an empty 200 is no identity: plan mode, "could not be read", not an account called "unknown"', async () => {
    wire.server.setBehaviour(faults({fault: 'empty', service: 'sts'}));
    const line = connectionLine(await connect());
    expect(line).toBe("plan mode (AWS's answer to sts:GetCallerIdentity could not be read (no account in it)): nothing is sent to AWS");
  });

  it('hanging attempts are cut by the connection\'s own time limit', async () => {
    wire.server.setBehaviour(faults({fault: 'hang', service: 'sts'}));
    const {value: status, ms} = await timed(() => connect(400));
    expect(connectionLine(status)).toBe('plan mode (AWS did not answer in time): nothing is sent to AWS');
    expect(ms).toBeLessThan(1000);
    expect(countRequests(wire.server.requests, {action: 'GetCallerIdentity'})).toBeLessThanOrEqual(2);
  });

  it('a throttling storm that ends: connected after three requests', async () => {
    wire.server.setBehaviour(faults({fault: 'throttle', service: 'sts', times: 2}));
    expect(connectionLine(await connect())).toMatch(/^AWS account 111122223333 in us-east-1 as /);
    expect(countRequests(wire.server.requests, {action: 'GetCallerIdentity'})).toBe(3);
  });
});
