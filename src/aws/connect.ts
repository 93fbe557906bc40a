// Finds out, once and in the background, whether there is an AWS account to talk to: credentials
// (standard chain, SSO profiles included, with a short IMDS timeout so a laptop never stalls) and
// who they belong to (STS GetCallerIdentity). Without credentials trailguide stays in plan mode.
import type {ConnectionStatus} from './connection-status.js';
import {callProblem, errorCode} from './interpret-error.js';
import type {Sdk} from './sdk/aws-sdk.js';

export interface ConnectOptions {
  readonly sdk: () => Promise<Sdk>;
  /** Region shown in the status line (the event's or --region). */
  readonly region?: string | undefined;
  /** Give up after this long (credential chain + one STS call). */
  readonly timeoutMs?: number;
}

function offlineReason(error: unknown): string {
  const code = errorCode(error) ?? '';
  if (code === 'CredentialsProviderError' || (code === '' && /credential/i.test(error instanceof Error ? error.message : ''))) return 'no AWS credentials found';
  // Our own time limit on the whole check (the abort), or the last attempt's.
  if (code === 'AbortError') return 'AWS did not answer in time';
  const problem = callProblem(error);
  if (problem) return problem.message;
  return `cannot use AWS: ${code || (error instanceof Error ? error.message.split('\n')[0] : String(error))}`;
}

/** A function that resolves the connection once (later calls share the first answer). */
export function createConnection(options: ConnectOptions): () => Promise<ConnectionStatus> {
  let pending: Promise<ConnectionStatus> | undefined;
  const resolve = async (): Promise<ConnectionStatus> => {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), options.timeoutMs ?? 6000);
    timer.unref();
    try {
      const sdk = await options.sdk();
      const {account, arn} = await sdk.identity(abort.signal);
      // A 200 without the account (an empty or foreign body) is no identity to show or to journal.
      if (!/^\d{12}$/.test(account)) return {kind: 'offline', reason: "AWS's answer to sts:GetCallerIdentity could not be read (no account in it)"};
      return {kind: 'connected', account, principal: arn, region: options.region};
    } catch (error) {
      return {kind: 'offline', reason: offlineReason(error)};
    } finally {
      clearTimeout(timer);
    }
  };
  return () => (pending ??= resolve());
}
