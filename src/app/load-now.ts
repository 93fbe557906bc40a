// The Now panel's effect: run the event's read-only Describe* call and read the answer.
import type {Executor} from '../aws/executors/executor.js';
import {nowReaderFor} from '../aws/now/index.js';
import {verdictText} from '../aws/verdict-text.js';
import type {CloudTrailRecord, Fact} from '../events/record.js';
import type {NowState} from '../walkthrough/state.js';

export async function loadNow(record: CloudTrailRecord, facts: readonly Fact[], executor: Executor, signal?: AbortSignal): Promise<NowState> {
  const reader = nowReaderFor(record.eventName);
  if (!reader || !executor.read) return {status: 'off'};
  const action = reader.query(facts, record);
  if (!action) return {status: 'failed', message: 'the event names no valid resource ID to look up'};
  const result = await executor.read(action, {region: record.awsRegion, signal});
  if (result.ok) return {status: 'done', lines: reader.interpret(result.output, facts, record), operation: action.operation};
  const gone = result.code === undefined ? undefined : reader.whenError(result.code, facts);
  if (gone) return {status: 'done', lines: gone, operation: action.operation};
  return {status: 'failed', message: `${action.operation}: ${verdictText(result.verdict)}`};
}
