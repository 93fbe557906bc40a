// A record's context as an operator asks for it: who did it (and how), what, when, where.
// Pure; the clock is a parameter. Values are the record's own strings: screens sanitize them
// (text/safe-text.ts). Odd values never throw: they become "unknown" or are left out.
import type {CloudTrailRecord} from './record.js';

export type MfaStatus = 'yes' | 'no' | 'unknown';
export type CredentialKind = 'console' | 'long-term-key' | 'temporary-credentials' | 'access-key' | 'aws-service' | 'unknown';

export interface EventWho {
  /** userIdentity.type as written (AssumedRole, IAMUser, Root, AWSService, …) or "unknown". */
  readonly identityType: string;
  /** An ARN where the record has one, else a readable name (user name, service), else "unknown". */
  readonly principal: string;
  /** The caller's account. */
  readonly accountId?: string;
  /** For an assumed role: the role's name (session issuer, or from the ARN). */
  readonly roleName?: string;
  /** For an assumed role: the session name, the last part of the assumed-role ARN. */
  readonly sessionName?: string;
  readonly mfa: MfaStatus;
  /** "console", "access key AKIA… (long-term)", "temporary credentials ASIA…", "AWS service …" or "unknown". */
  readonly how: string;
  readonly credential: CredentialKind;
  readonly accessKeyId?: string;
  /** The caller's account differs from the account the event was recorded in. */
  readonly isCrossAccount: boolean;
}

export interface EventWhat {
  readonly eventName: string;
  readonly eventSource: string;
  /** True when the call returned an error (errorCode or errorMessage present): nothing was changed. */
  readonly failed: boolean;
  /** The error was DryRunOperation: the caller had permission but asked for a dry run. */
  readonly isDryRun: boolean;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly readOnly?: boolean;
}

export interface EventWhen {
  /** eventTime as a UTC ISO time ("2025-03-14T09:26:53Z"); absent when missing or unreadable. */
  readonly time?: string;
  /** eventTime exactly as written, when present. */
  readonly rawTime?: string;
}

export interface EventWhere {
  readonly region?: string;
  /** sourceIPAddress as written: an IP address, or a service name such as "ec2.amazonaws.com". */
  readonly sourceIp?: string;
  readonly userAgent?: string;
  readonly recipientAccountId?: string;
}

export interface EventContext {
  readonly who: EventWho;
  readonly what: EventWhat;
  readonly when: EventWhen;
  readonly where: EventWhere;
}

/** The call failed: CloudTrail wrote an error code or message (blank ones do not count). Nothing was created or changed by it. */
export function hasFailed(record: CloudTrailRecord): boolean {
  return nonEmpty(record.errorCode) !== undefined || nonEmpty(record.errorMessage) !== undefined;
}

export function eventContext(record: CloudTrailRecord): EventContext {
  const errorCode = nonEmpty(record.errorCode);
  const errorMessage = nonEmpty(record.errorMessage);
  const rawTime = nonEmpty(record.eventTime);
  const time = rawTime === undefined ? undefined : toUtcIso(rawTime);
  return {
    who: who(record),
    what: {
      eventName: record.eventName,
      eventSource: record.eventSource,
      failed: hasFailed(record),
      isDryRun: errorCode !== undefined && /(^|\.)DryRunOperation$/.test(errorCode),
      ...optional('errorCode', errorCode),
      ...optional('errorMessage', errorMessage),
      ...optional('readOnly', record.readOnly),
    },
    when: {...optional('time', time), ...optional('rawTime', rawTime)},
    where: {
      ...optional('region', nonEmpty(record.awsRegion)),
      ...optional('sourceIp', nonEmpty(record.sourceIPAddress)),
      ...optional('userAgent', nonEmpty(record.userAgent)),
      ...optional('recipientAccountId', nonEmpty(record.recipientAccountId)),
    },
  };
}

