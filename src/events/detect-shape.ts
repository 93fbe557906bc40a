// Which of the accepted input shapes a parsed JSON value is. Pure; decides from keys only.
//   record         one CloudTrail record {"eventName", "eventSource", …}
//   log-file       a trail log file as delivered to S3: {"Records": [ … ]}
//   eventbridge    an EventBridge event "… via CloudTrail" with the record under "detail"
//   lookup-events  `aws cloudtrail lookup-events` output {"Events": [{"CloudTrailEvent": "<JSON>"}]}, or one such Event
//   array          a bare JSON array of records

export type InputShape = 'record' | 'log-file' | 'eventbridge' | 'lookup-events' | 'array';

export type JsonRecord = {readonly [key: string]: unknown};

export function isJsonObject(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function has(object: JsonRecord, key: string): boolean {
  return Object.hasOwn(object, key);
}

/** An own property only (never one inherited from Object.prototype). */
export function own(object: JsonRecord, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** "AWS API Call via CloudTrail", "AWS Console Signin via CloudTrail", "AWS Service Event via CloudTrail", … */
export function isCloudTrailDetailType(value: unknown): boolean {
  return typeof value === 'string' && / via CloudTrail$/.test(value);
}

export function isEventBridgeEnvelope(value: JsonRecord): boolean {
  return isCloudTrailDetailType(own(value, 'detail-type')) && has(value, 'detail');
}

export function detectShape(value: unknown): InputShape | undefined {
  if (Array.isArray(value)) return 'array';
  if (!isJsonObject(value)) return undefined;
  if (Array.isArray(own(value, 'Records'))) return 'log-file';
  if (isEventBridgeEnvelope(value)) return 'eventbridge';
  if (Array.isArray(own(value, 'Events')) || has(value, 'CloudTrailEvent')) return 'lookup-events';
  if (has(value, 'eventName') || has(value, 'eventSource')) return 'record';
  return undefined;
}
