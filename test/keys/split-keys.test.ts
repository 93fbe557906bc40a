// The splitter on plain strings: what Ink hands useInput (the text and its key flags) → the keys the router gets.
import fc from 'fast-check';
import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {isInterrupt, isUnnamedSequence, notPasting, splitKeys, type KeyPress, type SplitState} from '../../src/keys/split-keys.js';
import {initialState, reducer} from '../../src/walkthrough/reducer.js';
import type {State} from '../../src/walkthrough/state.js';
import {scenario} from '../helpers/candidates.js';
import {settle} from '../helpers/settle.js';

const noKey: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};

/** One input as Ink hands it to useInput. */
type InkInput = readonly [input: string, flags?: Partial<Key>];

/** The keys of a series of inputs, carrying the splitter's state from one to the next. */
function keysOf(...inputs: InkInput[]): KeyPress[] {
  let state: SplitState = notPasting;
  const keys: KeyPress[] = [];
  for (const [input, flags] of inputs) {
    const out = splitKeys(state, input, {...noKey, ...flags});
    state = out.state;
    keys.push(...out.keys);
  }
  return keys;
}

const names = (...inputs: InkInput[]) => keysOf(...inputs).map((k) => k.name);

describe('a run of text in one input', () => {
  it('is one key per character: ten j are ten presses of j', () => {
    expect(names(['jjjjjjjjjj'])).toEqual(Array<string>(10).fill('j'));
  });

  it('names Enter, Tab, Backspace and Ctrl keys inside the run as Ink names them alone', () => {
    expect(keysOf(['jj\r\tX\u007F\b\u0007'])).toEqual([
      {name: 'j', text: 'j'}, {name: 'j', text: 'j'}, {name: 'enter', text: '\r'}, {name: 'tab', text: ''},
      {name: 'X', text: 'X'}, {name: 'backspace', text: ''}, {name: 'backspace', text: ''}, {name: 'ctrl+g', text: 'g'},
    ]);
  });

  it('takes CR LF as one Enter, and a lone line feed as Enter (a terminal still in line mode sends it)', () => {
    expect(keysOf(['a\r\n'])).toEqual([{name: 'a', text: 'a'}, {name: 'enter', text: '\r'}]);
    expect(keysOf(['a\nb'])).toEqual([{name: 'a', text: 'a'}, {name: 'enter', text: '\n'}, {name: 'b', text: 'b'}]);
  });

  it('never splits a character outside the Basic Multilingual Plane (a surrogate pair)', () => {
    expect(names(['😀j🦀'])).toEqual(['😀', 'j', '🦀']);
    expect(names(['中文'])).toEqual(['中', '文']);
  });

  it('marks Ctrl+C inside a run as the interrupt, and only that', () => {
    const keys = keysOf(['jj\u0003k']);
    expect(keys.map(isInterrupt)).toEqual([false, false, true, false]);
    // Pasted text that spells it is text.
    expect(keysOf(['[200~'], ['ctrl+c'], ['[201~']).map(isInterrupt)).toEqual([false]);
  });

  it('leaves a single key Ink named alone', () => {
    expect(names(['', {downArrow: true}])).toEqual(['down']);
    expect(names(['\r', {return: true}])).toEqual(['enter']);
    expect(names(['c', {ctrl: true}])).toEqual(['ctrl+c']);
    expect(names(['', {tab: true, shift: true}])).toEqual(['shift+tab']);
  });

  it('keeps an escape sequence Ink did not name as one key, never as the digits in it', () => {
    // F13 is ESC[25~ and a keypad Enter in application mode ESC OM: Ink hands them on without the ESC.
    expect(names(['[25~'])).toEqual(['[25~']);
    expect(names(['[<0;10;5M'])).toEqual(['[<0;10;5M']);
    expect(names(['OM'])).toEqual(['OM']);
    // A held [ (previous section) is not one.
    expect(names(['[[['])).toEqual(['[', '[', '[']);
    // The price: text of exactly that shape in one chunk is taken whole (typed whole in a text field).
    expect(names(['OK'])).toEqual(['OK']);
    expect(names(['OKj'])).toEqual(['O', 'K', 'j']);
  });
});

