// The file side of triage: walks the given files and folders (the S3 layout
// AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/ included), streams each log file, gunzipped
// when it starts with the gzip magic bytes, through the RecordSplitter, and hands over one parsed
// record at a time. A file that cannot be read or is not a whole CloudTrail log file is reported
// and the scan goes on; records read before a file turned out cut short are kept.
import {open, readdir, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {createGunzip} from 'node:zlib';
import {tryParseRecord} from '../events/parse-record.js';
import type {CloudTrailRecord} from '../events/record.js';
import {defaultMaxRecordBytes, RecordSplitter, type SplitItem} from './record-splitter.js';

export interface ScanSink {
  onRecord(record: CloudTrailRecord, file: string): void;
  onSkip(path: string, reason: string): void;
}

export interface ScanStats {
  /** Log files opened. */
  files: number;
  /** Bytes read from disk (compressed size for .gz). */
  bytes: number;
  /** Records parsed. */
  events: number;
  /** Command-line paths that exist and could be read. */
  readablePaths: number;
}

const logFileName = /\.json(?:\.gz)?$/i;

export async function scanPaths(paths: readonly string[], sink: ScanSink, maxRecordBytes = defaultMaxRecordBytes): Promise<ScanStats> {
  const stats: ScanStats = {files: 0, bytes: 0, events: 0, readablePaths: 0};
  for (const path of paths) {
    const kind = await stat(path).then((s) => (s.isDirectory() ? 'dir' : 'file'), (error: unknown) => error);
    if (kind !== 'dir' && kind !== 'file') {
      sink.onSkip(path, fsReason(kind));
      continue;
    }
    stats.readablePaths++;
    if (kind === 'file') await scanFile(path, sink, stats, maxRecordBytes);
    else for await (const file of logFilesUnder(path, sink)) await scanFile(file, sink, stats, maxRecordBytes);
  }
  return stats;
}

/** Log files under dir, depth first, in name order (symbolic links are not followed). */
async function* logFilesUnder(dir: string, sink: ScanSink): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, {withFileTypes: true});
  } catch (error) {
    sink.onSkip(dir, fsReason(error));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* logFilesUnder(path, sink);
    else if (entry.isFile() && logFileName.test(entry.name)) yield path;
  }
}

async function scanFile(file: string, sink: ScanSink, stats: ScanStats, maxRecordBytes: number): Promise<void> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    sink.onSkip(file, fsReason(error));
    return;
  }
  stats.files++;
  const magic = Buffer.alloc(2);
  const source = handle.createReadStream({start: 0, highWaterMark: 1 << 16}); // closes the handle when done
  const splitter = new RecordSplitter(maxRecordBytes);
  try {
    const {bytesRead} = await handle.read(magic, 0, 2, 0);
    const isGzip = bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
    const input = isGzip ? source.pipe(createGunzip()) : source;
    if (isGzip) source.on('error', (error) => input.destroy(error));
    for await (const chunk of input as AsyncIterable<Buffer>) {
      for (const item of splitter.push(chunk)) take(item, file, sink, stats, maxRecordBytes);
      if (splitter.problem !== undefined) {
        input.destroy();
        break;
      }
    }
    const problem = splitter.end();
    if (problem !== undefined) sink.onSkip(file, withKept(problem, splitter.count));
  } catch (error) {
    sink.onSkip(file, withKept(streamReason(error), splitter.count));
  } finally {
    stats.bytes += source.bytesRead;
    source.destroy();
  }
}

function take(item: SplitItem, file: string, sink: ScanSink, stats: ScanStats, maxRecordBytes: number): void {
  const place = `Records[${item.index}]`;
  if (item.kind === 'tooLarge') {
    sink.onSkip(file, `${place}: skipped, ${item.bytes} bytes is larger than the ${maxRecordBytes} bytes a record may have`);
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(item.text);
  } catch (error) {
    sink.onSkip(file, `${place}: not valid JSON (${error instanceof Error ? error.message.slice(0, 120) : 'parse error'})`);
    return;
  }
  const result = tryParseRecord(value);
  if (!result.ok) sink.onSkip(file, `${place}: ${result.problem}`);
  else {
    stats.events++;
    sink.onRecord(result.record, file);
  }
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

function fsReason(error: unknown): string {
  const code = (error as {code?: unknown} | null)?.code;
  if (code === 'ENOENT') return 'not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}
