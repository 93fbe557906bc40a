import {describe, expect, it} from 'vitest';
import {formatDuration} from '../../src/walkthrough/format-duration.js';

describe('formatDuration', () => {
  it.each<[number, string]>([
    [0, '0 s'],
    [999, '0 s'],
    [42_000, '42 s'],
    [59_999, '59 s'],
    [60_000, '1 min 0 s'],
    [252_000, '4 min 12 s'],
    [3_599_999, '59 min 59 s'],
    [3_600_000, '1 h 0 min'],
    [3_600_000 + 5 * 60_000 + 30_000, '1 h 5 min'],
    [26 * 3_600_000, '26 h 0 min'],
    [-5_000, '0 s'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
