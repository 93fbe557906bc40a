// Moving through a walk by section (contain, investigate, harden): where the next or previous
// section starts on the current track.
import {currentStep, stepsOf} from './selectors.js';
import type {State} from './state.js';

/**
 * The index of the first step of the next (1) or previous (-1) section, or undefined when there is
 * none. Back from the middle of a section goes to its start first.
 */
export function sectionStart(state: State, direction: 1 | -1): number | undefined {
  const steps = stepsOf(state);
  const here = state.progress?.index ?? 0;
  const kind = currentStep(state)?.procedure.kind;
  const starts = steps.flatMap((step, i) => (i === 0 || steps[i - 1]?.procedure.kind !== step.procedure.kind ? [i] : []));
  if (direction > 0) return starts.find((i) => i > here && steps[i]?.procedure.kind !== kind);
  const currentStart = [...starts].reverse().find((i) => i <= here);
  if (currentStart !== undefined && currentStart < here) return currentStart;
  return [...starts].reverse().find((i) => i < here);
}
