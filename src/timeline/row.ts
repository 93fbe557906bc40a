// A record as one row of the actor's timeline, and whether it belongs in a search: the filter's
// actor, window, names, Regions, account and actor text. Every engine that holds whole records (the
// input files, the event's own file) uses these, so they all keep the same events. Pure.
import type {CloudTrailRecord} from '../events/record.js';
import {matchesActor} from './actor.js';
import type {TimelineFilter, TimelineRow} from './types.js';

export function rowOf(record: CloudTrailRecord, origin: string): TimelineRow {
  return {
    time: record.eventTime ?? '',
    eventName: record.eventName,
    eventSource: record.eventSource,
    region: record.awsRegion,
    sourceIp: record.sourceIPAddress,
    errorCode: record.errorCode,
    eventId: record.eventID,
    record,
    origin,
  };
}

/** The record's time in epoch ms, NaN when it has none or it is not a time. */
export function timeMs(record: CloudTrailRecord): number {
  return record.eventTime === undefined ? Number.NaN : Date.parse(record.eventTime);
}

/** Inside the window [since, until), of the actor, and passing the other filters. A record without a readable time is outside any window. */
export function passesFilter(record: CloudTrailRecord, filter: TimelineFilter): boolean {
  if (filter.actor !== undefined && !matchesActor(record, filter.actor)) return false;
  const ms = timeMs(record);
  if (Number.isNaN(ms) || ms < filter.since.getTime()) return false;
  if (filter.until !== undefined && ms >= filter.until.getTime()) return false;
  if (filter.names !== undefined && filter.names.length > 0 && !filter.names.includes(record.eventName)) return false;
  if (filter.regions !== undefined && filter.regions.length > 0 && (record.awsRegion === undefined || !filter.regions.includes(record.awsRegion))) return false;
  if (filter.account !== undefined && (record.recipientAccountId ?? record.userIdentity.accountId) !== filter.account) return false;
  if (filter.actorText !== undefined && !hasActorText(record, filter.actorText.toLowerCase())) return false;
  return true;
}

/** triage --actor's fields: the ARN, principal ID, user name or issuer ARN contains the text (any case). */
function hasActorText(record: CloudTrailRecord, text: string): boolean {
  const {arn, principalId, userName, sessionIssuerArn} = record.userIdentity;
  return [arn, principalId, userName, sessionIssuerArn].some((field) => field?.toLowerCase().includes(text) === true);
}
