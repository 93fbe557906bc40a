// The Now panel's effect: run the event's read-only calls, as its runbook declares them, and read
// the answers. The first read names the resource; the ones after it complete the picture the
// findings need (a failed one leaves its part unknown). A record whose call failed created
// nothing: its panel says so first, since what it shows was not made by it.
import type {Executor} from '../aws/executors/executor.js';
import {verdictText} from '../aws/verdict-text.js';
import type {RunbookEngine} from '../engine/engine-types.js';
import {goneSnapshot, mergeSnapshots, snapshotOf} from '../engine/snapshot.js';
import type {CloudTrailRecord, Fact} from '../events/record.js';
import type {NowState} from '../walkthrough/state.js';
import type {NowLine} from '../engine/now-line.js';

function withFailedCallNote(record: CloudTrailRecord, lines: readonly NowLine[]): readonly NowLine[] {
  if (record.errorCode === undefined || lines.length === 0) return lines;
  return [{tone: 'info', text: `the event's call failed (${record.errorCode}): what follows was not made by it`}, ...lines];
}

export async function loadNow(record: CloudTrailRecord, facts: readonly Fact[], engine: RunbookEngine, executor: Executor, signal?: AbortSignal): Promise<NowState> {
  const read = executor.read?.bind(executor);
  if (!read || engine.readCount === 0) return {status: 'off'};
  const first = engine.read(0, record, facts, undefined);
  if (!first) return {status: 'failed', message: 'the event names no valid resource ID to look up'};
  const region = record.awsRegion;
  const result = await read(first, {region, signal});
  if (!result.ok) {
    const gone = result.code === undefined ? undefined : engine.goneLines(record, facts, first.operation, result.code);
    // The resource is gone: say so to the findings too (an empty collection of its kind), so theirs show resolved.
    const empty = goneSnapshot(first.operation, result.code);
    if (gone) return {status: 'done', lines: withFailedCallNote(record, gone), operation: first.operation, ...(empty === undefined ? {} : {snapshot: empty})};
    return {status: 'failed', message: `${first.operation}: ${verdictText(result.verdict)}`};
  }
  let snapshot = snapshotOf(result.output, first.operation);
  for (let index = 1; index < engine.readCount; index += 1) {
    const call = engine.read(index, record, facts, snapshot);
    if (call === undefined) continue;
    const more = await read(call, {region, signal});
    if (more.ok) snapshot = mergeSnapshots([snapshot, snapshotOf(more.output, call.operation)]);
  }
  return {status: 'done', lines: withFailedCallNote(record, engine.nowLines(record, facts, snapshot)), operation: first.operation, snapshot};
}
