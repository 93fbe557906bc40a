// What triage reports about one event, and the options it filters with. Pure.
import type {CloudTrailRecord} from '../events/record.js';
import type {Finding, Severity} from '../findings/finding.js';

export interface TriageFilter {
  /** Event names to keep; empty: any. */
  readonly names: readonly string[];
  readonly sinceMs?: number | undefined;
  /** Exclusive. */
  readonly untilMs?: number | undefined;
  /** Case-insensitive substring of the caller's ARN, principal ID, user name or issuer ARN. */
  readonly actor?: string | undefined;
  readonly account?: string | undefined;
  readonly region?: string | undefined;
  /** false: only events that have a built-in runbook. */
  readonly isAll: boolean;
}

export interface TriageMatch {
  readonly eventID: string | null;
  readonly eventName: string;
  readonly eventTime: string | null;
  readonly actor: string | null;
  readonly account: string | null;
  readonly region: string | null;
  readonly file: string;
  /** The record's place in the file: Records[index]. */
  readonly index: number;
  readonly findings: readonly {readonly id: string; readonly severity: Severity; readonly title: string}[];
}

/** Who made the call, as one string: the ARN when there is one. */
export function actorOf(record: CloudTrailRecord): string | undefined {
  const id = record.userIdentity;
  return id.arn ?? id.invokedBy ?? id.principalId ?? id.userName ?? id.type;
}

/** The account the event happened in. */
export function accountOf(record: CloudTrailRecord): string | undefined {
  return record.recipientAccountId ?? record.userIdentity.accountId;
}

export function matchOf(record: CloudTrailRecord, file: string, index: number, findings: readonly Finding[]): TriageMatch {
  return {
    eventID: record.eventID ?? null,
    eventName: record.eventName,
    eventTime: record.eventTime ?? null,
    actor: actorOf(record) ?? null,
    account: accountOf(record) ?? null,
    region: record.awsRegion ?? null,
    file,
    index,
    findings: findings.map(({id, severity, title}) => ({id, severity, title})),
  };
}
