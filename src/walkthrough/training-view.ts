// What the training panel shows while the trainee works: the scenario's objectives, open, met or
// failed, and the time the session has run (frozen once the summary was reached).
import {formatDuration} from './format-duration.js';
import {objectivesView, type ObjectiveStatus, type ObjectiveView} from './objectives.js';
import type {State} from './state.js';
import {elapsedMs} from './timing.js';

/** How the panel marks an objective: open (not decided yet), met, failed (can no longer be met). */
export const objectiveMarks: Readonly<Record<ObjectiveStatus, string>> = {open: '○', met: '✓', failed: '✗'};

export interface TrainingView {
  readonly objectives: readonly ObjectiveView[];
  readonly metCount: number;
  /** "elapsed 4 min 12 s", or "time taken 4 min 12 s" once the summary was reached; undefined without a recorded start. */
  readonly time?: string | undefined;
  /** The clock is still running (the panel needs a new frame every second). */
  readonly isRunning: boolean;
}

/** undefined outside training in the sandbox (no objectives). now: the app's clock, epoch ms. */
export function trainingView(state: State, now: number): TrainingView | undefined {
  const objectives = objectivesView(state);
  if (objectives.length === 0) return undefined;
  const elapsed = elapsedMs(state.timing, now);
  const isRunning = state.timing !== null && state.timing.finishedAt === null;
  return {
    objectives,
    metCount: objectives.filter((o) => o.isMet).length,
    time: elapsed === undefined ? undefined : `${isRunning ? 'elapsed' : 'time taken'} ${formatDuration(elapsed)}`,
    isRunning,
  };
}
