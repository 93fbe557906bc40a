// The built-in runbooks' declarations, evaluated as the app does: facts, findings, the Now reads
// and lines. Tests that checked the per-event TypeScript readers check the same behaviour here.
import type {Action} from '../../src/aws/action.js';
import type {NowLine} from '../../src/engine/now-line.js';
import type {RunbookEngine} from '../../src/engine/engine-types.js';
import {goneSnapshot, mergeSnapshots, snapshotOf} from '../../src/engine/snapshot.js';
import type {Snapshot} from '../../src/engine/document.js';
import type {CloudTrailRecord, Fact} from '../../src/events/record.js';
import {findingsFor as findingsWith, isResolved as isResolvedWith, type Finding, type FindingsConfig} from '../../src/findings/index.js';
import {builtInEngine} from '../../src/runbooks/registry.js';

/** The engine of the built-in runbook that answers this record, if any. */
export function engineFor(record: CloudTrailRecord): RunbookEngine | undefined {
  const engine = builtInEngine(record.eventName);
  return engine !== undefined && engine.answers(record) ? engine : undefined;
}

export function engineNamed(eventName: string): RunbookEngine {
  const engine = builtInEngine(eventName);
  if (engine === undefined) throw new Error(`no built-in runbook for ${eventName}`);
  return engine;
}

/** A built-in runbook answers this event name (and so declares its facts). */
export function hasFacts(eventName: string): boolean {
  return builtInEngine(eventName) !== undefined;
}

export function factsFor(record: CloudTrailRecord): readonly Fact[] {
  return engineFor(record)?.facts(record) ?? [];
}

export function findingsFor(record: CloudTrailRecord, facts: readonly Fact[], state?: Snapshot, config?: FindingsConfig): readonly Finding[] {
  return findingsWith(record, facts, state, config, engineFor(record));
}

export function isResolved(finding: Finding, record: CloudTrailRecord, facts: readonly Fact[], state: Snapshot): boolean {
  return isResolvedWith(finding, record, facts, state, engineFor(record));
}

/** The Now panel of one event, as the old per-event readers were used: the first read, the lines of an answer, the gone line, the follow-ups. */
export interface NowReader {
  query(facts: readonly Fact[], record: CloudTrailRecord): Action | undefined;
  interpret(output: unknown, facts: readonly Fact[], record: CloudTrailRecord): readonly NowLine[];
  whenError(code: string, facts: readonly Fact[], record?: CloudTrailRecord): readonly NowLine[] | undefined;
  followUps(output: unknown, facts: readonly Fact[], record: CloudTrailRecord): readonly Action[];
}

export function nowReaderFor(eventName: string, sample?: CloudTrailRecord): NowReader {
  const engine = engineNamed(eventName);
  const blank: CloudTrailRecord = sample ?? {eventName, eventSource: 'ec2.amazonaws.com', userIdentity: {}, requestParameters: null, responseElements: null, raw: {eventName}};
  return {
    query: (facts, record) => engine.read(0, record, facts, undefined),
    interpret(output, facts, record) {
      // As the app's Now effect: without the first read there is no answer to interpret.
      if (engine.read(0, record, facts, undefined) === undefined) return [];
      const lines = engine.nowLines(record, facts, snapshotOf(output));
      if (record.errorCode === undefined || lines.length === 0) return lines;
      return [{tone: 'info', text: `the event's call failed (${record.errorCode}): what follows was not made by it`}, ...lines];
    },
    whenError(code, facts, record = blank) {
      const operation = engine.readOperation(0);
      return operation === undefined ? undefined : engine.goneLines(record, facts, operation, code);
    },
    followUps(output, facts, record) {
      const calls: Action[] = [];
      let state = snapshotOf(output);
      for (let i = 1; i < engine.readCount; i += 1) {
        const call = engine.read(i, record, facts, state);
        if (call !== undefined) calls.push(call);
        state = mergeSnapshots([state]);
      }
      return calls;
    },
  };
}

export {goneSnapshot};
