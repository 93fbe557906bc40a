// The training sandbox for the built-in scenarios: one simulated account per scenario, made on
// first use from the scenario's seed and kept for the session (so executed actions stay done).
import type {Executor} from '../aws/executors/executor.js';
import {createSandboxExecutor} from '../aws/sandbox/executor.js';
import {seedFor} from '../aws/sandbox/seeds.js';
import type {CloudTrailRecord} from '../events/record.js';
import type {Candidate} from '../walkthrough/state.js';

export function trainingSandbox(candidates: readonly Candidate[]): (record: CloudTrailRecord) => Executor {
  const sandboxes = new Map<CloudTrailRecord, Executor>();
  return (record) => {
    let sandbox = sandboxes.get(record);
    if (!sandbox) {
      const id = candidates.find((c) => c.record === record)?.id ?? record.eventID ?? 'unknown';
      sandbox = createSandboxExecutor(seedFor(id, record));
      sandboxes.set(record, sandbox);
    }
    return sandbox;
  };
}
