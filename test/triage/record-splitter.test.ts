import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {RecordSplitter, type SplitItem} from '../../src/triage/record-splitter.js';

const publicDir = new URL('../fixtures/cloudtrail-public/', import.meta.url).pathname;
const logFile = readFileSync(`${publicDir}218007301253_CloudTrail_us-east-1_20230710T1205Z_zs3JGxETHr59VpkX.json`);

function split(input: string | Buffer, chunkSize = Number.POSITIVE_INFINITY, max?: number): {items: SplitItem[]; problem: string | undefined} {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  const splitter = new RecordSplitter(max);
  const items: SplitItem[] = [];
  const size = Math.min(chunkSize, bytes.length || 1);
  for (let i = 0; i < bytes.length && splitter.problem === undefined; i += size) items.push(...splitter.push(bytes.subarray(i, i + size)));
  return {items, problem: splitter.end()};
}

const texts = (items: SplitItem[]): string[] => items.map((item) => (item.kind === 'record' ? item.bytes.toString('utf8') : `<${item.bytes} bytes>`));

describe('RecordSplitter', () => {
  it('cuts a real trail log file into the same records as JSON.parse, whatever the chunk size', () => {
    const expected = (JSON.parse(logFile.toString('utf8')) as {Records: unknown[]}).Records;
    for (const chunkSize of [1, 7, 4096, Number.POSITIVE_INFINITY]) {
      const {items, problem} = split(logFile, chunkSize);
      expect(problem).toBeUndefined();
      expect(texts(items).map((text) => JSON.parse(text) as unknown)).toEqual(expected);
    }
  });

  const tricky = [
    {eventName: 'a}b{c', note: 'quote " and \\ backslash', nested: {x: ['}', '{', ']', '[']}},
    {eventName: '\\', s: '\\"}', t: 'ends with a backslash \\\\'},
    {eventName: 'ünïcødé ✓ 😀', u: '\u0000\u001b[31m'},
  ];

  it.each([1, 2, 3, 5, 64])('keeps braces, quotes and escapes inside strings, and multi-byte characters, in %i-byte chunks', (chunkSize) => {
    const {items, problem} = split(JSON.stringify({Records: tricky}), chunkSize);
    expect(problem).toBeUndefined();
    expect(texts(items).map((text) => JSON.parse(text) as unknown)).toEqual(tricky);
  });

  it('skips other top-level keys (before and after Records), whitespace and a BOM', () => {
    const input = `\uFEFF \n{"other": {"Records": [1]}, "n": -1.5e3, "s": "x]}", "Records" : [ {"a":1} ,\n{"b":[2]} ], "z": null}\n`;
    expect(texts(split(input, 1).items)).toEqual(['{"a":1}', '{"b":[2]}']);
    expect(split(input).problem).toBeUndefined();
  });

  it('passes a non-object element on (JSON.parse and the record check say what it is)', () => {
    expect(texts(split('{"Records": [1, "two", null, [3]]}', 1).items)).toEqual(['1', '"two"', 'null', '[3]']);
  });

  it('skips a record larger than the limit and keeps the next one', () => {
    const big = JSON.stringify({eventName: 'x'.repeat(1000)});
    for (const chunkSize of [1, 100, 10_000]) {
      const {items, problem} = split(`{"Records": [${big}, {"a": 1}]}`, chunkSize, 500);
      expect(problem).toBeUndefined();
      expect(items[0]).toEqual({kind: 'tooLarge', index: 0, bytes: big.length});
      expect(texts(items.slice(1))).toEqual(['{"a": 1}']);
    }
  });

  it.each([
    ['', 'the file is empty'],
    ['  \n', 'the file is empty'],
    ['hello', "not JSON: starts with 'h'"],
    ['[{"eventName": "x"}]', 'not a CloudTrail log file: a JSON array'],
    ['{"hello": "world"}', 'not a CloudTrail log file: no "Records" array'],
    ['{"Records": {"a": 1}}', '"Records" is not an array'],
    ['{"Records": [{"a": 1}, {"b": "cut', 'cut short: the JSON ends early after 1 record'],
    ['{"Records": [{"a": 1}]', 'cut short'],
    ['{"Records": [{"a": 1},]}', "not JSON: unexpected ']' at byte 22"],
    ['{"Records": [{"a": 1}] x}', "not JSON: unexpected 'x'"],
    ['{"Records": []} trailing', "unexpected 't' at byte 16 after the end"],
  ])('%j → %s', (input, problem) => {
    for (const chunkSize of [1, Number.POSITIVE_INFINITY]) expect(split(input, chunkSize).problem).toContain(problem);
  });

  it('reports records cut before a failure', () => {
    const {items, problem} = split('{"Records": [{"a": 1}, {"b": 2}] ]', 1);
    expect(items).toHaveLength(2);
    expect(problem).toContain("unexpected ']'");
  });
});
