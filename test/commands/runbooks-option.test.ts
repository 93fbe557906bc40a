// --runbooks DIR and TRAILGUIDE_RUNBOOKS through the built binary, on every command that loads runbooks
// without a terminal: runbooks, plan, check, triage (in this thread and in worker threads), recent and report.
// A user's runbook answers a new event or replaces a built-in; one bad file stops the command with exit 3.
import '../helpers/aws-env.js';
import {eventNamesOfFile} from '../../src/runbooks/catalog.js';
import {spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parse as parseYaml} from 'yaml';
import {startAwsServer, type AwsServer} from '../fixtures/aws/server.js';
import {loopbackAwsEnv} from '../helpers/loopback-env.js';
import {renamedRecord, renamedRunbook, runbookDir} from '../helpers/user-runbooks.js';
import {walkedSession} from '../report/journals.js';

const bin = new URL('../../dist/trailguide.js', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'trailguide-runbooks-option-'));

function run(args: readonly string[], env: Record<string, string> = {}): Promise<{code: number | null; stdout: string; stderr: string}> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'TRAILGUIDE_RUNBOOKS'));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {env: {...base, NO_COLOR: '1', XDG_STATE_HOME: join(work, 'state'), ...env}, cwd: work});
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({code, stdout, stderr}));
  });
}

/** How a command is given the directory: with --runbooks, or in TRAILGUIDE_RUNBOOKS. */
interface Way {
  readonly args: readonly string[];
  readonly env: Record<string, string>;
}
const bothWays = (dir: string): Way[] => [{args: ['--runbooks', dir], env: {}}, {args: [], env: {TRAILGUIDE_RUNBOOKS: dir}}];

function file(name: string, content: string): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

/** A group event the built-ins do not answer; without a VPC, so the runbook's own "default VPC" finding is raised. */
const ourRecord = (eventID: string) => {
  const record = renamedRecord('CreateSecurityGroup', 'CopiedGroupEvent');
  return {...record, eventID, requestParameters: {groupName: 'web', groupDescription: 'web'}};
};
const groups = runbookDir({'groups.yaml': renamedRunbook('CreateSecurityGroup', ['CopiedGroupEvent'], 'Our own group runbook')});
// As JSON: read through the same schema as YAML.
// A team's runbook for every event the built-in route runbook answers (CreateRoute, ReplaceRoute, …), so it replaces it whole.
const routeEvents = eventNamesOfFile('CreateRoute');
const routes = runbookDir({'routes.json': JSON.stringify(parseYaml(renamedRunbook('CreateRoute', routeEvents, 'Our own route runbook')) as unknown)});
const badText = renamedRunbook('CreateSecurityGroup', ['BrokenGroupEvent'], 'Broken').replace(/^version: 1$/m, 'version: one');
const bad = runbookDir({'a-good.yaml': renamedRunbook('CreateRoute', ['OtherRouteEvent'], 'Fine'), 'b-bad.yaml': badText});
const badLine = badText.split('\n').findIndex((l) => l === 'version: one') + 1;
const ours = file('ours.json', JSON.stringify(ourRecord('ours-1')));

const stateDir = join(work, 'report-state');
const {entries} = walkedSession('CreateRoute');
const sessionId = entries[0]!.session;
mkdirSync(join(stateDir, 'sessions'), {recursive: true});
writeFileSync(join(stateDir, 'sessions', `${sessionId}.jsonl`), entries.map((e) => `${JSON.stringify(e)}\n`).join(''));