function who(record: CloudTrailRecord): EventWho {
  const identity = record.userIdentity;
  const type = nonEmpty(identity.type);
  const arn = nonEmpty(identity.arn);
  const accountId = nonEmpty(identity.accountId);
  const invokedBy = nonEmpty(identity.invokedBy);
  // s: a session name holding a line break (\r, U+2028) is still read, and shown escaped.
  const assumed = arn === undefined ? undefined : /:assumed-role\/([^/]+)\/(.+)$/s.exec(arn);
  const roleName = nonEmpty(identity.sessionIssuerUserName) ?? assumed?.[1];
  const {how, credential, accessKeyId} = howCalled(record);
  const recipient = nonEmpty(record.recipientAccountId);
  return {
    identityType: type ?? 'unknown',
    principal: principalOf(type, arn, identity.userName, identity.principalId, invokedBy, accountId),
    ...optional('accountId', accountId),
    ...optional('roleName', type === 'AssumedRole' || assumed !== null ? roleName : undefined),
    ...optional('sessionName', assumed?.[2]),
    mfa: identity.mfaAuthenticated === 'true' ? 'yes' : identity.mfaAuthenticated === 'false' ? 'no' : 'unknown',
    how,
    credential,
    ...optional('accessKeyId', accessKeyId),
    isCrossAccount: accountId !== undefined && recipient !== undefined && accountId !== recipient,
  };
}

function principalOf(
  type: string | undefined,
  arn: string | undefined,
  userName: string | undefined,
  principalId: string | undefined,
  invokedBy: string | undefined,
  accountId: string | undefined,
): string {
  if (type === 'AWSService') return invokedBy ?? nonEmpty(principalId) ?? 'an AWS service';
  if (arn !== undefined) return arn;
  if (type === 'Root' && accountId !== undefined) return `root of account ${accountId}`;
  return nonEmpty(userName) ?? nonEmpty(principalId) ?? invokedBy ?? (accountId === undefined ? 'unknown' : `account ${accountId}`);
}

function howCalled(record: CloudTrailRecord): {how: string; credential: CredentialKind; accessKeyId?: string} {
  const identity = record.userIdentity;
  const invokedBy = nonEmpty(identity.invokedBy);
  const keyId = nonEmpty(identity.accessKeyId);
  const key = keyId === undefined ? {} : {accessKeyId: keyId};
  const isConsole =
    record.sessionCredentialFromConsole === true || /^console\./.test(record.userAgent ?? '') || /^console\./.test(invokedBy ?? '');
  if (isConsole) return {how: 'console', credential: 'console', ...key};
  if (invokedBy !== undefined) return {how: `AWS service ${invokedBy}`, credential: 'aws-service', ...key};
  if (identity.type === 'AWSService') return {how: 'AWS service', credential: 'aws-service', ...key};
  if (keyId === undefined) return {how: 'unknown', credential: 'unknown'};
  if (keyId.startsWith('AKIA')) return {how: `access key ${keyId} (long-term)`, credential: 'long-term-key', ...key};
  if (keyId.startsWith('ASIA')) return {how: `temporary credentials ${keyId}`, credential: 'temporary-credentials', ...key};
  return {how: `access key ${keyId}`, credential: 'access-key', ...key};
}

const isoTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Milliseconds of an ISO 8601 time with a zone; NaN for anything else, including 2025-02-30 (Date.parse rolls it over). */
function parseIso(value: string): number {
  const match = isoTime.exec(value);
  if (match === null) return Number.NaN;
  const part = (index: number): number => Number(match[index] ?? '0');
  const [year, month, dayOfMonth, hours, minutes, seconds] = [part(1), part(2), part(3), part(4), part(5), part(7)];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth || hours > 23 || minutes > 59 || seconds > 59) return Number.NaN;
  return Date.parse(value);
}

/** "2025-03-14T10:26:53+01:00" → "2025-03-14T09:26:53Z"; anything that is not an ISO time → undefined. */
export function toUtcIso(value: string): string | undefined {
  const ms = parseIso(value);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** "just now", "3 minutes ago", "2 days ago", "4 months ago", "in the future"; "unknown time" for an unreadable time. */
export function formatAgo(time: string | Date, now: Date): string {
  const ms = typeof time === 'string' ? parseIso(time) : time.getTime();
  if (Number.isNaN(ms) || Number.isNaN(now.getTime())) return 'unknown time';
  const diff = now.getTime() - ms;
  // Clocks disagree by a little; more than a minute ahead is worth saying.
  if (diff < -minute) return 'in the future';
  if (diff < minute) return 'just now';
  if (diff < hour) return plural(Math.floor(diff / minute), 'minute');
  if (diff < day) return plural(Math.floor(diff / hour), 'hour');
  if (diff < 90 * day) return plural(Math.floor(diff / day), 'day');
  if (diff < 730 * day) return plural(Math.floor(diff / (30 * day)), 'month');
  return plural(Math.floor(diff / (365 * day)), 'year');
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'} ago`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function optional<K extends string, V>(key: K, value: V | undefined): {[P in K]?: V} {
  return (value === undefined ? {} : {[key]: value}) as {[P in K]?: V};
}
