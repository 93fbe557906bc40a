// The actor's timeline, or triage's events, from an Athena table over the organisation trail:
// StartQueryExecution with every value as an execution parameter, GetQueryExecution polled (longer
// waits each time) until it succeeds, then GetQueryResults page by page (the first row of the first
// page is the header), each page handed over as it is read. Aborted (Esc, Ctrl-C) or over its own
// time limit, a query still running is stopped at the source with StopQueryExecution. The SDK is
// loaded at the first search, never at startup.
import {athenaHeader, athenaRows, type AthenaRow} from '../athena-rows.js';
import {athenaQuery, athenaTable, type AthenaLayout} from '../sql/athena.js';
import {TimelineError, type TimelineEngine, type TimelineFilter, type TimelinePage} from '../types.js';
import {queryFailed, queryFailure, type QueryService} from './query-failure.js';
import {backoff, clientConfig, defaultTiming, limitText, pause, runningText, type ClientSettings, type PollTiming} from './query-run.js';

/** The calls used here; AthenaClient fits (through `send`), and tests may pass anything that does. */
export interface AthenaClientLike {
  send(command: object, options?: {abortSignal?: AbortSignal}): Promise<unknown>;
}

interface AthenaCommands {
  start(input: {QueryString: string; ExecutionParameters?: string[]; WorkGroup: string; ResultConfiguration?: {OutputLocation: string}}): object;
  status(input: {QueryExecutionId: string}): object;
  results(input: {QueryExecutionId: string; NextToken?: string; MaxResults: number}): object;
  stop(input: {QueryExecutionId: string}): object;
}

export interface AthenaEngineOptions extends ClientSettings {
  /** DATABASE.TABLE of the CloudTrail table. */
  readonly table: string;
  readonly workgroup: string;
  /** s3://… for the results, when the workgroup has none (or does not enforce its own). */
  readonly outputLocation?: string | undefined;
  /** The table's partition columns (default: `timestamp`, `region`, `account`). */
  readonly layout?: AthenaLayout | undefined;
  /** Newest first (triage keeps the latest); default oldest first. */
  readonly newestFirst?: boolean | undefined;
  readonly timing?: Partial<PollTiming> | undefined;
  /** Test seam: the client (default: an AthenaClient made at the first search). */
  readonly client?: AthenaClientLike | undefined;
}

interface ExecutionOutput {
  readonly QueryExecution?: {
    readonly Status?: {readonly State?: string; readonly StateChangeReason?: string; readonly AthenaError?: {readonly ErrorMessage?: string}};
    readonly Statistics?: {readonly DataScannedInBytes?: number};
  };
}
interface ResultsOutput {
  readonly ResultSet?: {readonly Rows?: AthenaRow[]};
  readonly NextToken?: string;
}

const needs = 'athena:StartQueryExecution, athena:GetQueryExecution, athena:GetQueryResults, athena:StopQueryExecution, glue:GetDatabase, glue:GetTable and S3 access to the trail and results buckets';
/** Athena's workgroup names: 1–128 of letters, digits, . _ - (the API's pattern). */
const workgroupName = /^[a-zA-Z0-9._-]{1,128}$/;
const s3Uri = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[^\s\p{Cc}]*)?$/u;
/** GetQueryResults' largest page. */
const pageSize = 1000;

async function sdkClient(options: AthenaEngineOptions): Promise<{client: AthenaClientLike; commands: AthenaCommands}> {
  const sdk = await import('@aws-sdk/client-athena');
  const commands: AthenaCommands = {
    start: (input) => new sdk.StartQueryExecutionCommand(input),
    status: (input) => new sdk.GetQueryExecutionCommand(input),
    results: (input) => new sdk.GetQueryResultsCommand(input),
    stop: (input) => new sdk.StopQueryExecutionCommand(input),
  };
  if (options.client) return {client: options.client, commands};
  return {client: new sdk.AthenaClient(await clientConfig(options)), commands};
}

