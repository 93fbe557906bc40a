// A journalled request as the CLI command it stands for, and the line for a call with no outcome.
// (An execution's outcome and its check in words: aws/execution-text.ts, shared with the summary.)
import type {SentRequest} from '../aws/executors/executor.js';
import {renderCli} from '../aws/render/cli.js';

/** The `aws` command for the request exactly as sent (a dry-run's DryRun parameter shows as --dry-run). */
export function commandOf(request: SentRequest): string {
  return renderCli({service: request.service, operation: request.operation, params: request.params}, {region: request.region});
}

export const noOutcomeText = 'outcome not recorded: the session stopped before the answer came (look at the account)';
