// Quitting while a call hangs: the app destroys the SDK on its way out (commands/tui.tsx). The call in
// flight ends at once as "outcome unknown", and nothing new leaves afterwards (the verification
// Describe that would follow the execute), so the process does not linger on a hanging AWS.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {countRequests, faults} from '../../fixtures/aws/faults.js';
import {revoke, startWire, timed, type Wire} from './wire.js';
import {createAwsExecutor} from '../../../src/aws/executors/aws.js';
import {createSdk} from '../../../src/aws/sdk/aws-sdk.js';
import {ACCOUNT, CALLER_ARN} from '../../fixtures/aws/server.js';

let wire: Wire;
beforeAll(async () => {
  wire = await startWire();
});
afterAll(() => wire.close());

describe('destroying the SDK while a real call hangs', () => {
  it('ends the call at once, outcome unknown, and sends nothing after', async () => {
    const sdk = createSdk({defaultRegion: 'us-east-1', endpoint: wire.server.url, requestTimeoutMs: 10_000});
    const executor = createAwsExecutor({
      sdk: () => Promise.resolve(sdk),
      connection: () => Promise.resolve({kind: 'connected', account: ACCOUNT, principal: CALLER_ARN}),
      defaultRegion: 'us-east-1',
      allowExecute: true,
    });
    wire.server.setBehaviour(faults({fault: 'hang'}));
    const pending = timed(async () => executor.execute?.(revoke, {region: 'us-east-1'}));
    while (wire.server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    sdk.destroy();
    const {value: result, ms} = await pending;
    expect(result).toMatchObject({ok: false, outcomeUnknown: true});
    expect(ms).toBeLessThan(1000);
    const read = await executor.read?.({service: 'ec2', operation: 'DescribeSecurityGroupRules', params: {}}, {region: 'us-east-1'});
    expect(read).toMatchObject({ok: false});
    expect(countRequests(wire.server.requests)).toBe(1);
  });
});
