// The end of a training run in the sandbox: whether the incident is contained, findings resolved,
// the mistakes a trainer wants to talk about (a change carried out without a dry-run first; a
// change made before any check had looked at the account; a change to a benign resource), and the
// trainer's notes, which hold the solution and so are shown only here, never before.
import {isMutating} from '../aws/action.js';
import {completeAction} from '../aws/bound-action.js';
import {confirmationTarget} from '../aws/confirmation.js';
import {findingsView} from './findings-view.js';
import {objectivesView, openScenario, stillOpen, type ObjectiveView} from './objectives.js';
import {stepsOf} from './selectors.js';
import type {State} from './state.js';
import {timeTakenMs} from './timing.js';

export interface Debrief {
  readonly objectives: readonly ObjectiveView[];
  readonly findingsResolved: number;
  readonly findingsTotal: number;
  /** Executions that succeeded (the changes made); a failed one is not counted. */
  readonly executed: number;
  readonly mistakes: readonly string[];
  /** From opening the event to first reaching the summary; undefined if the app recorded no times. */
  readonly timeTakenMs?: number | undefined;
  /** The findings the scenario needs resolved that still are not: empty when the incident is contained. */
  readonly stillOpen: readonly string[];
  /** The --seed the session ran with (same seed, same session). */
  readonly seed?: string | undefined;
  /** The scenario's trainer notes (its `summary`): what to notice, and the solution. */
  readonly trainerNotes?: string | undefined;
}

export function debrief(state: State): Debrief | undefined {
  const progress = state.progress;
  if (state.connection.kind !== 'sandbox' || !progress || !state.incident) return undefined;
  const views = findingsView(state);
  const isBenign = state.candidates.find((c) => c.record === state.incident?.record)?.kind === 'benign';
  const mistakes: string[] = [];
  let executed = 0;
  for (const step of stepsOf(state)) {
    const execution = progress.executions[step.id];
    const action = step.action && completeAction(step.action);
    if (!execution || !action) continue;
    // Counted as a change only when it succeeded: a refused call changed nothing, an unknown outcome is not known to have.
    if (execution.ok) executed += 1;
    const changed = execution.ok && isMutating(action);
    if (!progress.dryRuns[step.id]) mistakes.push(`${action.operation} was executed without a dry-run first (step ${step.id})`);
    // Only a change counts (a refused call changed nothing); unknown after a resume, so not counted.
    if (changed && progress.lookedFirst?.[step.id] === false) {
      const target = confirmationTarget(action);
      mistakes.push(`${action.operation} changed ${target === action.operation ? 'the account' : target} before looking at it: no check step had been run yet (step ${step.id})`);
    }
    if (isBenign && changed) mistakes.push(`${action.operation} changed a benign resource: this event needed no remediation (step ${step.id})`);
  }
  const scenario = openScenario(state);
  return {
    objectives: objectivesView(state), findingsResolved: views.filter((v) => v.isResolved).length, findingsTotal: views.length, executed, mistakes,
    timeTakenMs: timeTakenMs(state.timing), stillOpen: stillOpen(state) ?? [], seed: scenario?.seed, trainerNotes: scenario?.summary,
  };
}
