// Whether each objective of the open training scenario is met, from what the session did, and
// whether the incident counts as contained (every finding the scenario names is resolved).
import {isMutating} from '../aws/action.js';
import type {Objective, Scenario} from '../scenarios/scenario.js';
import {findingsView} from './findings-view.js';
import {stepsOf} from './selectors.js';
import type {State} from './state.js';

export interface ObjectiveView {
  readonly objective: Objective;
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

export function objectivesView(state: State): readonly ObjectiveView[] {
  const scenario = openScenario(state);
  if (!scenario) return [];
  const resolved = resolvedIds(state);
  const executions = state.progress?.executions ?? {};
  const changed = stepsOf(state).some((step) => executions[step.id]?.ok === true && step.action !== undefined && isMutating(step.action));
  return scenario.objectives.map((objective) => ({
    objective,
    isMet: 'noChanges' in objective ? !changed : objective.resolves.some((id) => resolved.has(id)),
  }));
}

/** The findings the scenario needs resolved that still are not (empty: contained); undefined outside training. */
export function stillOpen(state: State): readonly string[] | undefined {
  const scenario = openScenario(state);
  if (!scenario) return undefined;
  const resolved = resolvedIds(state);
  return scenario.contained.filter((id) => !resolved.has(id));
}
