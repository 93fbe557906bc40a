// Hostile input, generated: whatever text or bytes arrive, ingest either yields records (each with a
// string eventName and eventSource) or throws the documented InputError with a one-line problem —
// never another exception, never a hang. Seeds are fixed so CI is deterministic; TRAILGUIDE_LONG=1
// runs every property 20 times longer.
import {Readable} from 'node:stream';
import {gzipSync} from 'node:zlib';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {InputError} from '../../src/events/input-error.js';
import {parseEvents} from '../../src/events/parse-events.js';
import {readInput} from '../../src/events/read-input.js';

const scale = process.env['TRAILGUIDE_LONG'] === '1' ? 20 : 1;
const runs = (n: number): number => n * scale;
const longTimeout = 60_000 * scale;
/** One case may take this long at most (the slowest real ones, 100 KB strings, take a few ms). */
const perCaseMs = 2_000;
const source = 'hostile.json';

type Outcome = {readonly ok: true; readonly eventNames: readonly string[]} | {readonly ok: false; readonly error: InputError};

/** The property every case must hold; returns what happened for properties that expect more. */
function ingest(text: string): Outcome {
  const started = performance.now();
  let outcome: Outcome;
  try {
    const {records} = parseEvents(text, source);
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      expect(typeof record.eventName).toBe('string');
      expect(typeof record.eventSource).toBe('string');
    }
    outcome = {ok: true, eventNames: records.map((r) => r.eventName)};
  } catch (error) {
    expectInputError(error);
    outcome = {ok: false, error: error as InputError};
  }
  expect(performance.now() - started).toBeLessThan(perCaseMs);
  return outcome;
}

function expectInputError(error: unknown): void {
  if (!(error instanceof InputError)) throw new Error(`not an InputError: ${String(error)}`, {cause: error});
  expect(error.problem.trim()).not.toBe('');
  expect(error.problem).not.toMatch(/[\n\r\u2028\u2029]/);
  expect(error.place).not.toMatch(/[\n\r\u2028\u2029]/);
}

// ---- generators -------------------------------------------------------------------------------

const controlChar = fc.integer({min: 0, max: 0x1f}).map((c) => String.fromCharCode(c));
const nastyString = fc.oneof(
  fc.string(),
  fc.string({unit: 'binary'}),
  fc.string({unit: controlChar}),
  fc.string({unit: fc.constantFrom('\u0000', '\u001b', '\u202e', '\u2028', '\ufeff', '\ud800', '\udfff', '"', '\\', '{', '[')}),
  fc.constantFrom('', ' ', '\t', 'CreateSecurityGroup', 'ec2.amazonaws.com', '__proto__', 'constructor', 'toString'),
);
/** Up to ~100 KB, built by repetition so generating it stays cheap. */
const hugeString = fc.tuple(fc.string({unit: 'binary', minLength: 1, maxLength: 8}), fc.integer({min: 1, max: 12_500})).map(([s, n]) => s.repeat(n));

/** Any JSON value, including the wrong type for whatever field it lands in. */
const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  {weight: 3, arbitrary: fc.jsonValue({maxDepth: 3})},
  {weight: 1, arbitrary: nastyString},
  {weight: 1, arbitrary: fc.constantFrom(null, true, 0, -1, 1e308, [], {})},
);

/** requestParameters nested up to a few thousand levels. */
const deepObject = fc.tuple(fc.integer({min: 1, max: 2_000}), fc.constantFrom('object', 'array')).map(([depth, kind]) => {
  let value: unknown = 'sg-0123456789abcdef0';
  for (let i = 0; i < depth; i += 1) value = kind === 'object' ? {groupId: value} : [value];
  return value;
});

const fieldNames = ['eventTime', 'eventVersion', 'eventID', 'eventType', 'awsRegion', 'sourceIPAddress', 'userAgent', 'errorCode', 'errorMessage', 'recipientAccountId', 'readOnly', 'sessionCredentialFromConsole'] as const;

const userIdentity = fc.oneof(
  anyJson,
  fc.record(
    {
      type: anyJson,
      arn: nastyString,
      accountId: anyJson,
      sessionContext: fc.oneof(anyJson, fc.record({sessionIssuer: anyJson, attributes: fc.record({mfaAuthenticated: anyJson, creationDate: anyJson})})),
    },
    {requiredKeys: []},
  ),
);

/** A record whose eventName/eventSource are sometimes valid, and whose every field may have the wrong type. */
const recordLike = fc
  .record(
    {
      eventName: fc.oneof({weight: 3, arbitrary: fc.constantFrom('CreateSecurityGroup', 'AuthorizeSecurityGroupIngress', 'RunInstances')}, {weight: 2, arbitrary: nastyString}, {weight: 1, arbitrary: anyJson}),
      eventSource: fc.oneof({weight: 4, arbitrary: fc.constant('ec2.amazonaws.com')}, {weight: 1, arbitrary: nastyString}, {weight: 1, arbitrary: anyJson}),
      userIdentity,
      requestParameters: fc.oneof(anyJson, deepObject, fc.dictionary(nastyString, anyJson, {maxKeys: 5})),
      responseElements: anyJson,
      ...Object.fromEntries(fieldNames.map((name) => [name, fc.oneof(nastyString, anyJson)])),
    },
    {requiredKeys: []},
  )
  .map((record) => record as Record<string, unknown>);

