// The Athena engine against a mocked Athena client: every value sent as an execution parameter,
// polling until SUCCEEDED, the header row, paging with the first rows handed over before the last page,
// StopQueryExecution on abort and on its own time limit, and each failure as one line of its kind.
import {AthenaClient, GetQueryExecutionCommand, GetQueryResultsCommand, StartQueryExecutionCommand, StopQueryExecutionCommand} from '@aws-sdk/client-athena';
import {mockClient} from 'aws-sdk-client-mock';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {createAthenaEngine} from '../../../src/timeline/engines/athena.js';
import {TimelineError, type TimelineFilter, type TimelinePage} from '../../../src/timeline/types.js';

const fast = {firstMs: 1, maxMs: 4, limitMs: 5000};
const hostileArn = "arn:aws:sts::111122223333:assumed-role/Web/x' OR '1'='1";
const filter: TimelineFilter = {
  actor: {type: 'AssumedRole', accessKeyId: 'ASIAY34FZKBOKMUTVV7A', arn: hostileArn, label: 'AssumedRole Web/x'},
  since: new Date('2024-03-01T00:00:00Z'),
  until: new Date('2024-03-03T00:00:00Z'),
  regions: ['eu-west-1'],
  limit: 3,
};

const header = ['eventname', 'eventsource', 'eventtime', 'awsregion', 'ui_type', 'ui_arn', 'ui_accesskeyid', 'ui_issuer_arn', 'requestparameters', 'readonly'];
const data = (values: readonly (string | undefined)[]) => ({Data: values.map((value) => (value === undefined ? {} : {VarCharValue: value}))});
const row = (name: string, time: string) =>
  data([name, 'ec2.amazonaws.com', time, 'eu-west-1', 'AssumedRole', 'arn:aws:sts::111122223333:assumed-role/Web/x', 'ASIAY34FZKBOKMUTVV7A', 'arn:aws:iam::111122223333:role/Web', '{"instanceId":"i-0abc"}', 'false']);

const athena = mockClient(AthenaClient);
let client: AthenaClient;

beforeEach(() => {
  athena.reset();
  client = new AthenaClient({region: 'eu-west-1'});
  athena.on(StartQueryExecutionCommand).resolves({QueryExecutionId: 'exec-1'});
});
afterEach(() => client.destroy());

const engine = (timing = fast) => createAthenaEngine({table: 'security.cloudtrail_org', workgroup: 'ir', outputLocation: 's3://ir-results/athena/', client, timing});

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

