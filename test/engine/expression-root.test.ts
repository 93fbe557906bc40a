import {describe, expect, it} from 'vitest';
import {evaluate} from '../../src/engine/expression.js';

describe('evaluate: $ is the root', () => {
  const data = {facts: {targetId: 'eni-1'}, routes: [{target: 'eni-1'}, {target: 'igw-1'}]};

  it('reads the whole document', () => {
    expect(evaluate('$.facts.targetId', data)).toBe('eni-1');
  });

  it('reaches the document from inside a filter, where @ is the item', () => {
    expect(evaluate('routes[?target == $.facts.targetId]', data)).toEqual([{target: 'eni-1'}]);
  });

  it('is the data of this evaluation, not of an earlier one', () => {
    evaluate('$', {other: true});
    expect(evaluate('$.facts', data, {x: 1})).toEqual({targetId: 'eni-1'});
  });
});