describe('Escape', () => {
  it('is one key alone, and two when Ink hands ESC ESC over as one input', () => {
    expect(names(['', {escape: true, meta: true}])).toEqual(['escape']);
    expect(names(['\u001B', {escape: true, meta: true}])).toEqual(['escape', 'escape']);
  });

  it('followed by a key in the same chunk (Ink: that key with meta) is Escape, then that key', () => {
    expect(names(['j', {meta: true}])).toEqual(['escape', 'j']);
    expect(names(['J', {meta: true, shift: true}])).toEqual(['escape', 'J']);
    expect(names(['\r', {return: true, meta: true}])).toEqual(['escape', 'enter']);
    expect(names(['', {delete: true, meta: true}])).toEqual(['escape', 'backspace']);
    expect(names([' ', {meta: true}])).toEqual(['escape', ' ']);
  });

  it('leaves Alt with an arrow as the arrow (no Alt key is bound)', () => {
    expect(names(['', {downArrow: true, meta: true}])).toEqual(['down']);
  });
});

describe('a bracketed paste (ESC[200~ … ESC[201~)', () => {
  it('comes out whole, as one key named by its text, across inputs, Enter and Tab included', () => {
    expect(keysOf(['[200~'], ['sg-0123'], ['\r', {return: true}], ['abc\rdef'], ['', {tab: true}], ['[201~'], ['jj'])).toEqual([
      {name: 'sg-0123\rabc\rdef\t', text: 'sg-0123\rabc\rdef\t'}, {name: 'j', text: 'j'}, {name: 'j', text: 'j'},
    ]);
  });

  it('drops the arrows and other named keys inside it, and brings nothing when empty', () => {
    expect(names(['[200~'], ['', {upArrow: true}], ['ab'], ['x', {meta: true}], ['[200~'], ['[201~'])).toEqual(['ab']);
    expect(names(['[200~'], ['[201~'])).toEqual([]);
  });

  it('stays bounded when its end never comes', () => {
    let state: SplitState = notPasting;
    for (const input of ['[200~', ...Array<string>(100).fill('x'.repeat(1000))]) state = splitKeys(state, input, noKey).state;
    expect(state.paste?.length).toBeLessThanOrEqual(21_000);
    const end = splitKeys(state, '[201~', noKey).keys;
    expect(end).toHaveLength(1);
  });
});

// A run Ink hands over whole: any code points but ESC (Ink cuts runs there), and not the shape of an unnamed sequence.
const run = fc.string({unit: 'binary', minLength: 2, maxLength: 40}).filter((s) => !s.includes('\u001B') && !isUnnamedSequence(s));

describe('properties', () => {
  it('a run is as many keys as it has code points, in order, and its printable text comes back whole', () => {
    fc.assert(
      fc.property(run, (s) => {
        const keys = keysOf([s]);
        expect(keys).toHaveLength([...s].length);
        const isControl = (c: string) => /^[\u0000-\u001F\u007F]$/.test(c);
        const printable = [...s].filter((c) => !isControl(c)).join('');
        expect(keys.filter((k) => k.name === k.text && !isControl(k.text)).map((k) => k.text).join('')).toBe(printable);
      }),
    );
  });

  it('splitting two runs written together gives the keys of each, one after the other', () => {
    fc.assert(
      fc.property(run, run, (a, b) => {
        fc.pre(!isUnnamedSequence(a + b));
        expect(keysOf([a + b])).toEqual([...keysOf([a]), ...keysOf([b])]);
      }),
    );
  });

  // The router's side: in a text field, the keys of a run give the draft that the same text pasted whole gives.
  const sg = scenario('sg-default-ssh-in-default-vpc');
  const open = (...keys: string[]): State => keys.reduce((s, name) => settle(reducer(s, {type: 'key', name, text: name})), settle(initialState([sg])));
  const noteOpen = open('enter', '2', 'n');
  const confirmOpen: State = {...open('enter', '2'), overlay: 'confirm-execute', draft: ''};
  // Text without the keys that edit or end a line (Enter, line feed, Backspace): those act, as typed.
  const text = fc.string({unit: 'binary', minLength: 2, maxLength: 40}).filter((s) => !/[\u001B\r\n\u007F\b]/.test(s) && !isUnnamedSequence(s));

  it('typed key by key into a note or the typed confirmation, a chunk gives the draft its paste gives', () => {
    fc.assert(
      fc.property(fc.constantFrom(noteOpen, confirmOpen), text, (state, s) => {
        const byKey = keysOf([s]).reduce((st, k) => reducer(st, {type: 'key', name: k.name, text: k.text}), state);
        const pasted = reducer(state, {type: 'key', name: s, text: s});
        expect(byKey.overlay).toBe(state.overlay);
        expect(byKey.draft).toBe(pasted.draft);
      }),
    );
  });
});
