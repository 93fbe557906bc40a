// What the operator saw, for the report: the findings as last seen (the journal's last findings
// line: from the event and from the account's state, each open or resolved), the account's state as
// the Now panel last read it, and the training debrief. A journal written before these lines existed
// gives the event's findings alone and no state or debrief (warnings.ts says so).
import type {NowLine} from '../engine/now-line.js';
import type {CloudTrailRecord, Fact} from '../events/record.js';
import {findingsFor} from '../findings/index.js';
import type {RunbookEngine} from '../engine/engine-types.js';
import type {Finding, FindingsConfig} from '../findings/finding.js';
import type {DebriefEntry} from '../journal/entry.js';
import type {Tally} from './tally.js';

export interface ReportFinding extends Finding {
  /** event: raised by the event alone; state: raised only once the account's state was read. */
  readonly source: 'event' | 'state';
  /** The account's state showed the risk gone. */
  readonly resolved: boolean;
}

export interface ReportAccountState {
  readonly at: string;
  /** done: read, with its lines; failed: could not be read (message). */
  readonly status: 'done' | 'failed';
  readonly operation?: string;
  readonly lines: readonly NowLine[];
  readonly message?: string;
}

export type ReportDebrief = Omit<DebriefEntry, 'v' | 'session' | 'type'>;

export interface Seen {
  readonly findings: readonly ReportFinding[];
  /** When the findings were last seen; null when the journal has none and they come from the event alone. */
  readonly findingsSeenAt: string | null;
  readonly accountState: ReportAccountState | null;
  readonly debrief: ReportDebrief | null;
}

const opt = <K extends string, V>(key: K, value: V | undefined): {[P in K]?: V} => (value === undefined ? {} : {[key]: value}) as {[P in K]?: V};

const findingOf = (f: Finding, source: ReportFinding['source'], resolved: boolean): ReportFinding =>
  ({id: f.id, severity: f.severity, title: f.title, evidence: f.evidence, ...opt('stepId', f.stepId), source, resolved});

export function seenOf(tally: Tally, record: CloudTrailRecord, facts: readonly Fact[], config: FindingsConfig | undefined, engine?: RunbookEngine): Seen {
  const last = tally.findings;
  const now = tally.now;
  const review = tally.debrief;
  return {
    findings: last ? last.findings.map((f) => findingOf(f, f.source, f.resolved)) : findingsFor(record, facts, undefined, config, engine).map((f) => findingOf(f, 'event', false)),
    findingsSeenAt: last?.at ?? null,
    accountState: now && {at: now.at, status: now.status, ...opt('operation', now.operation), lines: now.lines.map((l) => ({tone: l.tone, text: l.text})), ...opt('message', now.message)},
    debrief: review && {
      at: review.at, objectives: review.objectives.map((o) => ({text: o.text, status: o.status})), findingsResolved: review.findingsResolved, findingsTotal: review.findingsTotal,
      changes: review.changes, mistakes: review.mistakes, stillOpen: review.stillOpen, ...opt('timeTakenMs', review.timeTakenMs), ...opt('seed', review.seed),
    },
  };
}
