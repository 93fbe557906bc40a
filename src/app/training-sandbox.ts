// The training sandbox for the training scenarios: one simulated account per scenario, made on
// first use from the scenario's state and kept for the session (so executed actions stay done).
// The sandbox code is imported on first use, not before the first frame.
import type {Action} from '../aws/action.js';
import type {DryRunOptions, Executor} from '../aws/executors/executor.js';
import type {CloudTrailRecord} from '../events/record.js';
import type {Scenario} from '../scenarios/scenario.js';
import type {Candidate} from '../walkthrough/state.js';

async function makeSandbox(scenario: Scenario | undefined, record: CloudTrailRecord): Promise<Required<Executor>> {
  const [{createSandboxExecutor}, {accountFor}, {parseRecord}] = await Promise.all([
    import('../aws/sandbox/executor.js'), import('../aws/sandbox/seeds.js'), import('../events/parse-record.js'),
  ]);
  // CloudTrail's history in the sandbox holds the scenario's earlier events (checked when it was loaded) and its own (a retry can be looked for).
  const earlier = (scenario?.trail ?? []).map((item, i) => parseRecord(item, scenario?.source ?? 'scenario', `trail[${i}]`));
  return createSandboxExecutor(accountFor(scenario, record), undefined, [...earlier, record]);
}

export function trainingSandbox(candidates: readonly Candidate[]): (record: CloudTrailRecord) => Executor {
  const sandboxes = new Map<CloudTrailRecord, Promise<Required<Executor>>>();
  const sandboxOf = (record: CloudTrailRecord) => {
    let sandbox = sandboxes.get(record);
    if (!sandbox) {
      sandbox = makeSandbox(candidates.find((c) => c.record === record)?.scenario, record);
      sandboxes.set(record, sandbox);
    }
    return sandbox;
  };
  return (record) => ({
    mode: 'sandbox',
    dryRun: async (action: Action, options: DryRunOptions) => (await sandboxOf(record)).dryRun(action, options),
    read: async (action: Action, options: DryRunOptions) => (await sandboxOf(record)).read(action, options),
    execute: async (action: Action, options: DryRunOptions) => (await sandboxOf(record)).execute(action, options),
  });
}
