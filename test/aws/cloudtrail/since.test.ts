import {describe, expect, it} from 'vitest';
import {maxSinceMs, parseSince} from '../../../src/aws/cloudtrail/since.js';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

describe('parseSince', () => {
  it.each([
    ['90m', 90 * minute],
    ['1m', minute],
    ['24h', 24 * hour],
    ['7d', 7 * day],
    ['90d', 90 * day],
    ['2160h', 90 * day],
    ['129600m', 90 * day],
    ['007d', 7 * day],
  ])('%s → %i ms', (text, ms) => {
    expect(parseSince(text)).toEqual({ok: true, ms});
  });

  it('allows exactly the 90 days LookupEvents keeps', () => {
    expect(maxSinceMs).toBe(90 * day);
  });

  it.each([
    ['', 'the duration is empty: use a whole number and a unit: 90m, 24h or 7d'],
    ['24', "'24' is not a duration: use a whole number and a unit: 90m, 24h or 7d"],
    ['h', "'h' is not a duration: use a whole number and a unit: 90m, 24h or 7d"],
    ['1.5h', "'1.5h' is not a duration: use a whole number and a unit: 90m, 24h or 7d"],
    ['-1h', "'-1h' is not a duration: use a whole number and a unit: 90m, 24h or 7d"],
    ['24H', "'24H' is not a duration: use a whole number and a unit: 90m, 24h or 7d"],
    [' 24h', "' 24h' is not a duration: use a whole number and a unit: 90m, 24h or 7d"],
    ['24h ', "'24h ' is not a duration: use a whole number and a unit: 90m, 24h or 7d"],
    ['1w', "'1w' is not a duration: use a whole number and a unit: 90m, 24h or 7d"],
    ['30s', "'30s' is not a duration: use a whole number and a unit: 90m, 24h or 7d"],
    ['1d2h', "'1d2h' is not a duration: use a whole number and a unit: 90m, 24h or 7d"],
    ['٣d', "'٣d' is not a duration: use a whole number and a unit: 90m, 24h or 7d"],
    ['24h\n', "'24h\\n' is not a duration: use a whole number and a unit: 90m, 24h or 7d"],
    ['\u001b[2J1h', "'\\x1b[2J1h' is not a duration: use a whole number and a unit: 90m, 24h or 7d"],
    ['0m', "'0m' is no time at all: use a whole number and a unit: 90m, 24h or 7d"],
    ['0d', "'0d' is no time at all: use a whole number and a unit: 90m, 24h or 7d"],
    ['91d', "'91d' is more than 90 days: CloudTrail event history only keeps the last 90 days (at most 90d, 2160h or 129600m)"],
    ['2161h', "'2161h' is more than 90 days: CloudTrail event history only keeps the last 90 days (at most 90d, 2160h or 129600m)"],
    ['129601m', "'129601m' is more than 90 days: CloudTrail event history only keeps the last 90 days (at most 90d, 2160h or 129600m)"],
    ['999999999d', "'999999999d' is more than 90 days: CloudTrail event history only keeps the last 90 days (at most 90d, 2160h or 129600m)"],
    ['9999999999d', "'9999999999d' is not a duration: use a whole number and a unit: 90m, 24h or 7d"],
  ])('%j is refused: %s', (text, problem) => {
    expect(parseSince(text)).toEqual({ok: false, problem});
  });

  it('cuts a long input in the problem', () => {
    expect(parseSince('x'.repeat(5000))).toEqual({
      ok: false,
      problem: `'${'x'.repeat(40)}… (4960 more characters)' is not a duration: use a whole number and a unit: 90m, 24h or 7d`,
    });
  });
});
