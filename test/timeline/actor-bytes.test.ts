// The byte search before parsing must never drop a record of the actor, however the file is cut into
// chunks and however JSON spells the values (\/ for /, \u escapes), and should pass over the others.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseRecord} from '../../src/events/parse-record.js';
import {actorBytesTest} from '../../src/timeline/actor-bytes.js';
import {actorNeedles, actorOf, matchesActor} from '../../src/timeline/actor.js';
import {RecordSplitter} from '../../src/triage/record-splitter.js';

const log = new URL('../fixtures/cloudtrail-public/218007301253_CloudTrail_us-east-1_20230710T1205Z_zs3JGxETHr59VpkX.json', import.meta.url).pathname;
const records = (JSON.parse(readFileSync(log, 'utf8')) as {Records: Record<string, unknown>[]}).Records;
const sessionIndex = records.findIndex((r) => (r['userIdentity'] as {type?: string}).type === 'AssumedRole');
const actorResult = actorOf(parseRecord(records[sessionIndex], log, 'event'));
if (!actorResult.ok) throw new Error('fixture has no actor');
const actor = actorResult.actor;

/**
 * The file as another writer might spell it: two of the actor's records signed with another key (so
 * only their ARN makes them the actor's), one with "/" written "\/", one with a letter as \u0073.
 */
function respelled(): string {
  const texts = records.map((r) => JSON.stringify(r).replaceAll(actor.accessKeyId ?? '?', 'ASIAANOTHERKEY000000'));
  const mine = texts.flatMap((_text, i) => (matchesActor(parseRecord(records[i], log, 'r'), actor) ? [i] : []));
  const [a, b] = mine;
  if (a === undefined || b === undefined) throw new Error('need two records of the actor');
  texts[a] = (texts[a] as string).replaceAll('/', '\\/');
  texts[b] = (texts[b] as string).replace('stratus', '\\u0073tratus');
  return `{"Records":[${texts.join(',\n')}]}`;
}

/** The indexes of the records the test passes on, the file cut every `size` bytes (and once at random sizes). */
function candidates(bytes: Buffer, cuts: readonly number[]): Set<number> {
  const test = actorBytesTest(actorNeedles(actor));
  // As scanFile uses it: the splitter asks the test before it hands a record over.
  const splitter = new RecordSplitter(undefined, undefined, (b, start, end) => test.mayMatch(b, start, end));
  const found = new Set<number>();
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    const chunk = Buffer.from(bytes.subarray(at, cut)); // a chunk of its own, as a stream hands them over
    at = cut;
    test.chunk(chunk);
    for (const item of splitter.push(chunk)) if (item.kind === 'record') found.add(item.index);
  }
  expect(splitter.end()).toBeUndefined();
  return found;
}

describe('actorBytesTest', () => {
  const bytes = Buffer.from(respelled());
  const mine = records.flatMap((r, i) => (matchesActor(parseRecord(r, log, 'r'), actor) ? [i] : []));
  const every = (size: number): number[] => Array.from({length: Math.floor((bytes.length - 1) / size)}, (_x, k) => (k + 1) * size);

  it.each([
    ['the whole file in one chunk', []],
    ['1 MB chunks', every(1 << 20)],
    ['4 KB chunks (records span chunks)', every(4096)],
    ['7-byte chunks (the needles span chunks)', every(7)],
  ])('%s: every record of the actor is a candidate, the re-spelled ones too', (_name, cuts) => {
    const found = candidates(bytes, cuts);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    for (const index of mine) expect(found).toContain(index);
    // Selective: the user's records (no needle, no escape) are passed over.
    expect(found.size).toBeLessThan(10);
  });

  it('random cuts: never drops one of the actor\'s records (fixed seed)', () => {
    let seed = 17;
    const random = (): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    for (let round = 0; round < 30; round++) {
      const cuts: number[] = [];
      for (let at = Math.floor(random() * 3000); at < bytes.length; at += 1 + Math.floor(random() * 6000)) cuts.push(at);
      const found = candidates(bytes, cuts);
      for (const index of mine) expect(found, `round ${round}`).toContain(index);
    }
  });

  it('a record that names the actor only inside a string of another field is a candidate (parsing then decides)', () => {
    const test = actorBytesTest(actorNeedles(actor));
    const decoy = Buffer.from(JSON.stringify({eventName: 'X', requestParameters: {note: actor.arn}}));
    test.chunk(decoy);
    expect(test.mayMatch(decoy, 0, decoy.length)).toBe(true);
    expect(matchesActor(parseRecord({...JSON.parse(decoy.toString()) as object, eventSource: 's'}, 't', 'r'), actor)).toBe(false);
  });
});
