// The prefilter skips JSON.parse for records that cannot match; it must never skip one that does.
// Generated records carry the wanted name or another, as CloudTrail writes them or re-serialized
// (pretty-printed, keys reordered, names spelled with \u escapes, decoy "eventName" keys and values
// nested inside): whenever the parsed record's eventName is wanted, the prefilter says "parse".
// Fixed seed; TRAILGUIDE_LONG=1 runs 20 times as many cases.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {prefilterFor, wantedNames} from '../../src/triage/prefilter.js';

const scale = process.env['TRAILGUIDE_LONG'] === '1' ? 20 : 1;
const wanted = ['CreateRoute', 'CreateSecurityGroup'];
const prefilter = prefilterFor(wanted);

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
});

describe('prefilter', () => {
  it('never skips a record whose eventName is wanted, however it is written', () => {
    fc.assert(
      fc.property(recordArb, ({name, decoy, other, order, indent, escapeName, escapeKey}) => {
        const fields: Record<string, unknown> = {...other, eventSource: 'ec2.amazonaws.com', requestParameters: decoy === undefined ? {} : {eventName: decoy, note: `"eventName":"${decoy}"`}};
        const placeholder = '@@NAME@@';
        const entries = Object.entries({eventName: placeholder, ...fields});
        const object = Object.fromEntries(order ? entries : entries.reverse());
        let text = JSON.stringify(object, null, indent);
        const nameJson = escapeName ? escapeAll(name) : JSON.stringify(name).slice(1, -1);
        text = text.replace(JSON.stringify(placeholder), `"${nameJson}"`);
        if (escapeKey) text = text.replace('"eventName"', `"${escapeAll('eventName')}"`);
        const parsed = JSON.parse(text) as {eventName: string};
        expect(parsed.eventName).toBe(name);
        const verdict = prefilter(Buffer.from(text, 'utf8'));
        if (wanted.includes(name)) expect(verdict).toBe(true);
        return true;
      }),
      {seed: 20261125, numRuns: 3000 * scale},
    );
  });

  it('skips what CloudTrail writes for other events, even with a decoy name inside a value', () => {
    const noise = JSON.stringify({eventVersion: '1.09', eventName: 'DescribeInstances', eventSource: 'ec2.amazonaws.com', requestParameters: {filter: 'eventName = CreateRoute', attributeKey: 'eventName', attributeValue: 'CreateRoute'}});
    expect(prefilter(Buffer.from(noise))).toBe(false);
    expect(prefilter(Buffer.from(noise.replace('"DescribeInstances"', '"CreateRoute"')))).toBe(true);
  });

  it('parses what it cannot be sure of: not an object, no eventName key, an escaped value', () => {
    expect(prefilter(Buffer.from('[1]'))).toBe(true);
    expect(prefilter(Buffer.from('{"eventSource":"ec2.amazonaws.com"}'))).toBe(true);
    expect(prefilter(Buffer.from('{"eventName":"Create\\"Route"}'))).toBe(true);
  });

  it('lets everything through with --all, and looks for the built-in runbooks\' events by default', () => {
    expect(wantedNames({names: [], isAll: true})).toBeUndefined();
    expect(prefilterFor(undefined)(Buffer.from('{"eventName":"Anything"}'))).toBe(true);
    expect(wantedNames({names: [], isAll: false})).toContain('CreateNetworkInterface');
    expect(wantedNames({names: ['AssumeRole'], isAll: true})).toEqual(['AssumeRole']);
  });
});