export function createAthenaEngine(options: AthenaEngineOptions): TimelineEngine {
  // Checked here, so bad names are refused before anything loads or is sent.
  athenaTable(options.table);
  if (!workgroupName.test(options.workgroup)) throw new TimelineError('bad-input', 'the Athena workgroup must be 1–128 letters, digits, . _ or -');
  if (options.outputLocation !== undefined && !s3Uri.test(options.outputLocation)) throw new TimelineError('bad-input', 'the output location must be an s3://bucket/prefix/ URI');
  const service: QueryService = {where: `Athena ${options.table}`, needs};
  const timing: PollTiming = {...defaultTiming, ...options.timing};
  return {
    kind: 'athena',
    label: service.where,
    search: (filter, signal) => search(filter, signal),
  };

  async function* search(filter: TimelineFilter, signal: AbortSignal): AsyncGenerator<TimelinePage> {
    const query = athenaQuery(filter, {table: options.table, layout: options.layout, newestFirst: options.newestFirst});
    const overtime = new AbortController();
    const timer = setTimeout(() => overtime.abort(), timing.limitMs);
    const stop = AbortSignal.any([signal, overtime.signal]);
    const ended = (): TimelineError | undefined =>
      signal.aborted ? new TimelineError('cancelled', `${service.where}: cancelled`)
      : overtime.signal.aborted ? new TimelineError('timeout', `${service.where}: the query ran longer than ${limitText(timing.limitMs)} and was stopped`)
      : undefined;
    let executionId: string | undefined;
    let running = false;
    let sdk: {client: AthenaClientLike; commands: AthenaCommands} | undefined;
    try {
      sdk = await sdkClient(options);
      const {client, commands} = sdk;
      const started = (await client.send(
        commands.start({
          QueryString: query.text,
          ExecutionParameters: [...query.parameters],
          WorkGroup: options.workgroup,
          ...(options.outputLocation === undefined ? {} : {ResultConfiguration: {OutputLocation: options.outputLocation}}),
        }),
        {abortSignal: stop},
      )) as {QueryExecutionId?: string};
      executionId = started.QueryExecutionId;
      if (executionId === undefined) throw new TimelineError('failed', `${service.where}: StartQueryExecution answered without an execution ID`);
      running = true;
      const id = executionId;
      for (const wait of backoff(timing)) {
        const execution = ((await client.send(commands.status({QueryExecutionId: id}), {abortSignal: stop})) as ExecutionOutput).QueryExecution;
        const state = execution?.Status?.State ?? 'RUNNING';
        if (state === 'SUCCEEDED') break;
        if (state === 'FAILED' || state === 'CANCELLED') {
          running = false;
          const reason = execution?.Status?.AthenaError?.ErrorMessage ?? execution?.Status?.StateChangeReason;
          throw state === 'CANCELLED' ? new TimelineError('cancelled', `${service.where}: the query was cancelled at the service`) : queryFailed(service, state, reason);
        }
        yield {rows: [], progress: runningText(state, execution?.Statistics?.DataScannedInBytes)};
        await pause(wait, stop);
        const why = ended();
        if (why) throw why;
      }
      running = false;
      let header: readonly string[] | undefined;
      let yielded = 0;
      let nextToken: string | undefined;
      do {
        const page = (await client.send(commands.results({QueryExecutionId: id, MaxResults: pageSize, ...(nextToken === undefined ? {} : {NextToken: nextToken})}), {abortSignal: stop})) as ResultsOutput;
        let rows = page.ResultSet?.Rows ?? [];
        if (header === undefined) {
          header = athenaHeader(rows[0]);
          rows = rows.slice(1);
        }
        const made = athenaRows(header, rows).slice(0, filter.limit - yielded);
        yielded += made.length;
        nextToken = page.NextToken;
        yield {rows: made, progress: nextToken === undefined || yielded >= filter.limit ? undefined : 'reading results'};
      } while (nextToken !== undefined && yielded < filter.limit);
    } catch (error) {
      throw ended() ?? queryFailure(error, service, false);
    } finally {
      clearTimeout(timer);
      // Stopped while the query ran (aborted, over time, a failed poll, or the caller stopped reading): stop it at the source.
      if (running && executionId !== undefined && sdk !== undefined) await stopExecution(sdk, executionId);
    }
  }
}

/** StopQueryExecution, with its own short deadline (the search's signal has fired); a failure to stop is not the search's error. */
async function stopExecution(sdk: {client: AthenaClientLike; commands: AthenaCommands}, executionId: string): Promise<void> {
  try {
    await sdk.client.send(sdk.commands.stop({QueryExecutionId: executionId}), {abortSignal: AbortSignal.timeout(5000)});
  } catch {
    // Already finished, or unreachable: nothing more can be done from here.
  }
}
