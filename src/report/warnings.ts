// What a reader of the report must know before trusting it: an unfinished session, a call whose
// outcome is unknown, marks that started over with a new track, lines the report left out.
import type {JournalEntry, SessionStart} from '../journal/entry.js';
import type {Runbook} from '../runbooks/schema.js';
import {formatOffset} from './offset.js';
import type {Tally} from './tally.js';
import {trackNames} from './timeline.js';

export interface WarningInput {
  /** Every line given. */
  readonly all: readonly JournalEntry[];
  /** The session's lines, from its session-start. */
  readonly entries: readonly JournalEntry[];
  readonly start: SessionStart;
  readonly runbook: Runbook | null;
  readonly tally: Tally;
  /** The steps of the last track chosen. */
  readonly stepIds: ReadonlySet<string>;
  readonly eventName: string;
}

export function reportWarnings({all, entries, start, runbook, tally, stepIds, eventName}: WarningInput): string[] {
  const warnings: string[] = [];
  const startMs = Date.parse(start.at);
  const when = (at: string): string => formatOffset(Date.parse(at) - startMs);
  const ignored = all.length - entries.length;
  if (ignored > 0) warnings.push(`${ignored} journal line${ignored === 1 ? '' : 's'} before the session-start or of another session ${ignored === 1 ? 'was' : 'were'} left out.`);
  if (entries.some((e) => Number.isNaN(Date.parse(e.at)))) warnings.push('Some journal lines have an unreadable time: their offsets show as +0:00.');
  if (!tally.end) warnings.push('The session has no session-end: it is unfinished (still running, or it stopped unexpectedly).');
  // Journals written before these lines existed: say what the report cannot know rather than leave it out silently.
  if (!tally.findings && start.mode !== 'plan') warnings.push('The findings are the event\'s alone: this journal does not record what the account\'s state raised or resolved (written by an older trailguide).');
  if (!tally.debrief && start.mode === 'sandbox' && start.scenario !== undefined) warnings.push('No debrief was recorded: the session stopped before its summary, or its journal was written by an older trailguide.');
  if (!runbook) warnings.push(`No runbook for ${eventName}: the report has no steps, only what the journal recorded.`);
  else {
    if (!runbook.events.names.includes(eventName)) warnings.push(`The runbook is for ${runbook.events.names.join(', ')}, but the session's event is ${eventName}.`);
    if (start.runbook && start.runbook.version !== String(runbook.version)) {
      warnings.push(`The session walked version ${start.runbook.version} of the runbook; this report lists the steps of version ${runbook.version}.`);
    }
    if (!tally.track) warnings.push('No track was chosen: no step of the runbook was reached.');
  }
  for (const change of tally.trackChanges) {
    warnings.push(`At ${when(change.at)} the track changed from ${trackNames[change.from]} to ${trackNames[change.to]}: step marks are those of the ${trackNames[change.to]} track; earlier calls and notes are kept.`);
  }
  for (const call of tally.calls) {
    if (call.kind !== 'execute') continue;
    const unknown = call.result === null ? 'no outcome was recorded' : !call.result.ok && call.result.outcomeUnknown === true ? 'its outcome is unknown' : undefined;
    if (unknown) warnings.push(`${call.request.operation} (step ${call.stepId}) was sent at ${when(call.at)} but ${unknown}: look at the account before doing anything else.`);
  }
  if (runbook && tally.track) {
    const stepOf = (e: JournalEntry): string[] => ('stepId' in e && e.type !== 'step' && !stepIds.has(e.stepId) ? [e.stepId] : []);
    const strays = [...new Set(entries.flatMap(stepOf))];
    if (strays.length) warnings.push(`Calls or notes of steps not on the ${trackNames[tally.track]} track: ${strays.join(', ')} (they are in the timeline and the commands, not in the steps).`);
  }
  return warnings;
}
