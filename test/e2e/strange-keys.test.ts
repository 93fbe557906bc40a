// The shipped binary in a real terminal: escape sequences Ink 6.8 does not name (a pasted colour
// code, Ctrl+F1) used to make it throw and the app exit; they now arrive as text and the app goes on.
import {expect, it} from 'vitest';
import {spawnInTerminal} from '../helpers/pty.js';
import {eventNameWidth} from '../../src/runbooks/catalog.js';

const bin = new URL('../../dist/trailguide.js', import.meta.url).pathname;

it('a pasted colour code or Ctrl+F1 does not end the app; the next key still works', async () => {
  const run = spawnInTerminal(process.execPath, [bin], {cols: 100, rows: 30});
  let code: number | undefined;
  void run.exited.then((c) => (code = c));
  try {
    await run.waitFor('Training scenarios');
    run.type('\u001B[31m');
    run.type('\u001B[1;5P');
    run.type('\u001B[38;5;196mred\u001B[0m');
    run.type('j');
    await run.waitFor(`› ${'CreateSecurityGroup'.padEnd(eventNameWidth)} medium`);
    expect(code).toBeUndefined();
    // Into a text field, the same bytes are typed as text, inert.
    run.type('\r');
    await run.waitFor('Enter remediate');
  } finally {
    run.kill();
  }
});
