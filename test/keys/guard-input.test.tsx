// Escape sequences Ink 6.8 does not name make its input hook throw (the app would die). Through the
// guard, every such sequence arrives as text, and the keys Ink names still arrive as keys.
import fc from 'fast-check';
import {render} from 'ink-testing-library';
import {Text, useInput} from 'ink';
import {describe, expect, it} from 'vitest';
import {guardInput} from '../../src/keys/guard-input.js';

function Keys({seen}: {readonly seen: string[]}) {
  useInput((input, key) => {
    seen.push(key.upArrow ? 'up' : key.pageDown ? 'pagedown' : key.escape ? 'escape' : input);
  });
  return <Text>keys</Text>;
}

async function mounted() {
  const seen: string[] = [];
  const app = render(<Keys seen={seen} />);
  await new Promise((resolve) => setTimeout(resolve, 10));
  return {seen, write: (chunk: string) => app.stdin.write(chunk), unmount: () => app.unmount()};
}

const crashing = ['\u001b[31m', '\u001b[1;5P', '\u001b[0;31m', '\u001b[38;5;1m', '\u001b[5G', '\u001b[?25h', '\u001b[[5F', '\u001b[15P', '\u001b[6z'];

describe('the input guard', () => {
  it('these sequences really do make Ink 6.8 throw without it (else the guard is not needed)', async () => {
    const app = await mounted();
    const thrown = crashing.filter((seq) => {
      try {
        app.write(seq);
        return false;
      } catch {
        return true;
      }
    });
    expect(thrown.length).toBeGreaterThan(crashing.length / 2);
    app.unmount();
  });

  it('passes them as text; named keys stay keys', async () => {
    const app = await mounted();
    for (const seq of crashing) app.write(guardInput(seq));
    app.write(guardInput('\u001b[A'));
    app.write(guardInput('\u001b[6~'));
    expect(app.seen).toContain('[31m');
    expect(app.seen).toContain('[1;5P');
    expect(app.seen.slice(-2)).toEqual(['up', 'pagedown']);
    expect(guardInput('sg-1\u001b[31mred\u001b[0m')).toBe('sg-1[31mred[0m');
    expect(guardInput('\u001b]0;title\u0007')).toBe(']0;title\u0007');
    app.unmount();
  });

  it('never lets Ink throw, whatever the bytes (property)', async () => {
    const app = await mounted();
    const unit = fc.constantFrom('\u001b', '[', '[[', 'O', ';', '1', '5', '2', '0', '~', '$', '^', 'm', 'P', 'A', 'Z', 'a', 'z', '?', ']', '\u0007', 'x', ' ');
    fc.assert(
      fc.property(fc.array(unit, {minLength: 1, maxLength: 12}), (parts) => {
        app.write(guardInput(parts.join('')));
      }),
      {numRuns: 3000, seed: 13},
    );
    app.unmount();
  });
});