describe('trailguide runbooks', () => {
  it('lists the users\' runbooks with the events they answer and their files, the replaced built-in left out', async () => {
    const {code, stdout} = await run(['runbooks', '--runbooks', groups, '--runbooks', routes]);
    expect(code).toBe(0);
    expect(stdout).toContain(`CopiedGroupEvent             Our own group runbook`);
    expect(stdout).toContain(`from ${join(groups, 'groups.yaml')}\n`);
    expect(stdout).toContain(`${routeEvents.join(', ')}\n${' '.repeat(29)}Our own route runbook`);
    expect(stdout).toContain(`from ${join(routes, 'routes.json')} · replaces the built-in src/runbooks/CreateRoute.yaml`);
    expect(stdout).toContain('built-in: src/runbooks/CreateSecurityGroup.yaml');
    expect(stdout).not.toContain('built-in: src/runbooks/CreateRoute.yaml');
  });
  it('reads TRAILGUIDE_RUNBOOKS (colon-separated) first, then --runbooks', async () => {
    const {code, stdout} = await run(['runbooks'], {TRAILGUIDE_RUNBOOKS: `${groups}:${routes}`});
    expect(code).toBe(0);
    expect(stdout.indexOf('Our own group runbook')).toBeLessThan(stdout.indexOf('Our own route runbook'));
    const clash = runbookDir({'mine.yaml': renamedRunbook('CreateSecurityGroup', ['CopiedGroupEvent'], 'Mine')});
    const both = await run(['runbooks', '--runbooks', clash], {TRAILGUIDE_RUNBOOKS: groups});
    expect(both.code).toBe(3);
    expect(both.stderr).toMatch(new RegExp(`^trailguide: ${join(clash, 'mine.yaml')}:\\d+:3: events.names: CopiedGroupEvent \\(ec2.amazonaws.com\\) is also answered by ${join(groups, 'groups.yaml')}: one event, one runbook\\n$`));
  });
  it('without either, lists the built-ins only', async () => {
    const {code, stdout} = await run(['runbooks']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('CopiedGroupEvent');
    expect(stdout).toContain('built-in: src/runbooks/CreateRoute.yaml');
  });
});

describe('one bad file stops every command: exit 3, one line with its path, line, column, field and problem', () => {
  const logs = join(work, 'bad-logs');
  mkdirSync(logs, {recursive: true});
  writeFileSync(join(logs, 'a.json'), JSON.stringify({Records: [ourRecord('x')]}));
  it.each([
    ['runbooks', ['runbooks']],
    ['plan', ['plan', ours]],
    ['check', ['check', ours]],
    ['triage', ['triage', logs, '--format', 'md']],
    ['report', ['report', '--state-dir', stateDir]],
  ])('%s', async (_name, args) => {
    for (const how of bothWays(bad)) {
      const {code, stdout, stderr} = await run([...args, ...how.args], how.env);
      expect(code).toBe(3);
      expect(stdout).toBe('');
      expect(stderr).toMatch(new RegExp(`^trailguide: ${join(bad, 'b-bad.yaml')}:${badLine}:1: version: [^\n]*number[^\n]*\n$`));
    }
  });
  it('a directory that is not there', async () => {
    const {code, stderr} = await run(['plan', ours, '--runbooks', join(work, 'nope')]);
    expect(code).toBe(3);
    expect(stderr).toBe(`trailguide: ${join(work, 'nope')}: no such directory (--runbooks, TRAILGUIDE_RUNBOOKS)\n`);
  });
});

describe('trailguide plan', () => {
  it('plans an event only a user runbook answers, with --runbooks or TRAILGUIDE_RUNBOOKS', async () => {
    // Without the user's runbook the event still opens, on the general runbook (the caller and how to stop them).
    const without = await run(['plan', ours]);
    expect(without.code).toBe(0);
    expect(without.stdout).toContain('# CopiedGroupEvent — Any event');
    for (const how of bothWays(groups)) {
      const {code, stdout} = await run(['plan', ours, '--format', 'json', ...how.args], how.env);
      expect(code).toBe(0);
      const plan = JSON.parse(stdout) as {runbook: {title: string}; findings: {id: string}[]};
      expect(plan.runbook.title).toBe('Our own group runbook');
      expect(plan.findings.map((f) => f.id)).toContain('sg-in-default-vpc');
    }
  });
  it('takes a user runbook that replaces a built-in, and picks the event it answers out of several', async () => {
    const record = renamedRecord('CreateRoute', 'ReplaceRoute');
    const several = file('several.json', JSON.stringify({Records: [renamedRecord('CreateRoute', 'DeleteBucket'), record]}));
    const {code, stdout} = await run(['plan', several, '--runbooks', routes]);
    expect(code).toBe(0);
    expect(stdout).toContain('Our own route runbook');
  });
});

describe('trailguide check', () => {
  let server: AwsServer;
  beforeAll(async () => {
    server = await startAwsServer();
  });
  afterAll(async () => {
    await server.close();
  });
  it('dry-runs every action of a user runbook: each mutating call with DryRun=true', async () => {
    server.requests.length = 0;
    const {code, stdout, stderr} = await run(['check', ours, '--track', 'cli', '--runbooks', groups], loopbackAwsEnv(server.url));
    expect(stderr).toContain('checking as');
    expect(code).toBe(0);
    expect(stdout).toContain('# Preflight: CopiedGroupEvent (cli)');
    expect(stdout).toContain('`ec2:DeleteSecurityGroup`');
    const mutating = server.requests.filter((r) => r.service === 'ec2' && !/^Describe/.test(r.action));
    expect(mutating.length).toBeGreaterThan(0);
    expect(mutating.every((r) => r.params['DryRun'] === 'true')).toBe(true);
  });
});

describe('trailguide triage', () => {
  const logs = join(work, 'logs');
  mkdirSync(logs, {recursive: true});
  writeFileSync(join(logs, 'a.json'), JSON.stringify({Records: [ourRecord('ours-1'), renamedRecord('CreateSecurityGroup', 'CreateSecurityGroup')]}));
  const matches = (stdout: string) => (JSON.parse(stdout) as {matches: {eventName: string; findings: {id: string}[]}[]}).matches;

  it('lists a user runbook\'s event with its runbook\'s findings, with --runbooks or TRAILGUIDE_RUNBOOKS', async () => {
    const without = await run(['triage', logs, '--format', 'json']);
    expect(matches(without.stdout).map((m) => m.eventName)).toEqual(['CreateSecurityGroup']);
    const all = await run(['triage', logs, '--format', 'json', '--all']);
    expect(matches(all.stdout).find((m) => m.eventName === 'CopiedGroupEvent')?.findings.map((f) => f.id)).not.toContain('sg-in-default-vpc');
    for (const how of bothWays(groups)) {
      const {code, stdout} = await run(['triage', logs, '--format', 'json', ...how.args], how.env);
      expect(code).toBe(0);
      expect(matches(stdout).find((m) => m.eventName === 'CopiedGroupEvent')?.findings.map((f) => f.id)).toContain('sg-in-default-vpc');
    }
  });
  it('in worker threads too: each builds the same set', async () => {
    // Over 4 MB of log: triage reads it with worker threads.
    const big = join(work, 'big-logs');
    mkdirSync(big, {recursive: true});
    const filler = renamedRecord('CreateSecurityGroup', 'DescribeInstances');
    for (const part of ['a', 'b', 'c']) {
      const records = Array.from({length: 1200}, (_, i) => ({...filler, eventID: `${part}-${i}`}));
      if (part === 'c') records.push(ourRecord('ours-in-worker'));
      writeFileSync(join(big, `${part}.json`), JSON.stringify({Records: records}));
    }
    const {code, stdout} = await run(['triage', big, '--format', 'json', '--jobs', '2', '--runbooks', groups]);
    expect(code).toBe(0);
    expect(matches(stdout)).toEqual([expect.objectContaining({eventName: 'CopiedGroupEvent', findings: expect.arrayContaining([expect.objectContaining({id: 'sg-in-default-vpc'})]) as unknown})]);
  });
});

describe('trailguide recent', () => {
  it('looks up an event only a user runbook answers (--name is checked against the runbooks in use)', async () => {
    const noAws = {AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: ''};
    const without = await run(['recent', '--name', 'CopiedGroupEvent'], noAws);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('--name CopiedGroupEvent: no runbook for it');
    for (const how of bothWays(groups)) {
      // Accepted: it goes on to CloudTrail, which cannot be asked here (exit 6).
      const {code, stderr} = await run(['recent', '--name', 'CopiedGroupEvent', ...how.args], {...noAws, ...how.env});
      expect(stderr).not.toContain('no runbook for it');
      expect(code).toBe(6);
    }
  });
});

describe('trailguide report', () => {
  it('finds the user runbook a session was walked with again when given the same --runbooks', async () => {
    const title = async (args: readonly string[], env: Record<string, string> = {}) => {
      const {code, stdout} = await run(['report', sessionId, '--state-dir', stateDir, '--format', 'json', ...args], env);
      expect(code).toBe(0);
      return (JSON.parse(stdout) as {runbook: {title: string} | null}).runbook?.title;
    };
    expect(await title([])).toBe('A VPC route or route table changed');
    expect(await title(['--runbooks', routes])).toBe('Our own route runbook');
    expect(await title([], {TRAILGUIDE_RUNBOOKS: routes})).toBe('Our own route runbook');
  });
});
