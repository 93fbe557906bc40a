// Enter as a line feed: a terminal still in line mode (a key pressed as the first frame appears, before
// Ink turns raw mode on) turns Enter into "\n", for which Ink sets no flag. It must still open the event.
import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {keyName} from '../../src/keys/key-name.js';
import {scenarioList} from '../helpers/candidates.js';
import {renderApp} from '../helpers/ink.js';

const noFlags = {} as Key;

describe('a line feed', () => {
  it('is Enter; Ctrl+J and text are not', () => {
    expect(keyName('\n', noFlags)).toBe('enter');
    expect(keyName('\n', {...noFlags, meta: true})).toBe('\n');
    expect(keyName('a\nb', noFlags)).toBe('a\nb');
  });

  it('opens the event from the list, as Enter does', async () => {
    const app = await renderApp(scenarioList.slice(0, 3));
    await app.waitFor('Enter open');
    await app.press('\n');
    const frame = await app.waitFor('Enter remediate');
    expect(frame).toContain('Findings');
    app.unmount();
  });
});
