// The shipped binary in a real terminal: keys that reach it in one read (a held key over SSH or tmux, fast
// typing) each act, in order; a bracketed paste is text, never keys; Ctrl+C among other keys still quits.
import {describe, expect, it} from 'vitest';
import {spawnInTerminal} from '../helpers/pty.js';
import {scenarios} from '../../src/scenarios/index.js';
import {RIGHT} from '../helpers/keys.js';

const bin = new URL('../../dist/trailguide.js', import.meta.url).pathname;
const selected = (screen: string) => screen.split('\n').find((line) => line.startsWith('›')) ?? '';

describe('keys written to the terminal in one write', () => {
  it('move the picker and walk the longest runbook one key each, and Ctrl+C among them quits', async () => {
    const run = spawnInTerminal(process.execPath, [bin], {cols: 100, rows: 30});
    try {
      expect(selected(await run.waitFor('Training scenarios'))).toContain('CreateSecurityGroup');
      // Where the scenarios are in the list (its order is the built-in list's).
      const routeAt = scenarios.findIndex((s) => s.title.startsWith('0.0.0.0/0 sent to an internet gateway'));
      const interfaceAt = scenarios.findIndex((s) => s.eventName === 'CreateNetworkInterface' && s.difficulty === 'hard');
      expect(routeAt).toBeGreaterThan(0);
      expect(interfaceAt).toBeGreaterThan(routeAt);
      run.type('j'.repeat(routeAt));
      await run.waitFor('› CreateRoute');
      expect(selected(run.screen())).toContain('0.0.0.0/0 sent to an internet gateway');
      run.type('j'.repeat(interfaceAt - routeAt));
      await run.waitFor('› CreateNetworkInterface');
      expect(selected(run.screen())).toContain('hard');
      run.type('\r');
      await run.waitFor('Enter remediate');
      run.type('\r');
      await run.waitFor('How do you want to remediate CreateNetworkInterface?');
      run.type('3');
      await run.waitFor('Step 1 of');
      run.type('l'.repeat(10));
      expect(await run.waitFor('Step 11 of')).toContain('· SDK ·');
      run.type(RIGHT.repeat(10));
      await run.waitFor('Step 21 of');
      run.type('hhh');
      await run.waitFor('Step 18 of');
      // A paste is marked by the terminal (the app turns bracketed paste on): it is text, so no step moves.
      run.type('\u001B[200~llll\u001B[201~l');
      await run.waitFor('Step 19 of');
      run.type('jj\u0003');
      expect(await run.exited).toBe(0);
    } finally {
      run.kill();
    }
  });
});
