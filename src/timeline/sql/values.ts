// The values a timeline query may carry, checked for their shape, and SQL string literals. Athena
// gets every value as an execution parameter; CloudTrail Lake's StartQuery takes no parameters for a
// free-form statement (QueryParameters serve only its dashboards' QueryAlias), so there each value is
// a checked, quoted literal. Event fields are attacker-controlled: a value of the wrong shape is
// refused, never repaired. Pure.
import {safeLine} from '../../text/safe-text.js';
import {TimelineError, type Actor, type TimelineFilter} from '../types.js';

const patterns = {
  accessKeyId: /^(AKIA|ASIA)[A-Z0-9]{16}$/,
  // iam or sts, partition aws / aws-cn / aws-us-gov, an account (or "aws" for service-linked principals), then IAM's name characters.
  arn: /^arn:aws(-[a-z]+)*:(iam|sts)::(\d{12}|aws):[A-Za-z0-9+=,.@_/:-]{1,1900}$/,
  principalId: /^[A-Za-z0-9+=,.@_:-]{1,512}$/,
  eventName: /^[A-Za-z0-9]{1,128}$/,
  region: /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/,
  account: /^\d{12}$/,
} as const;

export type ValueKind = keyof typeof patterns;

const labels: Record<ValueKind, string> = {
  accessKeyId: 'access key ID',
  arn: 'principal ARN',
  principalId: 'principal ID',
  eventName: 'event name',
  region: 'Region',
  account: 'account ID',
};

/** The value, when it has its kind's shape; else a TimelineError that names the field and shows the value escaped. */
export function checked(kind: ValueKind, value: string): string {
  if (!patterns[kind].test(value)) throw new TimelineError('bad-input', `the ${labels[kind]} '${safeLine(value, 80)}' is not one a query may carry`);
  return value;
}

/** Control, format and line-separator characters: none belongs in a search text. */
// Backslashes too: Trino has no backslash escapes, but a tool that reads the query as another dialect might.
const controls = /[\p{Cc}\p{Cf}\u2028\u2029\\]/u;

/** The operator's --actor text (any printable text, at most 200 characters), lower-cased for a case-insensitive match. */
export function checkedActorText(text: string): string {
  if (text === '' || text.length > 200 || controls.test(text)) throw new TimelineError('bad-input', `the actor text '${safeLine(text, 80)}' is empty, too long or holds control characters or backslashes`);
  return text.toLowerCase();
}

/** A SQL string literal (Trino): quotes doubled; Trino has no backslash escapes, so nothing else can end it. */
export function quoted(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** The handles a query finds the actor's events by: the access key, and the principal's ARN (or ID when it has no ARN). */
export interface ActorHandles {
  readonly accessKeyId?: string | undefined;
  readonly arn?: string | undefined;
  readonly principalId?: string | undefined;
}

/**
 * The actor's handles. With `check` (Lake: literals) each must have its shape; without (Athena: every
 * value a parameter) they are taken as they are, since no value can reach the query's text there.
 */
export function actorHandles(actor: Actor, check: boolean): ActorHandles {
  const value = (kind: ValueKind, text: string | undefined): string | undefined => (text === undefined || text === '' ? undefined : check ? checked(kind, text) : text);
  const accessKeyId = value('accessKeyId', actor.accessKeyId);
  const arn = value('arn', actor.arn);
  const principalId = arn !== undefined ? undefined : value('principalId', actor.principalId);
  if (accessKeyId === undefined && arn === undefined && principalId === undefined) {
    throw new TimelineError('bad-input', 'the event names no access key, ARN or principal ID to search by');
  }
  return {accessKeyId, arn, principalId};
}

/** The window's end: `until`, or now. */
export function untilOf(filter: TimelineFilter, now: Date): Date {
  return filter.until ?? now;
}

export function checkedWindow(filter: TimelineFilter, now: Date): {readonly since: Date; readonly until: Date} {
  const until = untilOf(filter, now);
  if (Number.isNaN(filter.since.getTime()) || Number.isNaN(until.getTime())) throw new TimelineError('bad-input', 'the time window is not a valid date');
  if (filter.since.getTime() >= until.getTime()) throw new TimelineError('bad-input', 'the time window ends before it starts');
  return {since: filter.since, until};
}

export function checkedLimit(limit: number): number {
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1_000_000) throw new TimelineError('bad-input', `the limit ${String(limit)} is not a whole number from 1 to 1000000`);
  return limit;
}

/** CloudTrail's eventTime form: 2024-01-05T13:51:00Z (no milliseconds), which sorts as text. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The actor's handles as [column, value] pairs: an event matches when any one column holds its value. */
export function actorColumns(handles: ActorHandles): readonly (readonly [string, string])[] {
  const pairs: (readonly [string, string])[] = [];
  if (handles.accessKeyId !== undefined) pairs.push(['useridentity.accesskeyid', handles.accessKeyId]);
  if (handles.arn !== undefined) pairs.push(['useridentity.arn', handles.arn]);
  if (handles.principalId !== undefined) pairs.push(['useridentity.principalid', handles.principalId]);
  return pairs;
}

/** The fields the operator's actor text is searched in (triage --actor: ARN, principal ID, user name, issuer ARN). */
export const actorTextColumns = ['useridentity.arn', 'useridentity.principalid', 'useridentity.username', 'useridentity.sessioncontext.sessionissuer.arn'] as const;
