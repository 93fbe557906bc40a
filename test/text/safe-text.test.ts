import {describe, expect, it} from 'vitest';
import {isInert, safeCell, safeLine, safeText} from '../../src/text/safe-text.js';

describe('safeText', () => {
  it.each([
    ['CSI colour', 'a\u001B[31mred', 'a\\x1b[31mred'],
    ['OSC window title', '\u001B]0;pwned\u0007', '\\x1b]0;pwned\\x07'],
    ['OSC 52 clipboard write', '\u001B]52;c;ZXZpbA==\u0007', '\\x1b]52;c;ZXZpbA==\\x07'],
    ['OSC 8 hyperlink', '\u001B]8;;https://evil\u001B\\click\u001B]8;;\u001B\\', '\\x1b]8;;https://evil\\x1b\\click\\x1b]8;;\\x1b\\'],
    ['C1 CSI', 'x\u009B2J', 'x\\x9b2J'],
    ['carriage return and backspace', 'ok\rEVIL\b', 'ok\\x0dEVIL\\x08'],
    ['bell and DEL', '\u0007\u007F', '\\x07\\x7f'],
    ['bidi override', 'user\u202Egnp.exe', 'user\\u202egnp.exe'],
    ['zero-width space', 'a\u200Bb', 'a\\u200bb'],
  ])('%s is shown, not obeyed', (_name, input, expected) => {
    const out = safeText(input);
    expect(out).toBe(expected);
    expect(isInert(out)).toBe(true);
  });
  it('keeps newlines and tabs in multi-line text, escapes them on one line', () => {
    expect(safeText('a\n\tb')).toBe('a\n\tb');
    expect(safeLine('a\n\tb')).toBe('a\\n\\tb');
  });
  it('cuts very long text and says how much was cut', () => {
    expect(safeText('x'.repeat(50), 10)).toBe(`${'x'.repeat(10)}… (40 more characters)`);
  });
  it('leaves ordinary Unicode alone', () => {
    expect(safeText('Zürich — 東京 ✓')).toBe('Zürich — 東京 ✓');
  });
});

describe('safeCell', () => {
  it('cuts a long value to the column width with a final …, and shows control characters escaped', () => {
    expect(safeCell('aws-go-sdk-1688990088683000000', 16)).toBe('aws-go-sdk-1688…');
    expect(safeCell('aws-go-sdk-1688990088683000000', 16)).toHaveLength(16);
    expect(safeCell('short', 16)).toBe('short');
    expect(safeCell('a\u001b[31mb', 6)).toBe('a\\x1b…');
  });
});
