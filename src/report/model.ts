// The incident report as data, built from a session's journal alone (plus the runbook it walked):
// what happened, who did it, what the operator found, ran and left undone, the account's state as
// last read and, in training, the debrief. Pure; the clock is a parameter. README "The report's
// JSON" documents the shape; markdown.ts and json.ts print it.
import {readTable, type ReadTable} from '../aws/render/read-table.js';
import type {RunbookEngine} from '../engine/engine-types.js';
import type {Verdict} from '../aws/executors/executor.js';
import {verdictText} from '../aws/verdict-text.js';
import {eventContext} from '../events/context.js';
import {tryParseRecord} from '../events/parse-record.js';
import type {FindingsConfig} from '../findings/finding.js';
import type {JournalEntry, SessionStart} from '../journal/entry.js';
import {bindParameters, contextOf, hasFailed} from '../runbooks/bind.js';
import {bindSteps, type BoundStep} from '../runbooks/bind-steps.js';
import type {Runbook} from '../runbooks/schema.js';
import {tracks, type Track} from '../runbooks/tracks.js';
import {version} from '../version.js';
import {executionOutcome as outcomeOf, executionText} from '../aws/execution-text.js';
import {commandOf, noOutcomeText} from './call-text.js';
import {flatContext, type ReportContext} from './flat-context.js';
import {tally, type Call} from './tally.js';
import {timelineOf, type TimelineItem} from './timeline.js';
import {seenOf, type ReportAccountState, type ReportDebrief, type ReportFinding} from './seen.js';
import {reportWarnings} from './warnings.js';
import {resourceIds, type ResourceId} from '../engine/resource-ids.js';
import {isGeneralRunbook, runbooksForResources, type ResourceRunbooks} from '../runbooks/kind-runbooks.js';
import type {JsonObject} from '../events/record.js';

export type {ReportContext} from './flat-context.js';
export type {TimelineItem} from './timeline.js';
export type {ReportAccountState, ReportDebrief, ReportFinding} from './seen.js';

/** The mark; else executed / dry-run-only for a step that was acted on without a mark; else not-reached. */
export type ReportStepStatus = 'done' | 'skipped' | 'executed' | 'dry-run-only' | 'not-reached';

export interface ReportDryRun {readonly at: string; readonly command: string; readonly outcome: Verdict['outcome']; readonly verdict: string; readonly sent: boolean}
/** outcome unknown: the call may or may not have happened (no answer, or none recorded). */
export interface ReportExecution {readonly at: string; readonly command: string; readonly outcome: 'succeeded' | 'failed' | 'unknown'; readonly verdict: string}
export interface ReportVerification {readonly at: string; readonly command: string; readonly reached: boolean | null; readonly summary: string}

export interface ReportStep {
  readonly number: number;
  readonly id: string;
  readonly title: string;
  readonly kind: BoundStep['kind'];
  readonly procedure: {readonly id: string; readonly title: string; readonly kind: BoundStep['procedure']['kind']};
  readonly status: ReportStepStatus;
  /** The step came on screen (on the last track chosen). */
  readonly shown: boolean;
  readonly dryRuns: readonly ReportDryRun[];
  readonly executions: readonly ReportExecution[];
  readonly verifications: readonly ReportVerification[];
  readonly note?: string;
}

export interface ReportCommand {
  readonly stepId: string;
  readonly kind: 'dry-run' | 'execute';
  readonly command: string;
  readonly verdict: string;
  readonly at: string;
  /** A read's answer, as the step showed it: the table of the fields that matter, every row. */
  readonly answer?: ReadTable | undefined;
}

