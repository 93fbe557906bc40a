// `trailguide triage` as the shipped binary in a real terminal: the picker fills while a slow pipe is
// read, Escape stops the scan and keeps what was found, the chosen event opens into its runbook; and
// without a picker, the progress line on stderr and Ctrl-C (exit 130, what was read is printed).
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {spawnInTerminal} from '../helpers/pty.js';

const bin = new URL('../../dist/trailguide.js', import.meta.url).pathname;
const record = JSON.parse(readFileSync(new URL('../fixtures/events/CreateSecurityGroup/risky.json', import.meta.url), 'utf8')) as unknown;
const writers: ChildProcess[] = [];
afterEach(() => {
  for (const writer of writers.splice(0)) writer.kill();
});

/** A named pipe holding the start of a log file with one record, whose writer then stays silent. */
function slowPipe(): string {
  const fifo = join(mkdtempSync(join(tmpdir(), 'trailguide-e2e-fifo-')), 'slow.json');
  spawnSync('mkfifo', [fifo]);
  writers.push(spawn('sh', ['-c', 'exec 3>"$1"; printf "%s" "$0" >&3; sleep 60', `{"Records":[${JSON.stringify(record)},`, fifo], {stdio: 'ignore'}));
  return fifo;
}

describe('trailguide triage in a terminal', () => {
  it('fills the picker while the scan waits, stops on Escape keeping the event, and opens it into its runbook', async () => {
    const run = spawnInTerminal(process.execPath, [bin, 'triage', slowPipe()], {cols: 100});
    try {
      const filling = await run.waitFor('1 found');
      expect(filling).toContain('trailguide · triage: scanning 0/1 file ·');
      expect(filling).toMatch(/› .*CreateSecurityGroup/);
      expect(filling).toContain('Esc stop scanning');
      run.type('\u001B');
      const stopped = await run.waitFor('stopped after 1/1 file ·');
      expect(stopped).toMatch(/› .*CreateSecurityGroup/);
      run.type('\r');
      await run.waitFor('Enter remediate');
      run.type('\r');
      await run.waitFor('How do you want to remediate CreateSecurityGroup?');
      run.type('q');
      expect(await run.exited).toBe(0);
    } finally {
      run.kill();
    }
  });

  it('without a picker: a progress line on the terminal, and Ctrl-C prints what was read and exits 130', async () => {
    const run = spawnInTerminal(process.execPath, [bin, 'triage', slowPipe(), '--format', 'json'], {cols: 120, rows: 60});
    try {
      await run.waitFor('scanning 0/1 file ·');
      // The first progress line may come before the runbooks that rank the record are loaded.
      expect(await run.waitFor('1 found')).toContain('scanning 0/1 file ·');
      run.type('\u0003');
      expect(await run.exited).toBe(130);
      const screen = await run.waitFor('triage stopped (Ctrl-C)');
      expect(screen).toContain('"isStopped": true');
      expect(screen).toContain('"eventName": "CreateSecurityGroup"');
      expect(screen).not.toContain('scanning 0/1');
    } finally {
      run.kill();
    }
  });
});
