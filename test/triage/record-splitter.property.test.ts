// Any list of JSON values, written with any spacing and cut into chunks anywhere, comes back as
// the same values.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {RecordSplitter} from '../../src/triage/record-splitter.js';

const nastyString = fc.string({unit: fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', ':', ' ', 'a', 'é', '😀', '\n', '\u001b')});
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
      {numRuns: 300},
    );
  });
});