export interface Report {
  readonly trailguide: string;
  readonly format: 2;
  readonly generatedAt: string;
  /** Account IDs, IP addresses and access key IDs are masked (redact.ts). */
  readonly redacted: boolean;
  readonly session: {
    readonly id: string; readonly startedAt: string; readonly endedAt: string | null; readonly endReason?: 'summary' | 'quit';
    readonly operator: string; readonly mode: SessionStart['mode']; readonly account?: string; readonly principal?: string; readonly scenario?: string;
    /** The trailguide version that wrote the journal. */
    readonly trailguide: string;
  };
  readonly event: {
    readonly eventID?: string; readonly eventName: string; readonly eventTime?: string; readonly awsRegion?: string; readonly failed: boolean; readonly errorCode?: string;
    /** As in the event (attacker-controlled; null when absent). */
    readonly requestParameters: JsonObject | null; readonly responseElements: JsonObject | null;
  };
  /** Every resource the event names, with its kind and the first place it was found. */
  readonly resources: readonly ResourceId[];
  /** For an event without a runbook of its own: the built-in runbooks for the resources it names. */
  readonly resourceRunbooks: readonly ResourceRunbooks[];
  readonly context: ReportContext;
  /** As last seen (the journal's last findings line), else the event's alone. */
  readonly findings: readonly ReportFinding[];
  /** When the findings were last seen; null when the journal recorded none (they are the event's alone). */
  readonly findingsSeenAt: string | null;
  /** The event's resources as the account last showed them (the Now panel); null when never read. */
  readonly accountState: ReportAccountState | null;
  /** Training: the debrief as last shown; null outside training or when none was recorded. */
  readonly debrief: ReportDebrief | null;
  /** isGeneral: the general runbook, walked for an event without a runbook of its own. */
  readonly runbook: {readonly eventName: string; readonly title: string; readonly version: number; readonly isGeneral: boolean} | null;
  readonly track: Track | null;
  readonly steps: readonly ReportStep[];
  readonly timeline: readonly TimelineItem[];
  readonly commands: readonly ReportCommand[];
  readonly notes: readonly {readonly stepId: string; readonly text: string}[];
  /** Steps neither marked done nor executed with success. */
  readonly undone: readonly {readonly id: string; readonly title: string; readonly status: Exclude<ReportStepStatus, 'done'>}[];
  readonly warnings: readonly string[];
}

export interface ReportOptions {
  readonly generatedAt: Date;
  readonly findingsConfig?: FindingsConfig | undefined;
  /** The runbook's declarations (facts, findings), loaded with it. */
  readonly engine?: RunbookEngine | undefined;
}

/** The journal cannot make a report (no session-start, or its record is not a CloudTrail record). */
export class ReportError extends Error {
  override name = 'ReportError';
}

const opt = <K extends string, V>(key: K, value: V | undefined): {[P in K]?: V} => (value === undefined ? {} : {[key]: value}) as {[P in K]?: V};

function callsOf(calls: readonly Call[], stepId: string) {
  const mine = calls.filter((c) => c.stepId === stepId);
  return {
    dryRuns: mine.flatMap((c): ReportDryRun[] => (c.kind === 'dry-run' ? [{at: c.at, command: commandOf(c.request), outcome: c.result.verdict.outcome, verdict: verdictText(c.result.verdict), sent: c.result.sent}] : [])),
    executions: mine.flatMap((c): ReportExecution[] => (c.kind === 'execute' ? [{at: c.at, command: commandOf(c.request), ...executionOutcome(c.result)}] : [])),
    verifications: mine.flatMap((c): ReportVerification[] => (c.kind === 'verify' ? [{at: c.at, command: commandOf(c.request), reached: c.reached, summary: c.summary}] : [])),
  };
}

function executionOutcome(result: Extract<Call, {kind: 'execute'}>['result']): Pick<ReportExecution, 'outcome' | 'verdict'> {
  if (result === null) return {outcome: 'unknown', verdict: noOutcomeText};
  return {outcome: outcomeOf(result), verdict: executionText(result)};
}

