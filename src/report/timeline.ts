// Each journal entry as one line of the incident's timeline. Values stay raw: whoever prints them
// makes them inert (markdown.ts, json.ts).
import {verdictText} from '../aws/verdict-text.js';
import type {JournalEntry} from '../journal/entry.js';
import type {Track} from '../runbooks/tracks.js';
import {executionText, verifyText} from '../aws/execution-text.js';

export interface TimelineItem {
  readonly at: string;
  /** Milliseconds since the session started. */
  readonly offsetMs: number;
  readonly type: JournalEntry['type'];
  readonly stepId?: string | undefined;
  readonly text: string;
}

export const trackNames: Readonly<Record<Track, string>> = {console: 'Console', cli: 'CLI', sdk: 'SDK'};

const marks = {shown: 'Opened step', done: 'Marked done', skipped: 'Skipped', pending: 'Took back the mark on'} as const;

function text(entry: JournalEntry, titleOf: (stepId: string) => string, isFirst: boolean): string {
  switch (entry.type) {
    case 'session-start': {
      const opened = `${entry.event.eventName}${entry.event.eventID ? ` ${entry.event.eventID}` : ''}`;
      return isFirst ? `Opened ${opened} in ${entry.mode} mode${entry.scenario ? ` (scenario ${entry.scenario})` : ''}` : `Resumed the session on ${opened}`;
    }
    case 'track':
      return `Chose the ${trackNames[entry.track]} track`;
    case 'step':
      return `${marks[entry.status]}: ${titleOf(entry.stepId)}`;
    case 'dry-run':
      return `Dry-run ${entry.result.request.operation}: ${verdictText(entry.result.verdict)}`;
    case 'execute-start':
      return `Sending ${entry.request.operation} for real`;
    case 'execute':
      return `Executed ${entry.request.operation}: ${executionText(entry.result)}`;
    case 'verify':
      return `Verified with ${entry.request.operation}: ${verifyText(entry.reached, entry.summary)}`;
    case 'note':
      return entry.text === '' ? 'Removed the note' : `Note: ${entry.text}`;
    case 'answer':
      return `Gave ${entry.name} = ${entry.value}`;
    case 'findings': {
      const open = entry.findings.filter((f) => !f.resolved).length;
      const fromState = entry.findings.filter((f) => f.source === 'state').length;
      return `Findings: ${open} open, ${entry.findings.length - open} resolved${fromState ? ` (${fromState} seen only in the account's state)` : ''}`;
    }
    case 'now':
      return entry.status === 'done'
        ? `Read the account with ${entry.operation ?? 'a read-only call'}: ${entry.lines.map((l) => l.text).join('; ') || 'no lines'}`
        : `Could not read the account: ${entry.message ?? 'no reason given'}`;
    case 'debrief': {
      const met = entry.objectives.filter((o) => o.status === 'met').length;
      return `Debrief: ${met} of ${entry.objectives.length} objectives met, ${entry.changes} change${entry.changes === 1 ? '' : 's'} made, ${entry.mistakes.length} mistake${entry.mistakes.length === 1 ? '' : 's'}`;
    }
    case 'session-end':
      return entry.reason === 'summary' ? 'Reached the summary' : 'Quit before the end';
    default: {
      const never: never = entry;
      return String(never);
    }
  }
}

/** Milliseconds from startMs; 0 when either time is unreadable (reportWarnings says so). */
export function offsetOf(at: string, startMs: number): number {
  const ms = Date.parse(at) - startMs;
  return Number.isFinite(ms) ? ms : 0;
}

/** The timeline; offsets count from `startMs` (the session-start's time). */
export function timelineOf(entries: readonly JournalEntry[], startMs: number, titleOf: (stepId: string) => string): TimelineItem[] {
  return entries.map((entry, index) => ({
    at: entry.at,
    offsetMs: offsetOf(entry.at, startMs),
    type: entry.type,
    ...('stepId' in entry ? {stepId: entry.stepId} : {}),
    text: text(entry, titleOf, index === 0),
  }));
}
