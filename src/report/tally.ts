// One pass over a session's journal: where the walkthrough ended up (track, marks, notes, answers)
// and every call made, in order. Marks follow the app: choosing another track starts them over.
// An execute-start without its execute is a call whose outcome nobody saw.
import type {DryRunResult, ExecuteResult, SentRequest} from '../aws/executors/executor.js';
import type {DebriefEntry, FindingsEntry, JournalEntry, NowEntry} from '../journal/entry.js';
import type {Track} from '../runbooks/tracks.js';

export type Call =
  | {readonly kind: 'dry-run'; readonly stepId: string; readonly at: string; readonly request: SentRequest; readonly result: DryRunResult}
  /** result null: sent (execute-start) but no outcome recorded. */
  | {readonly kind: 'execute'; readonly stepId: string; readonly at: string; readonly request: SentRequest; readonly result: ExecuteResult | null}
  | {readonly kind: 'verify'; readonly stepId: string; readonly at: string; readonly request: SentRequest; readonly reached: boolean | null; readonly summary: string};

export interface Tally {
  readonly track: Track | null;
  readonly trackChanges: readonly {readonly at: string; readonly from: Track; readonly to: Track}[];
  /** Marks on the last track chosen. */
  readonly statuses: ReadonlyMap<string, 'done' | 'skipped'>;
  /** Steps shown on the last track chosen. */
  readonly shown: ReadonlySet<string>;
  /** The last note per step (an empty note removes it), in the order the steps were first noted. */
  readonly notes: ReadonlyMap<string, string>;
  readonly answers: Readonly<Record<string, string>>;
  readonly calls: readonly Call[];
  readonly end: {readonly at: string; readonly reason: 'summary' | 'quit'} | null;
  /** The last line of each of these, null when the journal has none (written before they existed, or nothing was read). */
  readonly findings: FindingsEntry | null;
  readonly now: NowEntry | null;
  readonly debrief: DebriefEntry | null;
}

export function tally(entries: readonly JournalEntry[]): Tally {
  let track: Track | null = null;
  const trackChanges: {at: string; from: Track; to: Track}[] = [];
  let statuses = new Map<string, 'done' | 'skipped'>();
  let shown = new Set<string>();
  const notes = new Map<string, string>();
  const answers: Record<string, string> = {};
  const calls: Call[] = [];
  let end: Tally['end'] = null;
  let findings: FindingsEntry | null = null;
  let now: NowEntry | null = null;
  let debrief: DebriefEntry | null = null;
  for (const entry of entries) {
    switch (entry.type) {
      case 'session-start':
        break;
      case 'track':
        if (track !== null && track !== entry.track) {
          trackChanges.push({at: entry.at, from: track, to: entry.track});
          statuses = new Map();
          shown = new Set();
        }
        track = entry.track;
        break;
      case 'step':
        if (entry.status === 'shown') shown.add(entry.stepId);
        else if (entry.status === 'pending') statuses.delete(entry.stepId);
        else statuses.set(entry.stepId, entry.status);
        if (entry.status !== 'pending') shown.add(entry.stepId);
        break;
      case 'dry-run':
        calls.push({kind: 'dry-run', stepId: entry.stepId, at: entry.at, request: entry.result.request, result: entry.result});
        break;
      case 'execute-start':
        calls.push({kind: 'execute', stepId: entry.stepId, at: entry.at, request: entry.request, result: null});
        break;
      case 'execute': {
        const started = calls.findIndex((c) => c.kind === 'execute' && c.result === null && c.stepId === entry.stepId && c.request.operation === entry.request.operation);
        const call = {kind: 'execute', stepId: entry.stepId, at: calls[started]?.at ?? entry.at, request: entry.request, result: entry.result} as const;
        if (started === -1) calls.push(call);
        else calls[started] = call;
        break;
      }
      case 'verify':
        calls.push({kind: 'verify', stepId: entry.stepId, at: entry.at, request: entry.request, reached: entry.reached, summary: entry.summary});
        break;
      case 'note':
        if (entry.text === '') notes.delete(entry.stepId);
        else notes.set(entry.stepId, entry.text);
        break;
      case 'answer':
        answers[entry.name] = entry.value;
        break;
      case 'findings':
        findings = entry;
        break;
      case 'now':
        now = entry;
        break;
      case 'debrief':
        debrief = entry;
        break;
      case 'session-end':
        end = {at: entry.at, reason: entry.reason};
        break;
      default: {
        const never: never = entry;
        return never;
      }
    }
  }
  return {track, trackChanges, statuses, shown, notes, answers, calls, end, findings, now, debrief};
}
