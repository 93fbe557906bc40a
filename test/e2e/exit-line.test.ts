// Leaving the interactive view in a real terminal: once the terminal's own screen is back, one line
// says which session was saved and how to resume it, one how to get its report (or where it was written).
import {mkdtempSync, readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {spawnInTerminal} from '../helpers/pty.js';

const bin = new URL('../../dist/trailguide.js', import.meta.url).pathname;
const RIGHT = '\u001B[C';

function fresh() {
  const state = mkdtempSync(join(tmpdir(), 'trailguide-exit-'));
  const run = spawnInTerminal(process.execPath, [bin], {cols: 140, rows: 30, env: {XDG_STATE_HOME: state}});
  const sessionId = () => readdirSync(join(state, 'trailguide', 'sessions')).map((f) => f.replace(/\.jsonl$/, ''))[0] ?? 'none';
  return {state, run, sessionId};
}

async function openFirstStep(run: ReturnType<typeof spawnInTerminal>): Promise<number> {
  await run.waitFor('› CreateSecurityGroup');
  // A key written while the app attaches its input listener is lost: Enter again only while the list is still there.
  for (let attempt = 1; ; attempt++) {
    run.type('\r');
    try {
      await run.waitFor('open)', 4000);
      break;
    } catch (error) {
      if (attempt === 3 || !run.screen().includes('› CreateSecurityGroup')) throw error;
    }
  }
  run.type('\r');
  await run.waitFor('How do you want to remediate');
  run.type('2');
  const step = await run.waitFor('Step 1 of');
  return Number(/Step 1 of (\d+)/.exec(step)?.[1]);
}

describe('on exit', () => {
  it('prints the session saved and how to resume it and report on it', async () => {
    const {run, sessionId} = fresh();
    try {
      await openFirstStep(run);
      run.type('x');
      await run.waitFor('Step 2 of');
      run.type('q');
      await run.waitFor('Quit?');
      run.type('y');
      expect(await run.exited).toBe(0);
      const id = sessionId();
      const screen = await run.waitFor(`session ${id} saved`);
      expect(screen).toContain(`session ${id} saved · resume: trailguide resume ${id}`);
      expect(screen).toContain(`report: trailguide report ${id}`);
      // The alternate screen is gone: nothing of the app is left above the lines.
      expect(screen).not.toContain('Step 1 of');
    } finally {
      run.kill();
    }
  });

  it('after the summary and w, says where the report was written', async () => {
    const {state, run, sessionId} = fresh();
    try {
      const steps = await openFirstStep(run);
      for (let i = 2; i <= steps; i++) {
        run.type(RIGHT);
        await run.waitFor(`Step ${i} of ${steps}`);
      }
      run.type(RIGHT);
      await run.waitFor('Calls:');
      run.type('w');
      await run.waitFor('incident report written to');
      run.type('q');
      expect(await run.exited).toBe(0);
      const id = sessionId();
      const screen = await run.waitFor(`session ${id} saved (reached the summary)`);
      expect(screen.replace(/\n/g, '')).toContain(`report written to ${join(state, 'trailguide', 'reports', `${id}.md`)}`);
    } finally {
      run.kill();
    }
  });
});
