// One trail log file, streamed: gunzipped when it starts with the gzip magic bytes, cut into records
// by the RecordSplitter, which drops the records whose eventName cannot match (the prefilter), and
// the others parsed. A file
// of another accepted shape (one record, an EventBridge envelope…) is read whole (scan-whole.ts).
// A file that cannot be read or is not whole is reported; the records read before a file turned out
// cut short are kept.
import {tryParseRecord} from '../events/parse-record.js';
import type {FileSink} from './file-sink.js';
import {fsReason} from './fs-reason.js';
import {openLogBytes} from './log-bytes.js';
import {scanWhole} from './scan-whole.js';
import type {CannotMatch} from './prefilter.js';
import {defaultMaxRecordBytes, RecordSplitter, type SplitItem} from './record-splitter.js';

export interface FileScanOptions {
  /** Records whose eventName this says cannot match are counted, not parsed. */
  readonly cannotMatch?: CannotMatch | undefined;
  readonly maxRecordBytes?: number | undefined;
  /** Checked between chunks: the scan stops quietly once it is aborted. */
  readonly signal?: AbortSignal | undefined;
  /** Records this says cannot match are counted, not parsed (the actor's timeline searches their bytes first). */
  readonly bytesTest?: RecordBytesTest | undefined;
}

/** A test on a record's bytes before it is parsed; shown each chunk first, so it can search a chunk once rather than every record in it. */
export interface RecordBytesTest {
  /** The next chunk of the file's (gunzipped) bytes; the records that follow are views into it, or copies when they spanned chunks. */
  chunk(bytes: Buffer): void;
  /** false: the record, bytes[start, end), cannot match and is not parsed (asked before any object is made for it). */
  mayMatch(bytes: Buffer, start: number, end: number): boolean;
}

export interface FileScanResult {
  readonly isOpened: boolean;
  /** Bytes read from disk (compressed size for gzip). */
  readonly bytes: number;
  /** Records read (those that were malformed and reported are not counted). */
  readonly events: number;
}

/** Progress is reported once this many bytes were read, or this long after a chunk (a slow pipe still shows its records). */
const progressEveryBytes = 1 << 20;
const progressEveryMs = 100;

export async function scanFile(file: string, sink: FileSink, options: FileScanOptions): Promise<FileScanResult> {
  const maxRecordBytes = options.maxRecordBytes ?? defaultMaxRecordBytes;
  const input = openLogBytes(file);
  const {bytesTest} = options;
  const splitter = new RecordSplitter(maxRecordBytes, options.cannotMatch, bytesTest && ((bytes, start, end) => bytesTest.mayMatch(bytes, start, end)));
  /** Records parsed; those the splitter dropped unparsed (the prefilter, the bytes test) are in splitter.skipped. */
  let events = 0;
  let reported = {bytes: 0, events: 0};
  let timer: NodeJS.Timeout | undefined;
  const report = (): void => {
    clearTimeout(timer);
    timer = undefined;
    const read = events + splitter.skipped;
    sink.onProgress?.(input.bytesRead() - reported.bytes, read - reported.events);
    reported = {bytes: input.bytesRead(), events: read};
  };
  const take = (item: SplitItem): void => {
    const place = `Records[${item.index}]`;
    if (item.kind === 'tooLarge') {
      sink.onSkip(`${place}: skipped, ${item.bytes} bytes is larger than the ${maxRecordBytes} bytes a record may have`);
      return;
    }
    const text = item.bytes.toString('utf8');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      sink.onSkip(`${place}: not valid JSON (${error instanceof Error ? error.message.slice(0, 120) : 'parse error'})`);
      return;
    }
    const result = tryParseRecord(value);
    if (!result.ok) sink.onSkip(`${place}: ${result.problem}`);
    else {
      events++;
      sink.onRecord(result.record, text, item.index);
    }
  };
  // Stopped while waiting for bytes (a slow disk, a pipe): end the read now, not at the next chunk.
  const stop = (): void => input.close();
  options.signal?.addEventListener('abort', stop, {once: true});
  let isOpened = true;
  try {
    for await (const chunk of input.chunks) {
      bytesTest?.chunk(chunk);
      for (const item of splitter.push(chunk)) take(item);
      if (splitter.problem !== undefined || options.signal?.aborted === true) break;
      if (input.bytesRead() - reported.bytes >= progressEveryBytes) report();
      // While the next bytes are slow to come (a pipe), what was read is still reported.
      else timer ??= setTimeout(report, progressEveryMs);
    }
    const problem = options.signal?.aborted === true ? undefined : splitter.end();
    if (problem !== undefined && splitter.isOtherShape) events += await scanWhole(file, sink);
    else if (problem !== undefined) sink.onSkip(withKept(problem, splitter.count));
  } catch (error) {
    isOpened = input.bytesRead() > 0 || !isOpenError(error);
    if (options.signal?.aborted !== true) sink.onSkip(withKept(streamReason(error), splitter.count));
  } finally {
    options.signal?.removeEventListener('abort', stop);
    input.close();
    report();
  }
  return {isOpened, bytes: input.bytesRead(), events: events + splitter.skipped};
}

function isOpenError(error: unknown): boolean {
  const code = (error as {code?: unknown} | null)?.code;
  return code === 'ENOENT' || code === 'EACCES' || code === 'EPERM' || code === 'EISDIR';
}

function withKept(problem: string, count: number): string {
  return count === 0 ? problem : `${problem}; the ${count} record${count === 1 ? '' : 's'} before were read`;
}

function streamReason(error: unknown): string {
  const code = (error as {code?: unknown} | null)?.code;
  if (code === 'Z_BUF_ERROR' || (error instanceof Error && /unexpected end of file/i.test(error.message))) return 'cut short: the gzip data ends early';
  if (typeof code === 'string' && code.startsWith('Z_')) return `not valid gzip data (${code})`;
  return fsReason(error);
}
