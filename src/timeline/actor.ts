// Who an event's caller is, as a timeline searches for it, and whether another record is the same
// caller. The handles, strongest first: the access key the call was signed with, the principal's ARN
// (the IAM user, the root user, or one role session: assumed-role/Role/session), and, only when the
// record has neither, the principal ID. Every value is the record's own string (attacker-controlled):
// screens show the label through safeLine, queries check each value's shape. Pure.
import {isJsonObject, own} from '../events/detect-shape.js';
import type {CloudTrailRecord} from '../events/record.js';
import type {Actor, ActorResult} from './types.js';

/** The handles of a record's caller: what matchesActor compares. Empty strings count as absent (CloudTrail writes "accessKeyId": ""). */
interface Handles {
  readonly accessKeyId?: string | undefined;
  readonly arn?: string | undefined;
  readonly principalId?: string | undefined;
  readonly accountId?: string | undefined;
}

const nonEmpty = (value: string | undefined): string | undefined => (value === undefined || value === '' ? undefined : value);

/** An IAM Identity Center user (type IdentityCenterUser) has no ARN or principal ID: its onBehalfOf.userId names the person. */
function identityCenterUserId(record: CloudTrailRecord): string | undefined {
  const identity = own(record.raw, 'userIdentity');
  const onBehalfOf = isJsonObject(identity) ? own(identity, 'onBehalfOf') : undefined;
  const userId = isJsonObject(onBehalfOf) ? own(onBehalfOf, 'userId') : undefined;
  return typeof userId === 'string' ? nonEmpty(userId) : undefined;
}

function handlesOf(record: CloudTrailRecord): Handles {
  const identity = record.userIdentity;
  const principalId = nonEmpty(identity.principalId) ?? (identity.type === 'IdentityCenterUser' ? identityCenterUserId(record) : undefined);
  return {accessKeyId: nonEmpty(identity.accessKeyId), arn: nonEmpty(identity.arn), principalId, accountId: nonEmpty(identity.accountId)};
}

/** The last part of an assumed-role ARN (arn:aws:sts::111122223333:assumed-role/Role/session): the session's name. */
const assumedRole = /:assumed-role\/([^/]+)\/(.+)$/s;

export function actorOf(record: CloudTrailRecord): ActorResult {
  const identity = record.userIdentity;
  const hasIdentity = isJsonObject(own(record.raw, 'userIdentity'));
  if (!hasIdentity) return {ok: false, reason: 'the record has no userIdentity: nothing says who made the call, so there is no one to follow'};
  const type = nonEmpty(identity.type) ?? 'unknown';
  const handles = handlesOf(record);
  // An AWS service acting on its own (no key, no ARN): its principal ID, when written, names the service, not a caller to follow.
  if (type === 'AWSService' && handles.accessKeyId === undefined && handles.arn === undefined) {
    return {ok: false, reason: `the call was made by the AWS service ${nonEmpty(identity.invokedBy) ?? '(not named)'} itself, not by a user or role: there is no actor to follow`};
  }
  if (handles.accessKeyId === undefined && handles.arn === undefined && handles.principalId === undefined) {
    return {ok: false, reason: `the caller (${type}) has no access key, ARN or principal ID in the record: there is nothing to search its other events by`};
  }
  const session = handles.arn === undefined ? null : assumedRole.exec(handles.arn);
  const userName = type === 'AssumedRole' || session !== null ? nonEmpty(identity.sessionIssuerUserName) ?? session?.[1] : nonEmpty(identity.userName);
  const sessionName = session?.[2];
  const actor: Actor = {
    type,
    accessKeyId: handles.accessKeyId,
    arn: handles.arn,
    principalId: handles.principalId,
    userName,
    sessionName,
    accountId: handles.accountId,
    label: labelOf(type, handles, userName, sessionName),
  };
  return {ok: true, actor};
}

/** "IAMUser alice (AKIA…)", "AssumedRole admin/i-0abc… (ASIA…)", "Root of 111122223333". */
function labelOf(type: string, handles: Handles, userName: string | undefined, sessionName: string | undefined): string {
  const name =
    type === 'Root' ? `of ${handles.accountId ?? 'an unnamed account'}`
    : sessionName !== undefined ? `${userName ?? '?'}/${sessionName}`
    : userName ?? handles.arn ?? handles.principalId ?? '';
  const key = handles.accessKeyId === undefined ? '' : ` (${handles.accessKeyId})`;
  return `${type}${name === '' ? '' : ` ${name}`}${key}`;
}

/**
 * The same caller: the same access key, or the same principal ARN (the same user, or the same role
 * session). The principal ID counts only for an actor that has neither (AWSAccount, Identity
 * Center), and then within the same account when both records name one.
 */
export function matchesActor(record: CloudTrailRecord, actor: Actor): boolean {
  const handles = handlesOf(record);
  if (actor.accessKeyId !== undefined && handles.accessKeyId === actor.accessKeyId) return true;
  if (actor.arn !== undefined && handles.arn === actor.arn) return true;
  if (actor.accessKeyId !== undefined || actor.arn !== undefined || actor.principalId === undefined) return false;
  const sameAccount = actor.accountId === undefined || handles.accountId === undefined || actor.accountId === handles.accountId;
  return handles.principalId === actor.principalId && sameAccount;
}

/**
 * The strings whose bytes a record must hold to be this actor's (see engines/files.ts): each as
 * JSON.stringify writes it inside quotes. A record that spells one another way (\/ for /, a \u
 * escape) holds a backslash-u or backslash-slash, which the byte search treats as "parse to know".
 */
export function actorNeedles(actor: Actor): readonly string[] {
  const values = [actor.accessKeyId, actor.arn];
  if (actor.accessKeyId === undefined && actor.arn === undefined) values.push(actor.principalId);
  return values.filter((v): v is string => v !== undefined).map((v) => JSON.stringify(v).slice(1, -1));
}
