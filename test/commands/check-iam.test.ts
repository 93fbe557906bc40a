// `trailguide check` on a runbook with IAM steps: each IAM call that changes something is checked
// with the policy simulator (IAM has no DryRun), counted as permitted or denied, and never sent.
// The real AWS executor and SDK against the loopback server.
import '../helpers/aws-env.js';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {isMutating} from '../../src/aws/action.js';
import {createConnection} from '../../src/aws/connect.js';
import {createAwsExecutor} from '../../src/aws/executors/aws.js';
import type {Executor} from '../../src/aws/executors/executor.js';
import {createSdk, type Sdk} from '../../src/aws/sdk/aws-sdk.js';
import {checkCommand} from '../../src/commands/check.js';
import type {Loaded} from '../../src/commands/load-candidates.js';
import {exitCodes} from '../../src/exit-codes.js';
import {simulated, startAwsServer, type AwsServer} from '../fixtures/aws/server.js';
import {scenario} from '../helpers/candidates.js';

let server: AwsServer;
let sdk: Sdk;
let executor: Executor;
beforeAll(async () => {
  server = await startAwsServer();
  sdk = createSdk({defaultRegion: 'us-east-1', endpoint: server.url});
  executor = createAwsExecutor({sdk: () => Promise.resolve(sdk), connection: createConnection({sdk: () => Promise.resolve(sdk)}), defaultRegion: 'us-east-1'});
});
afterAll(async () => {
  sdk.destroy();
  await server.close();
});
beforeEach(() => {
  server.setBehaviour(undefined);
  server.requests.length = 0;
});

const loaded: Loaded = {candidates: [scenario('sg-default-ssh-in-default-vpc')], source: 'test', warnings: []};

interface Row {
  readonly action: {readonly service: 'iam'; readonly operation: string};
  readonly text: string;
  readonly result: {readonly verdict: {readonly outcome: string}};
}

async function check(): Promise<{code: number; rows: Row[]; total: string}> {
  let out = '';
  const code = await checkCommand(loaded, {format: 'json', track: 'cli'}, executor, (text) => (out += text));
  const json = JSON.parse(out) as {rows: Row[]; total: string};
  return {code, rows: json.rows.filter((r) => r.action.service === 'iam' && isMutating(r.action)), total: json.total};
}

describe('trailguide check with IAM steps', () => {
  it('checks each IAM call with iam:SimulatePrincipalPolicy, counts it as permitted, and sends no IAM change', async () => {
    const {code, rows, total} = await check();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.result.verdict.outcome, row.action.operation).toBe('permitted');
      expect(row.text).toMatch(new RegExp(`^IAM has no DryRun: permission checked with iam:SimulatePrincipalPolicy: you have permission for iam:${row.action.operation}`));
    }
    expect(total).toMatch(/\d+ permitted \(IAM, checked with iam:SimulatePrincipalPolicy\)/);
    expect(code).toBe(exitCodes.ok);
    // Nothing that changes IAM is sent: the check, and IAM's reads of the walk (the keys, the login profile), run for real.
    const iamSent = server.requests.filter((r) => r.service === 'iam').map((r) => r.action);
    for (const action of iamSent) expect(isMutating({service: 'iam', operation: action}), action).toBe(false);
    expect(iamSent).toContain('SimulatePrincipalPolicy');
    expect(server.requests.filter((r) => r.action === 'SimulatePrincipalPolicy').map((r) => r.params['ActionNames.member.1']).sort()).toEqual(rows.map((r) => `iam:${r.action.operation}`).sort());
  });
  it('exits 5 when the simulator denies an IAM call', async () => {
    server.setBehaviour(simulated({decision: 'implicitDeny'}));
    const {code, rows, total} = await check();
    expect(code).toBe(exitCodes.denied);
    expect(rows.every((r) => r.result.verdict.outcome === 'denied')).toBe(true);
    expect(rows[0]?.text).toContain('denied: you lack permission for iam:');
    expect(total).toMatch(new RegExp(`${rows.length} denied`));
  });
});