describe('Athena engine', () => {
  it('sends every value as an execution parameter, polls until SUCCEEDED and reads the pages after the header', async () => {
    athena.on(GetQueryExecutionCommand).resolvesOnce({QueryExecution: {Status: {State: 'QUEUED'}}}).resolvesOnce({QueryExecution: {Status: {State: 'RUNNING'}, Statistics: {DataScannedInBytes: 1536 * 1024}}}).resolves({QueryExecution: {Status: {State: 'SUCCEEDED'}}});
    athena
      .on(GetQueryResultsCommand)
      .resolvesOnce({ResultSet: {Rows: [data(header), row('DescribeInstances', '2024-03-01T08:00:00Z')]}, NextToken: 'next'})
      .resolves({ResultSet: {Rows: [row('StopLogging', '2024-03-01T09:00:00Z'), row('RunInstances', '2024-03-01T10:00:00Z'), row('TerminateInstances', '2024-03-01T11:00:00Z')]}});
    const pages = await collect(engine().search(filter, new AbortController().signal));

    const input = athena.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input;
    expect(input?.WorkGroup).toBe('ir');
    expect(input?.ResultConfiguration).toEqual({OutputLocation: 's3://ir-results/athena/'});
    expect(input?.QueryString).not.toContain('assumed-role');
    expect(input?.QueryString).not.toContain('ASIA');
    expect(input?.ExecutionParameters).toContain("'arn:aws:sts::111122223333:assumed-role/Web/x'' OR ''1''=''1'");
    expect(input?.ExecutionParameters?.slice(0, 2)).toEqual(["'2024/03/01'", "'2024/03/02'"]);
    expect(athena.commandCalls(GetQueryExecutionCommand)).toHaveLength(3);
    expect(pages.map((p) => p.progress).filter(Boolean)).toEqual(['query queued', 'query running, 1.5 MB scanned', 'reading results']);
    expect(athena.commandCalls(GetQueryResultsCommand)[1]?.args[0].input).toMatchObject({QueryExecutionId: 'exec-1', NextToken: 'next'});
    // At most `limit` rows in all: the header is not one, and the fourth event is left out.
    const rows = pages.flatMap((p) => p.rows);
    expect(rows.map((r) => r.eventName)).toEqual(['DescribeInstances', 'StopLogging', 'RunInstances']);
    expect(rows[0]?.record).toMatchObject({eventTime: '2024-03-01T08:00:00Z', readOnly: false, requestParameters: {instanceId: 'i-0abc'}});
    expect(rows[0]?.record.userIdentity.sessionIssuerArn).toBe('arn:aws:iam::111122223333:role/Web');
    expect(athena.commandCalls(StopQueryExecutionCommand)).toHaveLength(0);
  });

  it('hands over the first page before the last one is read', async () => {
    athena.on(GetQueryExecutionCommand).resolves({QueryExecution: {Status: {State: 'SUCCEEDED'}}});
    athena
      .on(GetQueryResultsCommand)
      .resolvesOnce({ResultSet: {Rows: [data(header), row('DescribeInstances', '2024-03-01T08:00:00Z')]}, NextToken: 'next'})
      .resolves({ResultSet: {Rows: [row('RunInstances', '2024-03-01T10:00:00Z')]}});
    const pages = engine().search(filter, new AbortController().signal)[Symbol.asyncIterator]();
    let first = await pages.next();
    while (!first.done && first.value.rows.length === 0) first = await pages.next();
    if (first.done === true) throw new Error('no page with rows');
    expect(first.value.rows.map((r) => r.eventName)).toEqual(['DescribeInstances']);
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(1);
    await pages.return?.(undefined);
  });

  it('sends StopQueryExecution when the search is aborted while the query runs', async () => {
    athena.on(GetQueryExecutionCommand).resolves({QueryExecution: {Status: {State: 'RUNNING'}}});
    const abort = new AbortController();
    const failure = failureOf(engine({firstMs: 20, maxMs: 20, limitMs: 5000}).search(filter, abort.signal));
    await new Promise((resolve) => setTimeout(resolve, 30));
    abort.abort();
    expect((await failure).kind).toBe('cancelled');
    expect(athena.commandCalls(StopQueryExecutionCommand).map((c) => c.args[0].input)).toEqual([{QueryExecutionId: 'exec-1'}]);
  });

  it('stops a query that outlives its time limit, and says so', async () => {
    athena.on(GetQueryExecutionCommand).resolves({QueryExecution: {Status: {State: 'RUNNING'}}});
    const error = await failureOf(engine({firstMs: 5, maxMs: 5, limitMs: 40}).search(filter, new AbortController().signal));
    expect(error.kind).toBe('timeout');
    expect(error.reason).toBe('Athena security.cloudtrail_org: the query ran longer than 40 ms and was stopped');
    expect(athena.commandCalls(StopQueryExecutionCommand)).toHaveLength(1);
  });

  it('reports a failed query with the reason Athena gave; a missing table is "not found"', async () => {
    athena.on(GetQueryExecutionCommand).resolves({
      QueryExecution: {Status: {State: 'FAILED', StateChangeReason: 'see AthenaError', AthenaError: {ErrorCategory: 2, ErrorType: 1301, ErrorMessage: "TABLE_NOT_FOUND: line 9:6: Table 'awsdatacatalog.security.cloudtrail_org' does not exist"}}},
    });
    const error = await failureOf(engine().search(filter, new AbortController().signal));
    expect(error.kind).toBe('not-found');
    expect(error.reason).toBe("Athena security.cloudtrail_org: not found: TABLE_NOT_FOUND: line 9:6: Table 'awsdatacatalog.security.cloudtrail_org' does not exist");

    athena.on(GetQueryExecutionCommand).resolves({QueryExecution: {Status: {State: 'FAILED', StateChangeReason: 'GENERIC_INTERNAL_ERROR: something broke'}}});
    const failed = await failureOf(engine().search(filter, new AbortController().signal));
    expect(failed.kind).toBe('failed');
    expect(failed.reason).toBe('Athena security.cloudtrail_org: the query failed: GENERIC_INTERNAL_ERROR: something broke');
  });

  const sdkError = (name: string, message: string): Error => Object.assign(new Error(message), {name, $metadata: {httpStatusCode: 400}});

  it.each([
    ['AccessDeniedException', 'User: arn:aws:sts::1:assumed-role/R/x is not authorized', 'permission', /the caller needs athena:StartQueryExecution/],
    ['InvalidRequestException', 'WorkGroup ir is not found.', 'not-found', /not found: WorkGroup ir is not found\./],
    ['TooManyRequestsException', 'Rate exceeded', 'throttled', /too many requests/],
    ['InvalidRequestException', 'line 1:8: mismatched input', 'failed', /refused as invalid: line 1:8/],
  ] as const)('StartQueryExecution answering %s (%s) stops with one line of kind %s', async (name, message, kind, reason) => {
    athena.on(StartQueryExecutionCommand).rejects(sdkError(name, message));
    const error = await failureOf(engine().search(filter, new AbortController().signal));
    expect(error.kind).toBe(kind);
    expect(error.reason).toMatch(reason);
  });

  it('refuses a bad table, workgroup or output location before anything is sent', () => {
    expect(() => createAthenaEngine({table: 'cloudtrail', workgroup: 'ir', client})).toThrow(/DATABASE\.TABLE/);
    expect(() => createAthenaEngine({table: 'db.t', workgroup: 'ir; x', client})).toThrow(/workgroup/);
    expect(() => createAthenaEngine({table: 'db.t', workgroup: 'ir', outputLocation: 'https://example.com', client})).toThrow(/s3:/);
    expect(athena.calls()).toHaveLength(0);
  });
});
