// IAM in the sandbox, for containing the actor: users with their access keys, login profiles and inline
// policies, roles with their inline policies, and the account summary. As IAM (botocore's iam model): an
// unknown user, key, login profile or policy is NoSuchEntity (404); a policy that is not a JSON policy
// document is MalformedPolicyDocument; a service-linked role cannot be changed (UnmodifiableEntity); a
// value outside the API's constraints is ValidationError. Pure: a call that changes something returns a new state.
import type {AccessKeyMetadata} from '@aws-sdk/client-iam';
import {fail, reqString, type ParamRecord} from './params.js';

export interface IamUser {
  readonly UserName: string;
  readonly UserId: string;
  readonly Arn: string;
  readonly CreateDate: Date;
  readonly AccessKeys: readonly AccessKeyMetadata[];
  /** The console password, when the user has one. */
  readonly LoginProfile?: {readonly CreateDate: Date; readonly PasswordResetRequired: boolean} | undefined;
  /** Inline policies: name → policy document (JSON text). */
  readonly Policies: Readonly<Record<string, string>>;
}

export interface IamRole {
  readonly RoleName: string;
  readonly RoleId: string;
  readonly Arn: string;
  readonly Path: string;
  readonly CreateDate: Date;
  readonly Policies: Readonly<Record<string, string>>;
}

export interface IamState {
  readonly users: readonly IamUser[];
  readonly roles: readonly IamRole[];
  /** The root user has access keys (GetAccountSummary's AccountAccessKeysPresent). */
  readonly rootKeysPresent: boolean;
  readonly rootMfa: boolean;
}

export type IamHandler = (state: IamState, params: ParamRecord) => {readonly state?: IamState | undefined; readonly output: Readonly<Record<string, unknown>>};

const noSuchEntity = (message: string): never => fail('NoSuchEntity', message);

/** IAM's names: 1-64 (user, role) or 1-128 (policy) of [\w+=,.@-] (the model's pattern). */
function name(params: ParamRecord, key: string, max: number): string {
  const value = reqString(params, key);
  if (value.length > max || !/^[\w+=,.@-]+$/.test(value)) fail('ValidationError', `1 validation error detected: Value '${value}' at '${key.charAt(0).toLowerCase()}${key.slice(1)}' failed to satisfy constraint`);
  return value;
}

function userOf(state: IamState, userName: string): IamUser {
  return state.users.find((u) => u.UserName === userName) ?? noSuchEntity(`The user with name ${userName} cannot be found.`);
}

function roleOf(state: IamState, roleName: string): IamRole {
  return state.roles.find((r) => r.RoleName === roleName) ?? noSuchEntity(`The role with name ${roleName} cannot be found.`);
}

const withUser = (state: IamState, user: IamUser): IamState => ({...state, users: state.users.map((u) => (u.UserName === user.UserName ? user : u))});
const withRole = (state: IamState, role: IamRole): IamState => ({...state, roles: state.roles.map((r) => (r.RoleName === role.RoleName ? role : r))});

/** A policy document as IAM accepts it: a JSON object with a Statement (one or a list). */
function policyDocument(params: ParamRecord): string {
  const text = reqString(params, 'PolicyDocument');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail('MalformedPolicyDocument', 'Syntax errors in policy.');
  }
  const statement = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>)['Statement'] : undefined;
  if (typeof statement !== 'object' || statement === null) fail('MalformedPolicyDocument', 'Policy document must contain a Statement.');
  return text;
}

const listAccessKeys: IamHandler = (state, params) => {
  const user = userOf(state, name(params, 'UserName', 128));
  return {output: {AccessKeyMetadata: user.AccessKeys, IsTruncated: false}};
};

const statusTypes = ['Active', 'Inactive'] as const;

const updateAccessKey: IamHandler = (state, params) => {
  const user = userOf(state, name(params, 'UserName', 128));
  const keyId = reqString(params, 'AccessKeyId');
  const given = reqString(params, 'Status');
  const status = statusTypes.find((t) => t === given);
  if (status === undefined) return fail('ValidationError', `1 validation error detected: Value '${given}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive, Expired]`);
  if (!user.AccessKeys.some((k) => k.AccessKeyId === keyId)) noSuchEntity(`The Access Key with id ${keyId} cannot be found.`);
  const keys = user.AccessKeys.map((k) => (k.AccessKeyId === keyId ? {...k, Status: status} : k));
  return {state: withUser(state, {...user, AccessKeys: keys}), output: {}};
};