const detailType = fc.constantFrom('AWS API Call via CloudTrail', 'AWS Console Signin via CloudTrail', 'Scheduled Event', 'x via CloudTrail\n');

/** A list entry in any of the shapes a list may hold. */
const entry = fc.oneof(
  {weight: 4, arbitrary: recordLike},
  {weight: 1, arbitrary: fc.tuple(recordLike, detailType).map(([detail, type]) => ({'detail-type': type, detail}))},
  {weight: 1, arbitrary: recordLike.map((r) => ({CloudTrailEvent: JSON.stringify(r)}))},
  {weight: 1, arbitrary: fc.record({CloudTrailEvent: anyJson})},
  {weight: 1, arbitrary: anyJson},
);

/** Every accepted shape, wrapped around generated records (as a value; the text is its JSON). */
const shaped: fc.Arbitrary<unknown> = fc.oneof(
  recordLike,
  fc.record({Records: fc.array(entry, {maxLength: 6})}),
  fc.record({Records: anyJson}),
  fc.tuple(recordLike, detailType).map(([detail, type]) => ({version: '0', 'detail-type': type, source: 'aws.ec2', detail})),
  fc.record({Events: fc.array(entry.map((e) => ({EventId: 'x', CloudTrailEvent: typeof e === 'string' ? e : JSON.stringify(e)})), {maxLength: 6})}),
  fc.record({Events: anyJson}),
  fc.record({CloudTrailEvent: fc.oneof(recordLike.map((r) => JSON.stringify(r)), anyJson)}),
  fc.array(entry, {maxLength: 6}),
  anyJson,
);

function stringify(value: unknown, indent: number): string {
  return JSON.stringify(value, null, indent) ?? 'undefined';
}
/** Compact or pretty-printed; deep values stay compact (indentation would grow them quadratically). */
const shapedText = fc.tuple(shaped, fc.boolean()).map(([value, isPretty]) => {
  const compact = stringify(value, 0);
  return isPretty && compact.length < 20_000 ? stringify(value, 2) : compact;
});

/** Raw JSON text with duplicated keys (the last one wins in JSON.parse). */
const duplicatedKeysText = fc
  .array(
    fc.tuple(
      fc.constantFrom('eventName', 'eventSource', 'Records', 'Events', 'CloudTrailEvent', 'detail', 'detail-type', 'requestParameters', '__proto__'),
      fc.oneof(anyJson, fc.constant('CreateRoute'), fc.constant('ec2.amazonaws.com'), fc.constant([{eventName: 'A', eventSource: 'b'}])),
    ),
    {minLength: 1, maxLength: 10},
  )
  .map((pairs) => `{${pairs.map(([key, value]) => `${JSON.stringify(key)}:${stringify(value, 0)}`).join(',')}}`);

/** A text cut at a random offset. */
const truncated = fc.tuple(shapedText, fc.double({min: 0, max: 1, noNaN: true})).map(([text, at]) => text.slice(0, Math.floor(text.length * at)));

/** Random byte mutations of a valid text, decoded again as UTF-8 (invalid bytes become U+FFFD). */
const mutationsOf = (bytes: Uint8Array): fc.Arbitrary<Buffer> =>
  fc.array(fc.tuple(fc.nat(), fc.integer({min: 0, max: 255}), fc.constantFrom('set', 'insert', 'delete')), {minLength: 1, maxLength: 8}).map((edits) => {
    let out = Buffer.from(bytes);
    for (const [position, byte, kind] of edits) {
      const at = position % (out.length + 1);
      if (kind === 'set' && at < out.length) out[at] = byte;
      else if (kind === 'insert') out = Buffer.concat([out.subarray(0, at), Buffer.from([byte]), out.subarray(at)]);
      else out = Buffer.concat([out.subarray(0, at), out.subarray(at + 1)]);
    }
    return out;
  });
const mutatedText = shapedText.chain((text) => mutationsOf(Buffer.from(text, 'utf8'))).map((bytes) => bytes.toString('utf8'));

// ---- properties -------------------------------------------------------------------------------