export function buildReport(all: readonly JournalEntry[], runbook: Runbook | null, options: ReportOptions): Report {
  const start = all.find((e): e is SessionStart => e.type === 'session-start');
  if (!start) throw new ReportError('the journal has no session-start line: it is not a trailguide session');
  const parsed = tryParseRecord(start.event.record);
  if (!parsed.ok) throw new ReportError(`the session's event is not a CloudTrail record: ${parsed.problem}`);
  const entries = all.slice(all.indexOf(start)).filter((e) => e.session === start.session);
  const {record} = parsed;
  const engine = options.engine !== undefined && options.engine.answers(record) ? options.engine : undefined;
  const facts = engine?.facts(record) ?? [];
  const done = tally(entries);
  const bindings = runbook ? bindParameters(runbook, facts, contextOf(record), done.answers) : new Map();
  const byId = new Map(runbook ? tracks.flatMap((t) => bindSteps(runbook, bindings, t, hasFailed(record), record.eventName)).map((s) => [s.id, s] as const) : []);
  const bound = runbook && done.track ? bindSteps(runbook, bindings, done.track, hasFailed(record), record.eventName) : [];
  const steps = bound.map((step, i): ReportStep => {
    const mark = done.statuses.get(step.id);
    const note = done.notes.get(step.id);
    const calls = callsOf(done.calls, step.id);
    return {
      number: i + 1, id: step.id, title: step.title, kind: step.kind,
      procedure: {id: step.procedure.id, title: step.procedure.title, kind: step.procedure.kind},
      status: mark ?? (calls.executions.length ? 'executed' : calls.dryRuns.length ? 'dry-run-only' : 'not-reached'), shown: done.shown.has(step.id),
      ...calls,
      ...opt('note', note),
    };
  });
  const startMs = Date.parse(start.at);
  const context = eventContext(record);
  const seen = seenOf(done, record, facts, options.findingsConfig, engine);
  const ids = resourceIds(record);
  return {
    trailguide: version,
    format: 2,
    generatedAt: options.generatedAt.toISOString(),
    redacted: false,
    session: {
      id: start.session, startedAt: start.at, endedAt: done.end?.at ?? null, ...opt('endReason', done.end?.reason), operator: start.operator, mode: start.mode,
      ...opt('account', start.account), ...opt('principal', start.principal), ...opt('scenario', start.scenario), trailguide: start.trailguide,
    },
    event: {
      ...opt('eventID', record.eventID), eventName: record.eventName, ...opt('eventTime', record.eventTime), ...opt('awsRegion', record.awsRegion),
      failed: context.what.failed, ...opt('errorCode', record.errorCode),
      requestParameters: record.requestParameters, responseElements: record.responseElements,
    },
    resources: ids,
    resourceRunbooks: runbook === null || isGeneralRunbook(runbook) ? runbooksForResources(ids) : [],
    context: flatContext(context),
    ...seen,
    runbook: runbook && {eventName: record.eventName, title: runbook.title, version: runbook.version, isGeneral: isGeneralRunbook(runbook)},
    track: done.track,
    steps,
    timeline: timelineOf(entries, startMs, (id) => byId.get(id)?.title ?? id),
    commands: done.calls.flatMap((c): ReportCommand[] => {
      if (c.kind === 'verify') return [];
      const verdict = c.kind === 'dry-run' ? verdictText(c.result.verdict) : executionOutcome(c.result).verdict;
      const output = c.kind === 'dry-run' && c.result.verdict.outcome === 'read' ? c.result.verdict.output : undefined;
      const answer = output === undefined ? undefined : readTable(c.request.operation, output);
      return [{stepId: c.stepId, kind: c.kind, command: commandOf(c.request), verdict, at: c.at, ...(answer ? {answer} : {})}];
    }),
    notes: [...done.notes].map(([stepId, text]) => ({stepId, text})),
    undone: steps.flatMap((s) => (s.status === 'done' || s.executions.at(-1)?.outcome === 'succeeded' ? [] : [{id: s.id, title: s.title, status: s.status}])),
    warnings: reportWarnings({all, entries, start, runbook, tally: done, stepIds: new Set(bound.map((s) => s.id)), eventName: record.eventName}),
  };
}
