// `trailguide triage --lake/--athena`: the triage flags become one query (the real Lake engine and SDK
// against the loopback server), its rows are ranked as a file scan ranks its matches and printed the
// same way; an engine error is one line and exit 6; Ctrl-C cancels the query at the source.
import '../helpers/aws-env.js';
import {afterEach, describe, expect, it} from 'vitest';
import {athenaLayout, queryEngine, runQueryTriage, startQueryTriage, wantsQuery, type QueryTriageIo} from '../../src/commands/query-triage.js';
import {triageOptions, type TriageFlags} from '../../src/commands/triage.js';
import {exitCodes, UsageError} from '../../src/exit-codes.js';
import {createLakeEngine} from '../../src/timeline/engines/lake.js';
import type {TimelineEngine} from '../../src/timeline/types.js';
import {cloudTrailError, startAwsServer, type AwsServer, type Behaviour, type HttpReply} from '../fixtures/aws/server.js';

const eds = 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';
const now = Date.parse('2024-03-10T12:00:00Z');
const flags: TriageFlags = {name: [], limit: '10'};
const json = (body: unknown): HttpReply => ({status: 200, contentType: 'application/x-amz-json-1.1', body: JSON.stringify(body)});

function lakeRow(values: Record<string, string>): Record<string, string>[] {
  return Object.entries({eventsource: 'ec2.amazonaws.com', awsregion: 'eu-west-1', recipientaccountid: '111122223333', sourceipaddress: '203.0.113.9', ...values}).map(([key, value]) => ({[key]: value}));
}
const rows = [
  lakeRow({eventname: 'AuthorizeSecurityGroupIngress', eventtime: '2024-03-09 10:00:00.000', ui_type: 'IAMUser', ui_arn: 'arn:aws:iam::111122223333:user/alice', eventid: 'e-alice'}),
  lakeRow({eventname: 'AuthorizeSecurityGroupIngress', eventtime: '2024-03-08 09:00:00.000', ui_type: 'Root', ui_arn: 'arn:aws:iam::111122223333:root', eventid: 'e-root'}),
];

function lake(behaviour: {results?: Record<string, string>[][]; describe?: string} = {}): Behaviour {
  return (request) => {
    if (request.action === 'StartQuery') return json({QueryId: 'triage-q'});
    if (request.action === 'DescribeQuery') return json({QueryStatus: behaviour.describe ?? 'FINISHED'});
    if (request.action === 'GetQueryResults') return json({QueryStatus: 'FINISHED', QueryResultRows: behaviour.results ?? rows});
    if (request.action === 'CancelQuery') return json({QueryId: 'triage-q', QueryStatus: 'CANCELLED'});
    return undefined;
  };
}

let server: AwsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function engineOn(behaviour: Behaviour): Promise<TimelineEngine> {
  server = await startAwsServer(behaviour);
  return createLakeEngine({eventDataStore: eds, region: 'eu-west-1', endpoint: server.url, newestFirst: true, timing: {firstMs: 10, maxMs: 20}});
}

function io(extra: Partial<QueryTriageIo> = {}): QueryTriageIo & {out: string[]; errors: string[]} {
  const out: string[] = [];
  const errors: string[] = [];
  return {write: (text) => out.push(text), fail: (line) => errors.push(line), out, errors, ...extra};
}

function scanOf(engine: TimelineEngine, extra: Partial<TriageFlags> = {}) {
  const options = triageOptions({...flags, ...extra}, now);
  return startQueryTriage(engine, {...options, defaultSinceMs: now - 7 * 86_400_000});
}

