// `trailguide check` and the AWS-connected TUI, as shipped, against the loopback AWS server.
import {loopbackAwsEnv} from '../helpers/loopback-env.js';
import {spawn} from 'node:child_process';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {cloudTrailEvents, defaultCloudTrailRecords, firstOf, startAwsServer, unauthorized, type AwsServer} from '../fixtures/aws/server.js';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {spawnInTerminal} from '../helpers/pty.js';
import {scenario} from '../helpers/candidates.js';

const bin = new URL('../../dist/trailguide.js', import.meta.url).pathname;
let server: AwsServer;
beforeAll(async () => {
  server = await startAwsServer();
});
afterAll(async () => {
  await server.close();
});

const awsEnv = () => loopbackAwsEnv(server.url);

function run(args: string[], env: Record<string, string | undefined>): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {env: {PATH: process.env['PATH'], HOME: '/nonexistent', ...env}});
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({code, stdout, stderr}));
  });
}

describe('trailguide check', () => {
  it('dry-runs every action of the runbook and totals the verdicts', async () => {
    server.requests.length = 0;
    const {code, stdout, stderr} = await run(['check', '--record', 'sg-default-ssh-in-default-vpc', '--track', 'cli'], awsEnv());
    expect(stderr).toContain(`checking as arn:aws:sts::111122223333:assumed-role/IncidentResponder/oncall in account 111122223333`);
    expect(code).toBe(0);
    expect(stdout).toContain('`ec2:DeleteSecurityGroup` `{"GroupId":"sg-0123456789abcdef0"}` → **would succeed: you have permission**');
    // The Describe* checks are run for real (they change nothing): their answers are what the steps show.
    // IAM's changes (contain the actor) have no DryRun: their permission is checked with the policy simulator.
    expect(stdout).toMatch(/\n[2-9]\d* read for real \(read-only\), \d+ would succeed, \d+ permitted \(IAM, checked with iam:SimulatePrincipalPolicy\), \d+ need values the event does not give\n/);
    const mutating = server.requests.filter((r) => r.service === 'ec2' && !/^Describe/.test(r.action));
    expect(mutating.length).toBeGreaterThan(0);
    expect(mutating.every((r) => r.params['DryRun'] === 'true')).toBe(true);
  });
  it('exits 5 when an action is denied', async () => {
    server.setBehaviour(firstOf(unauthorized('DeleteSecurityGroup')));
    try {
      const {code, stdout} = await run(['check', '--record', 'sg-default-ssh-in-default-vpc', '--format', 'json'], awsEnv());
      expect(code).toBe(5);
      const json = JSON.parse(stdout) as {rows: Array<{action: {operation: string}; text: string}>; total: string};
      expect(json.rows.find((r) => r.action.operation === 'DeleteSecurityGroup')?.text).toBe('denied: you lack permission for ec2:DeleteSecurityGroup');
      expect(json.total).toMatch(/1 denied/);
    } finally {
      server.setBehaviour(undefined);
    }
  });
  it('exits 6 and says why when there are no credentials', async () => {
    const {code, stderr} = await run(['check', '--record', 'sg-default-ssh-in-default-vpc'], {AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent'});
    expect(code).toBe(6);
    expect(stderr).toBe('trailguide: no AWS credentials found: nothing was checked\n');
  });
});

describe('the TUI connected to an account', () => {
  it('says which account it uses and shows the Now panel', async () => {
    const event = join(mkdtempSync(join(tmpdir(), 'trailguide-aws-')), 'event.json');
    writeFileSync(event, JSON.stringify(scenario('sg-default-ssh-in-default-vpc').record.raw));
    const term = spawnInTerminal(process.execPath, [bin, event], {cols: 120, rows: 40, env: awsEnv()});
    try {
      await term.waitFor('AWS account 111122223333 in us-east-1 as arn:aws:sts::111122223333:assumed-role/IncidentResponder/oncall');
      const now = await term.waitFor('the rule 0.0.0.0/0');
      expect(now).toContain('Now');
      term.type('q');
      expect(await term.exited).toBe(0);
    } finally {
      term.kill();
    }
  });
  it('runs the training scenarios in the sandbox, whatever credentials there are', async () => {
    server.requests.length = 0;
    const term = spawnInTerminal(process.execPath, [bin], {cols: 120, rows: 30, env: awsEnv()});
    try {
      await term.waitFor('training sandbox: actions run on a simulated account · nothing is sent to AWS');
      term.type('q');
      expect(await term.exited).toBe(0);
      expect(server.requests).toEqual([]);
    } finally {
      term.kill();
    }
  });
});

describe('events straight from CloudTrail', () => {
  const records = defaultCloudTrailRecords();
  it('opens one event by its ID with --event-id', async () => {
    const sg = records.find((r) => r['eventName'] === 'CreateSecurityGroup')!;
    const term = spawnInTerminal(process.execPath, [bin, '--event-id', String(sg['eventID']), '--region', 'us-east-1'], {cols: 120, rows: 40, env: awsEnv()});
    try {
      const screen = await term.waitFor('Resources named by the event');
      expect(screen).toContain('CreateSecurityGroup · ec2.amazonaws.com');
      expect(server.requests.some((r) => r.service === 'cloudtrail' && r.action === 'LookupEvents')).toBe(true);
      term.type('q');
      expect(await term.exited).toBe(0);
    } finally {
      term.kill();
    }
  });
  it('says so when the event ID is not in the event history', async () => {
    const {code, stderr} = await run(['--event-id', '00000000-0000-4000-8000-000000000000', '--region', 'us-east-1'], awsEnv());
    expect(code).toBe(3);
    expect(stderr).toContain('no such event in the last 90 days of event history');
  });
  it('lists the recent events that have runbooks, newest first, in the picker', async () => {
    const hour = 3600_000;
    const fresh = records
      .filter((r) => ['CreateSecurityGroup', 'CreateRoute'].includes(String(r['eventName'])))
      .map((r, i): Record<string, unknown> => ({...r, eventTime: new Date(Date.now() - (i + 1) * hour).toISOString().replace(/\.\d+Z$/, 'Z')}));
    server.setBehaviour(cloudTrailEvents(fresh));
    server.requests.length = 0;
    const term = spawnInTerminal(process.execPath, [bin, 'recent', '--since', '24h', '--region', 'us-east-1'], {cols: 120, rows: 30, env: awsEnv()});
    try {
      // The runbooks' events are all EC2's: one EventSource listing reads them (it was one EventName listing
      // per event, 27 requests, about 14 s at CloudTrail's 2 a second).
      const picker = await term.waitFor('2 recent events from CloudTrail in us-east-1 (last 24h)', 15_000);
      const rows = picker.split('\n').filter((l) => /CreateSecurityGroup|CreateRoute/.test(l) && /runbook/.test(l));
      expect(rows[0]).toContain(String(fresh[0]!['eventName']));
      const lookups = server.requests.filter((r) => r.action === 'LookupEvents');
      expect(lookups.map((r) => [r.params['LookupAttributes.1.AttributeKey'], r.params['LookupAttributes.1.AttributeValue']])).toEqual([['EventSource', 'ec2.amazonaws.com']]);
      term.type('q');
      expect(await term.exited).toBe(0);
    } finally {
      term.kill();
      server.setBehaviour(undefined);
    }
  }, 30_000);
  it('refuses --since beyond what LookupEvents keeps', async () => {
    const {code, stderr} = await run(['recent', '--since', '120d'], awsEnv());
    expect(code).toBe(2);
    expect(stderr).toContain('--since');
  });
});

