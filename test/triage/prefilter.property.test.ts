// The prefilter skips JSON.parse for records that cannot match; it must never skip one that does.
// Generated records carry the wanted name or another, as CloudTrail writes them or re-serialized
// (pretty-printed, keys reordered, names spelled with \u escapes, decoy "eventName" keys and values
// nested inside): whenever the parsed record's eventName is wanted, the prefilter says "parse".
// Fixed seed; TRAILGUIDE_LONG=1 runs 20 times as many cases.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {cannotMatchFor, wantedNames} from '../../src/triage/prefilter.js';
import {RecordSplitter} from '../../src/triage/record-splitter.js';

const scale = process.env['TRAILGUIDE_LONG'] === '1' ? 20 : 1;
const wanted = ['CreateRoute', 'CreateSecurityGroup'];
const cannotMatch = cannotMatchFor(wanted) ?? ((): boolean => false);

/** The record as the scan sees it, inside a log file cut into chunks of chunkSize bytes: true when it is handed over to be parsed, false when it was dropped unparsed. */
function verdict(text: string, chunkSize = Number.POSITIVE_INFINITY): boolean {
  const file = Buffer.from(`{"Records":[${text}]}`, 'utf8');
  const splitter = new RecordSplitter(undefined, cannotMatch);
  const step = Math.min(chunkSize, file.length);
  let handed = 0;
  for (let at = 0; at < file.length; at += step) handed += splitter.push(file.subarray(at, at + step)).length;
  expect(splitter.end()).toBeUndefined();
  expect(handed + splitter.skipped).toBe(1);
  return handed === 1;
}

/** JSON text with every character of the chosen strings written as \uXXXX. */
const escapeAll = (text: string): string => [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

const recordArb = fc.record({
  name: fc.oneof(fc.constantFrom(...wanted), fc.constantFrom('DescribeInstances', 'CreateRouteTable', 'createroute', 'Create Route', 'CreateSecurityGroupX'), fc.string()),
  decoy: fc.option(fc.oneof(fc.constantFrom(...wanted), fc.string()), {nil: undefined}),
  other: fc.dictionary(fc.string({maxLength: 8}), fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
  order: fc.boolean(),
  indent: fc.constantFrom(0, 1, 2),
  escapeName: fc.boolean(),
  escapeKey: fc.boolean(),
  duplicate: fc.option(fc.constantFrom('DescribeInstances', 'CreateRoute'), {nil: undefined}),
  chunkSize: fc.oneof(fc.integer({min: 1, max: 64}), fc.constant(Number.POSITIVE_INFINITY)),
});

describe('prefilter', () => {
  it('never skips a record whose eventName is wanted, however it is written', () => {
    fc.assert(
      fc.property(recordArb, ({name, decoy, other, order, indent, escapeName, escapeKey, duplicate, chunkSize}) => {
        const fields: Record<string, unknown> = {...other, eventSource: 'ec2.amazonaws.com', requestParameters: decoy === undefined ? {} : {eventName: decoy, note: `"eventName":"${decoy}"`}};
        const placeholder = '@@NAME@@';
        const entries = Object.entries({eventName: placeholder, ...fields});
        const object = Object.fromEntries(order ? entries : entries.reverse());
        let text = JSON.stringify(object, null, indent);
        const nameJson = escapeName ? escapeAll(name) : JSON.stringify(name).slice(1, -1);
        // A function, not a string: a name holding $` or $& must not be read as a replacement pattern.
        text = text.replace(JSON.stringify(placeholder), () => `"${nameJson}"`);
        if (escapeKey) text = text.replace('"eventName"', () => `"${escapeAll('eventName')}"`);
        // A duplicate key before the real one: JSON.parse keeps the last.
        if (duplicate !== undefined) text = text.replace('{', () => `{"eventName": ${JSON.stringify(duplicate)},`);
        const parsed = JSON.parse(text) as {eventName: string};
        expect(parsed.eventName).toBe(name);
        if (wanted.includes(name)) expect(verdict(text, chunkSize)).toBe(true);
        return true;
      }),
      {seed: 20261125, numRuns: 3000 * scale},
    );
  });

  it('skips what CloudTrail writes for other events, even with a decoy name inside a value', () => {
    const noise = JSON.stringify({eventVersion: '1.09', eventName: 'DescribeInstances', eventSource: 'ec2.amazonaws.com', requestParameters: {filter: 'eventName = CreateRoute', attributeKey: 'eventName', attributeValue: 'CreateRoute', eventName: 'CreateRoute'}, note: 'a "quoted" \\ value'});
    for (const size of [Number.POSITIVE_INFINITY, 1000]) {
      expect(verdict(noise, size)).toBe(false);
      expect(verdict(noise.replace('"DescribeInstances"', '"CreateRoute"'), size)).toBe(true);
    }
    // Cut into 7-byte chunks the name is split across chunks: the record is parsed rather than guessed.
    expect(verdict(noise, 7)).toBe(true);
  });

  it('parses what it cannot be sure of: not an object, no eventName key, an escaped value', () => {
    expect(verdict('[1]')).toBe(true);
    expect(verdict('"eventName"')).toBe(true);
    expect(verdict('{"eventSource":"ec2.amazonaws.com"}')).toBe(true);
    expect(verdict('{"eventName":"Create\\"Route"}')).toBe(true);
    expect(verdict('{"eventName":5,"x":"Describe"}')).toBe(true);
    expect(verdict('{"eventName":"Describe","eventName":"Other"}')).toBe(true);
  });

  it('lets everything through with --all, and looks for the built-in runbooks\' events by default', () => {
    expect(wantedNames({names: [], isAll: true})).toBeUndefined();
    expect(cannotMatchFor(undefined)).toBeUndefined();
    expect(cannotMatch(Buffer.from('CreateRoute'), 0, 11)).toBe(false);
    expect(cannotMatch(Buffer.from('CreateRoutes'), 0, 12)).toBe(true);
    expect(wantedNames({names: [], isAll: false})).toContain('CreateNetworkInterface');
    expect(wantedNames({names: ['AssumeRole'], isAll: true})).toEqual(['AssumeRole']);
  });
});
