// What a scan of log files reports, file by file: the same messages whether the files are read in
// this thread or in worker threads (scan-engine.ts), so the caller cannot tell which.
import type {FindingsConfig} from '../findings/finding.js';
import type {RunbookDirTexts} from '../runbooks/runbook-set.js';
import type {TriageFilter, TriageMatch} from './triage-match.js';

export type ScanEvent =
  /** A match that is among the best `limit` of its reader; text is the record's JSON. */
  | {readonly type: 'match'; readonly match: TriageMatch; readonly text: string}
  | {readonly type: 'skip'; readonly path: string; readonly reason: string}
  /** Counts since the last progress event. */
  | {readonly type: 'progress'; readonly bytes: number; readonly events: number; readonly matched: number}
  | {readonly type: 'file-done'; readonly path: string; readonly isOpened: boolean};

/** What every reader needs to know (plain data: it is sent to worker threads). */
export interface ScanSettings {
  readonly filter: TriageFilter;
  readonly limit: number;
  readonly maxRecordBytes?: number | undefined;
  /** --config, --known-accounts: the organisation's accounts, VPCs and allowlists, for the findings. */
  readonly findingsConfig?: FindingsConfig | undefined;
  /** --runbooks: users' runbook files as read once by the command; every reader builds the same set from them. */
  readonly runbookTexts?: readonly RunbookDirTexts[] | undefined;
}
