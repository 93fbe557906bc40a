import {describe, expect, it} from 'vitest';
import {evaluate} from '../../../src/engine/expression.js';

describe('valid_id', () => {
  it.each<[unknown, string, string | null]>([
    ['vpc-0abcdef0123456789', 'vpc', 'vpc-0abcdef0123456789'],
    ['vpc-0abc1234', 'vpc', 'vpc-0abc1234'],
    ['sg-0123456789abcdef0', 'security-group', 'sg-0123456789abcdef0'],
    ['vpc-0abcdef0123456789 && curl x', 'vpc', null],
    ['sg-0123456789abcdef0', 'vpc', null],
    ['vpc-0abcdef0123456789', 'no-such-kind', null],
    [12, 'vpc', null],
    [null, 'vpc', null],
  ])('valid_id(%j, %s) is %j', (value, kind, expected) => {
    expect(evaluate('valid_id(value, kind)', {value, kind})).toBe(expected);
  });

  it('gives a fallback its turn in a template-style or', () => {
    expect(evaluate("valid_id(id, 'vpc') || 'of the event'", {id: 'vpc-bad'})).toBe('of the event');
  });
});
