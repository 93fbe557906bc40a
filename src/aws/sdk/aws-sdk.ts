// Everything that touches the AWS SDK, in one module that is only ever loaded by import() (never on
// the startup path: test/build/startup-graph.test.ts). Clients are made once per service and
// Region, share one credential provider (resolved once), time out for real, retry a bounded number
// of times (a call carried out for real: never retried, see sendOnce), log nothing (console output would corrupt the screen) and tag their user agent so
// analysts can tell trailguide's calls from an attacker's in CloudTrail.
import * as cloudtrail from '@aws-sdk/client-cloudtrail';
import * as ec2 from '@aws-sdk/client-ec2';
import {DecodeAuthorizationMessageCommand, GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {defaultProvider} from '@aws-sdk/credential-provider-node';
// Types only: the IAM client itself is imported on first use (iam(), and IAM's reads through send()).
import type {GetRoleCommandInput, SimulatePrincipalPolicyCommandInput} from '@aws-sdk/client-iam';
import {operationInfo} from '../operations.js';
import {version} from '../../version.js';

export interface SdkConfig {
  /** Shared-config profile (SSO profiles included); default: the standard chain. */
  readonly profile?: string | undefined;
  /** Region for calls that have no Region of their own (identity, decode). */
  readonly defaultRegion: string;
  /** Test seam: a fixed endpoint; normally AWS_ENDPOINT_URL[_EC2…] or the real one. */
  readonly endpoint?: string | undefined;
  /** Test seam: how long one request may wait for its answer (default 10 s). */
  readonly requestTimeoutMs?: number | undefined;
}

/** The services trailguide sends to: IAM only its reads (the contain-actor checks and their verification), never a change. */
export type SdkService = 'ec2' | 'cloudtrail' | 'iam';

const silent = {debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, trace: () => undefined};

/** A command class of a client package, found by operation name. */
type CommandClass = new (input: object) => object;
interface SendingClient {
  send(command: object, options?: {abortSignal?: AbortSignal}): Promise<unknown>;
  destroy(): void;
}

/** An IAM operation that only reads (the operations table says so). */
const isIamRead = (operation: string): boolean => operationInfo('iam', operation)?.mutating === false;

function commandOf(pkg: object, operation: string): CommandClass | undefined {
  // The packages export one class per operation: `${operation}Command`.
  const found = (pkg as Record<string, unknown>)[`${operation}Command`];
  return typeof found === 'function' ? (found as CommandClass) : undefined;
}

export function createSdk(config: SdkConfig) {
  const credentials = defaultProvider({profile: config.profile, timeout: 1000, maxRetries: 0});
  const common = (region: string, maxAttempts = 3) => ({
    region,
    credentials,
    maxAttempts,
    requestHandler: {connectionTimeout: 3000, requestTimeout: config.requestTimeoutMs ?? 10_000, throwOnRequestTimeout: true},
    customUserAgent: `trailguide/${version}`,
    logger: silent,
    ...(config.endpoint ? {endpoint: config.endpoint} : {}),
  });
  const clients = new Map<string, SendingClient>();
  // destroy() aborts every call in flight and refuses new ones: quitting while AWS hangs must not
  // leave the process waiting on a socket, nor send the reads that would have followed.
  const closing = new AbortController();
  const abortSignal = (signal: AbortSignal | undefined): AbortSignal => (signal ? AbortSignal.any([signal, closing.signal]) : closing.signal);
  /** attempts 1: the SDK sends the request once and never retries it (timeouts, resets and 5xx included). */
  const client = (service: 'ec2' | 'cloudtrail' | 'sts', region: string, attempts = 3): SendingClient => {
    closing.signal.throwIfAborted();
    const key = `${service}:${region}:${attempts}`;
    let made = clients.get(key);
    if (!made) {
      const settings = common(region, attempts);
      made = service === 'ec2' ? new ec2.EC2Client(settings) : service === 'cloudtrail' ? new cloudtrail.CloudTrailClient(settings) : new STSClient(settings);
      clients.set(key, made);
    }
    return made;
  };
  const packages: Record<'ec2' | 'cloudtrail', object> = {ec2, cloudtrail};

  /** The IAM client of a Region, loaded and made on first use, and the command class of an operation. */
  async function iamClient(operation: string, region: string) {
    closing.signal.throwIfAborted();
    const iam = await import('@aws-sdk/client-iam');
    closing.signal.throwIfAborted(); // destroy() may have come while the client loaded
    const Command = commandOf(iam, operation);
    if (!Command) throw new Error(`trailguide has no iam command ${operation}`);
    const key = `iam:${region}:3`;
    let made = clients.get(key);
    if (!made) {
      made = new iam.IAMClient(common(region));
      clients.set(key, made);
    }
    return {iam, Command, made};
  }

  const trails = new Map<string, cloudtrail.CloudTrailClient>();
  return {
    /** A CloudTrail client for LookupEvents (adaptive retries: CloudTrail allows 2 requests a second). */
    cloudTrail(region: string): cloudtrail.CloudTrailClient {
      let made = trails.get(region);
      if (!made) {
        made = new cloudtrail.CloudTrailClient({...common(region), retryMode: 'adaptive'});
        trails.set(region, made);
      }
      return made;
    },
    /** Whether trailguide can send this operation at all: EC2 and CloudTrail, and IAM's reads (never an IAM change). */
    canSend(service: string, operation: string): service is SdkService {
      if (service === 'iam') return isIamRead(operation);
      return (service === 'ec2' || service === 'cloudtrail') && commandOf(packages[service], operation) !== undefined;
    },
    async send(service: SdkService, operation: string, params: object, region: string, signal?: AbortSignal): Promise<unknown> {
      if (service === 'iam') {
        if (!isIamRead(operation)) throw new Error(`trailguide sends no iam command ${operation}: it changes the account`);
        const {Command, made} = await iamClient(operation, region);
        return made.send(new Command(params), {abortSignal: abortSignal(signal)});
      }
      const Command = commandOf(packages[service], operation);
      if (!Command) throw new Error(`trailguide has no ${service} command ${operation}`);
      return client(service, region).send(new Command(params), {abortSignal: abortSignal(signal)});
    },
    /**
     * Send a call that changes the account exactly once: its client has maxAttempts 1, so nothing
     * retries it. A retried mutating call whose first attempt timed out could run twice.
     */
    async sendOnce(service: SdkService, operation: string, params: object, region: string, signal?: AbortSignal): Promise<unknown> {
      if (service === 'iam') throw new Error(`trailguide never carries out ${operation}: IAM has no DryRun`);
      const Command = commandOf(packages[service], operation);
      if (!Command) throw new Error(`trailguide has no ${service} command ${operation}`);
      return client(service, region, 1).send(new Command(params), {abortSignal: abortSignal(signal)});
    },
    async identity(signal?: AbortSignal): Promise<{account: string; arn: string}> {
      const out = (await client('sts', config.defaultRegion).send(new GetCallerIdentityCommand({}), {abortSignal: abortSignal(signal)})) as {Account?: string; Arn?: string};
      return {account: out.Account ?? 'unknown', arn: out.Arn ?? 'unknown'};
    },
    /**
     * The IAM reads of the permission check that stands in for a dry-run (IAM has no DryRun): only
     * these two, never an IAM call that changes anything. The IAM client is loaded on first use.
     */
    async iam(operation: 'SimulatePrincipalPolicy' | 'GetRole', params: object, region: string, signal?: AbortSignal): Promise<unknown> {
      if (operation !== 'SimulatePrincipalPolicy' && operation !== 'GetRole') throw new Error(`trailguide sends no iam command ${String(operation)}`);
      const {iam, made} = await iamClient(operation, region);
      const command = operation === 'GetRole' ? new iam.GetRoleCommand(params as GetRoleCommandInput) : new iam.SimulatePrincipalPolicyCommand(params as SimulatePrincipalPolicyCommandInput);
      return made.send(command, {abortSignal: abortSignal(signal)});
    },
    async decode(encodedMessage: string, signal?: AbortSignal): Promise<string> {
      const out = (await client('sts', config.defaultRegion).send(new DecodeAuthorizationMessageCommand({EncodedMessage: encodedMessage}), {abortSignal: abortSignal(signal)})) as {DecodedMessage?: string};
      return out.DecodedMessage ?? '';
    },
    destroy(): void {
      closing.abort(new DOMException('trailguide is closing: the call was abandoned', 'AbortError'));
      for (const c of [...clients.values(), ...trails.values()]) c.destroy();
      clients.clear();
      trails.clear();
    },
  };
}

export type Sdk = ReturnType<typeof createSdk>;
