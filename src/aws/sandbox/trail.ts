// CloudTrail's event history in the training sandbox: LookupEvents answered from the events the
// scenario holds (its own record), with LookupEvents' filters (one lookup attribute, a time range)
// and its output shape, so a trainee can look for a retry or the caller's other calls as on AWS.
import type {ActionParams} from '../action.js';
import type {CloudTrailRecord} from '../../events/record.js';
import {fail, optRecords, optString, withoutDryRun, type ParamRecord} from './params.js';

export interface LookedUpEvent {
  readonly EventId?: string | undefined;
  readonly EventName: string;
  readonly ReadOnly?: string | undefined;
  readonly AccessKeyId?: string | undefined;
  readonly EventTime?: string | undefined;
  readonly EventSource: string;
  readonly Username?: string | undefined;
  readonly Resources: readonly [];
  /** The whole record as a JSON string, as CloudTrail returns it. */
  readonly CloudTrailEvent: string;
}

/** The user name CloudTrail's history shows: an IAM user's name, else the session's name (the ARN's last part). */
function username(record: CloudTrailRecord): string | undefined {
  const identity = record.userIdentity;
  return identity.userName ?? identity.arn?.split('/').pop();
}

function looked(record: CloudTrailRecord): LookedUpEvent {
  return {
    EventId: record.eventID, EventName: record.eventName, ReadOnly: record.readOnly === undefined ? undefined : String(record.readOnly),
    AccessKeyId: record.userIdentity.accessKeyId, EventTime: record.eventTime, EventSource: record.eventSource, Username: username(record),
    Resources: [], CloudTrailEvent: JSON.stringify(record.raw),
  };
}

const attributeKeys = new Set(['EventId', 'EventName', 'ReadOnly', 'Username', 'ResourceType', 'ResourceName', 'EventSource', 'AccessKeyId']);

function matches(event: LookedUpEvent, attribute: ParamRecord | undefined): boolean {
  if (!attribute) return true;
  const key = optString(attribute, 'AttributeKey') ?? '';
  const value = optString(attribute, 'AttributeValue') ?? '';
  if (!attributeKeys.has(key)) fail('InvalidLookupAttributesException', `${key} is not a lookup attribute`);
  // ResourceType/ResourceName: the sandbox's events name no resources list; the record's text is searched instead.
  if (key === 'ResourceType' || key === 'ResourceName') return event.CloudTrailEvent.includes(value);
  return (event as unknown as Readonly<Record<string, unknown>>)[key] === value;
}

function time(params: ParamRecord, name: string): number | undefined {
  const text = optString(params, name);
  if (text === undefined) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) fail('InvalidTimeRangeException', `${name} is not a time`);
  return at;
}

export function lookupEvents(trail: readonly CloudTrailRecord[], params: ActionParams): {readonly Events: readonly LookedUpEvent[]} {
  const request = withoutDryRun(params);
  const attributes = optRecords(request, 'LookupAttributes') ?? [];
  if (attributes.length > 1) fail('InvalidLookupAttributesException', 'LookupAttributes can hold one attribute only');
  const from = time(request, 'StartTime') ?? -Infinity;
  const to = time(request, 'EndTime') ?? Infinity;
  const events = trail.map(looked).filter((event) => {
    const at = event.EventTime === undefined ? NaN : Date.parse(event.EventTime);
    return matches(event, attributes[0]) && (Number.isNaN(at) || (at >= from && at <= to));
  });
  // Newest first, as CloudTrail answers.
  return {Events: [...events].sort((a, b) => (b.EventTime ?? '').localeCompare(a.EventTime ?? ''))};
}
