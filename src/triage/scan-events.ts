// What a scan of log files reports, task by task: the same messages whether the files are read in
// this thread or in worker threads (scan-engine.ts), so the caller cannot tell which. A task is a
// file, or a piece of a large one (src/triage/pieces.ts).
import type {FindingsConfig} from '../findings/finding.js';
import type {TriageFilter, TriageMatch} from './triage-match.js';

/** A piece of a large plain log file: from start to the first record at or after stop. */
export interface ScanRange {
  readonly start: number;
  /** The first record at or after it is the next piece's; Infinity: to the end. */
  readonly stop: number;
  /** false: start is the file's start (the first piece) or a record's first byte known for sure; true: find the first record at or after start. */
  readonly isSync: boolean;
}

export interface ScanTask {
  readonly id: number;
  readonly file: string;
  readonly range?: ScanRange | undefined;
}

/** Where a piece began and ended, for the seams to be checked (src/triage/pieces.ts). */
export interface PieceEnd {
  /** The file offset of its first record (null: no record start found before stop). */
  readonly began: number | null;
  /** The file offset of the first record at or after stop (null: the records ended first). */
  readonly next: number | null;
  /** Records it cut (their indexes count from 0 within the piece). */
  readonly records: number;
}

export type ScanEvent =
  /** A match that is among the best `limit` of its reader; text is the record's JSON. */
  | {readonly type: 'match'; readonly task: number; readonly match: TriageMatch; readonly text: string}
  /**
   * recordIndex: the reason is about Records[recordIndex]; recordsBefore: the file turned out broken
   * after that many records, which were read. Both count within the task (a piece counts from its start).
   */
  | {readonly type: 'skip'; readonly task: number; readonly path: string; readonly reason: string; readonly recordIndex?: number | undefined; readonly recordsBefore?: number | undefined}
  /** Counts since the last progress event. */
  | {readonly type: 'progress'; readonly task: number; readonly bytes: number; readonly events: number; readonly matched: number}
  | {readonly type: 'file-done'; readonly task: number; readonly path: string; readonly isOpened: boolean; readonly piece?: PieceEnd | undefined};

/** What every reader needs to know (plain data: it is sent to worker threads). */
export interface ScanSettings {
  readonly filter: TriageFilter;
  readonly limit: number;
  readonly maxRecordBytes?: number | undefined;
  /** --config, --known-accounts: the organisation's accounts, VPCs and allowlists, for the findings. */
  readonly findingsConfig?: FindingsConfig | undefined;
}
