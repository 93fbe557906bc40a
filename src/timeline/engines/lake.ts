// The actor's timeline, or triage's events, from a CloudTrail Lake event data store: StartQuery, then
// DescribeQuery polled (longer waits each time) until the query is done, then GetQueryResults page
// by page, each page handed over as it is read. Aborted (Esc, Ctrl-C) or over its own time limit, a
// query still running is cancelled at the source with CancelQuery. The SDK is loaded at the first
// search, never at startup.
import {lakeRows, type LakeRow} from '../lake-rows.js';
import {eventDataStoreId, lakeQuery} from '../sql/lake.js';
import {TimelineError, type TimelineEngine, type TimelineFilter, type TimelinePage} from '../types.js';
import {queryFailed, queryFailure, type QueryService} from './query-failure.js';
import {backoff, clientConfig, defaultTiming, limitText, pause, runningText, type ClientSettings, type PollTiming} from './query-run.js';

/** The calls used here, by name; CloudTrailClient fits (through `send`), and tests may pass anything that does. */
export interface LakeClient {
  send(command: object, options?: {abortSignal?: AbortSignal}): Promise<unknown>;
}

interface LakeCommands {
  start(input: {QueryStatement: string}): object;
  // No EventDataStore on the calls after StartQuery: the API reference marks it deprecated there (the query ID is enough).
  describe(input: {QueryId: string}): object;
  results(input: {QueryId: string; NextToken?: string}): object;
  cancel(input: {QueryId: string}): object;
}

export interface LakeEngineOptions extends ClientSettings {
  /** The event data store: its ID or ARN (the ARN's Region is used when no Region is given). */
  readonly eventDataStore: string;
  /** Newest first (triage keeps the latest); default oldest first. */
  readonly newestFirst?: boolean | undefined;
  readonly timing?: Partial<PollTiming> | undefined;
  /** Test seam: the client (default: a CloudTrailClient made at the first search). */
  readonly client?: LakeClient | undefined;
}

interface DescribeOutput {
  readonly QueryStatus?: string;
  readonly ErrorMessage?: string;
  readonly QueryStatistics?: {readonly BytesScanned?: number; readonly EventsScanned?: number};
}
interface ResultsOutput {
  readonly QueryStatus?: string;
  readonly QueryResultRows?: LakeRow[];
  readonly NextToken?: string;
  readonly ErrorMessage?: string;
}

const needs = 'cloudtrail:StartQuery, cloudtrail:DescribeQuery, cloudtrail:GetQueryResults and cloudtrail:CancelQuery';
const storeRegion = /^arn:aws[a-z-]*:cloudtrail:([a-z0-9-]+):/;

async function sdkClient(options: LakeEngineOptions): Promise<{client: LakeClient; commands: LakeCommands}> {
  const sdk = await import('@aws-sdk/client-cloudtrail');
  const region = options.region ?? storeRegion.exec(options.eventDataStore)?.[1];
  const commands: LakeCommands = {
    start: (input) => new sdk.StartQueryCommand(input),
    describe: (input) => new sdk.DescribeQueryCommand(input),
    results: (input) => new sdk.GetQueryResultsCommand(input),
    cancel: (input) => new sdk.CancelQueryCommand(input),
  };
  if (options.client) return {client: options.client, commands};
  return {client: new sdk.CloudTrailClient(await clientConfig({...options, region})), commands};
}

export function createLakeEngine(options: LakeEngineOptions): TimelineEngine {
  // Checked here, so a bad ID is refused before anything loads or is sent.
  const store = eventDataStoreId(options.eventDataStore);
  const service: QueryService = {where: `CloudTrail Lake ${store}`, needs};
  const timing: PollTiming = {...defaultTiming, ...options.timing};
  return {
    kind: 'lake',
    label: service.where,
    search: (filter, signal) => search(filter, signal),
  };

  async function* search(filter: TimelineFilter, signal: AbortSignal): AsyncGenerator<TimelinePage> {
    const statement = lakeQuery(filter, {eventDataStore: store, newestFirst: options.newestFirst});
    // The search stops on the caller's signal or on the engine's own time limit, whichever comes first.
    const overtime = new AbortController();
    const timer = setTimeout(() => overtime.abort(), timing.limitMs);
    const stop = AbortSignal.any([signal, overtime.signal]);
    const ended = (): TimelineError | undefined =>
      signal.aborted ? new TimelineError('cancelled', `${service.where}: cancelled`)
      : overtime.signal.aborted ? new TimelineError('timeout', `${service.where}: the query ran longer than ${limitText(timing.limitMs)} and was cancelled`)
      : undefined;
    let queryId: string | undefined;
    let running = false;
    let sdk: {client: LakeClient; commands: LakeCommands} | undefined;
    try {
      sdk = await sdkClient(options);
      const {client, commands} = sdk;
      const started = (await client.send(commands.start({QueryStatement: statement}), {abortSignal: stop})) as {QueryId?: string};
      queryId = started.QueryId;
      if (queryId === undefined) throw new TimelineError('failed', `${service.where}: StartQuery answered without a query ID`);
      running = true;
      const id = queryId;
      for (const wait of backoff(timing)) {
        const status = (await client.send(commands.describe({QueryId: id}), {abortSignal: stop})) as DescribeOutput;
        const state = status.QueryStatus ?? 'RUNNING';
        if (state === 'FINISHED') break;
        if (state === 'FAILED' || state === 'TIMED_OUT' || state === 'CANCELLED') {
          running = false;
          throw state === 'CANCELLED' ? new TimelineError('cancelled', `${service.where}: the query was cancelled at the service`) : queryFailed(service, state, status.ErrorMessage);
        }
        yield {rows: [], progress: runningText(state, status.QueryStatistics?.BytesScanned)};
        await pause(wait, stop);
        const why = ended();
        if (why) throw why;
      }
      running = false;
      let yielded = 0;
      let nextToken: string | undefined;
      do {
        const page = (await client.send(commands.results({QueryId: id, ...(nextToken === undefined ? {} : {NextToken: nextToken})}), {abortSignal: stop})) as ResultsOutput;
        if (page.QueryStatus === 'FAILED') throw queryFailed(service, 'FAILED', page.ErrorMessage);
        const rows = lakeRows(page.QueryResultRows ?? []).slice(0, filter.limit - yielded);
        yielded += rows.length;
        nextToken = page.NextToken;
        yield {rows, progress: nextToken === undefined || yielded >= filter.limit ? undefined : 'reading results'};
      } while (nextToken !== undefined && yielded < filter.limit);
    } catch (error) {
      throw ended() ?? queryFailure(error, service, false);
    } finally {
      clearTimeout(timer);
      // Stopped while the query ran (aborted, over time, a failed poll, or the caller stopped reading): cancel it at the source.
      if (running && queryId !== undefined && sdk !== undefined) await cancel(sdk, queryId);
    }
  }
}

/** CancelQuery, with its own short deadline (the search's signal has fired); a failure to cancel is not the search's error. */
async function cancel(sdk: {client: LakeClient; commands: LakeCommands}, queryId: string): Promise<void> {
  try {
    await sdk.client.send(sdk.commands.cancel({QueryId: queryId}), {abortSignal: AbortSignal.timeout(5000)});
  } catch {
    // InactiveQueryException: it had finished already; anything else: nothing more can be done from here.
  }
}