describe('ingest: hostile input yields records or an InputError, nothing else', () => {
  it('every accepted shape, with wrong types in every field', () => {
    fc.assert(fc.property(shapedText, (text) => void ingest(text)), {seed: 20_261_125, numRuns: runs(3_000)});
  }, longTimeout);

  it('a record with a valid eventName and eventSource is always read, whatever its other fields', () => {
    const valid = fc.tuple(recordLike, nastyString, nastyString).filter(([, name, src]) => name.trim() !== '' && src.trim() !== '');
    fc.assert(
      fc.property(valid, fc.constantFrom('record', 'log-file', 'eventbridge', 'lookup-events', 'array'), ([fields, eventName, eventSource], shape) => {
        const record = {...fields, eventName, eventSource};
        const value = {
          record,
          'log-file': {Records: [record]},
          eventbridge: {'detail-type': 'AWS API Call via CloudTrail', detail: record},
          'lookup-events': {Events: [{CloudTrailEvent: JSON.stringify(record)}]},
          array: [record],
        }[shape];
        const outcome = ingest(JSON.stringify(value));
        expect(outcome).toEqual({ok: true, eventNames: [eventName]});
      }),
      {seed: 11_250_001, numRuns: runs(1_000)},
    );
  }, longTimeout);

  it('duplicated keys in the raw JSON text', () => {
    fc.assert(fc.property(duplicatedKeysText, (text) => void ingest(text)), {seed: 11_250_002, numRuns: runs(1_500)});
  }, longTimeout);

  it('valid texts truncated at random offsets', () => {
    fc.assert(fc.property(truncated, (text) => void ingest(text)), {seed: 11_250_003, numRuns: runs(1_500)});
  }, longTimeout);

  it('random byte mutations of valid texts', () => {
    fc.assert(fc.property(mutatedText, (text) => void ingest(text)), {seed: 11_250_004, numRuns: runs(1_500)});
  }, longTimeout);

  it('arbitrary text, including control characters and lone surrogates', () => {
    fc.assert(fc.property(nastyString, (text) => void ingest(text)), {seed: 11_250_005, numRuns: runs(1_000)});
  }, longTimeout);

  it('huge strings (up to ~100 KB) and deep nesting, whole and truncated', () => {
    const deepText = fc.tuple(fc.integer({min: 1, max: 200_000}), fc.constantFrom('{"eventName":', '[', '{"Records":[', '{"a":')).map(([depth, open]) => {
      const close = open.endsWith('[') ? ']' : '}';
      return `${open.repeat(depth)}1${close.repeat(depth)}`;
    });
    const huge = fc.oneof(
      fc.tuple(hugeString, fc.constantFrom('eventName', 'userAgent', 'requestParameters')).map(([s, field]) => JSON.stringify({eventName: 'CreateRoute', eventSource: 'ec2.amazonaws.com', [field]: s})),
      fc.tuple(hugeString, fc.constantFrom('eventName', 'userAgent', 'requestParameters')).map(([s, field]) => JSON.stringify({Events: [{CloudTrailEvent: JSON.stringify({eventName: 'A', eventSource: 'b', [field]: s})}]})),
      hugeString,
      deepText,
    );
    const cut = fc.tuple(huge, fc.oneof(fc.constant(1), fc.double({min: 0, max: 1, noNaN: true}))).map(([text, at]) => text.slice(0, Math.floor(text.length * at)));
    fc.assert(fc.property(cut, (text) => void ingest(text)), {seed: 11_250_006, numRuns: runs(300)});
  }, longTimeout);
});

describe('ingest: hostile bytes through readInput (gzip, BOMs) then parseEvents', () => {
  const bytesOf = shapedText.map((text) => Buffer.from(text, 'utf8'));
  const gzipped = bytesOf.map((bytes) => gzipSync(bytes));
  const hostileBytes = fc.oneof(
    gzipped,
    gzipped.chain(mutationsOf),
    fc.tuple(gzipped, fc.double({min: 0, max: 1, noNaN: true})).map(([bytes, at]) => bytes.subarray(0, Math.max(2, Math.floor(bytes.length * at)))),
    bytesOf.chain(mutationsOf),
    bytesOf.map((bytes) => Buffer.concat([Buffer.from([0xff, 0xfe]), bytes])),
    bytesOf.map((bytes) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes])),
    fc.uint8Array({maxLength: 64}).map((bytes) => Buffer.concat([Buffer.from([0x1f, 0x8b]), bytes])),
    fc.uint8Array({maxLength: 256}).map((bytes) => Buffer.from(bytes)),
  );

  it('never throws anything but InputError, and never hangs', async () => {
    await fc.assert(
      fc.asyncProperty(hostileBytes, async (bytes) => {
        const started = performance.now();
        let text: string;
        try {
          const input = await readInput('-', {stdin: Readable.from([bytes]), maxBytes: 1024 * 1024});
          expect(input.source).toBe('stdin');
          text = input.text;
        } catch (error) {
          expectInputError(error);
          expect(performance.now() - started).toBeLessThan(perCaseMs);
          return;
        }
        ingest(text);
        expect(performance.now() - started).toBeLessThan(perCaseMs);
      }),
      {seed: 11_250_007, numRuns: runs(1_000)},
    );
  }, longTimeout);
});
