// Plan mode: nothing is sent. The result shows exactly what a dry-run would send.
import {dryRunRequest, isMutating, supportsDryRun, targetRegion, type Action} from '../action.js';
import type {DryRunOptions, DryRunResult, Executor} from './executor.js';

/** What plan mode says of an IAM call that changes something. */
export const iamOffline = 'with an AWS connection its permission is checked with iam:SimulatePrincipalPolicy';

export function createPlanExecutor(clock: () => Date = () => new Date()): Executor {
  return {
    mode: 'plan',
    dryRun(action: Action, options: DryRunOptions): Promise<DryRunResult> {
      const started = clock().getTime();
      // A read would be run as itself (it changes nothing); a change would carry DryRun where its API has it.
      const request = {service: action.service, operation: action.operation, params: isMutating(action) ? dryRunRequest(action) : action.params, region: targetRegion(action, options.region)};
      const finished = clock();
      return Promise.resolve({
        request,
        // Only a change whose API has no DryRun is 'no dry-run'; a read would simply be run.
        verdict: {
          outcome: 'plan-only',
          reason: !isMutating(action) || supportsDryRun(action) ? 'offline' : 'no-dry-run',
          // IAM has no DryRun, but its permission can be checked (executors/iam-permission.ts): say where.
          ...(action.service === 'iam' && isMutating(action) ? {detail: iamOffline} : {}),
        },
        sent: false,
        durationMs: finished.getTime() - started,
        at: finished.toISOString(),
      });
    },
  };
}
