// The progress a journal records, rebuilt line by line: what resume restores. Pure.
import type {DryRunResult, ExecuteResult} from '../aws/executors/executor.js';
import type {Track} from '../runbooks/tracks.js';
import type {RecordedProgress} from '../walkthrough/state.js';
import type {JournalEntry} from './entry.js';

export interface Replayed extends RecordedProgress {
  /** The last track chosen; null when none was. */
  readonly track: Track | null;
  /** The journal has a session-end line. */
  readonly ended: boolean;
}

export function replay(entries: readonly JournalEntry[]): Replayed {
  let track: Track | null = null;
  let stepId: string | null = null;
  let ended = false;
  // Null-prototype records: step IDs and parameter names come from files, and "__proto__" must stay a plain key.
  const statuses = record<'done' | 'skipped'>();
  const dryRuns = record<DryRunResult>();
  const notes = record<string>();
  const answers = record<string>();
  const executions = record<ExecuteResult>();
  const started: string[] = [];
  for (const entry of entries) {
    switch (entry.type) {
      // What was seen (findings, now, debrief) is read again from the account on resume, never restored from the journal.
      case 'session-start':
      case 'verify':
      case 'findings':
      case 'now':
      case 'debrief':
        break;
      case 'track':
        track = entry.track;
        break;
      case 'step':
        if (entry.status === 'shown') stepId = entry.stepId;
        else if (entry.status === 'pending') delete statuses[entry.stepId];
        else statuses[entry.stepId] = entry.status;
        break;
      case 'dry-run':
        dryRuns[entry.stepId] = entry.result;
        break;
      case 'note':
        // An empty note is a note taken away.
        if (entry.text === '') delete notes[entry.stepId];
        else notes[entry.stepId] = entry.text;
        break;
      case 'answer':
        answers[entry.name] = entry.value;
        break;
      case 'execute-start':
        if (!started.includes(entry.stepId)) started.push(entry.stepId);
        break;
      case 'execute': {
        executions[entry.stepId] = entry.result;
        const open = started.indexOf(entry.stepId);
        if (open !== -1) started.splice(open, 1);
        break;
      }
      case 'session-end':
        ended = true;
        break;
      default: {
        const never: never = entry;
        return never;
      }
    }
  }
  return {track, stepId, statuses, dryRuns, notes, answers, executions, unknownOutcomes: started, ended};
}

function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