const getLoginProfile: IamHandler = (state, params) => {
  const user = userOf(state, name(params, 'UserName', 64));
  const profile = user.LoginProfile ?? noSuchEntity(`Login Profile for User ${user.UserName} cannot be found.`);
  return {output: {LoginProfile: {UserName: user.UserName, CreateDate: profile.CreateDate, PasswordResetRequired: profile.PasswordResetRequired}}};
};

const deleteLoginProfile: IamHandler = (state, params) => {
  const user = userOf(state, name(params, 'UserName', 64));
  if (user.LoginProfile === undefined) noSuchEntity(`Login Profile for User ${user.UserName} cannot be found.`);
  return {state: withUser(state, {...user, LoginProfile: undefined}), output: {}};
};

const putUserPolicy: IamHandler = (state, params) => {
  const user = userOf(state, name(params, 'UserName', 128));
  const policyName = name(params, 'PolicyName', 128);
  const document = policyDocument(params);
  return {state: withUser(state, {...user, Policies: {...user.Policies, [policyName]: document}}), output: {}};
};

/** IAM answers a policy document URL-encoded (RFC 3986), as GetUserPolicy and GetRolePolicy do. */
const encoded = (document: string): string => encodeURIComponent(document);

const getUserPolicy: IamHandler = (state, params) => {
  const user = userOf(state, name(params, 'UserName', 128));
  const policyName = name(params, 'PolicyName', 128);
  const document = Object.hasOwn(user.Policies, policyName) ? user.Policies[policyName] : undefined;
  if (document === undefined) noSuchEntity(`The user policy with name ${policyName} cannot be found.`);
  return {output: {UserName: user.UserName, PolicyName: policyName, PolicyDocument: encoded(document ?? '')}};
};

const putRolePolicy: IamHandler = (state, params) => {
  const role = roleOf(state, name(params, 'RoleName', 64));
  const policyName = name(params, 'PolicyName', 128);
  const document = policyDocument(params);
  if (role.Path.startsWith('/aws-service-role/')) fail('UnmodifiableEntity', `Cannot perform the operation on the protected role '${role.RoleName}' - this role is only modifiable by AWS`);
  return {state: withRole(state, {...role, Policies: {...role.Policies, [policyName]: document}}), output: {}};
};

const getRolePolicy: IamHandler = (state, params) => {
  const role = roleOf(state, name(params, 'RoleName', 64));
  const policyName = name(params, 'PolicyName', 128);
  const document = Object.hasOwn(role.Policies, policyName) ? role.Policies[policyName] : undefined;
  if (document === undefined) noSuchEntity(`The role policy with name ${policyName} cannot be found.`);
  return {output: {RoleName: role.RoleName, PolicyName: policyName, PolicyDocument: encoded(document ?? '')}};
};

const getAccountSummary: IamHandler = (state) => ({
  output: {SummaryMap: {Users: state.users.length, Roles: state.roles.length, AccountAccessKeysPresent: state.rootKeysPresent ? 1 : 0, AccountMFAEnabled: state.rootMfa ? 1 : 0}},
});

const listUsers: IamHandler = (state) => ({
  output: {Users: state.users.map((u) => ({UserName: u.UserName, UserId: u.UserId, Arn: u.Arn, Path: '/', CreateDate: u.CreateDate})), IsTruncated: false},
});

export const iamHandlers: ReadonlyMap<string, IamHandler> = new Map([
  ['ListAccessKeys', listAccessKeys], ['UpdateAccessKey', updateAccessKey],
  ['GetLoginProfile', getLoginProfile], ['DeleteLoginProfile', deleteLoginProfile],
  ['PutUserPolicy', putUserPolicy], ['GetUserPolicy', getUserPolicy],
  ['PutRolePolicy', putRolePolicy], ['GetRolePolicy', getRolePolicy],
  ['GetAccountSummary', getAccountSummary], ['ListUsers', listUsers],
]);
