// One file read in pieces gives exactly what reading it whole gives: the same matches with the same
// record indexes, the same counts, the same problems, whatever the piece size, with decoy record
// starts inside records (a nested {"eventVersion"…} after "},"), pretty-printed files (no record
// start to guess) and files cut short. Fixed seed; TRAILGUIDE_LONG=1 runs 20 times as many cases.
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {startTriage, type TriageResult} from '../../src/triage/triage-scan.js';

const scale = process.env['TRAILGUIDE_LONG'] === '1' ? 20 : 1;
const dir = mkdtempSync(join(tmpdir(), 'trailguide-pieces-'));
const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`../fixtures/events/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const bases = [fixture('CreateSecurityGroup/risky.json'), fixture('CreateRoute/benign.json'), {...fixture('CreateRoute/benign.json'), eventName: 'DescribeInstances'}];

const recordArb = fc.record({
  base: fc.integer({min: 0, max: bases.length - 1}),
  id: fc.integer({min: 0, max: 1e9}),
  // A nested list of objects whose second one starts like a record: a wrong guess for a piece.
  decoy: fc.boolean(),
});
const fileArb = fc.record({
  records: fc.array(recordArb, {minLength: 1, maxLength: 40}),
  isPretty: fc.boolean(),
  cut: fc.option(fc.integer({min: 1, max: 300}), {nil: undefined}),
  piece: fc.integer({min: 40, max: 3000}),
});

const view = (r: TriageResult) => ({matches: r.matches, events: r.summary.events, matched: r.summary.matched, skipped: r.summary.skipped});

describe('reading a file in pieces', () => {
  it('gives what reading it whole gives', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fileArb, async ({records, isPretty, cut, piece}) => {
        const list = records.map(({base, id, decoy}) => ({
          ...bases[base],
          eventID: `e-${id}`,
          ...(decoy ? {requestParameters: {items: [{a: 1}, {eventVersion: '1.08', eventName: 'CreateRoute'}]}} : {}),
        }));
        let text = JSON.stringify({Records: list}, null, isPretty ? 2 : undefined);
        if (cut !== undefined) text = text.slice(0, Math.max(1, text.length - cut));
        const file = join(dir, `f${n++}.json`);
        writeFileSync(file, text);
        const filter = {names: [], isAll: true};
        const whole = await startTriage([file], {filter, limit: 1000, jobs: 1}).done;
        const pieces = await startTriage([file], {filter, limit: 1000, jobs: 1, split: {from: 0, pieceBytes: piece, isPlain: () => true}}).done;
        expect(view(pieces)).toEqual(view(whole));
        expect(pieces.summary.files).toBe(1);
      }),
      {seed: 42, numRuns: 150 * scale},
    );
  }, 60_000 * scale);
});
