// Does a record pass the triage filters? Pure; cheap checks first, findings are computed later
// only for the records that pass.
import type {CloudTrailRecord} from '../events/record.js';
import {builtInEventNames} from '../runbooks/catalog.js';
import {accountOf, type TriageFilter} from './triage-match.js';

/** runbookNames: the events that have a runbook (the built-ins', and users' with --runbooks). */
export function passes(record: CloudTrailRecord, filter: TriageFilter, runbookNames: readonly string[] = builtInEventNames): boolean {
  if (filter.names.length > 0 ? !filter.names.includes(record.eventName) : !filter.isAll && !runbookNames.includes(record.eventName)) return false;
  if (filter.region !== undefined && record.awsRegion !== filter.region) return false;
  if (filter.account !== undefined && accountOf(record) !== filter.account && record.userIdentity.accountId !== filter.account) return false;
  if (filter.sinceMs !== undefined || filter.untilMs !== undefined) {
    const time = Date.parse(record.eventTime ?? '');
    if (Number.isNaN(time)) return false;
    if (filter.sinceMs !== undefined && time < filter.sinceMs) return false;
    if (filter.untilMs !== undefined && time >= filter.untilMs) return false;
  }
  return filter.actor === undefined || isActor(record, filter.actor.toLowerCase());
}

function isActor(record: CloudTrailRecord, needle: string): boolean {
  const id = record.userIdentity;
  return [id.arn, id.principalId, id.userName, id.sessionIssuerArn, id.invokedBy].some((value) => value?.toLowerCase().includes(needle) === true);
}
