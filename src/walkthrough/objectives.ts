// Whether each objective of the open training scenario is met, from what the session did, and
// whether the incident counts as contained (every finding the scenario names is resolved).
import {isMutating} from '../aws/action.js';
import type {Objective, Scenario} from '../scenarios/scenario.js';
import {findingsView} from './findings-view.js';
import {stepsOf} from './selectors.js';
import type {State} from './state.js';

/** open: not decided yet (○); met: ✓; failed: can no longer be met in this session (✗). */
export type ObjectiveStatus = 'open' | 'met' | 'failed';

export interface ObjectiveView {
  readonly objective: Objective;
  readonly status: ObjectiveStatus;
  /** status === 'met' */
  readonly isMet: boolean;
}

/** The training scenario of the open event, when it runs in the sandbox. */
export function openScenario(state: State): Scenario | undefined {
  if (state.connection.kind !== 'sandbox') return undefined;
  return state.candidates.find((c) => c.record === state.incident?.record)?.scenario;
}

function resolvedIds(state: State): ReadonlySet<string> {
  return new Set(findingsView(state).filter((v) => v.isResolved).map((v) => v.finding.id));
}

/** A call of this walkthrough changed the account (a mutating call that succeeded). */
export function hasChanged(state: State): boolean {
  const executions = state.progress?.executions ?? {};
  return stepsOf(state).some((step) => executions[step.id]?.ok === true && step.action !== undefined && isMutating(step.action));
}

/** The trainee has reached the debrief (the summary) at least once. */
function reachedDebrief(state: State): boolean {
  return (state.timing !== null && state.timing.finishedAt !== null) || state.screen === 'summary';
}

/**
 * "Change nothing" can only be judged at the end: it stays open while the trainee works, is met
 * once the debrief is reached with nothing changed, and fails as soon as something is changed.
 */
function noChangesStatus(state: State): ObjectiveStatus {
  if (hasChanged(state)) return 'failed';
  return reachedDebrief(state) ? 'met' : 'open';
}

export function objectivesView(state: State): readonly ObjectiveView[] {
  const scenario = openScenario(state);
  if (!scenario) return [];
  const resolved = resolvedIds(state);
  return scenario.objectives.map((objective) => {
    const status: ObjectiveStatus = 'noChanges' in objective ? noChangesStatus(state) : objective.resolves.some((id) => resolved.has(id)) ? 'met' : 'open';
    return {objective, status, isMet: status === 'met'};
  });
}

/** The findings the scenario needs resolved that still are not (empty: contained); undefined outside training. */
export function stillOpen(state: State): readonly string[] | undefined {
  const scenario = openScenario(state);
  if (!scenario) return undefined;
  const resolved = resolvedIds(state);
  return scenario.contained.filter((id) => !resolved.has(id));
}
