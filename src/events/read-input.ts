// The only file in events/ that touches the file system, stdin or zlib. It turns a path (or "-")
// into text: read with a byte cap, gunzip when the bytes say gzip (not the file name), decode
// UTF-8 (a BOM is dropped; a UTF-16 BOM, as Windows PowerShell writes, is honoured).
// Every failure is an InputError with a short problem; nothing here parses JSON.
import {createReadStream} from 'node:fs';
import {stat} from 'node:fs/promises';
import {createGunzip} from 'node:zlib';
import {InputError} from './input-error.js';

export const defaultMaxBytes = 256 * 1024 * 1024;

export interface ReadInputOptions {
  /** Read from this stream when the path is "-" (default: process.stdin). */
  readonly stdin?: NodeJS.ReadableStream;
  /** Cap on the bytes read and on the bytes after gunzip (default 256 MiB). */
  readonly maxBytes?: number;
}

export interface InputText {
  /** The path as given, or "stdin". */
  readonly source: string;
  readonly text: string;
}

export async function readInput(path: string, options: ReadInputOptions = {}): Promise<InputText> {
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const source = path === '-' ? 'stdin' : path;
  const fail = (problem: string): InputError => new InputError(source, '', problem);
  const failed = (error: unknown): InputError => fail(readProblem(error));

  let bytes: Buffer;
  if (path === '-') {
    const stdin = options.stdin ?? process.stdin;
    if ((stdin as {isTTY?: boolean}).isTTY === true) throw fail('stdin is a terminal: pipe an event in, or give a file path');
    bytes = await readCapped(stdin, maxBytes, () => fail(`the input is larger than ${formatBytes(maxBytes)}`), failed);
  } else {
    await checkFile(path, maxBytes, fail);
    bytes = await readCapped(createReadStream(path), maxBytes, () => fail(`the file is larger than ${formatBytes(maxBytes)}`), failed);
  }

  if (isGzip(bytes)) bytes = await gunzipCapped(bytes, maxBytes, fail);
  const text = decode(bytes);
  if (text.trim() === '') throw fail('the input is empty');
  return {source, text};
}

async function checkFile(path: string, maxBytes: number, fail: (problem: string) => InputError): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw fail(readProblem(error));
  }
  if (info.isDirectory()) throw fail('is a directory, not a file');
  // FIFOs and character devices (<(…), /dev/stdin) report size 0: the streaming cap covers them.
  if (info.isFile() && info.size > maxBytes) throw fail(`the file is larger than ${formatBytes(maxBytes)}`);
}

async function readCapped(
  stream: NodeJS.ReadableStream,
  maxBytes: number,
  tooLarge: () => InputError,
  failed: (error: unknown) => InputError,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      total += buffer.length;
      // Throwing out of the loop ends the iteration, which destroys the stream.
      if (total > maxBytes) throw tooLarge();
      chunks.push(buffer);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw failed(error);
  }
  return Buffer.concat(chunks, total);
}

async function gunzipCapped(data: Buffer, maxBytes: number, fail: (problem: string) => InputError): Promise<Buffer> {
  const gunzip = createGunzip();
  gunzip.end(data);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw fail(`the data is larger than ${formatBytes(maxBytes)} once decompressed`);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as {code?: unknown}).code;
    if (code === 'Z_BUF_ERROR') throw fail('the gzip data is cut short');
    throw fail('the gzip data is corrupt');
  }
  return Buffer.concat(chunks, total);
}

function isGzip(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // TextDecoder drops a UTF-8 BOM by default; malformed bytes become U+FFFD rather than failing.
  return new TextDecoder('utf-8').decode(bytes);
}

function readProblem(error: unknown): string {
  const code = (error as {code?: unknown} | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'file not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return typeof code === 'string' ? `cannot read the input (${code})` : 'cannot read the input';
  }
}

/** 268435456 → "256 MiB", 1536 → "1.5 KiB", 12 → "12 bytes". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}
