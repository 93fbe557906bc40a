// A finding's title quotes the event. Ordinary whitespace is folded into one line; any other control
// character stays in the title, so the screen shows it escaped ("\x0d") instead of it becoming a space.
import {describe, expect, it} from 'vitest';
import {safeLine} from '../../src/text/safe-text.js';
import {findingOf, record} from './helpers.js';

/** The title of the refusal finding for an error code, as the screen shows it. */
const refusedTitle = (errorCode: string): string => {
  const found = findingOf('call-refused', record('CreateSecurityGroup', {errorCode, errorMessage: 'x', responseElements: null}));
  if (!found) throw new Error('no call-refused finding');
  return safeLine(found.title);
};

describe('finding titles', () => {
  it.each([
    ['a carriage return', 'AccessDenied\rok', 'AccessDenied\\x0dok'],
    ['a vertical tab', 'AccessDenied\u000bok', 'AccessDenied\\x0bok'],
    ['a line separator', 'AccessDenied\u2028ok', 'AccessDenied\\u2028ok'],
    ['a byte-order mark', 'AccessDenied\ufeffok', 'AccessDenied\\ufeffok'],
  ])('show %s in a quoted value escaped, not as a space', (_name, code, shown) => {
    expect(refusedTitle(code)).toContain(shown);
  });
  it('fold spaces, tabs and newlines into one space', () => {
    expect(refusedTitle('AccessDenied \t\n ok')).toContain('Refused (AccessDenied ok)');
  });
});
