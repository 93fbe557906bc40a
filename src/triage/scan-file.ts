// One trail log file, streamed: gunzipped when it starts with the gzip magic bytes, cut into records
// by the RecordSplitter, which drops the records whose eventName cannot match (the prefilter), and
// the others parsed. A file of another accepted shape (one record, an EventBridge envelope…) is read
// whole (scan-whole.ts). A file that cannot be read or is not whole is reported; the records read
// before a file turned out cut short are kept. A piece of a large file is read by scan-piece.ts,
// with the same record taker and progress.
import {tryParseRecord} from '../events/parse-record.js';
import type {CloudTrailRecord} from '../events/record.js';
import {fsReason} from './fs-reason.js';
import {openLogBytes, type LogBytes} from './log-bytes.js';
import {scanWhole} from './scan-whole.js';
import type {CannotMatch} from './prefilter.js';
import {defaultMaxRecordBytes, RecordSplitter, type SplitItem} from './record-splitter.js';

export interface FileSink {
  /** A record that may match and parsed; text is its JSON as read. */
  onRecord(record: CloudTrailRecord, text: string, index: number): void;
  /** recordIndex: the reason is about that record; recordsBefore: the file broke after that many records, which were read. */
  onSkip(reason: string, recordIndex?: number, recordsBefore?: number): void;
  /** Progress: bytes read from disk and records read since the last call. */
  onProgress?(bytes: number, events: number): void;
}

export interface FileScanOptions {
  /** Records whose eventName this says cannot match are counted, not parsed. */
  readonly cannotMatch?: CannotMatch | undefined;
  readonly maxRecordBytes?: number | undefined;
  /** Checked between chunks: the scan stops quietly once it is aborted. */
  readonly signal?: AbortSignal | undefined;
}

export interface FileScanResult {
  readonly isOpened: boolean;
  /** Bytes read from disk (compressed size for gzip). */
  readonly bytes: number;
  /** Records read (those that were malformed and reported are not counted). */
  readonly events: number;
}

/** Parses the records the splitter hands over and reports each one or its problem. */
export function recordTaker(sink: FileSink, maxRecordBytes: number): {take(item: SplitItem): void; readonly parsed: number} {
  let parsed = 0;
  return {
    take(item) {
      if (item.kind === 'tooLarge') {
        sink.onSkip(`skipped, ${item.bytes} bytes is larger than the ${maxRecordBytes} bytes a record may have`, item.index);
        return;
      }
      const text = item.bytes.toString('utf8');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        sink.onSkip(`not valid JSON (${error instanceof Error ? error.message.slice(0, 120) : 'parse error'})`, item.index);
        return;
      }
      const result = tryParseRecord(value);
      if (!result.ok) sink.onSkip(result.problem, item.index);
      else {
        parsed++;
        sink.onRecord(result.record, text, item.index);
      }
    },
    get parsed() {
      return parsed;
    },
  };
}

/** Progress is reported once this many bytes were read, or this long after a chunk (a slow pipe still shows its records). */
const progressEveryBytes = 1 << 20;
const progressEveryMs = 100;

/** Reports progress to the sink: after(chunk) as bytes come, flush() at the end. */
export function progressReporter(sink: FileSink, input: LogBytes, events: () => number): {after(): void; flush(): void} {
  let reported = {bytes: 0, events: 0};
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    const read = events();
    sink.onProgress?.(input.bytesRead() - reported.bytes, read - reported.events);
    reported = {bytes: input.bytesRead(), events: read};
  };
  return {
    after() {
      if (input.bytesRead() - reported.bytes >= progressEveryBytes) flush();
      // While the next bytes are slow to come (a pipe), what was read is still reported.
      else timer ??= setTimeout(flush, progressEveryMs);
    },
    flush,
  };
}

export async function scanFile(file: string, sink: FileSink, options: FileScanOptions): Promise<FileScanResult> {
  const maxRecordBytes = options.maxRecordBytes ?? defaultMaxRecordBytes;
  const input = openLogBytes(file);
  const splitter = new RecordSplitter(maxRecordBytes, options.cannotMatch);
  const taker = recordTaker(sink, maxRecordBytes);
  let whole = 0;
  // Parsed records, and those the splitter dropped unparsed.
  const events = (): number => taker.parsed + splitter.skipped + whole;
  const progress = progressReporter(sink, input, events);
  // Stopped while waiting for bytes (a slow disk, a pipe): end the read now, not at the next chunk.
  const stop = (): void => input.close();
  options.signal?.addEventListener('abort', stop, {once: true});
  let isOpened = true;
  try {
    for await (const chunk of input.chunks) {
      for (const item of splitter.push(chunk)) taker.take(item);
      if (splitter.problem !== undefined || options.signal?.aborted === true) break;
      progress.after();
    }
    const problem = options.signal?.aborted === true ? undefined : splitter.end();
    if (problem !== undefined && splitter.isOtherShape) whole = await scanWhole(file, sink);
    else if (problem !== undefined) sink.onSkip(problem, undefined, splitter.count);
  } catch (error) {
    isOpened = input.bytesRead() > 0 || !isOpenError(error);
    if (options.signal?.aborted !== true) sink.onSkip(streamReason(error), undefined, splitter.count);
  } finally {
    options.signal?.removeEventListener('abort', stop);
    input.close();
    progress.flush();
  }
  return {isOpened, bytes: input.bytesRead(), events: events()};
}

function isOpenError(error: unknown): boolean {
  const code = (error as {code?: unknown} | null)?.code;
  return code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'EISDIR';
}

/** A file's problem, and what of it was read before. */
export function withKept(problem: string, count: number): string {
  return count === 0 ? problem : `${problem}; the ${count} record${count === 1 ? '' : 's'} before were read`;
}

export function streamReason(error: unknown): string {
  const code = (error as {code?: unknown} | null)?.code;
  if (code === 'Z_BUF_ERROR' || (error instanceof Error && /unexpected end of file/i.test(error.message))) return 'cut short: the gzip data ends early';
  if (typeof code === 'string' && code.startsWith('Z_')) return `not valid gzip data (${code})`;
  return fsReason(error);
}
