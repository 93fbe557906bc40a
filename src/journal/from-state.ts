// What a transition of the app's state adds to the journal: pure, so the app can write the lines
// (and flush them) before it draws the new state. The session's first line (session-start) is the
// journal controller's: it needs the account, the operator and the clock.
import {targetRegion} from '../aws/action.js';
import {completeAction} from '../aws/bound-action.js';
import {currentStep, regionOf, stepsOf} from '../walkthrough/selectors.js';
import type {State} from '../walkthrough/state.js';
import type {Unstamped} from './entry.js';
import {seenEntries} from './seen.js';

/** The step on screen, when the walkthrough shows one. */
function shownStep(state: State): string | undefined {
  return state.screen === 'step' ? currentStep(state)?.id : undefined;
}

export function journalEntries(before: State, after: State): Unstamped[] {
  const next = after.progress;
  if (!next || !after.incident) return [];
  // Another event (or its first walkthrough): nothing to compare with.
  const prev = before.incident?.record === after.incident.record ? before.progress : null;
  const out: Unstamped[] = [];
  if (prev?.track !== next.track) out.push({type: 'track', track: next.track});
  for (const [name, value] of Object.entries(next.answers)) if (prev?.answers[name] !== value) out.push({type: 'answer', name, value});
  for (const step of stepsOf(after)) {
    const id = step.id;
    const status = next.statuses[id];
    if (status !== prev?.statuses[id]) out.push({type: 'step', stepId: id, status: status ?? 'pending'});
    const dryRun = next.dryRuns[id];
    if (dryRun && dryRun !== prev?.dryRuns[id]) out.push({type: 'dry-run', stepId: id, result: dryRun});
    // A note taken away is recorded as an empty one (resume and the report then drop it too).
    const note = next.notes[id];
    if (note !== prev?.notes[id]) out.push({type: 'note', stepId: id, text: note ?? ''});
    const execution = next.executions[id];
    const action = step.action && completeAction(step.action);
    if (execution && execution !== prev?.executions[id] && action) {
      out.push({type: 'execute', stepId: id, request: {service: action.service, operation: action.operation, params: action.params, region: targetRegion(action, regionOf(after))}, result: execution});
    }
    const verification = next.verifications[id];
    if (verification && verification !== prev?.verifications[id]) out.push({type: 'verify', stepId: id, ...verification});
  }
  const shown = shownStep(after);
  if (shown !== undefined && (shown !== shownStep(before) || prev?.track !== next.track)) out.push({type: 'step', stepId: shown, status: 'shown'});
  // A real call about to be sent: on disk before it goes, so a crash mid-call leaves "outcome unknown", not silence.
  for (const request of after.requests) {
    if (request.kind === 'execute' && !before.requests.some((r) => r.id === request.id)) {
      out.push({type: 'execute-start', stepId: request.stepId, request: {service: request.action.service, operation: request.action.operation, params: request.action.params, region: request.region}});
    }
  }
  // The findings, the account's state and the debrief as the operator saw them (before session-end: the debrief is its last word).
  out.push(...seenEntries(before, after, prev === null));
  if (after.screen === 'summary' && before.screen !== 'summary') out.push({type: 'session-end', reason: 'summary'});
  return out;
}
