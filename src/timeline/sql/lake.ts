// The CloudTrail Lake query of a timeline filter. StartQuery runs a free-form statement without
// parameters (its QueryParameters serve only the dashboards' QueryAlias), so every value is checked
// for its shape (values.ts) and written as a quoted literal; anything else is refused before a query
// is built. The event data store ID goes in FROM, as Lake's syntax has it, and is checked too.
// Lake's eventtime is a timestamp compared with 'yyyy-MM-dd HH:mm:ss' (UTC), as in Lake's guide;
// its map columns (requestparameters, …) are cast to JSON text. Pure.
import {TimelineError, type TimelineFilter} from '../types.js';
import {selectList} from './columns.js';
import {actorColumns, actorHandles, actorTextColumns, checked, checkedActorText, checkedLimit, checkedWindow, quoted} from './values.js';

export interface LakeQueryOptions {
  /** The event data store: its ID or its ARN (arn:aws:cloudtrail:region:account:eventdatastore/ID). */
  readonly eventDataStore: string;
  /** Newest first (triage keeps the latest events); default oldest first (a timeline). */
  readonly newestFirst?: boolean | undefined;
  readonly now?: Date | undefined;
}

const storeId = /^[A-Za-z0-9][A-Za-z0-9-]{2,127}$/;
const storeArn = /^arn:aws(-[a-z]+)*:cloudtrail:[a-z0-9-]+:\d{12}:eventdatastore\/([A-Za-z0-9][A-Za-z0-9-]{2,127})$/;

/** The ID part of an event data store ID or ARN, or a TimelineError. */
export function eventDataStoreId(value: string): string {
  if (storeId.test(value)) return value;
  const fromArn = storeArn.exec(value)?.[2];
  if (fromArn !== undefined) return fromArn;
  throw new TimelineError('bad-input', 'the event data store must be its ID or ARN (letters, digits and -)');
}

/** 2024-01-05 13:51:00: Lake's timestamp literal, in UTC. */
export function lakeTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

export function lakeQuery(filter: TimelineFilter, options: LakeQueryOptions): string {
  const from = eventDataStoreId(options.eventDataStore);
  const {since, until} = checkedWindow(filter, options.now ?? new Date());
  const limit = checkedLimit(filter.limit);
  const list = (values: readonly string[]): string => values.map(quoted).join(', ');
  const where = [`eventtime >= ${quoted(lakeTime(since))}`, `eventtime < ${quoted(lakeTime(until))}`];
  const regions = (filter.regions ?? []).map((region) => checked('region', region));
  if (regions.length > 0) where.push(`awsregion IN (${list(regions)})`);
  if (filter.account !== undefined) where.push(`recipientaccountid = ${quoted(checked('account', filter.account))}`);
  const names = (filter.names ?? []).map((name) => checked('eventName', name));
  if (names.length > 0) where.push(`eventname IN (${list(names)})`);
  if (filter.actor !== undefined) {
    where.push(`(${actorColumns(actorHandles(filter.actor, true)).map(([column, value]) => `${column} = ${quoted(value)}`).join(' OR ')})`);
  }
  if (filter.actorText !== undefined) {
    const text = quoted(checkedActorText(filter.actorText));
    where.push(`(${actorTextColumns.map((field) => `strpos(lower(${field}), ${text}) > 0`).join(' OR ')})`);
  }
  return [
    `SELECT\n  ${selectList((column) => (column.isJson === true ? `json_format(CAST(${column.source} AS JSON))` : column.source))}`,
    `FROM ${from}`,
    `WHERE ${where.join('\n  AND ')}`,
    `ORDER BY eventtime ${options.newestFirst === true ? 'DESC' : 'ASC'}`,
    `LIMIT ${limit}`,
  ].join('\n');
}
