// Plan mode: nothing is sent. The result shows exactly what a dry-run would send.
import {dryRunRequest, supportsDryRun, type Action} from '../action.js';
import type {DryRunOptions, DryRunResult, Executor} from './executor.js';

export function createPlanExecutor(clock: () => Date = () => new Date()): Executor {
  return {
    mode: 'plan',
    dryRun(action: Action, options: DryRunOptions): Promise<DryRunResult> {
      const started = clock().getTime();
      const request = {service: action.service, operation: action.operation, params: dryRunRequest(action), region: options.region};
      const finished = clock();
      return Promise.resolve({
        request,
        verdict: {outcome: 'plan-only', reason: supportsDryRun(action) ? 'offline' : 'no-dry-run'},
        sent: false,
        durationMs: finished.getTime() - started,
        at: finished.toISOString(),
      });
    },
  };
}
