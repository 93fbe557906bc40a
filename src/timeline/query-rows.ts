// A row of a timeline query (sql/columns.ts: one text value per alias) rebuilt into a CloudTrail record
// in the shape CloudTrail writes, so the app opens it like a record read from a file. Values stay as
// the service returned them (attacker-controlled: the screens escape them). Pure.
import {tryParseRecord} from '../events/parse-record.js';
import type {JsonObject, JsonValue} from '../events/record.js';
import type {TimelineRow} from './types.js';
import {rowOf} from './row.js';

/** The text of a column by its alias; undefined for NULL. */
export type ColumnValue = (alias: string) => string | undefined;

/** Lake's JSON of a map<string,string> keeps nested objects as text: read such a value back when it is JSON. */
function jsonValue(text: string): JsonValue {
  const trimmed = text.trim();
  if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return text;
  try {
    return JSON.parse(trimmed) as JsonValue;
  } catch {
    return text;
  }
}

function jsonObject(text: string | undefined): JsonObject | null {
  if (text === undefined || text === '' || text === 'null') return null;
  const parsed = jsonValue(text);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const out: Record<string, JsonValue> = {};
  // One level down, values that are JSON text become JSON (Lake's maps hold nested objects as text).
  for (const [key, value] of Object.entries(parsed)) out[key] = typeof value === 'string' ? jsonValue(value) : value;
  return out;
}

/** Copies the present values, so the record has no key for a NULL column, as CloudTrail omits them. */
function present(entries: readonly (readonly [string, JsonValue | undefined])[]): JsonObject {
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of entries) if (value !== undefined && value !== null) out[key] = value;
  return out;
}

/** Lake prints a timestamp as "2024-01-05 13:51:00.000": the record keeps CloudTrail's ISO form. */
export function isoEventTime(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?Z?$/.exec(text);
  return match ? `${match[1] ?? ''}T${match[2] ?? ''}Z` : text;
}

/** The record as CloudTrail would have written it, or undefined when the row has no event name or source. */
export function rowRecord(value: ColumnValue): JsonObject | undefined {
  const eventName = value('eventname');
  const eventSource = value('eventsource');
  if (eventName === undefined || eventSource === undefined) return undefined;
  const issuer = present([
    ['type', value('ui_issuer_type')],
    ['principalId', value('ui_issuer_principalid')],
    ['arn', value('ui_issuer_arn')],
    ['accountId', value('ui_issuer_accountid')],
    ['userName', value('ui_issuer_username')],
  ]);
  const attributes = present([
    ['creationDate', isoEventTime(value('ui_creationdate'))],
    ['mfaAuthenticated', value('ui_mfa')],
  ]);
  const hasSession = Object.keys(issuer).length > 0 || Object.keys(attributes).length > 0;
  const userIdentity = present([
    ['type', value('ui_type')],
    ['principalId', value('ui_principalid')],
    ['arn', value('ui_arn')],
    ['accountId', value('ui_accountid')],
    ['accessKeyId', value('ui_accesskeyid')],
    ['userName', value('ui_username')],
    ['invokedBy', value('ui_invokedby')],
    ['sessionContext', hasSession ? present([['sessionIssuer', Object.keys(issuer).length > 0 ? issuer : undefined], ['attributes', Object.keys(attributes).length > 0 ? attributes : undefined]]) : undefined],
  ]);
  const readOnly = value('readonly');
  return present([
    ['eventVersion', value('eventversion')],
    ['userIdentity', userIdentity],
    ['eventTime', isoEventTime(value('eventtime'))],
    ['eventSource', eventSource],
    ['eventName', eventName],
    ['awsRegion', value('awsregion')],
    ['sourceIPAddress', value('sourceipaddress')],
    ['userAgent', value('useragent')],
    ['errorCode', value('errorcode')],
    ['errorMessage', value('errormessage')],
    ['requestParameters', jsonObject(value('requestparameters'))],
    ['responseElements', jsonObject(value('responseelements'))],
    ['additionalEventData', jsonObject(value('additionaleventdata'))],
    ['requestID', value('requestid')],
    ['eventID', value('eventid')],
    ['readOnly', readOnly === undefined ? undefined : readOnly === 'true'],
    ['eventType', value('eventtype')],
    ['recipientAccountId', value('recipientaccountid')],
  ]);
}

/** A timeline row from a query row, or undefined when the row cannot be a record. */
export function timelineRow(value: ColumnValue, origin: string): TimelineRow | undefined {
  const raw = rowRecord(value);
  if (raw === undefined) return undefined;
  const parsed = tryParseRecord(raw);
  if (!parsed.ok) return undefined;
  return rowOf(parsed.record, origin);
}
