// TEMPORARY (issue 14 transition): the TypeScript readers of an event whose runbook file does not
// declare its facts, state and findings yet, behind the same interface. Deleted once every built-in
// runbook declares them.
import type {CloudTrailRecord} from '../events/record.js';
import {factsFor} from '../events/facts/index.js';
import {legacyRules} from '../findings/legacy.js';
import {nowReaderFor} from '../aws/now/index.js';
import type {RunbookEngine} from './engine-types.js';
import type {RunbookSpec} from './specs.js';

export function legacyEngine(spec: RunbookSpec): RunbookEngine {
  const name = spec.events.names[0] ?? '';
  const reader = nowReaderFor(name);
  return {
    actorSteps: spec.actorSteps,
    answers: (record: CloudTrailRecord) => record.eventSource === spec.events.source && spec.events.names.includes(record.eventName),
    facts: (record) => factsFor(record),
    findings: (record, facts, state, config) => legacyRules(record, facts, state, config),
    isResolved: (finding, record, facts, state) => legacyRules.isResolved(finding, record, facts, state),
    readCount: reader === undefined ? 0 : 2,
    read: (index, record, facts, state) => {
      if (reader === undefined) return undefined;
      if (index === 0) return reader.query(facts, record);
      return state === undefined ? undefined : reader.followUps?.(state, facts)[0];
    },
    nowLines: (record, facts, state) => (reader === undefined || state === undefined ? [] : reader.interpret(state, facts, record).filter((l) => !l.text.startsWith("the event's call failed ("))),
    goneLines: (_record, facts, _operation, code) => reader?.whenError(code, facts),
  };
}
