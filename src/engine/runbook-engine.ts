// A runbook's declarations, ready to evaluate: facts, state reads, Now lines and findings.
import type {CloudTrailRecord, Fact} from '../events/record.js';
import {documentOf} from './document.js';
import type {RunbookEngine} from './engine-types.js';
import {factsOf} from './facts.js';
import {isRunbookFindingResolved, runbookFindings} from './findings.js';
import {goneLines, nowLines} from './now.js';
import type {RunbookSpec} from './specs.js';
import {goneSnapshot} from './snapshot.js';
import {stateCall} from './state.js';

export type {RunbookEngine} from './engine-types.js';

export function engineFor(spec: RunbookSpec): RunbookEngine {
  const readData = (record: CloudTrailRecord, facts: readonly Fact[], state: unknown) => ({...documentOf(record, facts, undefined), state: state ?? null});
  return {
    actorSteps: spec.actorSteps,
    answers: (record) => spec.events.names.includes('*') || (record.eventSource === spec.events.source && spec.events.names.includes(record.eventName)),
    facts: (record) => factsOf(spec.facts, record),
    findings: (record, facts, state, config) => runbookFindings(spec, documentOf(record, facts, state, config)),
    isResolved: (finding, record, facts, state) => isRunbookFindingResolved(spec, finding, documentOf(record, facts, state)),
    readCount: spec.state.length,
    readOperation: (index) => spec.state[index]?.operation,
    read: (index, record, facts, state) => {
      const read = spec.state[index];
      return read === undefined ? undefined : stateCall(read, readData(record, facts, state));
    },
    nowLines: (record, facts, state) => nowLines(spec, documentOf(record, facts, state)),
    goneLines: (record, facts, operation, code) => (goneSnapshot(operation, code) === undefined ? undefined : goneLines(spec, documentOf(record, facts, undefined))),
  };
}
