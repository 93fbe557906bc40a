// Esc on a running CloudTrail Lake or Athena query, seen at the wire: the real SDK clients (made by
// the engines themselves, signed with documentation credentials) talk to loopback servers, and the
// server receives CancelQuery / StopQueryExecution for the query it started. Also at the wire: a
// throttled StartQuery and a refused StartQueryExecution end as one line each.
import '../../helpers/aws-env.js';
import {afterEach, describe, expect, it} from 'vitest';
import {createAthenaEngine} from '../../../src/timeline/engines/athena.js';
import {createLakeEngine} from '../../../src/timeline/engines/lake.js';
import {TimelineError, type TimelineFilter, type TimelinePage} from '../../../src/timeline/types.js';
import {athenaError, startAthenaServer, type AthenaServer} from '../../fixtures/aws/athena-server.js';
import {cloudTrailError, startAwsServer, type AwsServer} from '../../fixtures/aws/server.js';

const filter: TimelineFilter = {
  actor: {type: 'IAMUser', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', arn: 'arn:aws:iam::111122223333:user/alice', label: 'IAMUser alice'},
  since: new Date('2024-03-01T00:00:00Z'),
  until: new Date('2024-03-02T00:00:00Z'),
  limit: 50,
};
const timing = {firstMs: 20, maxMs: 50, limitMs: 10_000};

let servers: {close(): Promise<void>}[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** Reads pages until the first progress line says the query runs, then aborts; resolves with the error the search ends with. */
async function abortWhileRunning(pages: AsyncIterable<TimelinePage>, abort: AbortController): Promise<TimelineError> {
  try {
    for await (const page of pages) if (page.progress?.startsWith('query running') === true) abort.abort();
  } catch (error) {
    expect(error).toBeInstanceOf(TimelineError);
    return error as TimelineError;
  }
  throw new Error('the search ended without an error');
}

describe('Lake and Athena queries at the wire', () => {
  it('Esc on a running Lake query sends CancelQuery for it', async () => {
    const server: AwsServer = await startAwsServer((request) => {
      if (request.service !== 'cloudtrail') return undefined;
      if (request.action === 'StartQuery') return {status: 200, contentType: 'application/x-amz-json-1.1', body: JSON.stringify({QueryId: 'lake-q-7'})};
      if (request.action === 'DescribeQuery') return {status: 200, contentType: 'application/x-amz-json-1.1', body: JSON.stringify({QueryId: 'lake-q-7', QueryStatus: 'RUNNING'})};
      if (request.action === 'CancelQuery') return {status: 200, contentType: 'application/x-amz-json-1.1', body: JSON.stringify({QueryId: 'lake-q-7', QueryStatus: 'CANCELLED'})};
      return undefined;
    });
    servers.push(server);
    const abort = new AbortController();
    const engine = createLakeEngine({eventDataStore: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111', region: 'eu-west-1', endpoint: server.url, timing});
    const error = await abortWhileRunning(engine.search(filter, abort.signal), abort);
    expect(error.kind).toBe('cancelled');
    const actions = server.requests.map((r) => r.action);
    expect(actions[0]).toBe('StartQuery');
    expect(actions.at(-1)).toBe('CancelQuery');
    expect(server.requests.at(-1)?.body).toEqual({QueryId: 'lake-q-7'});
    expect(String((server.requests[0]?.body as {QueryStatement?: unknown}).QueryStatement)).toContain("'AKIAIOSFODNN7EXAMPLE'");
  });

  it('Esc on a running Athena query sends StopQueryExecution for it', async () => {
    const server: AthenaServer = await startAthenaServer((request) => {
      if (request.action === 'StartQueryExecution') return {json: {QueryExecutionId: 'athena-x-9'}};
      if (request.action === 'GetQueryExecution') return {json: {QueryExecution: {QueryExecutionId: 'athena-x-9', Status: {State: 'RUNNING'}}}};
      if (request.action === 'StopQueryExecution') return {json: {}};
      return athenaError(400, 'InvalidRequestException', `unexpected ${request.action}`);
    });
    servers.push(server);
    const abort = new AbortController();
    const engine = createAthenaEngine({table: 'security.cloudtrail_org', workgroup: 'ir', region: 'eu-west-1', endpoint: server.url, timing});
    const error = await abortWhileRunning(engine.search(filter, abort.signal), abort);
    expect(error.kind).toBe('cancelled');
    expect(server.requests.map((r) => r.action).at(-1)).toBe('StopQueryExecution');
    expect(server.requests.at(-1)?.body).toEqual({QueryExecutionId: 'athena-x-9'});
    const start = server.requests[0]?.body as {QueryString?: string; ExecutionParameters?: string[]};
    expect(start.QueryString).not.toContain('AKIA');
    expect(start.ExecutionParameters).toContain("'AKIAIOSFODNN7EXAMPLE'");
  });

  it('a Lake that keeps throttling StartQuery ends as one "throttled" line, no query left to cancel', async () => {
    const server = await startAwsServer((request) => (request.action === 'StartQuery' ? cloudTrailError(400, 'ThrottlingException', 'Rate exceeded') : undefined));
    servers.push(server);
    const engine = createLakeEngine({eventDataStore: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111', region: 'eu-west-1', endpoint: server.url, timing});
    const pages = engine.search(filter, new AbortController().signal);
    await expect((async () => {
      for await (const page of pages) void page;
    })()).rejects.toMatchObject({kind: 'throttled'});
    expect(server.requests.every((r) => r.action === 'StartQuery')).toBe(true);
    expect(server.requests.length).toBeGreaterThan(1); // the SDK retried before giving up
  });

  it('an Athena that refuses the caller ends as one "permission" line naming what is needed', async () => {
    const server = await startAthenaServer(() => athenaError(400, 'AccessDeniedException', 'User: arn:aws:iam::111122223333:user/bob is not authorized to perform: athena:StartQueryExecution'));
    servers.push(server);
    const engine = createAthenaEngine({table: 'security.cloudtrail_org', workgroup: 'ir', region: 'eu-west-1', endpoint: server.url, timing});
    await expect((async () => {
      for await (const page of engine.search(filter, new AbortController().signal)) void page;
    })()).rejects.toMatchObject({kind: 'permission', reason: expect.stringMatching(/^Athena security\.cloudtrail_org: refused \(AccessDeniedException\): the caller needs athena:StartQueryExecution/) as unknown});
  });
});
