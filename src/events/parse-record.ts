// unknown → CloudTrailRecord. Only eventName and eventSource are required (non-empty strings);
// every other field is optional and type-checked: a field of the wrong type is dropped (or null
// for requestParameters/responseElements), never a crash. Strings are kept exactly as written.
import {isJsonObject, own, type JsonRecord} from './detect-shape.js';
import {InputError} from './input-error.js';
import type {CloudTrailRecord, JsonObject, UserIdentity} from './record.js';

export type ParseRecordResult = {readonly ok: true; readonly record: CloudTrailRecord} | {readonly ok: false; readonly problem: string};

/** The record, or an InputError at source/place (e.g. "Records[2]") saying what is wrong. */
export function parseRecord(value: unknown, source: string, place: string): CloudTrailRecord {
  const result = tryParseRecord(value);
  if (!result.ok) throw new InputError(source, place, result.problem);
  return result.record;
}

/** As parseRecord, without throwing: the problem is one short sentence, e.g. "eventSource is missing". */
export function tryParseRecord(value: unknown): ParseRecordResult {
  if (!isJsonObject(value)) return {ok: false, problem: `not a CloudTrail record: expected a JSON object, found ${kindOf(value)}`};
  const eventName = own(value, 'eventName');
  const eventSource = own(value, 'eventSource');
  const problem = requiredProblem('eventName', eventName) ?? requiredProblem('eventSource', eventSource);
  if (problem !== undefined || typeof eventName !== 'string' || typeof eventSource !== 'string') {
    return {ok: false, problem: problem ?? 'eventName or eventSource is missing'};
  }

  const record: Writable<CloudTrailRecord> = {
    eventName,
    eventSource,
    userIdentity: parseUserIdentity(own(value, 'userIdentity')),
    requestParameters: objectOrNull(own(value, 'requestParameters')),
    responseElements: objectOrNull(own(value, 'responseElements')),
    raw: value as JsonObject,
  };
  for (const key of stringFields) {
    const field = own(value, key);
    if (typeof field === 'string') record[key] = field;
  }
  const readOnly = booleanOf(own(value, 'readOnly'));
  if (readOnly !== undefined) record.readOnly = readOnly;
  // Real records write this one as the string "true"; accept a boolean too.
  const fromConsole = booleanOf(own(value, 'sessionCredentialFromConsole'));
  if (fromConsole !== undefined) record.sessionCredentialFromConsole = fromConsole;
  return {ok: true, record};
}

type Writable<T> = {-readonly [K in keyof T]: T[K]};

const stringFields = [
  'eventTime',
  'eventVersion',
  'eventID',
  'eventType',
  'awsRegion',
  'sourceIPAddress',
  'userAgent',
  'errorCode',
  'errorMessage',
  'recipientAccountId',
] as const satisfies readonly (keyof CloudTrailRecord)[];

const identityStringFields = ['type', 'principalId', 'arn', 'accountId', 'accessKeyId', 'userName', 'invokedBy'] as const satisfies readonly (keyof UserIdentity)[];

function parseUserIdentity(value: unknown): UserIdentity {
  if (!isJsonObject(value)) return {};
  const identity: Writable<UserIdentity> = {};
  for (const key of identityStringFields) {
    const field = own(value, key);
    if (typeof field === 'string') identity[key] = field;
  }
  const sessionContext = objectOf(own(value, 'sessionContext'));
  const issuer = objectOf(own(sessionContext, 'sessionIssuer'));
  const attributes = objectOf(own(sessionContext, 'attributes'));
  const issuerArn = own(issuer, 'arn');
  const issuerName = own(issuer, 'userName');
  const mfa = own(attributes, 'mfaAuthenticated');
  const created = own(attributes, 'creationDate');
  if (typeof issuerArn === 'string') identity.sessionIssuerArn = issuerArn;
  if (typeof issuerName === 'string') identity.sessionIssuerUserName = issuerName;
  if (typeof mfa === 'string') identity.mfaAuthenticated = mfa;
  else if (typeof mfa === 'boolean') identity.mfaAuthenticated = String(mfa);
  if (typeof created === 'string') identity.sessionCreationDate = created;
  return identity;
}

function requiredProblem(name: string, value: unknown): string | undefined {
  if (value === undefined) return `${name} is missing`;
  if (typeof value !== 'string') return `${name} is not a string (found ${kindOf(value)})`;
  if (value.trim() === '') return `${name} is empty`;
  return undefined;
}

function objectOrNull(value: unknown): JsonObject | null {
  return isJsonObject(value) ? (value as JsonObject) : null;
}

const empty: JsonRecord = {};

function objectOf(value: unknown): JsonRecord {
  return isJsonObject(value) ? value : empty;
}

function booleanOf(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

const kinds: Readonly<Record<string, string>> = {string: 'a string', number: 'a number', boolean: 'a boolean', object: 'an object'};

/** "a string", "a list", "null" … for messages about a value of the wrong type. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return kinds[typeof value] ?? typeof value;
}
