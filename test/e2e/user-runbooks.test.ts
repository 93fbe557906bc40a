// Users' runbooks in the interactive view, as shipped, in a real terminal: `trailguide EVENT` and `train`
// with --runbooks or TRAILGUIDE_RUNBOOKS. The picker marks the user's event, opening it shows that runbook;
// a bad file ends the view with its path and exit 3.
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {spawnInTerminal} from '../helpers/pty.js';
import {renamedRecord, renamedRunbook, runbookDir} from '../helpers/user-runbooks.js';

const bin = new URL('../../dist/trailguide.js', import.meta.url).pathname;
const groups = runbookDir({'groups.yaml': renamedRunbook('CreateSecurityGroup', ['CopiedGroupEvent'], 'Our own group runbook')});
const events = join(mkdtempSync(join(tmpdir(), 'trailguide-user-runbooks-')), 'events.json');
writeFileSync(events, JSON.stringify({Records: [{...renamedRecord('CreateSecurityGroup', 'DeleteBucketPolicy'), eventID: 'e1'}, {...renamedRecord('CreateSecurityGroup', 'CopiedGroupEvent'), eventID: 'e2'}]}));

const row = (screen: string, eventName: string): string => screen.split('\n').find((line) => line.includes(eventName))?.trimEnd() ?? '';

describe('users\' runbooks in the interactive view', () => {
  it.each([
    ['--runbooks', [bin, '--runbooks', groups, events], {}],
    ['TRAILGUIDE_RUNBOOKS', [bin, events], {TRAILGUIDE_RUNBOOKS: groups}],
  ])('%s: the picker marks the user\'s event, which opens into its runbook', async (_how, args, env) => {
    const run = spawnInTerminal(process.execPath, args, {cols: 100, rows: 60, env});
    try {
      await run.waitFor('2 events in');
      const start = Date.now();
      while (!row(run.screen(), 'CopiedGroupEvent').endsWith(' runbook') && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 25));
      expect(row(run.screen(), 'CopiedGroupEvent')).toMatch(/ runbook$/);
      expect(row(run.screen(), 'DeleteBucketPolicy')).toMatch(/ general$/);
      run.type('\u001B[B');
      run.type('\r');
      expect(await run.waitFor('Runbook: Our own group runbook')).toContain('CopiedGroupEvent · ec2.amazonaws.com');
    } finally {
      run.kill();
    }
  });

  it.each([
    ['train --runbooks', [bin, 'train', '--runbooks'], {}],
    ['TRAILGUIDE_RUNBOOKS with the default command', [bin], 'env'],
  ])('%s: a bad file ends the view with its path, line and field, exit 3', async (_how, args, how) => {
    const bad = runbookDir({'bad.yaml': renamedRunbook('CreateRoute', ['OtherRouteEvent'], 'Bad').replace(/^version: 1$/m, 'version: one')});
    const run = spawnInTerminal(process.execPath, how === 'env' ? args : [...args, bad], {cols: 200, rows: 24, env: how === 'env' ? {TRAILGUIDE_RUNBOOKS: bad} : {}});
    try {
      expect(await run.exited).toBe(3);
      expect(await run.waitFor(`trailguide: ${join(bad, 'bad.yaml')}:`)).toMatch(/bad\.yaml:\d+:1: version: .*number/);
    } finally {
      run.kill();
    }
  });

  it('train with good runbooks opens the training scenarios as usual', async () => {
    const run = spawnInTerminal(process.execPath, [bin, 'train', '--runbooks', groups], {cols: 100, rows: 30});
    try {
      const picker = await run.waitFor('Training scenarios');
      expect(picker).toContain('› CreateSecurityGroup');
      run.type('q');
      expect(await run.exited).toBe(0);
    } finally {
      run.kill();
    }
  });
});
