// Findings for an event: the rules every event shares, then the runbook's own findings, sorted by
// severity. The runbook's run only when the call succeeded (a failed call created nothing;
// call-failed / call-refused say so) and only for a record the runbook answers. The runbook's
// engine is loaded with the runbooks: without it, only the shared rules run.
import type {Snapshot} from '../engine/document.js';
import type {RunbookEngine} from '../engine/engine-types.js';
import {eventContext} from '../events/context.js';
import type {CloudTrailRecord, Fact} from '../events/record.js';
import {anyEventIds, anyEventRules} from './any-event.js';
import {bySeverity, type Finding, type FindingsConfig, type Rule, type RuleInput} from './finding.js';

export type {Finding, FindingsConfig, Severity} from './finding.js';

/** A rule that throws on a record nobody foresaw loses its finding, never the others. */
function run(rule: Rule, input: RuleInput): Finding | undefined {
  try {
    return rule(input);
  } catch {
    return undefined;
  }
}

function own(engine: RunbookEngine | undefined, record: CloudTrailRecord, facts: readonly Fact[], state: Snapshot | undefined, config: FindingsConfig | undefined, failed: boolean): readonly Finding[] {
  if (engine === undefined || failed || !engine.answers(record)) return [];
  try {
    return engine.findings(record, facts, state, config);
  } catch {
    return [];
  }
}

/** The event's findings, critical first (stable within a severity), each id once. */
export function findingsFor(record: CloudTrailRecord, facts: readonly Fact[], state?: Snapshot, config?: FindingsConfig, engine?: RunbookEngine): readonly Finding[] {
  const context = eventContext(record);
  const input: RuleInput = {record, facts, context, state, config: config ?? {}, actorSteps: engine?.actorSteps ?? {}};
  const found = [...anyEventRules.flatMap((rule) => run(rule, input) ?? []), ...own(engine, record, facts, state, config, context.what.failed)];
  const unique = found.filter((finding, index) => found.findIndex((other) => other.id === finding.id) === index);
  return bySeverity(unique);
}

/** A finding the current state shows is gone (e.g. the open rule was revoked); false when the state cannot tell. */
export function isResolved(finding: Finding, record: CloudTrailRecord, facts: readonly Fact[], state: Snapshot, engine?: RunbookEngine): boolean {
  if (engine === undefined || anyEventIds.has(finding.id) || !engine.answers(record)) return false;
  try {
    return engine.isResolved(finding, record, facts, state);
  } catch {
    return false;
  }
}
