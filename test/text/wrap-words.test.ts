import {describe, expect, it} from 'vitest';
import {wrapWords} from '../../src/text/wrap-words.js';

describe('wrapWords', () => {
  it.each([
    ['fits', 'a short title', 20, ['a short title']],
    ['breaks at spaces, dropping them', 'hello world this is some text', 11, ['hello world', 'this is', 'some text']],
    ['cuts a word longer than the width', 'see sg-0123456789abcdef0 now', 10, ['see', 'sg-0123456', '789abcdef0', 'now']],
    ['counts code points', 'é😀 ab', 2, ['é😀', 'ab']],
  ])('%s', (_name, text, width, lines) => {
    expect(wrapWords(text, width)).toEqual(lines);
  });
});
