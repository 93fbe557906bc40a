// Who made the call, as the "contain the actor" steps need it: the kind of identity (an IAM user, a role
// session, an instance's role, the root user, an AWS service) and the names its steps act on. Read from
// the record's userIdentity through the event context; every value is the record's own string and is
// validated by its parameter's pattern before it enters a call (bind.ts). Pure.
import {eventContext} from '../events/context.js';
import type {CloudTrailRecord} from '../events/record.js';

/** The kinds of caller a step may be limited to (`caller:` in a runbook step). */
export const callerKinds = ['iam-user', 'role-session', 'instance-role', 'root', 'aws-service', 'other'] as const;
export type CallerKind = (typeof callerKinds)[number];

export interface Caller {
  readonly kind: CallerKind;
  /** The IAM user (an IAMUser caller). */
  readonly userName?: string | undefined;
  /** The access key the call was signed with (AKIA… long-term, ASIA… temporary). */
  readonly accessKeyId?: string | undefined;
  /** That key when it is a long-term one (AKIA…): the only kind UpdateAccessKey can deactivate. */
  readonly longTermKeyId?: string | undefined;
  /** The role whose session made the call (the session issuer's name). */
  readonly roleName?: string | undefined;
  /** The instance whose role credentials made the call (the session name is its ID). */
  readonly instanceId?: string | undefined;
}

/** EC2 names an instance profile's role session after the instance: i- and 8 or 17 hex digits. */
const instanceSessionName = /^i-[0-9a-f]{8}([0-9a-f]{9})?$/;

export function callerOf(record: CloudTrailRecord): Caller {
  const who = eventContext(record).who;
  const accessKeyId = who.accessKeyId;
  switch (who.identityType) {
    case 'IAMUser':
      return {kind: 'iam-user', userName: record.userIdentity.userName, accessKeyId, longTermKeyId: accessKeyId?.startsWith('AKIA') === true ? accessKeyId : undefined};
    case 'Root':
      return {kind: 'root', accessKeyId};
    case 'AWSService':
      return {kind: 'aws-service'};
    case 'AssumedRole': {
      const isInstance = who.sessionName !== undefined && instanceSessionName.test(who.sessionName);
      return isInstance
        ? {kind: 'instance-role', roleName: who.roleName, accessKeyId, instanceId: who.sessionName}
        : {kind: 'role-session', roleName: who.roleName, accessKeyId};
    }
    default:
      return {kind: 'other', accessKeyId};
  }
}
