// `trailguide triage` as a user runs it (the built binary): output formats and exit codes.
import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';

const bin = new URL('../../dist/trailguide.js', import.meta.url).pathname;
const publicDir = new URL('../fixtures/cloudtrail-public/', import.meta.url).pathname;
const notJson = join(mkdtempSync(join(tmpdir(), 'trailguide-triage-cli-')), 'hello.json');
writeFileSync(notJson, 'hello, world\n');

function run(args: string[]) {
  const result = spawnSync(process.execPath, [bin, 'triage', ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

describe('trailguide triage', () => {
  it('prints a Markdown table by default and exits 0; a file that is not JSON is listed with its reason', () => {
    const {code, stdout} = run([publicDir, notJson, '--all', '--name', 'AssumeRole', '--limit', '2']);
    expect(code).toBe(0);
    expect(stdout).toContain('| # | Severity | Time | Event |');
    expect(stdout).toMatch(/\| 1 \| high \| 2023-07-10T\S+ \| AssumeRole \|/);
    expect(stdout).toContain(`- \`${notJson}\`: not JSON: starts with 'h'`);
  });

  it('--format json: the two log files (the Stratus teardown of routes and an internet gateway) and the single record, which is a failed CreateRoute', () => {
    const {code, stdout} = run([publicDir, '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as {matches: {eventName: string}[]};
    expect(json).toMatchObject({summary: {files: 3, events: 382, matched: 6, isStopped: false}});
    expect(json.matches.map((m) => m.eventName)).toEqual(['DisassociateRouteTable', 'DisassociateRouteTable', 'DeleteInternetGateway', 'DetachInternetGateway', 'DeleteInternetGateway', 'CreateRoute']);
    expect(json.matches.at(-1)).toMatchObject({eventName: 'CreateRoute', eventID: '1', index: 0});
  });

  it.each([
    [['--since', 'yesterday'], 2, '--since: "yesterday" is not a time'],
    [['--format', 'xml'], 2, "argument 'xml' is invalid"],
    [[], 2, 'give the trail log files or folders (PATH…), or --lake / --athena'],
  ])('%j exits %i', (args, exitCode, message) => {
    const {code, stderr} = run(args.length ? [publicDir, ...args] : []);
    expect(code).toBe(exitCode);
    expect(stderr).toContain(message);
  });

  it('ends quietly when the reader of its output stops early (| head): exit 0, no stack trace', async () => {
    const child = spawn(process.execPath, [bin, 'triage', publicDir, '--all', '--format', 'json'], {stdio: ['ignore', 'pipe', 'pipe']});
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('--known-accounts reaches the findings', () => {
    const peering = readFileSync(new URL('../fixtures/events/CreateVpcPeeringConnection/risky.json', import.meta.url), 'utf8');
    const file = join(mkdtempSync(join(tmpdir(), 'trailguide-triage-cli-')), 'peering.json');
    writeFileSync(file, `{"Records":[${peering}]}`);
    const findings = (args: string[]) => (JSON.parse(run([file, '--format', 'json', ...args]).stdout) as {matches: {findings: {id: string}[]}[]}).matches[0]?.findings.map((f) => f.id);
    expect(findings([])).toContain('peering-cross-account');
    expect(findings(['--known-accounts', '444455556666'])).not.toContain('peering-cross-account');
  });

  it('exits 3 when no path can be read, naming it', () => {
    const {code, stdout, stderr} = run(['/nonexistent/AWSLogs']);
    expect(code).toBe(3);
    expect(stdout).toContain('`/nonexistent/AWSLogs`: not found');
    expect(stderr).toContain('none of the paths could be read');
  });

  it('says in its help that a terminal gets a picker that fills as events are found', () => {
    expect(run(['--help']).stdout).toMatch(/picker that fills/);
  });
});
