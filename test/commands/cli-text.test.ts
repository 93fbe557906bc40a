// The command line as a new user reads it (built binary): listings with a header that fit 80
// columns, a mistyped command said as such, the global options in the top-level help, and `plan`
// on a file of many records pointing to triage.
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {walkedSession} from '../report/journals.js';

const bin = new URL('../../dist/trailguide.js', import.meta.url).pathname;
const publicDir = new URL('../fixtures/cloudtrail-public/', import.meta.url).pathname;
const logFile = join(publicDir, '218007301253_CloudTrail_us-east-1_20230710T1205Z_zs3JGxETHr59VpkX.json');
const dir = mkdtempSync(join(tmpdir(), 'trailguide-cli-text-'));

function run(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1', XDG_STATE_HOME: join(dir, 'state')}, cwd: dir});
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

const widest = (text: string) => Math.max(...text.split('\n').map((line) => [...line].length));

describe('trailguide scenarios', () => {
  it('prints a header, fits 80 columns, keeps every ID whole and cuts long titles with …', () => {
    const {code, stdout} = run(['scenarios']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID {2,}EVENT$/);
    expect(lines[1]).toMatch(/^ {2}KIND {2,}LEVEL {2,}TITLE$/);
    expect(widest(stdout)).toBeLessThanOrEqual(80);
    const json = JSON.parse(run(['scenarios', '--format', 'json']).stdout) as Array<{id: string; runbook: string; title: string}>;
    for (const s of json) expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${s.id} +${s.runbook}$`)));
    // The longest built-in title (85 characters) does not fit: its start is there, cut with "…".
    const long = json.reduce((a, b) => (a.title.length >= b.title.length ? a : b));
    expect(long.title.length).toBeGreaterThan(80);
    const row = lines[lines.indexOf(lines.find((l) => l.startsWith(`${long.id} `)) ?? '') + 1] ?? '';
    expect(row.endsWith('…')).toBe(true);
    expect(long.title.startsWith(row.slice(row.indexOf(long.title.slice(0, 10)), -1))).toBe(true);
  });
  it('keeps --format json whole: the full title of every scenario', () => {
    const json = JSON.parse(run(['scenarios', '--format', 'json']).stdout) as Array<{title: string}>;
    expect(Math.max(...json.map((s) => s.title.length))).toBeGreaterThan(80);
  });
});

describe('trailguide sessions', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'trailguide-text-state-'));
  const {entries} = walkedSession('CreateRoute');
  const id = entries[0]!.session;
  mkdirSync(join(stateDir, 'sessions'), {recursive: true});
  writeFileSync(join(stateDir, 'sessions', `${id}.jsonl`), entries.map((e) => `${JSON.stringify(e)}\n`).join(''));

  it('prints a header and two lines per session (three with its training scenario) within 80 columns, the ID whole', () => {
    const {code, stdout} = run(['sessions', '--state-dir', stateDir]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^SESSION +STATE +EVENT$/);
    expect(lines[1]).toMatch(/^ {2}LAST \(UTC\) +MODE +TRACK +PROGRESS$/);
    expect(lines[2]).toMatch(new RegExp(`^${id} +ended +CreateRoute$`));
    expect(lines[3]).toMatch(/^ {2}\d{4}-\d\d-\d\d \d\d:\d\d +sandbox +cli +\d+ done, \d+ skipped, \d+ dry-runs?, \d+ executed$/);
    expect(lines[4]).toMatch(/^ {2}scenario route-[a-z-]+$/);
    expect(widest(stdout.split('\nSessions live in')[0] ?? '')).toBeLessThanOrEqual(80);
    expect(stdout).toContain('Resume one with: trailguide resume ID');
  });
});

describe('a mistyped command', () => {
  it('says that it is neither a command nor a file, lists the commands and exits 2', () => {
    const {code, stdout, stderr} = run(['bogus']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('trailguide: bogus is not a command, nor a file');
    expect(stderr).not.toContain('file not found');
    for (const command of ['plan', 'check', 'scenarios', 'sessions', 'report', 'resume', 'triage', 'runbooks']) expect(stderr).toContain(command);
  });
  it.each([['./bogus.json'], ['bogus.json'], ['events/bogus']])('a path that names no file (%s) is still "file not found", exit 3', (path) => {
    const {code, stderr} = run([path]);
    expect(code).toBe(3);
    expect(stderr).toBe(`trailguide: ${path}: file not found\n`);
  });
  it('a file whose name looks like a command word is read as the file it is', () => {
    writeFileSync(join(dir, 'incident'), '{"hello": "world"}');
    const {code, stderr} = run(['incident']);
    expect(code).toBe(3);
    expect(stderr).toContain('incident: not a CloudTrail event');
  });
});

describe('trailguide --help', () => {
  it('lists the options of trailguide [EVENT] under their own heading', () => {
    const {code, stdout} = run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: trailguide [options] [EVENT]');
    const section = stdout.split('Options of trailguide [EVENT]')[1]?.split('Commands:')[0] ?? '';
    for (const option of ['--profile <name>', '--region <region>', '--offline', '--allow-execute', '--event-id <id>', '--state-dir <dir>', '--scenarios <dir>']) expect(section).toContain(option);
    // trailguide open --help is unchanged: its options under "Options:".
    expect(run(['open', '--help']).stdout).not.toContain('Options of trailguide [EVENT]');
  });
});

describe('plan on a file of many records', () => {
  it('lists the first ten, says how many more there are and points to triage', () => {
    const {code, stderr} = run(['plan', logFile]);
    expect(code).toBe(2);
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toContain('196 events in');
    expect(lines.filter((l) => /^ +\d+ {2}\w+ {2}[0-9a-f-]{36}$/.test(l))).toHaveLength(10);
    expect(lines).toContain('  … and 186 more (none has a runbook)');
    // None of its events has a runbook: triage needs --all to list them.
    expect(lines.at(-1)).toBe(`To rank them by severity and pick one: trailguide triage --all ${logFile}`);
  });
});
