// What a listing shows of a runbook without needing its procedures: its events, title, version and size
// per track. Kept beside each cached runbook, so `trailguide runbooks` and building a set read only this.
import {stepTracks} from './bind-steps.js';
import type {Runbook} from './schema.js';
import {tracks, type Track} from './tracks.js';

export interface RunbookSummary {
  readonly title: string;
  readonly version: number;
  readonly events: Runbook['events'];
  readonly procedures: number;
  /** Steps walked on each track. */
  readonly steps: Readonly<Record<Track, number>>;
}

export function summarize(runbook: Runbook): RunbookSummary {
  const steps = Object.fromEntries(tracks.map((t) => [t, runbook.procedures.flatMap((p) => p.steps.filter((s) => stepTracks(p, s).includes(t))).length])) as Record<Track, number>;
  return {title: runbook.title, version: runbook.version, events: runbook.events, procedures: runbook.procedures.length, steps};
}
