import {describe, expect, it} from 'vitest';
import {bindingsFor, globalKeys, keymap, textModes} from '../../src/walkthrough/keymap.js';
import type {Mode} from '../../src/walkthrough/state.js';

const modes = Object.keys(keymap) as Mode[];
const screens: Mode[] = ['picker', 'event', 'track', 'step', 'summary'];
const overlays: Mode[] = ['help', 'note', 'input', 'confirm-quit'];

describe('key tables', () => {
  it.each(modes)('%s: no key is bound twice (globals included)', (mode) => {
    const keys = bindingsFor(mode).flatMap((row) => row.keys);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
  it.each(modes)('%s: every row has a label and at least one key', (mode) => {
    for (const row of keymap[mode]) {
      expect(row.label.length).toBeGreaterThan(0);
      expect(row.keys.length).toBeGreaterThan(0);
    }
  });
  it.each(screens)('%s: reaches help and quit', (mode) => {
    const commands = bindingsFor(mode).map((row) => row.command);
    expect(commands).toContain('help');
    expect(commands).toContain('quit');
  });
  it.each(overlays)('%s: Esc leaves it', (mode) => {
    const esc = bindingsFor(mode).find((row) => row.keys.includes('escape'));
    expect(esc?.command).toMatch(/^(close|cancel|no)$/);
  });
  it('the same key means the same thing on every screen', () => {
    const meaning = new Map<string, string>();
    for (const mode of screens) {
      for (const row of bindingsFor(mode)) {
        for (const key of row.keys) {
          const before = meaning.get(`${key}`);
          const now = row.command === 'open' || row.command === 'continue' || row.command === 'choose' || row.command === 'next' ? 'forward' : row.command === 'back' || row.command === 'prev' ? 'backward' : row.command;
          // Esc always means "leave or cancel what is in front of you" (back, close, cancel a running call).
          if (['1', '2', '3', 'up', 'down', 'j', 'k', 'escape'].includes(key)) continue;
          if (before) expect(`${key}: ${now}`).toBe(`${key}: ${before}`);
          meaning.set(key, now);
        }
      }
    }
  });
  it('text modes let q, x and d be typed (no global keys there)', () => {
    for (const mode of textModes) {
      expect(bindingsFor(mode).some((row) => globalKeys.includes(row))).toBe(false);
      // Only keys that type no character: every letter, digit and sign typed there is text.
      const keys = bindingsFor(mode).flatMap((row) => row.keys);
      expect(keys).toEqual(expect.arrayContaining(['enter', 'escape']));
      expect(keys.filter((k) => [...k].length === 1)).toEqual([]);
    }
  });
});
