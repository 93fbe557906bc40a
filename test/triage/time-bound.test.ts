import {describe, expect, it} from 'vitest';
import {parseTimeBound} from '../../src/triage/time-bound.js';

const now = Date.parse('2025-04-03T12:00:00Z');

describe('parseTimeBound', () => {
  it.each([
    ['90m', '2025-04-03T10:30:00.000Z'],
    ['24h', '2025-04-02T12:00:00.000Z'],
    ['400d', '2024-02-28T12:00:00.000Z'],
    ['2023-07-10', '2023-07-10T00:00:00.000Z'],
    ['2023-07-10T12:05Z', '2023-07-10T12:05:00.000Z'],
    ['2023-07-10T12:05:30', '2023-07-10T12:05:30.000Z'],
    ['2023-07-10T12:05:30.250+02:00', '2023-07-10T10:05:30.250Z'],
  ])('%s → %s', (text, iso) => {
    expect(parseTimeBound(text, now)).toEqual({ok: true, ms: Date.parse(iso)});
  });

  it.each(['', 'yesterday', '24', '2023-13-45', '10/07/2023', '-1h'])('%j is refused with a hint', (text) => {
    const result = parseTimeBound(text, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toContain('use a duration (90m, 24h, 7d) or an ISO date');
  });
});
