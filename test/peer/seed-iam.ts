// The event's caller, created in moto's IAM so the steps about the caller act on a real principal: the
// IAM user (with an access key standing for the event's), the role of an assumed-role session (at its
// path), and the service-linked role AWS Config needs. An event made by a role names no user, and one
// made by a user no role: the other principal is a stand-in the operator would type, named `peer-tier`.
import {CreateAccessKeyCommand, CreateLoginProfileCommand, CreateRoleCommand, CreateUserCommand, DeleteAccessKeyCommand, IAMClient} from '@aws-sdk/client-iam';
import type {CloudTrailRecord} from '../../src/events/record.js';
import {keepId, mapId, type SeedContext} from './seed-context.js';

/** The principal the operator types when the event names none of that kind. */
export const standInName = 'peer-tier';

/** The user and role an operator names for the event's caller: the event's, else the stand-in. */
export interface Actor {
  readonly userName: string;
  readonly roleName: string;
  /** The role's path (/ or, for a service or SSO role, the folders its ARN names). */
  readonly rolePath: string;
}

export function actorOf(identity: CloudTrailRecord['userIdentity']): Actor {
  const issuer = identity.type === 'AssumedRole' ? identity.sessionIssuerArn : undefined;
  const rolePart = issuer === undefined ? undefined : /:role(\/.*\/|\/)([^/]+)$/.exec(issuer);
  return {
    userName: identity.type === 'IAMUser' && identity.userName ? identity.userName : standInName,
    roleName: rolePart?.[2] ?? standInName,
    rolePath: rolePart?.[1] ?? '/',
  };
}

const trust = (service: string): string => JSON.stringify({Version: '2012-10-17', Statement: [{Effect: 'Allow', Principal: {Service: service}, Action: 'sts:AssumeRole'}]});
const trustEc2 = trust('ec2.amazonaws.com');
const trustConfig = trust('config.amazonaws.com');

/**
 * A key of the user that looks like one AWS gives: AWS's key IDs are AKIA and 16 characters of base32
 * ([A-Z2-7], what the runbooks' patterns accept), while moto draws them from A-Z and 0-9; a key with a
 * digit AWS never writes is deleted and drawn again.
 */
async function awsLikeKey(iam: IAMClient, userName: string): Promise<string> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const key = (await iam.send(new CreateAccessKeyCommand({UserName: userName}))).AccessKey?.AccessKeyId;
    if (key === undefined) throw new Error('moto made no access key');
    if (/^AKIA[A-Z2-7]{16}$/.test(key)) return key;
    await iam.send(new DeleteAccessKeyCommand({UserName: userName, AccessKeyId: key}));
  }
  throw new Error(`moto gave ${userName} no base32 access key in 40 tries`);
}

/** Creates the caller's user (its key mapped from the event's long-term key), role and AWS Config's role. */
export async function seedIdentity(context: SeedContext, identity: CloudTrailRecord['userIdentity']): Promise<void> {
  const actor = actorOf(identity);
  const iam = new IAMClient({endpoint: context.moto.url, region: 'us-east-1', credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}, maxAttempts: 1});
  try {
    await iam.send(new CreateUserCommand({UserName: actor.userName}));
    const key = await awsLikeKey(iam, actor.userName);
    // A console password, as a stolen user's often has: the contain-actor steps check it and delete it.
    await iam.send(new CreateLoginProfileCommand({UserName: actor.userName, Password: 'Peer-tier-password-1!'}));
    // A long-term key (AKIA) the event names is the user's: the steps name moto's. A session's key (ASIA) is no user's.
    if (identity.accessKeyId?.startsWith('AKIA') === true) mapId(context, identity.accessKeyId, key);
    else keepId(context, key);
    await iam.send(new CreateRoleCommand({RoleName: actor.roleName, Path: actor.rolePath, AssumeRolePolicyDocument: trustEc2}));
    // AWS names Config's service-linked role AWSServiceRoleForConfig; moto's CreateServiceLinkedRole would name it
    // AWSServiceRoleForconfig (moto/iam/models.py create_service_linked_role knows no "config"), so it is made as AWS has it.
    await iam.send(new CreateRoleCommand({RoleName: 'AWSServiceRoleForConfig', Path: '/aws-service-role/config.amazonaws.com/', AssumeRolePolicyDocument: trustConfig}));
  } finally {
    iam.destroy();
  }
}

/**
 * An access key of a user in another account (made there through moto's x-moto-account-id header): a
 * request signed with it is that account's, as moto takes the account from the key's owner when no header
 * names one (moto/core/responses.py get_current_account, moto/iam/models.py get_account_id_from).
 */
export async function keyInAccount(context: Pick<SeedContext, 'moto'>, account: string): Promise<string> {
  const iam = new IAMClient({endpoint: context.moto.url, region: 'us-east-1', credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}, maxAttempts: 1});
  iam.middlewareStack.add(
    (next) => (args) => {
      const request = args.request as {headers?: Record<string, string>};
      if (request.headers) request.headers['x-moto-account-id'] = account;
      return next(args);
    },
    {step: 'build', name: 'motoAccount'},
  );
  try {
    await iam.send(new CreateUserCommand({UserName: `${standInName}-${account}`}));
    const key = (await iam.send(new CreateAccessKeyCommand({UserName: `${standInName}-${account}`}))).AccessKey?.AccessKeyId;
    if (key === undefined) throw new Error(`moto made no access key in account ${account}`);
    return key;
  } finally {
    iam.destroy();
  }
}
