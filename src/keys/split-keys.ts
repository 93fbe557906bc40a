// One input from Ink → the keys it holds, in order. Ink 6.8's useInput hands a run of plain text to its handler
// as ONE input ("jjj", "kkk\r"): a held key over SSH or tmux, fast typing and pastes arrive that way, and no key
// table matches "jjj". Ink already cuts escape sequences (arrows, Page Up …) into inputs of their own, so what is
// left to split is a run of plain text: one key per code point (a surrogate pair stays whole), each named exactly
// as Ink names that character when it arrives alone, so a chunk acts as its keys typed one at a time.
//
// Written here rather than taken from a library: Ink's own parsers (parse-keypress.js, input-parser.js) are not
// exported (its package "exports" has only the index), and Node's readline.emitKeypressEvents or the `keypress`
// package read a stream with timers, not a string, and would parse again what Ink has already parsed. What is left
// is the small table in charKey() below, checked against Ink itself by test/keys/split-keys-ink.test.tsx.
import type {Key} from 'ink';
import {keyName, type KeyName} from './key-name.js';

/** One key as the router takes it: its name in the key tables, and the text Ink gave for it. */
export interface KeyPress {
  readonly name: KeyName;
  readonly text: string;
}

/** Between inputs: outside a bracketed paste (null), or the text pasted so far. */
export interface SplitState {
  readonly paste: string | null;
}

export const notPasting: SplitState = {paste: null};

/**
 * Bracketed paste (xterm mode 2004): the terminal wraps pasted text in ESC[200~ … ESC[201~. Ink names neither
 * sequence and hands them on without their ESC.
 */
const pasteStart = '[200~';
const pasteEnd = '[201~';

/** Past this, pasted text is dropped (a value or a note keeps 2,000 characters): a paste whose end never comes stays bounded. */
const pasteCap = 20_000;

const noKey: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};

const escapeKey: KeyPress = {name: 'escape', text: ''};

/**
 * What Ink 6.8 hands useInput for one code point that arrives alone (parse-keypress.js, then use-input.js).
 * Never ESC: Ink cuts text runs at every ESC.
 */
function charKey(ch: string): KeyPress {
  const press = (input: string, key: Partial<Key>): KeyPress => ({name: keyName(input, {...noKey, ...key}), text: input});
  if (ch === '\r') return press('\r', {return: true});
  if (ch === '\t') return press('', {tab: true});
  if (ch === '\b') return press('', {backspace: true});
  if (ch === '\u007F') return press('', {delete: true});
  // Line feed: Ink calls it "enter" but sets no flag; keyName takes it as Enter (a terminal still in line mode sends it).
  if (ch === '\n') return press('\n', {});
  const code = ch.codePointAt(0) ?? 0;
  // Ctrl+letter (and Ctrl+@ as "`"): Ink names the letter and sets ctrl.
  if (code <= 0x1a) return press(String.fromCharCode(code + 96), {ctrl: true});
  return press(ch, {shift: ch >= 'A' && ch <= 'Z'});
}

/** A key Ink named (an arrow, Enter, Tab, Backspace, a Ctrl combination …) rather than text. */
function isNamedKey(key: Key): boolean {
  return key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end
    || key.return || key.escape || key.tab || key.backspace || key.delete || key.ctrl;
}

/**
 * An escape sequence Ink parsed but did not name (F13, a focus report, a mouse report …) reaches useInput without
 * its ESC (vadimdemedes/ink#1013), as "[25~", "[I" or "OM": one key, never the digits "2", "5" that a walk would
 * act on. Terminals end what they send with a letter or ~ (rxvt: ^ or $). Text typed in one chunk that has exactly
 * this shape ("[j", "OK") is taken whole too: in a text field it is still typed whole; "[[" (a held [) is not it.
 */
const unnamedSequence = /^(?:\[[\x30-\x3f]*[\x20-\x2f]*[A-Za-z~^$]|O[\x40-\x7e])$/;

/** Whether Ink's input looks like an escape sequence it did not name (and so is kept as one key). */
export function isUnnamedSequence(input: string): boolean {
  return unnamedSequence.test(input);
}

function codePoints(text: string): string[] {
  return [...text];
}

/** The keys of one input outside a paste. */
function keysOf(input: string, key: Key): KeyPress[] {
  if (key.escape) {
    // ESC ESC arrives as one input (Ink leaves the second ESC in it): two presses of Escape.
    return input === '\u001B' ? [escapeKey, escapeKey] : [escapeKey];
  }
  // ESC then a key, in one chunk (Esc pressed just before it, over a slow link): Ink reports that key with meta.
  // trailguide binds no Alt key, so it is the Escape and the key, each acting in order.
  if (key.meta) {
    if (key.return) return [escapeKey, charKey('\r')];
    if (key.backspace || key.delete) return [escapeKey, charKey('\u007F')];
    if (!isNamedKey(key) && codePoints(input).length === 1) return [escapeKey, charKey(input)];
  }
  if (!isNamedKey(key) && !key.meta && codePoints(input).length > 1 && !isUnnamedSequence(input)) {
    // CR LF is one Enter (a terminal or a paste that ends lines so), never two.
    const points = codePoints(input);
    return points.filter((ch, i) => !(ch === '\n' && points[i - 1] === '\r')).map(charKey);
  }
  return [{name: keyName(input, key), text: input}];
}

/** The text a paste brings from one input: plain text, and the Enter and Tab that Ink names when they come alone. */
function pastedText(input: string, key: Key): string {
  if (key.return) return '\r';
  if (key.tab) return '\t';
  return isNamedKey(key) || key.meta ? '' : input;
}

/**
 * The keys in one input Ink handed to useInput, and the state for the next input. A bracketed paste comes
 * out whole, as one key whose name is its text: the router types it into a text field (a value, a note, the
 * typed confirmation) and never takes it for a command, even when it spells one.
 */
export function splitKeys(state: SplitState, input: string, key: Key): {readonly state: SplitState; readonly keys: readonly KeyPress[]} {
  const isPlain = !isNamedKey(key) && !key.meta;
  if (state.paste !== null) {
    if (isPlain && input === pasteEnd) return {state: notPasting, keys: state.paste ? [{name: state.paste, text: state.paste}] : []};
    if (isPlain && input === pasteStart) return {state, keys: []};
    const added = state.paste.length < pasteCap ? pastedText(input, key) : '';
    return {state: added ? {paste: state.paste + added} : state, keys: []};
  }
  if (isPlain && input === pasteStart) return {state: {paste: ''}, keys: []};
  return {state, keys: keysOf(input, key)};
}

/** Ctrl+C split out of a chunk: Ink quits on it only when it arrives alone, so the app quits on it here too. */
export function isInterrupt(press: KeyPress): boolean {
  return press.name === 'ctrl+c' && press.text === 'c';
}
