// Candidates built from the training scenarios, as the app builds them.
import {scenarioCandidates} from '../../src/commands/load-candidates.js';
import type {Candidate} from '../../src/walkthrough/state.js';

export const scenarioList: readonly Candidate[] = scenarioCandidates().candidates;

export function scenario(id: string): Candidate {
  const found = scenarioList.find((c) => c.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}
