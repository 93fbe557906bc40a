// The built binary as a user runs it: exit codes, one clear line for bad input, no stack traces.
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {walkedSession} from '../report/journals.js';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';

const bin = new URL('../../dist/trailguide.js', import.meta.url).pathname;
const publicDir = new URL('../fixtures/cloudtrail-public/', import.meta.url).pathname;
const panther = join(publicDir, 'CreateRoute-failed__panther.json');
const examples = new URL('../../examples/scenarios/', import.meta.url).pathname;
const logFile = join(publicDir, '218007301253_CloudTrail_us-east-1_20230710T1205Z_zs3JGxETHr59VpkX.json');
const dir = mkdtempSync(join(tmpdir(), 'trailguide-cli-'));

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {encoding: 'utf8', input, env: {...process.env, NO_COLOR: '1', XDG_STATE_HOME: join(dir, 'state')}, cwd: dir});
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  mkdirSync(dirname(path), {recursive: true});
  writeFileSync(path, content);
  return path;
}

describe('bad input: one line naming the file and the problem, exit 3, no stack trace', () => {
  const gz = readFileSync(join(publicDir, '218007301253_CloudTrail_us-east-1_20230710T1235Z_YbVFCP9AYzJDhHV9.json.gz'));
  it.each([
    ['an empty file', () => file('empty.json', ''), 'empty.json: the input is empty'],
    ['not JSON', () => file('bad.json', '{"Records": [\n  {"eventName": }\n]}'), 'bad.json: line 2, column 17: not valid JSON'],
    ['JSON that is not CloudTrail', () => file('other.json', '{"hello": "world"}'), 'other.json: not a CloudTrail event'],
    ['a gzip that is cut short', () => file('cut.json.gz', gz.subarray(0, 4000)), 'cut.json.gz: the gzip data is cut short'],
    ['a directory', () => dir, `${dir}: is a directory, not a file`],
    ['a missing file', () => join(dir, 'nope.json'), 'nope.json: file not found'],
  ])('%s', (_name, make, message) => {
    const {code, stderr, stdout} = run(['plan', make()]);
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`trailguide: `);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('plan', () => {
  it('plans an event without a runbook of its own with the general runbook and exits 0', () => {
    const {code, stdout} = run(['plan', logFile, '--record', '6cbc65fd-4021-4e7a-8165-9b9aa78ab86b']);
    expect(code).toBe(0);
    expect(stdout).toContain('# Decrypt');
    expect(stdout).toContain('**No runbook of its own for Decrypt.**');
    expect(stdout).toContain('## The event\'s parameters');
  });
  it.each([
    ['{"Records": []}', 'no records: "Records" is an empty list; there is no CloudTrail event to open'],
    ['{"Events": []}', 'no records: "Events" is an empty list; there is no CloudTrail event to open'],
  ])('exits 4 with one line for input that holds no record at all: %s', (text, message) => {
    const {code, stdout, stderr} = run(['plan', file('no-records.json', text)]);
    expect(code).toBe(4);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe(`trailguide: ${join(dir, 'no-records.json')}: ${message}`);
  });
  it('asks which event when a file holds several', () => {
    const {code, stderr} = run(['plan', logFile]);
    expect(code).toBe(2);
    expect(stderr).toContain('choose one event with --record');
  });
  it('prints a Markdown plan with the event\'s values bound and a placeholder where the event\'s ID is not valid', () => {
    const {code, stdout} = run(['plan', panther]);
    expect(code).toBe(0);
    expect(stdout).toContain('**THE CALL FAILED: Blocked**');
    expect(stdout).toContain('aws ec2 describe-route-tables --route-table-ids <routeTableId> --region us-west-2');
    expect(stdout).toContain('Needs a value for: routeTableId');
  });
  it('reads the event from standard input with -', () => {
    const {code, stdout} = run(['plan', '-', '--format', 'json'], readFileSync(panther, 'utf8'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({event: {eventName: 'CreateRoute', errorCode: 'Blocked'}, track: 'cli'});
  });
  it('lists the training scenarios, and plans one with --scenario', () => {
    const list = run(['scenarios', '--format', 'json']);
    expect(list.code).toBe(0);
    const rows = JSON.parse(list.stdout) as Array<{id: string; runbook: string; kind: string}>;
    expect(rows).toContainEqual(expect.objectContaining({id: 'route-all-traffic-to-an-eni', runbook: 'CreateRoute', kind: 'risky'}));
    const plan = run(['plan', '--scenario', 'route-all-traffic-to-an-eni', '--format', 'json']);
    expect(plan.code).toBe(0);
    expect((JSON.parse(plan.stdout) as {event: {eventName: string}}).event.eventName).toBe('CreateRoute');
    const wrong = run(['plan', '--scenario', 'no-such-scenario']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('no-such-scenario: no such event');
  });
  it('lists, checks and plans a trainer\'s own scenarios with --scenarios DIR', () => {
    const list = run(['scenarios', '--scenarios', examples, '--format', 'json']);
    expect(list.code).toBe(0);
    const rows = JSON.parse(list.stdout) as Array<{id: string; runbook: string; difficulty: string; objectives: string[]; source: string}>;
    expect(rows.find((r) => r.id === 'sg-rdp-open-to-the-world')).toMatchObject({runbook: 'CreateSecurityGroup', difficulty: 'easy', objectives: ['Close RDP (3389) to the internet, keep the group']});
    expect(rows.filter((r) => r.source === 'built-in').length).toBeGreaterThanOrEqual(15);
    const plan = run(['plan', '--scenarios', examples, '--scenario', 'sg-rdp-open-to-the-world']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('sg-0aa11bb22cc33dd44');
    const broken = file('broken-scenarios/a.yaml', 'id: x\ntitle: y\n');
    const bad = run(['scenarios', '--scenarios', join(broken, '..')]);
    expect(bad.code).toBe(3);
    expect(bad.stderr.trim()).toMatch(/^trailguide: .*a\.yaml: .+$/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
  it('--seed renames a scenario\'s resources reproducibly', () => {
    // The same plan but for when its plan-mode verdicts were made and how long they took.
    const plan = (seed: string) => run(['plan', '--scenario', 'sg-default-ssh-in-default-vpc', '--seed', seed, '--format', 'json']).stdout.replace(/"(at|durationMs)": [^,\n]+/g, '');
    const groupOf = (text: string) => /"(sg-0[0-9a-f]{16})"/.exec(text)?.[1];
    expect(groupOf(plan('7'))).toBeDefined();
    expect(groupOf(plan('7'))).not.toBe('sg-0123456789abcdef0');
    expect(plan('7')).toBe(plan('7'));
    expect(groupOf(plan('8'))).not.toBe(groupOf(plan('7')));
    expect(run(['plan', panther, '--seed', '7']).code).toBe(2);
    expect(run(['plan', '--scenario', 'x', '--seed', 'two words']).stderr).toContain('--seed "two words": use letters');
  });
  it('plans a training scenario by its id', () => {
    const {code, stdout} = run(['plan', '--record', 'sg-default-ssh-in-default-vpc', '--track', 'sdk']);
    expect(code).toBe(0);
    expect(stdout).toContain('ec2.describe_security_groups(');
  });
});

describe('sessions, report and resume', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'trailguide-state-'));
  const {entries} = walkedSession('CreateRoute');
  const id = entries[0]!.session;
  mkdirSync(join(stateDir, 'sessions'), {recursive: true});
  writeFileSync(join(stateDir, 'sessions', `${id}.jsonl`), entries.map((e) => `${JSON.stringify(e)}\n`).join(''));

  it('lists the sessions', () => {
    const {code, stdout} = run(['sessions', '--state-dir', stateDir]);
    expect(code).toBe(0);
    expect(stdout).toContain(id);
    expect(stdout).toContain('CreateRoute');
    const json = JSON.parse(run(['sessions', '--state-dir', stateDir, '--format', 'json']).stdout) as Array<{id: string; ended: boolean}>;
    expect(json).toEqual([expect.objectContaining({id, ended: true})]);
  });
  it('prints the report of the latest session, as Markdown or JSON, redacted on request, or into a file', () => {
    const md = run(['report', '--state-dir', stateDir]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('# Incident report: CreateRoute');
    const json = JSON.parse(run(['report', id.slice(0, 20), '--state-dir', stateDir, '--format', 'json']).stdout) as {steps: Array<{status: string}>};
    expect(new Set(json.steps.map((s) => s.status))).toEqual(new Set(['done', 'skipped', 'not-reached']));
    const redacted = run(['report', '--state-dir', stateDir, '--redact']);
    expect(redacted.stdout).not.toContain('111122223333');
    expect(redacted.stdout).toContain('ACCOUNT-1');
    const out = join(stateDir, 'r.md');
    expect(run(['report', '--state-dir', stateDir, '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n').slice(0, 12)).toEqual(md.stdout.split('\n').slice(0, 12));
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });
  it('says clearly when there is no such session, and none to resume', () => {
    const wrong = run(['report', 'nope', '--state-dir', stateDir]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('no session "nope"');
    const empty = mkdtempSync(join(tmpdir(), 'trailguide-empty-'));
    expect(run(['report', '--state-dir', empty]).stderr).toContain('no sessions in');
    const resume = run(['resume', '--state-dir', empty]);
    expect(resume.code).toBe(2);
    expect(resume.stderr).toContain('no unfinished session');
  });
});

describe('usage', () => {
  it.each([
    [['--bogus'], 'unknown option'],
    [['plan', panther, '--track', 'web'], "Allowed choices are console, cli, sdk"],
    [['plan', panther, '--format', 'xml'], 'Allowed choices are md, json'],
  ])('%j exits 2', (args, message) => {
    const {code, stderr} = run(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
  it('prints help with the exit codes, and the version', () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes: 0 ok · 2 usage error · 3 input unreadable or not CloudTrail · 4 no CloudTrail record in the input');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string};
    expect(run(['--version']).stdout.trim()).toBe(pkg.version);
  });
  it('lists the runbooks', () => {
    const {code, stdout} = run(['runbooks']);
    expect(code).toBe(0);
    for (const name of ['CreateVpcPeeringConnection', 'AssociateVpcCidrBlock', 'CreateSecurityGroup', 'CreateRoute', 'CreateNetworkInterface']) expect(stdout).toContain(name);
  });
  // Issue 16: the EC2 events attackers cause and detection tools alert on, each answered by a runbook.
  it('lists a runbook for each EC2 event of exposure and data leaving the account', () => {
    const {code, stdout} = run(['runbooks']);
    expect(code).toBe(0);
    const attackerEvents = [
      'AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'ModifySecurityGroupRules',
      'CreateNetworkAclEntry', 'ReplaceNetworkAclEntry', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclAssociation',
      'ReplaceRoute', 'CreateRouteTable', 'ReplaceRouteTableAssociation', 'DisassociateRouteTable',
      'CreateInternetGateway', 'AttachInternetGateway', 'DetachInternetGateway', 'DeleteInternetGateway',
      'AcceptVpcPeeringConnection', 'ModifySnapshotAttribute', 'ModifyImageAttribute', 'DeleteFlowLogs',
      'CreateTrafficMirrorSession', 'CreateTrafficMirrorTarget', 'CreateTrafficMirrorFilterRule',
    ];
    expect(attackerEvents.filter((name) => !new RegExp(`\\b${name}\\b`).test(stdout))).toEqual([]);
  });
  it('says there is no terminal instead of crashing when the output is not one', () => {
    const {code, stderr} = run([panther]);
    expect(code).toBe(2);
    expect(stderr).toBe('trailguide: standard output is not a terminal; for text output use: trailguide plan EVENT\n');
  });
});
