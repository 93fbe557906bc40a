// Which executor the app runs with, decided once from the flags: plan (--offline) or AWS, whose
// connection is resolved in the background. The SDK module is imported on first use only.
import {createConnection} from '../aws/connect.js';
import type {ConnectionStatus} from '../aws/connection-status.js';
import {createAwsExecutor} from '../aws/executors/aws.js';
import type {Executor} from '../aws/executors/executor.js';
import {createPlanExecutor} from '../aws/executors/plan.js';
import type {Sdk} from '../aws/sdk/aws-sdk.js';

export interface AwsFlags {
  readonly offline?: boolean | undefined;
  /** --allow-execute (or TRAILGUIDE_ALLOW_EXECUTE=1): the executor may send a mutating call for real, behind the app's gates. */
  readonly allowExecute?: boolean | undefined;
  readonly profile?: string | undefined;
  readonly region?: string | undefined;
}

export interface AwsSetup {
  readonly executor: Executor;
  /** --region, else the event's, else AWS_REGION / AWS_DEFAULT_REGION, else us-east-1. */
  readonly defaultRegion: string;
  /** Absent in plan mode (--offline). */
  readonly connection?: (() => Promise<ConnectionStatus>) | undefined;
  readonly sdk?: (() => Promise<Sdk>) | undefined;
  readonly decode?: ((encodedMessage: string) => Promise<string>) | undefined;
}

export function awsSetup(flags: AwsFlags, env: NodeJS.ProcessEnv, eventRegion?: string  ): AwsSetup {
  const defaultRegion = flags.region ?? eventRegion ?? env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'] ?? 'us-east-1';
  if (flags.offline) return {executor: createPlanExecutor(), defaultRegion};
  let loaded: Promise<Sdk> | undefined;
  const sdk = () => (loaded ??= import('../aws/sdk/aws-sdk.js').then((m) => m.createSdk({profile: flags.profile, defaultRegion})));
  const connection = createConnection({sdk, region: flags.region ?? eventRegion});
  const decode = async (encodedMessage: string) => (await sdk()).decode(encodedMessage);
  return {executor: createAwsExecutor({sdk, connection, regionOverride: flags.region, defaultRegion, allowExecute: flags.allowExecute === true}), defaultRegion, connection, sdk, decode};
}
