// The splitter behind Ink itself: bytes written to stdin in one write give the keys that the same bytes give
// written one key at a time (Ink's parser, its pending-Escape flush and its useInput, as the app uses them).
import fc from 'fast-check';
import {Text, useInput, type Key} from 'ink';
import {render} from 'ink-testing-library';
import {useRef} from 'react';
import {describe, expect, it} from 'vitest';
import {isUnnamedSequence, notPasting, splitKeys, type KeyPress} from '../../src/keys/split-keys.js';
import {BACKSPACE, DOWN, ENTER, ESC, LEFT, RIGHT, UP} from '../helpers/keys.js';

const tick = () => new Promise<void>((resolve) => setImmediate(() => setTimeout(resolve, 0)));

function Recorder({keys}: {keys: KeyPress[]}) {
  const split = useRef(notPasting);
  useInput((input: string, key: Key) => {
    const out = splitKeys(split.current, input, key);
    split.current = out.state;
    keys.push(...out.keys);
  });
  return <Text>ready</Text>;
}

/** The keys the router gets for the writes, each write waited out (a lone ESC is flushed a turn later). */
async function record(writes: readonly string[]): Promise<KeyPress[]> {
  const keys: KeyPress[] = [];
  const app = render(<Recorder keys={keys} />);
  await tick();
  for (const w of writes) {
    app.stdin.write(w);
    await tick();
  }
  await tick();
  app.unmount();
  return keys;
}

describe('each character, as Ink hands it alone and inside a run', () => {
  // Every ASCII character but ESC, C1 and format characters, and characters of 3 and 4 UTF-8 bytes.
  const chars = [...Array.from({length: 0x7f}, (_, i) => String.fromCharCode(i)).filter((c) => c !== ESC), '\u007F', '\u0085', '\u202E', 'é', '中', '😀'];
  // Doubled, some have the shape of an escape sequence Ink did not name ("OO"): taken whole (test/keys/split-keys.test.ts).
  const doubled = chars.filter((c) => !isUnnamedSequence(c + c));

  it('written twice in one write, is the key it is alone, twice', async () => {
    for (const c of doubled) {
      const alone = await record([c]);
      expect(alone, JSON.stringify(c)).toHaveLength(1);
      expect(await record([c + c]), JSON.stringify(c)).toEqual([...alone, ...alone]);
    }
  });
});

const isLong = process.env['TRAILGUIDE_LONG'] === '1';

describe('keys written in one write act as the same keys written one at a time', () => {
  const named = [UP, DOWN, LEFT, RIGHT, '\u001B[5~', '\u001B[6~', '\u001B[H', '\u001B[F', '\u001B[3~', '\u001B[Z', ESC];
  const typed = ['j', 'k', 'l', 'x', 'X', 'q', '?', '1', ' ', '-', '[', ']', 'G', 'O', 'K', ENTER, '\n', '\t', BACKSPACE, '\b', '\u0001', '\u0003', '\u0007', 'é', '中', '😀'];
  const keyList = fc.array(fc.constantFrom(...named, ...typed), {minLength: 1, maxLength: 14});

  /**
   * Where bytes alone cannot say which keys were pressed, in any terminal: ESC then "[" or "O" starts an escape
   * sequence, and ESC then a character Ink does not pair with it (punctuation, a control character, an escape
   * sequence) loses the ESC; a run of text with the exact shape of an unnamed escape sequence is taken whole;
   * CR then LF in one write is one Enter (a terminal or a paste that ends lines so), not Enter and Ctrl+J.
   */
  function isAmbiguous(keys: readonly string[]): boolean {
    const pairsWithEsc = /^[a-zA-Z0-9 \r\b\u007F\u001B]$/;
    const startsSequence = /^[[O]/;
    for (let i = 0; i + 1 < keys.length; i++) {
      const next = keys[i + 1]!;
      if (keys[i] === ENTER && next === '\n') return true;
      if (keys[i] === ESC && (!pairsWithEsc.test(next) || startsSequence.test(next))) return true;
    }
    const runs = keys.join('').split(/\u001B(?:\[[0-9;]*[~A-Z]|)/);
    return runs.some(isUnnamedSequence);
  }

  it('for any mix of letters, digits, Enter, Tab, Backspace, Ctrl keys, arrows, Escape and wide characters', async () => {
    await fc.assert(
      fc.asyncProperty(keyList, async (keys) => {
        fc.pre(!isAmbiguous(keys));
        expect(await record([keys.join('')])).toEqual(await record(keys));
      }),
      // A fixed seed in npm test, like the other campaigns; with --long, ten times the runs from a random seed.
      // Seed -2132955412 finds [ESC, x, [, x, ESC[A], which splits otherwise in one write: an open case (issue 17's note).
      isLong ? {numRuns: 600} : {numRuns: 60, seed: 17},
    );
  });

  it('ten j in one write are ten presses of j; jjj then Enter is three j and Enter', async () => {
    expect((await record(['j'.repeat(10)])).map((k) => k.name)).toEqual(Array<string>(10).fill('j'));
    expect((await record(['jjj\r'])).map((k) => k.name)).toEqual(['j', 'j', 'j', 'enter']);
    expect((await record([`jj${DOWN}${DOWN}k${ESC}`])).map((k) => k.name)).toEqual(['j', 'j', 'down', 'down', 'k', 'escape']);
  });

  it('a bracketed paste arrives whole, even split across writes, and keys after it act', async () => {
    expect(await record(['\u001B[200~sg-01', '23\rabc\u001B[201~jj'])).toEqual([
      {name: 'sg-0123\rabc', text: 'sg-0123\rabc'}, {name: 'j', text: 'j'}, {name: 'j', text: 'j'},
    ]);
  });
});
