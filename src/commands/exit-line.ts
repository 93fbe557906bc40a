// What trailguide prints on leaving the interactive view, once the terminal's own screen is back:
// where this run's session went and how to get back to it, in one or two lines.
import type {SavedSession} from '../app/session-journal.js';

/** The lines for the last session of the run (and how many others it wrote); none when no session was written. */
export function exitLines(saved: readonly SavedSession[]): string[] {
  const last = saved.at(-1);
  if (!last) return [];
  const id = last.sessionId;
  const others = saved.length > 1 ? ` · ${saved.length - 1} more this run: trailguide sessions` : '';
  const state = last.isEnded ? `session ${id} saved (reached the summary)` : `session ${id} saved · resume: trailguide resume ${id}`;
  const report = last.reportPath === undefined ? `report: trailguide report ${id}` : `report written to ${last.reportPath}`;
  return [`${state}${others}`, report];
}
