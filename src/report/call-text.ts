// A journalled request as the CLI command it stands for, and the outcome of a call in one line.
import type {ExecuteResult, SentRequest} from '../aws/executors/executor.js';
import {renderCli} from '../aws/render/cli.js';

/** The `aws` command for the request exactly as sent (a dry-run's DryRun parameter shows as --dry-run). */
export function commandOf(request: SentRequest): string {
  return renderCli({service: request.service, operation: request.operation, params: request.params}, {region: request.region});
}

export function executionText(result: ExecuteResult): string {
  if (result.ok) return 'succeeded';
  if (result.outcomeUnknown === true) return `outcome unknown: ${result.code}: ${result.message} (it may or may not have happened: look at the account)`;
  return `failed: ${result.code}: ${result.message} (nothing changed)`;
}

export const noOutcomeText = 'outcome not recorded: the session stopped before the answer came (look at the account)';

export function verifyText(reached: boolean | null, summary: string): string {
  const state = reached === true ? 'intended state reached' : reached === false ? 'intended state NOT reached' : 'could not tell';
  return summary === '' ? state : `${state}: ${summary}`;
}
