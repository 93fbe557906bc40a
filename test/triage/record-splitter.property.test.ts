// Any list of JSON values, written with any spacing and cut into chunks anywhere, comes back as
// the same values; and when the splitter says where a record's eventName is, it is right. Fixed
// seed; TRAILGUIDE_LONG=1 runs 20 times as many cases.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {RecordSplitter} from '../../src/triage/record-splitter.js';

const nastyString = fc.string({unit: fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', ':', ' ', 'a', 'é', '😀', '\n', '\u001b')});
const scale = process.env['TRAILGUIDE_LONG'] === '1' ? 20 : 1;
const value = fc.letrec((tie) => ({
  value: fc.oneof({depthSize: 'small'}, nastyString, fc.integer(), fc.double({noNaN: true, noDefaultInfinity: true}), fc.boolean(), fc.constant(null), fc.array(tie('value'), {maxLength: 4}), fc.dictionary(nastyString, tie('value'), {maxKeys: 4})),
})).value;

describe('RecordSplitter (property)', () => {
  it('cuts any records array back into its values, whatever the chunking and spacing', () => {
    fc.assert(
      fc.property(fc.array(value, {maxLength: 6}), fc.array(fc.integer({min: 1, max: 17}), {minLength: 1, maxLength: 10}), fc.boolean(), (records, sizes, isPretty) => {
        const text = JSON.stringify({before: records[0] ?? null, Records: records, after: 'x'}, null, isPretty ? 2 : undefined);
        const bytes = Buffer.from(text);
        const splitter = new RecordSplitter();
        const out: unknown[] = [];
        for (let i = 0, n = 0; i < bytes.length; n++) {
          const size = sizes[n % sizes.length] ?? 1;
          for (const item of splitter.push(bytes.subarray(i, i + size))) if (item.kind === 'record') out.push(JSON.parse(item.bytes.toString('utf8')));
          i += size;
        }
        expect(splitter.end()).toBeUndefined();
        expect(out).toEqual(JSON.parse(JSON.stringify(records)));
      }),
      {numRuns: 300 * scale, seed: 6},
    );
  });

  it('is never wrong about where a record\'s eventName is, whatever the keys, spacing and chunking', () => {
    const name = fc.oneof(nastyString, fc.constantFrom('CreateRoute', 'DescribeInstances'));
    const record = fc.oneof(
      fc.record({eventName: fc.oneof(name, value), other: value}),
      fc.dictionary(fc.oneof(nastyString, fc.constant('eventName')), value, {maxKeys: 5}),
      value,
    );
    fc.assert(
      fc.property(fc.array(record, {minLength: 1, maxLength: 5}), fc.integer({min: 1, max: 40}), fc.boolean(), fc.boolean(), (records, size, isPretty, isDuplicated) => {
        let text = JSON.stringify({Records: records}, null, isPretty ? 2 : undefined);
        // A second eventName key in the first object record (JSON.parse keeps the last).
        if (isDuplicated) text = text.replace(/"Records": ?\[\s*\{(?!\s*\})/, (m) => `${m}"eventName":"Decoy",`);
        const bytes = Buffer.from(text);
        const parsed = (JSON.parse(text) as {Records: unknown[]}).Records;
        const splitter = new RecordSplitter();
        let index = 0;
        for (let i = 0; i < bytes.length; i += size) {
          for (const item of splitter.push(bytes.subarray(i, i + size))) {
            if (item.kind !== 'record') continue;
            const expected = parsed[index++] as {eventName?: unknown} | null;
            if (item.eventNameAt === undefined) continue;
            expect(typeof expected === 'object' && expected !== null && !Array.isArray(expected)).toBe(true);
            expect(item.bytes.toString('utf8', ...item.eventNameAt)).toBe(expected?.eventName);
          }
        }
        expect(splitter.end()).toBeUndefined();
        expect(index).toBe(parsed.length);
      }),
      {numRuns: 1000 * scale, seed: 7},
    );
  });
});
