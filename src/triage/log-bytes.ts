// The bytes of one log file, gunzipped when its first two bytes are gzip's magic number. Read
// front to back without seeking, so a pipe works too (trailguide triage <(aws s3 cp … -)).
// A pipe is read as a socket (epoll), not through the thread pool: a read from a silent writer
// would otherwise block a pool thread, and Node waits for that thread even in process.exit.
import {constants, createReadStream, open, type Stats} from 'node:fs';
import {readFile, stat} from 'node:fs/promises';
import {Socket} from 'node:net';
import {Readable} from 'node:stream';
import {promisify} from 'node:util';
import {createGunzip, gunzipSync} from 'node:zlib';

export interface LogBytes {
  readonly chunks: AsyncIterable<Buffer>;
  /** Bytes read from the file so far (compressed size for gzip). */
  bytesRead(): number;
  /** Stop reading now (also while waiting for bytes): the chunks end. */
  close(): void;
}

const openFd = promisify(open);

/**
 * A log file as CloudTrail writes it (a few MB at most) is read and gunzipped in one go, on the
 * reading thread: measured, that costs about a seventh less CPU than a stream through the thread
 * pool (fewer buffers, no hand-offs), and triage reads in worker threads. Larger files, and data that
 * would unzip past wholeOutputMax (which also bounds the memory of each file in flight), stream.
 */
const wholeMax = 4 * 1024 * 1024;
const wholeOutputMax = 16 * 1024 * 1024;

async function whole(file: string, info: Stats): Promise<{bytes: Buffer; read: number} | undefined> {
  if (!info.isFile() || info.size > wholeMax) return undefined;
  const data = await readFile(file);
  if (data[0] !== 0x1f || data[1] !== 0x8b) return {bytes: data, read: data.length};
  try {
    return {bytes: gunzipSync(data, {maxOutputLength: wholeOutputMax}), read: data.length};
  } catch {
    // Too large, cut short or not gzip: the stream reads what can be read and says what is wrong.
    return undefined;
  }
}

/** A regular file through the thread pool (fast, large reads); a pipe or socket as a non-blocking stream. */
async function sourceOf(file: string, info: Stats): Promise<Readable & {readonly bytesRead: number}> {
  if (!info.isFIFO() && !info.isSocket()) return createReadStream(file, {highWaterMark: 1 << 20});
  const fd = await openFd(file, constants.O_RDONLY | constants.O_NONBLOCK);
  return new Socket({fd, readable: true, writable: false});
}

export function openLogBytes(file: string): LogBytes {
  let source: (Readable & {readonly bytesRead: number}) | undefined;
  let gunzip: ReturnType<typeof createGunzip> | undefined;
  let isClosed = false;
  let wholeRead = 0;
  async function* chunks(): AsyncGenerator<Buffer> {
    const info = await stat(file);
    const small = await whole(file, info);
    if (small) {
      wholeRead = small.read;
      if (!isClosed) yield small.bytes;
      return;
    }
    source = await sourceOf(file, info);
    if (isClosed) return;
    const raw = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    let head: Buffer = Buffer.alloc(0);
    let isEnded = false;
    while (head.length < 2 && !isEnded) {
      const next = await raw.next();
      if (next.done === true) isEnded = true;
      else head = head.length === 0 ? next.value : Buffer.concat([head, next.value]);
    }
    async function* rest(): AsyncGenerator<Buffer> {
      if (head.length > 0) yield head;
      for (let next = isEnded ? undefined : await raw.next(); next && next.done !== true; next = await raw.next()) yield next.value;
    }
    if (head[0] !== 0x1f || head[1] !== 0x8b) {
      yield* rest();
      return;
    }
    gunzip = createGunzip({chunkSize: 1 << 18});
    const compressed = Readable.from(rest());
    compressed.on('error', (error) => gunzip?.destroy(error));
    yield* compressed.pipe(gunzip) as AsyncIterable<Buffer>;
  }
  return {
    chunks: chunks(),
    bytesRead: () => source?.bytesRead ?? wholeRead,
    close() {
      isClosed = true;
      gunzip?.destroy();
      source?.destroy();
    },
  };
}
