import {describe, expect, it} from 'vitest';
import {cell, code, fence} from '../../src/text/markdown-text.js';
import {formatOffset} from '../../src/report/offset.js';

describe('formatOffset', () => {
  it.each([
    [0, '+0:00'],
    [999, '+0:00'],
    [83_000, '+1:23'],
    [3_723_000, '+1:02:03'],
    [36_000_000, '+10:00:00'],
    [-5_000, '-0:05'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatOffset(ms)).toBe(text);
  });
});

describe('markdown text', () => {
  it('a code span is longer than any backtick run inside', () => {
    expect(code('a `b` c')).toBe('``a `b` c``');
    expect(code('`x')).toBe('`` `x ``');
  });
  it('a fence outlasts the backticks of its body', () => {
    expect(fence('echo ````', 'sh')).toEqual(['`````sh', 'echo ````', '`````']);
  });
  it('a cell keeps its pipes and newlines from ending the row', () => {
    expect(cell('a|b\nc')).toBe('a\\|b\\nc');
  });
});
