// `trailguide sessions` as text: a header, then two lines per session within 80 columns (three for
// a training session: its scenario). The ID (what `resume` and `report` take) is never cut; a value
// that does not fit is, with "…" (`--format json` has every field whole). Several lines because
// ID, state, event, scenario, time, mode, track and counts take some 160 columns.
import type {SessionSummary} from '../journal/sessions.js';
import {columnWidth, columnsLine, pageWidth} from '../text/columns.js';
import {safeLine} from '../text/safe-text.js';

const indent = '  ';

/** The counts that are not zero, so they fit the line: "1 done, 2 dry-runs, 3 executed (1 failed)". */
function progressOf(s: SessionSummary): string {
  const parts = [
    s.stepsDone ? `${s.stepsDone} done` : '',
    s.stepsSkipped ? `${s.stepsSkipped} skipped` : '',
    s.dryRuns ? `${s.dryRuns} dry-run${s.dryRuns === 1 ? '' : 's'}` : '',
    s.executions ? `${s.executions} executed${s.failedExecutions ? ` (${s.failedExecutions} failed)` : ''}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'nothing done';
}

/** "2026-11-25 12:04" from the journal's ISO time (read from a file: kept inert). */
function minuteOf(iso: string): string {
  return safeLine(iso, 40).replace('T', ' ').slice(0, 16);
}

export function sessionTable(sessions: readonly SessionSummary[], width = pageWidth): string {
  const ids = sessions.map((s) => safeLine(s.id));
  const idWidth = columnWidth('SESSION', ids);
  const stateWidth = columnWidth('STATE', ['ended', 'open']);
  const lastWidth = columnWidth('LAST (UTC)', sessions.map((s) => minuteOf(s.lastAt)));
  const modeWidth = columnWidth('MODE', sessions.map((s) => safeLine(s.mode)));
  const trackWidth = columnWidth('TRACK', ['console']);
  const first = (id: string, state: string, event: string) => columnsLine([id, state, event], [idWidth, stateWidth], width);
  const second = (last: string, mode: string, track: string, progress: string) =>
    columnsLine([`${indent}${last}`, mode, track, progress], [indent.length + lastWidth, modeWidth, trackWidth], width);
  const lines = [first('SESSION', 'STATE', 'EVENT'), second('LAST (UTC)', 'MODE', 'TRACK', 'PROGRESS')];
  sessions.forEach((s, i) => {
    lines.push(first(ids[i] ?? '', s.ended ? 'ended' : 'open', safeLine(s.eventName)), second(minuteOf(s.lastAt), safeLine(s.mode), safeLine(s.track ?? '-'), progressOf(s)));
    // A training session names its scenario on a line of its own: scenario IDs are long.
    if (s.scenario !== undefined) lines.push(columnsLine([`${indent}scenario ${safeLine(s.scenario)}`], [], width));
  });
  return `${lines.join('\n')}\n`;
}
