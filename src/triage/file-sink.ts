// Where a scanned log file's records go, whether it is streamed (scan-file.ts) or read whole (scan-whole.ts).
import type {CloudTrailRecord} from '../events/record.js';

export interface FileSink {
  /** A record that may match and parsed; text is its JSON as read. */
  onRecord(record: CloudTrailRecord, text: string, index: number): void;
  onSkip(reason: string): void;
  /** Progress: bytes read from disk and records read since the last call. */
  onProgress?(bytes: number, events: number): void;
}
