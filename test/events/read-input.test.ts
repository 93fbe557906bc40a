import {chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Readable} from 'node:stream';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';
import {afterAll, describe, expect, it} from 'vitest';
import {InputError} from '../../src/events/input-error.js';
import {formatBytes, readInput} from '../../src/events/read-input.js';

const publicFixtures = new URL('../fixtures/cloudtrail-public/', import.meta.url);
const logFile = fileURLToPath(new URL('218007301253_CloudTrail_us-east-1_20230710T1205Z_zs3JGxETHr59VpkX.json', publicFixtures));
const gzFile = fileURLToPath(new URL('218007301253_CloudTrail_us-east-1_20230710T1235Z_YbVFCP9AYzJDhHV9.json.gz', publicFixtures));

const dir = mkdtempSync(join(tmpdir(), 'trailguide-read-input-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function temp(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function problemOf(promise: Promise<unknown>): Promise<{message: string; source: string; place: string; problem: string}> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InputError) return {message: error.message, source: error.source, place: error.place, problem: error.problem};
    throw error;
  }
  throw new Error('expected an InputError');
}

const record = '{"eventName":"CreateRoute","eventSource":"ec2.amazonaws.com"}';

describe('readInput: files', () => {
  it('reads a plain JSON file as text, with the path as source', async () => {
    const {source, text} = await readInput(logFile);
    expect(source).toBe(logFile);
    expect(text).toBe(readFileSync(logFile, 'utf8'));
  });

  it('gunzips a .json.gz trail file', async () => {
    const {text} = await readInput(gzFile);
    expect(text.startsWith('{"Records":')).toBe(true);
    expect((JSON.parse(text) as {Records: unknown[]}).Records).toHaveLength(185);
  });

  it.each([
    {name: 'gzip named .json', file: 'really-gzip.json', content: gzipSync(record)},
    {name: 'plain JSON named .gz', file: 'not-gzip.json.gz', content: Buffer.from(record)},
  ])('detects gzip by its magic bytes, not the name: $name', async ({file, content}) => {
    expect((await readInput(temp(file, content))).text).toBe(record);
  });

  it.each([
    {name: 'UTF-8 BOM', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(record)])},
    {name: 'UTF-16LE BOM (Windows PowerShell)', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(record, 'utf16le')])},
  ])('decodes text with a $name', async ({bytes}) => {
    expect((await readInput(temp('bom.json', bytes))).text).toBe(record);
  });
});

describe('readInput: problems', () => {
  it('says a missing file is not found', async () => {
    const path = join(dir, 'missing.json');
    expect(await problemOf(readInput(path))).toEqual({message: `${path}: file not found`, source: path, place: '', problem: 'file not found'});
  });

  it('refuses a directory', async () => {
    expect((await problemOf(readInput(dir))).message).toBe(`${dir}: is a directory, not a file`);
  });

  it.skipIf(process.getuid?.() === 0)('says permission denied for an unreadable file', async () => {
    const path = temp('secret.json', record);
    chmodSync(path, 0o000);
    expect((await problemOf(readInput(path))).problem).toBe('permission denied');
  });

  it.each([
    {name: 'an empty file', content: ''},
    {name: 'only white space', content: ' \n\t\n'},
    {name: 'only a BOM', content: '\ufeff'},
    {name: 'an empty gzip member', content: gzipSync('')},
  ])('calls $name empty', async ({content}) => {
    expect((await problemOf(readInput(temp('empty.json', content)))).problem).toBe('the input is empty');
  });

  it('says a gzip file cut short is cut short', async () => {
    const whole = readFileSync(gzFile);
    const path = temp('cut.json.gz', whole.subarray(0, Math.floor(whole.length / 2)));
    expect((await problemOf(readInput(path))).message).toBe(`${path}: the gzip data is cut short`);
  });

  it('says corrupt gzip data is corrupt', async () => {
    const bytes = Buffer.from(gzipSync(record));
    bytes.fill(0x55, 10, 20);
    expect((await problemOf(readInput(temp('corrupt.gz', bytes)))).problem).toBe('the gzip data is corrupt');
  });

  it('caps the file size', async () => {
    const path = temp('big.json', record);
    expect((await problemOf(readInput(path, {maxBytes: 16}))).problem).toBe('the file is larger than 16 bytes');
  });

  it('caps the decompressed size (a gzip bomb stops at the cap)', async () => {
    const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect((await problemOf(readInput(temp('bomb.gz', bomb), {maxBytes: 1024 * 1024}))).problem).toBe(
      'the data is larger than 1 MiB once decompressed',
    );
  });
});

describe('readInput: stdin', () => {
  it('reads "-" from the given stream until its end, with source "stdin"', async () => {
    const stdin = Readable.from([Buffer.from(record.slice(0, 10)), Buffer.from(record.slice(10))]);
    expect(await readInput('-', {stdin})).toEqual({source: 'stdin', text: record});
  });

  it('gunzips gzip on stdin', async () => {
    expect((await readInput('-', {stdin: Readable.from([gzipSync(record)])})).text).toBe(record);
  });

  it('caps stdin', async () => {
    const stdin = Readable.from([Buffer.alloc(10, 0x20), Buffer.alloc(10, 0x20)]);
    expect((await problemOf(readInput('-', {stdin, maxBytes: 15}))).message).toBe('stdin: the input is larger than 15 bytes');
  });

  it('says empty stdin is empty', async () => {
    expect((await problemOf(readInput('-', {stdin: Readable.from([])}))).message).toBe('stdin: the input is empty');
  });

  it('refuses to wait on a terminal', async () => {
    const stdin = Object.assign(Readable.from([]), {isTTY: true});
    expect((await problemOf(readInput('-', {stdin}))).problem).toBe('stdin is a terminal: pipe an event in, or give a file path');
  });
});

describe('formatBytes', () => {
  it.each<[number, string]>([
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [1536, '1.5 KiB'],
    [256 * 1024 * 1024, '256 MiB'],
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('InputError', () => {
  it.each([
    {place: 'line 3, column 5', message: 'trail.json: line 3, column 5: not valid JSON'},
    {place: '', message: 'trail.json: not valid JSON'},
  ])('formats "$message"', ({place, message}) => {
    const error = new InputError('trail.json', place, 'not valid JSON');
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(message);
    expect(error.name).toBe('InputError');
  });
});
