// The sandbox's IAM, seeded from the records CloudTrail holds in the scenario (its own event and its
// trail): every IAM user that called has its long-term key (the one it used, Active, and none other), a
// console password and no inline policies; every role a session came from exists with no inline policies;
// root's keys are present when root called with one. So the actor's containment works in every scenario.
import {newId} from '../stable-id.js';
import type {CloudTrailRecord} from '../../events/record.js';
import type {IamRole, IamState, IamUser} from './iam.js';

const iamName = /^[\w+=,.@-]{1,64}$/;
const longTermKey = /^AKIA[A-Z0-9]{16}$/;

/** An AKIA… key ID of 20 characters derived from a seed text (the user signed with temporary credentials). */
function keyIdFor(seed: string): string {
  return `AKIA${newId('k', seed).slice(-16).toUpperCase()}`;
}

function uniqueId(prefix: string, seed: string): string {
  return `${prefix}${newId('u', seed).slice(-17).toUpperCase()}`;
}

function userFrom(record: CloudTrailRecord, accountId: string, at: Date): IamUser | undefined {
  const userName = record.userIdentity.userName;
  if (record.userIdentity.type !== 'IAMUser' || userName === undefined || !iamName.test(userName)) return undefined;
  const used = record.userIdentity.accessKeyId;
  const keyId = used !== undefined && longTermKey.test(used) ? used : keyIdFor(userName);
  const created = new Date(at.getTime() - 200 * 24 * 3600 * 1000);
  return {
    UserName: userName, UserId: uniqueId('AIDA', userName), Arn: `arn:aws:iam::${accountId}:user/${userName}`, CreateDate: created,
    AccessKeys: [{UserName: userName, AccessKeyId: keyId, Status: 'Active', CreateDate: created}],
    LoginProfile: {CreateDate: created, PasswordResetRequired: false},
    Policies: {},
  };
}

function roleFrom(record: CloudTrailRecord, accountId: string, at: Date): IamRole | undefined {
  const roleName = record.userIdentity.sessionIssuerUserName ?? /:assumed-role\/([^/]+)\//.exec(record.userIdentity.arn ?? '')?.[1];
  if (record.userIdentity.type !== 'AssumedRole' || roleName === undefined || !iamName.test(roleName)) return undefined;
  const path = roleName.startsWith('AWSServiceRoleFor') ? '/aws-service-role/' : '/';
  return {
    RoleName: roleName, RoleId: uniqueId('AROA', roleName), Arn: `arn:aws:iam::${accountId}:role${path}${roleName}`, Path: path,
    CreateDate: new Date(at.getTime() - 300 * 24 * 3600 * 1000), Policies: {},
  };
}

export function iamFromRecords(records: readonly CloudTrailRecord[], accountId: string): IamState {
  const users = new Map<string, IamUser>();
  const roles = new Map<string, IamRole>();
  let rootKeysPresent = false;
  for (const record of records) {
    const time = Date.parse(record.eventTime ?? '');
    const at = new Date(Number.isNaN(time) ? 0 : time);
    const user = userFrom(record, accountId, at);
    const known = user === undefined ? undefined : users.get(user.UserName);
    // A user seen with another key has both (IAM allows two).
    if (user !== undefined && known === undefined) users.set(user.UserName, user);
    else if (user !== undefined && known !== undefined && known.AccessKeys.length < 2 && !known.AccessKeys.some((k) => k.AccessKeyId === user.AccessKeys[0]?.AccessKeyId)) {
      users.set(user.UserName, {...known, AccessKeys: [...known.AccessKeys, ...user.AccessKeys]});
    }
    const role = roleFrom(record, accountId, at);
    if (role !== undefined && !roles.has(role.RoleName)) roles.set(role.RoleName, role);
    if (record.userIdentity.type === 'Root' && longTermKey.test(record.userIdentity.accessKeyId ?? '')) rootKeysPresent = true;
  }
  return {users: [...users.values()], roles: [...roles.values()], rootKeysPresent, rootMfa: false};
}
