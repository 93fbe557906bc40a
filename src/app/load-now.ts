// The Now panel's effect: run the event's read-only Describe* call and read the answer.
import type {AccountSnapshot} from '../aws/account-snapshot.js';
import type {Executor} from '../aws/executors/executor.js';
import {nowReaderFor} from '../aws/now/index.js';
import {verdictText} from '../aws/verdict-text.js';
import type {CloudTrailRecord, Fact} from '../events/record.js';
import type {NowState} from '../walkthrough/state.js';

const snapshotKeys = ['Vpcs', 'Subnets', 'SecurityGroups', 'RouteTables', 'VpcPeeringConnections', 'NetworkInterfaces'] as const;

/** The parts of a Describe* answer that say what the account holds now (the findings read them). */
function snapshotOf(output: unknown): AccountSnapshot | undefined {
  if (typeof output !== 'object' || output === null) return undefined;
  const picked = Object.fromEntries(snapshotKeys.filter((k) => Array.isArray((output as Record<string, unknown>)[k])).map((k) => [k, (output as Record<string, unknown>)[k]]));
  return Object.keys(picked).length ? (picked) : undefined;
}

export async function loadNow(record: CloudTrailRecord, facts: readonly Fact[], executor: Executor, signal?: AbortSignal): Promise<NowState> {
  const reader = nowReaderFor(record.eventName);
  if (!reader || !executor.read) return {status: 'off'};
  const action = reader.query(facts, record);
  if (!action) return {status: 'failed', message: 'the event names no valid resource ID to look up'};
  const result = await executor.read(action, {region: record.awsRegion, signal});
  if (result.ok) return {status: 'done', lines: reader.interpret(result.output, facts, record), operation: action.operation, snapshot: snapshotOf(result.output)};
  const gone = result.code === undefined ? undefined : reader.whenError(result.code, facts);
  if (gone) return {status: 'done', lines: gone, operation: action.operation};
  return {status: 'failed', message: `${action.operation}: ${verdictText(result.verdict)}`};
}
