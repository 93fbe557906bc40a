// Whether the operator has looked at the account yet: a check step (a read-only call) of this
// walkthrough has been run. The reducer asks it when a call is sent for real, so the debrief can
// count a change made before any look, whatever clocks stamped the dry-runs and the executions.
import {stepsOf} from './selectors.js';
import type {State} from './state.js';

export function hasLooked(state: State): boolean {
  const dryRuns = state.progress?.dryRuns ?? {};
  return stepsOf(state).some((step) => step.kind === 'check' && dryRuns[step.id] !== undefined);
}
