// The Athena query of a timeline filter, over the CloudTrail table Athena's user guide documents
// ("Create the table for CloudTrail logs in Athena using partition projection"), laid over an
// organisation trail: s3://bucket/AWSLogs/o-…/<account>/CloudTrail/<region>/<yyyy/MM/dd>/, projected
// as the partitions `timestamp` (yyyy/MM/dd, as in the guide), `region` and `account` (the name the
// guide's organisation-trail table gives it). A table without some of them says so in the layout;
// the query then filters on the record's own column there (and scans more).
//
// Every value goes in as an execution parameter: the text holds only `?` and names checked here, so
// no value from an event can change it. Each parameter is itself a quoted string literal, as Athena
// reads an execution parameter as a literal (a string needs its quotes). Pure.
import {TimelineError, type TimelineFilter} from '../types.js';
import {selectList} from './columns.js';
import {actorColumns, actorHandles, actorTextColumns, checkedActorText, checkedLimit, checkedWindow, isoSeconds, quoted} from './values.js';

/** Which partition columns the table has (null: none for that). */
export interface AthenaLayout {
  /** Day partition in yyyy/MM/dd (the guide's `timestamp`). */
  readonly time: string | null;
  readonly region: string | null;
  readonly account: string | null;
}

export const orgTrailLayout: AthenaLayout = {time: 'timestamp', region: 'region', account: 'account'};

export interface AthenaQuery {
  readonly text: string;
  /** ExecutionParameters, in the order of the `?` in the text. */
  readonly parameters: readonly string[];
}

export interface AthenaQueryOptions {
  /** db.table: letters, digits, underscores and hyphens (Glue's names). */
  readonly table: string;
  readonly layout?: AthenaLayout | undefined;
  /** Newest first (triage keeps the latest events); default oldest first (a timeline). */
  readonly newestFirst?: boolean | undefined;
  readonly now?: Date | undefined;
}

const tableName = /^([A-Za-z0-9_-]{1,255})\.([A-Za-z0-9_-]{1,255})$/;
const columnName = /^[a-z_][a-z0-9_]{0,127}$/;

/** "db"."table", or a TimelineError when the name is not one. */
export function athenaTable(table: string): string {
  const match = tableName.exec(table);
  if (!match) throw new TimelineError('bad-input', 'the Athena table must be DATABASE.TABLE (letters, digits, _ and -)');
  return `"${match[1] ?? ''}"."${match[2] ?? ''}"`;
}

function partition(name: string | null): string | null {
  if (name === null) return null;
  if (!columnName.test(name)) throw new TimelineError('bad-input', 'a partition column name must be lower-case letters, digits and _');
  return `"${name}"`;
}

/** The day partition's value of a time: yyyy/MM/dd in UTC, as CloudTrail names its folders. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10).replaceAll('-', '/');
}

export function athenaQuery(filter: TimelineFilter, options: AthenaQueryOptions): AthenaQuery {
  const from = athenaTable(options.table);
  const layout = options.layout ?? orgTrailLayout;
  const [timeColumn, regionColumn, accountColumn] = [partition(layout.time), partition(layout.region), partition(layout.account)];
  const {since, until} = checkedWindow(filter, options.now ?? new Date());
  const limit = checkedLimit(filter.limit);
  const where: string[] = [];
  const parameters: string[] = [];
  const add = (condition: string, ...values: string[]): void => {
    where.push(condition);
    parameters.push(...values.map(quoted));
  };
  const list = (count: number): string => Array.from({length: count}, () => '?').join(', ');

  // The day partitions first: they decide what is read. The last day is the one of the last instant before `until`.
  if (timeColumn !== null) add(`${timeColumn} BETWEEN ? AND ?`, dayOf(since), dayOf(new Date(until.getTime() - 1)));
  add('eventtime >= ?', isoSeconds(since));
  add('eventtime < ?', isoSeconds(until));
  const regions = filter.regions ?? [];
  if (regions.length > 0) add(`${regionColumn ?? 'awsregion'} IN (${list(regions.length)})`, ...regions);
  if (filter.account !== undefined) add(`${accountColumn ?? 'recipientaccountid'} = ?`, filter.account);
  const names = filter.names ?? [];
  if (names.length > 0) add(`eventname IN (${list(names.length)})`, ...names);
  if (filter.actor !== undefined) {
    const handles = actorHandles(filter.actor, false);
    const pairs = actorColumns(handles);
    add(`(${pairs.map(([column]) => `${column} = ?`).join(' OR ')})`, ...pairs.map(([, value]) => value));
  }
  if (filter.actorText !== undefined) {
    const text = checkedActorText(filter.actorText);
    const fields = actorTextColumns;
    add(`(${fields.map((field) => `strpos(lower(${field}), ?) > 0`).join(' OR ')})`, ...fields.map(() => text));
  }

  const text = [
    `SELECT\n  ${selectList((column) => column.source)}`,
    `FROM ${from}`,
    `WHERE ${where.join('\n  AND ')}`,
    `ORDER BY eventtime ${options.newestFirst === true ? 'DESC' : 'ASC'}`,
    `LIMIT ${limit}`,
  ].join('\n');
  return {text, parameters};
}
