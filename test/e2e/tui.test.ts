// The shipped binary in a real terminal: pick a scenario, walk steps, dry-run, quit.
import {describe, expect, it} from 'vitest';
import {spawnInTerminal} from '../helpers/pty.js';

const bin = new URL('../../dist/trailguide.js', import.meta.url).pathname;
const panther = new URL('../../../shared/fixtures/cloudtrail-public/CreateRoute-failed__panther.json', import.meta.url).pathname;

describe('trailguide in a terminal', () => {
  it('walks a training scenario from the picker to a dry-run and quits cleanly', async () => {
    const run = spawnInTerminal(process.execPath, [bin]);
    try {
      const picker = await run.waitFor('Training scenarios');
      expect(picker).toContain('› CreateSecurityGroup');
      run.type('\r');
      const event = await run.waitFor('Findings (2 open)');
      expect(event).toContain('MEDIUM');
      run.type('\r');
      await run.waitFor('How do you want to remediate CreateSecurityGroup?');
      run.type('2');
      await run.waitFor('Step 1 of 24 · CLI · Look at the new group');
      run.type('d');
      const verdict = await run.waitFor('would succeed: you have permission');
      expect(verdict).toContain('DescribeSecurityGroups: would succeed: you have permission');
      run.type('x');
      await run.waitFor('Step 2 of 24');
      run.type('q');
      await run.waitFor('Quit? Your progress');
      run.type('y');
      expect(await run.exited).toBe(0);
    } finally {
      run.kill();
    }
  });

  it('reads the event from a pipe and still takes keys from the terminal; follows a resize', async () => {
    const run = spawnInTerminal('/bin/sh', ['-c', `cat '${panther}' | '${process.execPath}' '${bin}' -`], {cols: 80, rows: 24});
    try {
      const event = await run.waitFor('THE CALL FAILED: Blocked');
      expect(event).toContain('CreateRoute · ec2.amazonaws.com');
      const border = (screen: string) => screen.split('\n').find((line) => line.startsWith('└'))?.length ?? 0;
      expect(border(event)).toBe(80);
      run.resize(120, 30);
      await run.waitFor('─'.repeat(100));
      expect(border(run.screen())).toBe(120);
      run.type('\r');
      await run.waitFor('How do you want to remediate CreateRoute?');
      run.type('q');
      expect(await run.exited).toBe(0);
    } finally {
      run.kill();
    }
  });
});
