// The Now panel's effect: run the event's read-only Describe* call and read the answer.
import type {AccountSnapshot} from '../aws/account-snapshot.js';
import type {Executor} from '../aws/executors/executor.js';
import {nowReaderFor, type NowReader} from '../aws/now/index.js';
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

const idKeys = {Vpcs: 'VpcId', Subnets: 'SubnetId', SecurityGroups: 'GroupId', RouteTables: 'RouteTableId', VpcPeeringConnections: 'VpcPeeringConnectionId', NetworkInterfaces: 'NetworkInterfaceId'} as const;

/** The snapshots as one: each collection the union of theirs by ID (the first answer wins). */
function merged(snapshots: readonly (AccountSnapshot | undefined)[]): AccountSnapshot | undefined {
  const present = snapshots.filter((s) => s !== undefined);
  if (present.length === 0) return undefined;
  const out: Record<string, unknown[]> = {};
  for (const key of snapshotKeys) {
    const lists = present.map((s) => s[key]).filter((list) => list !== undefined);
    if (lists.length === 0) continue;
    const byId = new Map<unknown, unknown>();
    for (const item of lists.flat()) {
      const id = (item as Record<string, unknown>)[idKeys[key]];
      if (!byId.has(id)) byId.set(id, item);
    }
    out[key] = [...byId.values()];
  }
  return out;
}

/** The follow-up reads' answers (a failed one is left out: that part stays unknown). */
async function followUpSnapshots(reader: NowReader, output: unknown, facts: readonly Fact[], read: NonNullable<Executor['read']>, region: string | undefined, signal: AbortSignal | undefined): Promise<(AccountSnapshot | undefined)[]> {
  const calls = reader.followUps?.(output, facts) ?? [];
  const results = await Promise.all(calls.map((call) => read(call, {region, signal})));
  return results.map((r) => (r.ok ? snapshotOf(r.output) : undefined));
}

export async function loadNow(record: CloudTrailRecord, facts: readonly Fact[], executor: Executor, signal?: AbortSignal): Promise<NowState> {
  const reader = nowReaderFor(record.eventName);
  const read = executor.read?.bind(executor);
  if (!reader || !read) return {status: 'off'};
  const action = reader.query(facts, record);
  if (!action) return {status: 'failed', message: 'the event names no valid resource ID to look up'};
  const result = await read(action, {region: record.awsRegion, signal});
  if (result.ok) {
    const more = await followUpSnapshots(reader, result.output, facts, read, record.awsRegion, signal);
    return {status: 'done', lines: reader.interpret(result.output, facts, record), operation: action.operation, snapshot: merged([snapshotOf(result.output), ...more])};
  }
  const gone = result.code === undefined ? undefined : reader.whenError(result.code, facts);
  if (gone) {
    // The resource is gone: say so to the findings too (an empty collection of its kind), so theirs show resolved.
    const kind = snapshotKeys.find((key) => action.operation === `Describe${key}`);
    return {status: 'done', lines: gone, operation: action.operation, ...(kind === undefined ? {} : {snapshot: {[kind]: []}})};
  }
  return {status: 'failed', message: `${action.operation}: ${verdictText(result.verdict)}`};
}
