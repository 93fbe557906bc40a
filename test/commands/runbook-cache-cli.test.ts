// The runbook cache through the built binary: a second run answers from what the first checked, with the
// same output; an edited file is checked again (its error with its line); the cache lives where
// TRAILGUIDE_CACHE_DIR says, and "off" keeps nothing. (The suite runs everything else with the cache off.)
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {renamedRecord, renamedRunbook, runbookDir} from '../helpers/user-runbooks.js';

const bin = new URL('../../dist/trailguide.js', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'trailguide-runbook-cache-'));

function run(args: readonly string[], cacheDir: string): Promise<{code: number | null; stdout: string; stderr: string}> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'TRAILGUIDE_RUNBOOKS'));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {env: {...base, NO_COLOR: '1', TRAILGUIDE_CACHE_DIR: cacheDir, XDG_STATE_HOME: join(work, 'state')}, cwd: work});
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({code, stdout, stderr}));
  });
}

const text = renamedRunbook('CreateSecurityGroup', ['CachedGroupEvent'], 'Our cached group runbook');
const record = join(work, 'event.json');
writeFileSync(record, JSON.stringify({...renamedRecord('CreateSecurityGroup', 'CachedGroupEvent'), requestParameters: {groupName: 'web', groupDescription: 'web'}}));

describe('runbooks cached between runs', () => {
  it('a second run lists and plans the same from the cache; an edit is checked again', async () => {
    const dir = runbookDir({'groups.yaml': text});
    const cache = mkdtempSync(join(tmpdir(), 'trailguide-cache-'));
    const off = await run(['plan', record, '--format', 'json', '--runbooks', dir], 'off');
    expect(off.code).toBe(0);

    const first = await run(['runbooks', '--runbooks', dir], cache);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Our cached group runbook');
    // the built-ins and the user's file, each a summary and a body
    expect(readdirSync(join(cache, 'runbooks')).filter((n) => n.endsWith('.summary.json')).length).toBeGreaterThanOrEqual(2);
    const second = await run(['runbooks', '--runbooks', dir], cache);
    expect(second).toEqual(first);
    const planned = await run(['plan', record, '--format', 'json', '--runbooks', dir], cache);
    // the same plan, but for when each step was planned
    const untimed = (json: string) => json.replace(/"at": "[^"]*"/g, '"at": …');
    expect(untimed(planned.stdout)).toBe(untimed(off.stdout));
    expect(planned.stdout).toContain('Our cached group runbook');
    expect(planned.code).toBe(0);

    writeFileSync(join(dir, 'groups.yaml'), text.replace(/^version: 1$/m, 'version: one'));
    const broken = await run(['runbooks', '--runbooks', dir], cache);
    expect(broken.code).toBe(3);
    const line = text.split('\n').findIndex((l) => l === 'version: 1') + 1;
    expect(broken.stderr).toContain(`${join(dir, 'groups.yaml')}:${line}:`);
  });

  it('TRAILGUIDE_CACHE_DIR=off keeps nothing', async () => {
    const dir = runbookDir({'groups.yaml': text});
    const home = mkdtempSync(join(tmpdir(), 'trailguide-home-'));
    const result = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [bin, 'runbooks', '--runbooks', dir], {env: {PATH: process.env['PATH'] ?? '', HOME: home, TRAILGUIDE_CACHE_DIR: 'off'}, stdio: 'ignore'});
      child.on('close', resolve);
    });
    expect(result).toBe(0);
    expect(existsSync(join(home, '.cache'))).toBe(false);
    const cached = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [bin, 'runbooks', '--runbooks', dir], {env: {PATH: process.env['PATH'] ?? '', HOME: home}, stdio: 'ignore'});
      child.on('close', resolve);
    });
    expect(cached).toBe(0);
    expect(readdirSync(join(home, '.cache', 'trailguide', 'runbooks')).length).toBeGreaterThan(0);
  });
});
