// The CloudTrail Lake engine against a mocked CloudTrail client: polling until the query is done,
// paging, the first rows handed over before the last page is read, CancelQuery on abort, on its own
// time limit and when the reader stops, and each failure as one line of its kind.
import {CancelQueryCommand, CloudTrailClient, DescribeQueryCommand, GetQueryResultsCommand, StartQueryCommand} from '@aws-sdk/client-cloudtrail';
import {mockClient} from 'aws-sdk-client-mock';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {createLakeEngine} from '../../../src/timeline/engines/lake.js';
import {TimelineError, type TimelineFilter, type TimelinePage} from '../../../src/timeline/types.js';

const eds = 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';
const fast = {firstMs: 1, maxMs: 4, limitMs: 5000};
const filter: TimelineFilter = {
  actor: {type: 'IAMUser', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', arn: 'arn:aws:iam::111122223333:user/alice', label: 'IAMUser alice'},
  since: new Date('2024-03-01T00:00:00Z'),
  until: new Date('2024-03-08T00:00:00Z'),
  limit: 100,
};

/** A Lake result row as GetQueryResults returns it: one {alias: text} map per column. */
function lakeRow(eventName: string, time: string, extra: Record<string, string> = {}): Record<string, string>[] {
  const values: Record<string, string> = {
    ui_type: 'IAMUser',
    ui_arn: 'arn:aws:iam::111122223333:user/alice',
    ui_accesskeyid: 'AKIAIOSFODNN7EXAMPLE',
    ui_username: 'alice',
    eventtime: time,
    eventsource: 'ec2.amazonaws.com',
    eventname: eventName,
    awsregion: 'eu-west-1',
    sourceipaddress: '203.0.113.9',
    requestparameters: '{"groupId":"sg-0123456789abcdef0","ipPermissions":"{\\"items\\":[{\\"ipProtocol\\":\\"tcp\\"}]}"}',
    eventid: `${eventName}-id`,
    recipientaccountid: '111122223333',
    ...extra,
  };
  return Object.entries(values).map(([key, value]) => ({[key]: value}));
}

const trail = mockClient(CloudTrailClient);
let client: CloudTrailClient;

beforeEach(() => {
  trail.reset();
  client = new CloudTrailClient({region: 'eu-west-1'});
  trail.on(StartQueryCommand).resolves({QueryId: 'q-1'});
});
afterEach(() => client.destroy());

async function collect(pages: AsyncIterable<TimelinePage>): Promise<TimelinePage[]> {
  const out: TimelinePage[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

async function failureOf(pages: AsyncIterable<TimelinePage>): Promise<TimelineError> {
  try {
    await collect(pages);
  } catch (error) {
    expect(error).toBeInstanceOf(TimelineError);
    return error as TimelineError;
  }
  throw new Error('the search did not fail');
}

describe('CloudTrail Lake engine', () => {
  it('polls DescribeQuery until FINISHED, then reads every page into records the app can open', async () => {
    trail.on(DescribeQueryCommand).resolvesOnce({QueryStatus: 'QUEUED'}).resolvesOnce({QueryStatus: 'RUNNING', QueryStatistics: {BytesScanned: 3 * 1024 * 1024}}).resolves({QueryStatus: 'FINISHED'});
    trail
      .on(GetQueryResultsCommand)
      .resolvesOnce({QueryStatus: 'FINISHED', QueryResultRows: [lakeRow('DescribeInstances', '2024-03-02 10:00:00.000')], NextToken: 'page-2'})
      .resolves({QueryStatus: 'FINISHED', QueryResultRows: [lakeRow('AuthorizeSecurityGroupIngress', '2024-03-02 10:05:00.000')]});
    const engine = createLakeEngine({eventDataStore: eds, client});
    const pages = await collect(engine.search(filter, new AbortController().signal));

    const statement = trail.commandCalls(StartQueryCommand)[0]?.args[0].input.QueryStatement ?? '';
    expect(statement).toContain(`FROM ${eds}`);
    expect(statement).toContain("useridentity.accesskeyid = 'AKIAIOSFODNN7EXAMPLE'");
    expect(trail.commandCalls(DescribeQueryCommand)).toHaveLength(3);
    expect(pages.map((p) => p.progress).filter(Boolean)).toEqual(['query queued', 'query running, 3.0 MB scanned', 'reading results']);
    expect(trail.commandCalls(GetQueryResultsCommand)[1]?.args[0].input.NextToken).toBe('page-2');
    const rows = pages.flatMap((p) => p.rows);
    expect(rows.map((r) => [r.eventName, r.time, r.origin])).toEqual([
      ['DescribeInstances', '2024-03-02T10:00:00Z', 'CloudTrail Lake'],
      ['AuthorizeSecurityGroupIngress', '2024-03-02T10:05:00Z', 'CloudTrail Lake'],
    ]);
    const record = rows[1]?.record;
    expect(record?.userIdentity).toMatchObject({type: 'IAMUser', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', userName: 'alice'});
    // Lake's map keeps nested objects as text: the record has them as JSON again, as CloudTrail wrote them.
    expect(record?.requestParameters).toEqual({groupId: 'sg-0123456789abcdef0', ipPermissions: {items: [{ipProtocol: 'tcp'}]}});
    expect(trail.commandCalls(CancelQueryCommand)).toHaveLength(0);
  });

  it('hands over the first page before the last one is read', async () => {
    trail.on(DescribeQueryCommand).resolves({QueryStatus: 'FINISHED'});
    trail
      .on(GetQueryResultsCommand)
      .resolvesOnce({QueryResultRows: [lakeRow('DescribeInstances', '2024-03-02 10:00:00.000')], NextToken: 'page-2'})
      .resolves({QueryResultRows: [lakeRow('RunInstances', '2024-03-02 11:00:00.000')]});
    const pages = createLakeEngine({eventDataStore: eds, client}).search(filter, new AbortController().signal)[Symbol.asyncIterator]();
    let first = await pages.next();
    while (!first.done && first.value.rows.length === 0) first = await pages.next();
    if (first.done === true) throw new Error('no page with rows');
    expect(first.value.rows.map((r) => r.eventName)).toEqual(['DescribeInstances']);
    expect(trail.commandCalls(GetQueryResultsCommand)).toHaveLength(1);
    await pages.return?.(undefined);
  });

  it('sends CancelQuery when the search is aborted while the query runs', async () => {
    trail.on(DescribeQueryCommand).resolves({QueryStatus: 'RUNNING'});
    const abort = new AbortController();
    const pages = createLakeEngine({eventDataStore: eds, client, timing: {firstMs: 20, maxMs: 20}}).search(filter, abort.signal);
    const failure = failureOf(pages);
    await new Promise((resolve) => setTimeout(resolve, 30));
    abort.abort();
    const error = await failure;
    expect(error.kind).toBe('cancelled');
    expect(trail.commandCalls(CancelQueryCommand).map((c) => c.args[0].input)).toEqual([{QueryId: 'q-1'}]);
  });

  it('sends CancelQuery when the reader stops before the query is done', async () => {
    trail.on(DescribeQueryCommand).resolves({QueryStatus: 'RUNNING'});
    for await (const page of createLakeEngine({eventDataStore: eds, client, timing: fast}).search(filter, new AbortController().signal)) {
      expect(page.progress).toBe('query running');
      break;
    }
    expect(trail.commandCalls(CancelQueryCommand)).toHaveLength(1);
  });

  it('cancels a query that outlives its time limit, and says so', async () => {
    trail.on(DescribeQueryCommand).resolves({QueryStatus: 'RUNNING'});
    const error = await failureOf(createLakeEngine({eventDataStore: eds, client, timing: {firstMs: 5, maxMs: 5, limitMs: 40}}).search(filter, new AbortController().signal));
    expect(error.kind).toBe('timeout');
    expect(error.reason).toMatch(/ran longer than 40 ms and was cancelled/);
    expect(trail.commandCalls(CancelQueryCommand)).toHaveLength(1);
  });

  it('reports a failed query with the reason Lake gave', async () => {
    trail.on(DescribeQueryCommand).resolves({QueryStatus: 'FAILED', ErrorMessage: 'Query failed: COLUMN_NOT_FOUND: line 3:3: Column \'x\' cannot be resolved\nmore'});
    const error = await failureOf(createLakeEngine({eventDataStore: eds, client, timing: fast}).search(filter, new AbortController().signal));
    expect(error.kind).toBe('failed');
    expect(error.reason).toBe(`CloudTrail Lake ${eds}: the query failed: Query failed: COLUMN_NOT_FOUND: line 3:3: Column 'x' cannot be resolved`);
    expect(trail.commandCalls(CancelQueryCommand)).toHaveLength(0);
  });

  const sdkError = (name: string, message: string): Error => Object.assign(new Error(message), {name, $metadata: {httpStatusCode: 400}});

  it.each([
    ['EventDataStoreNotFoundException', 'not-found', /not found \(EventDataStoreNotFoundException\)/],
    ['AccessDeniedException', 'permission', /the caller needs cloudtrail:StartQuery, cloudtrail:DescribeQuery, cloudtrail:GetQueryResults and cloudtrail:CancelQuery/],
    ['MaxConcurrentQueriesException', 'throttled', /too many requests or queries at once/],
    ['InvalidQueryStatementException', 'failed', /refused as invalid/],
  ] as const)('StartQuery answering %s stops with one line of kind %s', async (name, kind, reason) => {
    trail.on(StartQueryCommand).rejects(sdkError(name, 'as AWS says it'));
    const error = await failureOf(createLakeEngine({eventDataStore: eds, client, timing: fast}).search(filter, new AbortController().signal));
    expect(error.kind).toBe(kind);
    expect(error.reason).toMatch(reason);
    expect(error.reason).not.toContain('\n');
  });

  it('refuses a bad event data store ID before anything is sent', () => {
    expect(() => createLakeEngine({eventDataStore: "eds'; --", client})).toThrow(TimelineError);
    expect(trail.calls()).toHaveLength(0);
  });
});
