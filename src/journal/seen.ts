// What the operator saw, as journal lines, so the report can say it without the app: the findings
// (from the event and from the account's state, each open or resolved), the Now panel's answer, and
// in training the debrief. Pure; the debrief and the findings come from the walkthrough's own
// selectors, never recomputed here another way.
import {findingsFor} from '../findings/index.js';
import {debrief, type Debrief} from '../walkthrough/debrief.js';
import {findingsView} from '../walkthrough/findings-view.js';
import type {State} from '../walkthrough/state.js';
import type {DebriefEntry, NowEntry, SeenFinding, Unstamped} from './entry.js';

/** The findings as the event screen shows them, each with where it came from. */
export function seenFindings(state: State): SeenFinding[] {
  const incident = state.incident;
  if (!incident) return [];
  const fromEvent = new Set(findingsFor(incident.record, incident.facts, undefined, state.findingsConfig, incident.engine).map((f) => f.id));
  return findingsView(state).map(({finding, isResolved}) => ({...finding, source: fromEvent.has(finding.id) ? 'event' : 'state', resolved: isResolved}));
}

function nowEntry(now: State['now']): Unstamped<NowEntry> | undefined {
  if (now.status === 'done') return {type: 'now', status: 'done', operation: now.operation, lines: now.lines};
  if (now.status === 'failed') return {type: 'now', status: 'failed', lines: [], message: now.message};
  return undefined;
}

export function debriefEntry(review: Debrief): Unstamped<DebriefEntry> {
  return {
    type: 'debrief',
    objectives: review.objectives.map((view) => ({text: view.objective.text, status: view.status})),
    findingsResolved: review.findingsResolved,
    findingsTotal: review.findingsTotal,
    changes: review.executed,
    mistakes: [...review.mistakes],
    stillOpen: [...review.stillOpen],
    timeTakenMs: review.timeTakenMs,
    seed: review.seed,
  };
}

const isNewRequest = (before: State, after: State, kind: 'report' | 'exit') =>
  after.requests.some((r) => r.kind === kind && !before.requests.some((b) => b.id === r.id));

/**
 * The lines a transition adds about what was seen. isNewWalk: the walkthrough of this event just
 * began (its session's first lines). Findings are written when the account's state has been read
 * (a read in flight or failed shows the event's findings only, which says nothing new), and when
 * the walkthrough begins.
 */
export function seenEntries(before: State, after: State, isNewWalk: boolean): Unstamped[] {
  const out: Unstamped[] = [];
  const nowChanged = isNewWalk || before.now !== after.now;
  if (nowChanged) {
    const entry = nowEntry(after.now);
    if (entry) out.push(entry);
  }
  const inputsChanged = nowChanged || before.findingsSeen !== after.findingsSeen || before.findingsConfig !== after.findingsConfig;
  if (isNewWalk || (inputsChanged && after.now.status === 'done')) {
    const findings = seenFindings(after);
    if (isNewWalk || JSON.stringify(findings) !== JSON.stringify(seenFindings(before))) out.push({type: 'findings', findings});
  }
  const reachedSummary = after.screen === 'summary' && before.screen !== 'summary';
  if (reachedSummary || isNewRequest(before, after, 'report') || isNewRequest(before, after, 'exit')) {
    const review = debrief(after);
    if (review) out.push(debriefEntry(review));
  }
  return out;
}