describe('triage --lake', () => {
  it('runs the triage filters as one query and lists its rows most severe first, as a file scan does', async () => {
    const engine = await engineOn(lake());
    const output = io({format: 'md'});
    const code = await runQueryTriage(scanOf(engine, {region: 'eu-west-1', actor: 'Root'}), output);
    expect(code).toBe(exitCodes.ok);
    const statement = String((server?.requests.find((r) => r.action === 'StartQuery')?.body as {QueryStatement?: string}).QueryStatement);
    // Without --all or --name: the events that have a runbook, in the window (default: 7 days back).
    expect(statement).toMatch(/eventname IN \([^)]*'AuthorizeSecurityGroupIngress'/);
    expect(statement).toContain("eventtime >= '2024-03-03 12:00:00'");
    expect(statement).toContain("awsregion IN ('eu-west-1')");
    expect(statement).toContain("strpos(lower(useridentity.arn), 'root') > 0");
    expect(statement).toContain('ORDER BY eventtime DESC');
    const md = output.out.join('');
    expect(md).toContain(`from CloudTrail Lake ${eds}`);
    // --actor root: the query and the same test as a file scan keep the root's event only.
    expect(md).toContain('arn:aws:iam::111122223333:root');
    expect(md).not.toContain('user/alice');
    expect(output.errors).toEqual([]);
  });

  it('ranks the root user\'s older call above a newer one without findings of that weight', async () => {
    const engine = await engineOn(lake());
    const output = io({format: 'json'});
    expect(await runQueryTriage(scanOf(engine), output)).toBe(exitCodes.ok);
    const parsed = JSON.parse(output.out.join('')) as {matches: {eventID: string; file: string; findings: {severity: string}[]}[]; summary: {source?: string; events: number}};
    expect(parsed.matches.map((m) => m.eventID)).toEqual(['e-root', 'e-alice']);
    expect(parsed.matches[0]?.file).toBe(`CloudTrail Lake ${eds}`);
    expect(parsed.summary).toMatchObject({source: `CloudTrail Lake ${eds}`, events: 2});
  });

  it('prints one line and exits 6 when Lake refuses the caller', async () => {
    const engine = await engineOn((request) => (request.action === 'StartQuery' ? cloudTrailError(400, 'AccessDeniedException', 'not authorized') : undefined));
    const output = io();
    expect(await runQueryTriage(scanOf(engine), output)).toBe(exitCodes.noAws);
    expect(output.errors).toEqual([`CloudTrail Lake ${eds}: refused (AccessDeniedException): the caller needs cloudtrail:StartQuery, cloudtrail:DescribeQuery, cloudtrail:GetQueryResults and cloudtrail:CancelQuery`]);
    expect(output.out).toEqual([]);
  });

  it('Ctrl-C cancels the running query at the source and prints what was read', async () => {
    const engine = await engineOn(lake({describe: 'RUNNING'}));
    let stop: (() => void) | undefined;
    const output = io({onInterrupt: (s) => ((stop = s), () => undefined), format: 'md'});
    const running = runQueryTriage(scanOf(engine), output);
    while (!server?.requests.some((r) => r.action === 'DescribeQuery')) await new Promise((resolve) => setTimeout(resolve, 5));
    stop?.();
    expect(await running).toBe(exitCodes.stopped);
    expect(server.requests.at(-1)?.action).toBe('CancelQuery');
    expect(output.out.join('')).toContain('Stopped before the query finished');
  });

  it('refuses an event name Lake cannot carry as a usage error, before any query', async () => {
    const engine = await engineOn(lake());
    await expect(runQueryTriage(scanOf(engine, {name: ["RunInstances' OR '1'='1"]}), io())).rejects.toThrow(UsageError);
    expect(server?.requests.filter((r) => r.action === 'StartQuery')).toEqual([]);
  });
});

describe('triage query flags', () => {
  it('take --lake or --athena, never both, never with paths, and --athena with a workgroup', async () => {
    expect(wantsQuery({lake: eds}, [])).toBe(true);
    expect(wantsQuery({}, ['trail.json'])).toBe(false);
    expect(() => wantsQuery({lake: eds, athena: 'db.t', workgroup: 'w'}, [])).toThrow(/not both/);
    expect(() => wantsQuery({lake: eds}, ['trail.json'])).toThrow(/no PATH/);
    expect(() => wantsQuery({}, [])).toThrow(/PATH/);
    expect(() => wantsQuery({athena: 'db.t'}, [])).toThrow(/--workgroup/);
    expect(() => wantsQuery({workgroup: 'w'}, ['trail.json'])).toThrow(/go with --lake or --athena/);
    await expect(queryEngine({lake: "x'; DROP"})).rejects.toThrow(/^--lake: the event data store must be/);
    await expect(queryEngine({athena: 'nodot', workgroup: 'w'})).rejects.toThrow(/^--athena: the Athena table must be DATABASE\.TABLE/);
    expect((await queryEngine({athena: 'security.cloudtrail_org', workgroup: 'ir'})).label).toBe('Athena security.cloudtrail_org');
  });

  it('--athena-partitions names the table\'s day, Region and account partitions, - for one it lacks', () => {
    expect(athenaLayout(undefined)).toBeUndefined();
    expect(athenaLayout('dt, region ,-')).toEqual({time: 'dt', region: 'region', account: null});
    expect(() => athenaLayout('timestamp,region')).toThrow(UsageError);
    expect(() => athenaLayout('timestamp,,account')).toThrow(UsageError);
    expect(() => wantsQuery({athenaPartitions: 'a,b,c'}, ['trail.json'])).toThrow(/go with --lake or --athena/);
  });
});
