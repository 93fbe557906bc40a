// `trailguide actor` as a user runs it (the built binary): the timeline from the event's own file and
// --files, the exit codes, one line for bad input, and hostile names printed inert.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {gunzipSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {payloads, rawControlsIn} from '../helpers/escape-payloads.js';

const bin = new URL('../../dist/trailguide.js', import.meta.url).pathname;
const publicDir = new URL('../fixtures/cloudtrail-public/', import.meta.url).pathname;
const plain = join(publicDir, '218007301253_CloudTrail_us-east-1_20230710T1205Z_zs3JGxETHr59VpkX.json');
const gz = join(publicDir, '218007301253_CloudTrail_us-east-1_20230710T1235Z_YbVFCP9AYzJDhHV9.json.gz');
const dir = mkdtempSync(join(tmpdir(), 'trailguide-actor-'));

function run(args: string[]) {
  const result = spawnSync(process.execPath, [bin, 'actor', ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1', XDG_STATE_HOME: join(dir, 'state')}, cwd: dir});
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

type Raw = Record<string, unknown> & {userIdentity: {arn?: string; type?: string; userName?: string}; eventID: string};
const gzRecords = (JSON.parse(gunzipSync(readFileSync(gz)).toString('utf8')) as {Records: Raw[]}).Records;
const plainRecords = (JSON.parse(readFileSync(plain, 'utf8')) as {Records: Raw[]}).Records;
const benjamin = 'arn:aws:iam::123837392027:user/benjamin';

function eventFile(name: string, record: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(record));
  return path;
}

describe('trailguide actor', () => {
  it('a trail file as EVENT: its own records are searched; the role session\'s events, the start marked', () => {
    const start = plainRecords.find((r) => r.userIdentity.type === 'AssumedRole');
    const {code, stdout, stderr} = run([plain, '--record', start?.eventID ?? '']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('**Actor:** `AssumedRole stratus-red-team-ec2-steal-credentials-role/i-0dbc91f429e48eeed (ASIATFQR7NSCSHSEVYP5)`');
    expect(stdout).toContain('2 events found, oldest first.');
    expect(stdout.split('\n').filter((l) => l.startsWith('| ▶ |'))).toHaveLength(1);
  });

  it('one event and --files (a .json.gz and a plain file): every event of the user, in time order, in JSON', () => {
    const start = gzRecords.find((r) => r.userIdentity.arn === benjamin);
    const event = eventFile('benjamin.json', start);
    const {code, stdout} = run([event, '--files', gz, plain, '--format', 'json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {rows: {time: string; isStart: boolean; eventId: string; origin: string}[]; engines: {label: string; rows: number}[]};
    const expected = [...gzRecords, ...plainRecords].filter((r) => r.userIdentity.arn === benjamin).map((r) => r.eventID);
    expect(out.rows.map((r) => r.eventId).sort()).toEqual([...expected].sort());
    expect(out.rows.map((r) => r.time)).toEqual(out.rows.map((r) => r.time).sort());
    expect(out.rows.filter((r) => r.isStart).map((r) => r.eventId)).toEqual([start?.eventID]);
    expect(out.engines.map((e) => e.label)).toEqual([`the event's input (${event})`, 'the input files (2 paths)']);
  });

  it('the window counts from the event\'s time: --since 1m --until 1m keeps the minute either side', () => {
    const start = plainRecords.find((r) => r.eventID === '6cbc65fd-4021-4e7a-8165-9b9aa78ab86b');
    const {code, stdout} = run([plain, '--record', start?.eventID ?? '', '--since', '1m', '--until', '1m', '--format', 'json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {window: {since: string; until: string}; rows: {time: string}[]};
    expect(out.window).toEqual({since: '2023-07-10T11:56:50.000Z', until: '2023-07-10T11:58:50.000Z'});
    expect(out.rows.length).toBeGreaterThan(0);
    expect(out.rows.every((r) => r.time >= '2023-07-10T11:56:50Z' && r.time < '2023-07-10T11:58:50Z')).toBe(true);
  });

  it('an event with no identity (an AWS service): says why there is no timeline, exit 0', () => {
    const service = plainRecords.find((r) => r.userIdentity.type === 'AWSService');
    const {code, stdout, stderr} = run([eventFile('service.json', service)]);
    expect(code).toBe(0);
    expect(stdout).toContain('No timeline: the call was made by the AWS service cloudtrail.amazonaws.com itself');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    ['no --files path can be read', () => [plain, '--record', '1', '--files', join(dir, 'missing.json.gz')], 3, 'missing.json.gz: not found'],
    ['a bad --since', () => [plain, '--record', '1', '--since', 'yesterday'], 2, '--since: "yesterday" is not a time'],
    ['an unreadable EVENT', () => [join(dir, 'nope.json')], 3, 'nope.json: file not found'],
  ])('%s: one line, exit %i, no stack trace', (_name, args, exit, message) => {
    const {code, stderr} = run(args());
    expect(code).toBe(exit);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('hostile escape bytes in the principal\'s name print inert, in Markdown and on stderr', () => {
    const base = gzRecords.find((r) => r.userIdentity.arn === benjamin) as Raw;
    const bytes = payloads.map((p) => p.bytes).join('');
    const hostile = {...base, eventName: `Run${bytes}`, userIdentity: {...base.userIdentity, arn: `arn:aws:iam::123837392027:user/mallory${bytes}`, userName: `mallory${bytes}`, accessKeyId: 'AKIAHOSTILE000000001'}};
    const event = eventFile('hostile.json', {Records: [hostile, {...hostile, eventID: 'other-event'}]});
    // A path cannot hold NUL; every other payload goes into a missing --files path, which is reported.
    const {code, stdout, stderr} = run([event, '--record', '1', '--files', join(dir, `gone${bytes.replaceAll('\u0000', '')}.json`), plain]);
    expect(code).toBe(0);
    expect(rawControlsIn(stdout)).toEqual([]);
    expect(rawControlsIn(stderr)).toEqual([]);
    expect(stdout).toContain('mallory\\x1b');
    expect(stdout).toContain('2 events found');
    expect(stdout).toContain('/gone\\x1b');
  });
});
