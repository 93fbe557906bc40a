// Whether each objective of the open training scenario is met, from what the session did.
import {isMutating} from '../aws/action.js';
import {training, type Objective} from '../scenarios/objectives.js';
import {findingsView} from './findings-view.js';
import {stepsOf} from './selectors.js';
import type {State} from './state.js';

export interface ObjectiveView {
  readonly objective: Objective;
  readonly isMet: boolean;
}

export function objectivesView(state: State): readonly ObjectiveView[] {
  const candidate = state.candidates.find((c) => c.record === state.incident?.record);
  const objectives = candidate ? training[candidate.id]?.objectives : undefined;
  if (!objectives || state.connection.kind !== 'sandbox') return [];
  const resolved = new Set(findingsView(state).filter((v) => v.isResolved).map((v) => v.finding.id));
  const executions = state.progress?.executions ?? {};
  const changed = stepsOf(state).some((step) => executions[step.id]?.ok === true && step.action !== undefined && isMutating(step.action));
  return objectives.map((objective) => ({
    objective,
    isMet: 'noChanges' in objective ? !changed : objective.resolves.some((id) => resolved.has(id)),
  }));
}
