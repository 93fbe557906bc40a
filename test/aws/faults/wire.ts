// The fault campaign's common ground: the loopback server, the real SDK with a short answer timeout
// (300 ms instead of 10 s, through createSdk's requestTimeoutMs seam), the real executor, and the
// table of faults with what each must cost at the server and say to the operator.
import '../../helpers/aws-env.js';
import {afterAll, beforeAll, beforeEach} from 'vitest';
import type {Action} from '../../../src/aws/action.js';
import {createAwsExecutor} from '../../../src/aws/executors/aws.js';
import type {Executor} from '../../../src/aws/executors/executor.js';
import {createSdk, type Sdk} from '../../../src/aws/sdk/aws-sdk.js';
import {ACCOUNT, CALLER_ARN, startAwsServer, type AwsServer} from '../../fixtures/aws/server.js';
import type {Fault} from '../../fixtures/aws/faults.js';

export const requestTimeoutMs = 300;

export interface Wire {
  readonly server: AwsServer;
  readonly sdk: Sdk;
  readonly executor: Executor;
  close(): Promise<void>;
}

/** Server, SDK and an executor that may execute (--allow-execute), already connected. */
export async function startWire(): Promise<Wire> {
  const server = await startAwsServer();
  const sdk = createSdk({defaultRegion: 'us-east-1', endpoint: server.url, requestTimeoutMs});
  const executor = createAwsExecutor({
    sdk: () => Promise.resolve(sdk),
    connection: () => Promise.resolve({kind: 'connected', account: ACCOUNT, principal: CALLER_ARN, region: 'us-east-1'}),
    defaultRegion: 'us-east-1',
    allowExecute: true,
  });
  return {
    server,
    sdk,
    executor,
    async close() {
      sdk.destroy();
      await server.close();
    },
  };
}

/** The wire of one test file: started once, its faults and request log cleared before each test. */
export function wireForFile(): Wire {
  let current: Wire | undefined;
  const get = (): Wire => {
    if (!current) throw new Error('the wire is not started yet');
    return current;
  };
  beforeAll(async () => {
    current = await startWire();
  });
  afterAll(() => current?.close());
  beforeEach(() => {
    get().server.setBehaviour(undefined);
    get().server.requests.length = 0;
  });
  return {
    get server() {
      return get().server;
    },
    get sdk() {
      return get().sdk;
    },
    get executor() {
      return get().executor;
    },
    close: () => get().close(),
  };
}

export const groupId = 'sg-0123456789abcdef0';
export const ruleId = 'sgr-0123456789abcdef0';
/** A mutating call that accepts DryRun: what `d` checks and `X` carries out. */
export const revoke: Action = {service: 'ec2', operation: 'RevokeSecurityGroupIngress', params: {GroupId: groupId, SecurityGroupRuleIds: [ruleId]}};

export interface FaultCase {
  readonly fault: Fault;
  /** Requests one call costs at the server when every attempt meets the fault: 3 when the SDK retries it (maxAttempts 3), else 1. */
  readonly attempts: 1 | 3;
  /** What the operator reads: a dry-run verdict, the Now panel, the status line. */
  readonly words: RegExp;
}

/** Every fault of the campaign that a single EC2/STS call can meet. */
export const faultCases: readonly FaultCase[] = [
  {fault: 'throttle', attempts: 3, words: /AWS is throttling requests \((RequestLimitExceeded|Throttling)\)/},
  {fault: 'reset', attempts: 3, words: /the connection to AWS was reset before it answered \(ECONNRESET\)/},
  {fault: 'hang', attempts: 3, words: /no answer from AWS in time/},
  {fault: 'expired', attempts: 1, words: /the AWS credentials have expired \((RequestExpired|ExpiredToken)\): renew them \(e\.g\. aws sso login\)/},
  {fault: 'auth-failure', attempts: 1, words: /AWS rejected the credentials \((AuthFailure|InvalidClientTokenId)\): renew them/},
  {fault: 'truncated', attempts: 1, words: /AWS's answer could not be read \(HTTP 200\)/},
  {fault: 'garbage', attempts: 1, words: /AWS's answer could not be read \(HTTP 200\)/},
  {fault: 'html-page', attempts: 3, words: /AWS's answer could not be read \(HTTP 502\)/},
];

/** Milliseconds a call may take under any fault with the 300 ms timeout: three attempts and the SDK's backoff (throttling backs off longest). */
export const boundMs = 6000;

/** Runs fn and returns its result and how long it took. */
export async function timed<T>(fn: () => Promise<T>): Promise<{value: T; ms: number}> {
  const start = performance.now();
  const value = await fn();
  return {value, ms: performance.now() - start};
}
