// IAM has no DryRun: the AWS executor checks an IAM call's permission with the policy simulator
// (iam:SimulatePrincipalPolicy) instead, through the real SDK edge with a mocked IAM client, and
// never sends the IAM call itself.
import 'aws-sdk-client-mock-vitest/extend';
import {GetRoleCommand, IAMClient, IAMServiceException, SimulatePrincipalPolicyCommand, UpdateAccessKeyCommand, type SimulatePrincipalPolicyCommandOutput} from '@aws-sdk/client-iam';
import {mockClient} from 'aws-sdk-client-mock';
import {beforeEach, describe, expect, it} from 'vitest';
import type {Action} from '../../../src/aws/action.js';
import type {ConnectionStatus} from '../../../src/aws/connection-status.js';
import {createAwsExecutor} from '../../../src/aws/executors/aws.js';
import {iamRegion, policySource, resourceArn} from '../../../src/aws/executors/iam-permission.js';
import {createPlanExecutor} from '../../../src/aws/executors/plan.js';
import {createSdk} from '../../../src/aws/sdk/aws-sdk.js';
import {verdictText} from '../../../src/aws/verdict-text.js';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
process.env['AWS_ACCESS_KEY_ID'] = 'AKIDEXAMPLE';
process.env['AWS_SECRET_ACCESS_KEY'] = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const iam = mockClient(IAMClient);
beforeEach(() => iam.reset());

const account = '111122223333';
const asUser: ConnectionStatus = {kind: 'connected', account, principal: `arn:aws:iam::${account}:user/ops/alice`};
const asRole: ConnectionStatus = {kind: 'connected', account, principal: `arn:aws:sts::${account}:assumed-role/IncidentResponder/oncall`};
const roleArn = `arn:aws:iam::${account}:role/responders/IncidentResponder`;

function executor(status: ConnectionStatus, allowExecute = false) {
  const sdk = createSdk({defaultRegion: 'eu-west-1'});
  return createAwsExecutor({sdk: () => Promise.resolve(sdk), connection: () => Promise.resolve(status), defaultRegion: 'eu-west-1', allowExecute});
}

const disableKey: Action = {service: 'iam', operation: 'UpdateAccessKey', params: {UserName: 'bob', AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', Status: 'Inactive'}};
const denyAll: Action = {service: 'iam', operation: 'PutRolePolicy', params: {RoleName: 'web-app', PolicyName: 'deny-all', PolicyDocument: '{}'}};

const answer = (decision: string, extra: object = {}): SimulatePrincipalPolicyCommandOutput => ({
  $metadata: {httpStatusCode: 200},
  IsTruncated: false,
  EvaluationResults: [{EvalActionName: 'iam:UpdateAccessKey', EvalResourceName: `arn:aws:iam::${account}:user/bob`, EvalDecision: decision as 'allowed', ...extra}],
});
const iamError = (name: string, message: string, status: number) => new IAMServiceException({name, $fault: status >= 500 ? 'server' : 'client', $metadata: {httpStatusCode: status}, message});

describe('the dry-run of an IAM call asks the policy simulator', () => {
  it('allowed: says the permission is there, that IAM has no DryRun, and that the call may still fail; the call is never sent', async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves(answer('allowed', {MatchedStatements: [{SourcePolicyId: 'IncidentResponse', SourcePolicyType: 'user'}]}));
    const result = await executor(asUser).dryRun(disableKey, {region: 'eu-west-1'});
    expect(result.verdict).toEqual({outcome: 'permitted', permission: 'iam:UpdateAccessKey', checkedBy: 'SimulatePrincipalPolicy', statements: ['IncidentResponse (user)']});
    expect(verdictText(result.verdict)).toBe(
      'IAM has no DryRun: permission checked with iam:SimulatePrincipalPolicy: you have permission for iam:UpdateAccessKey (allowed by IncidentResponse (user)); not sent, and it may still fail (e.g. the user or key does not exist)',
    );
    expect(iam).toHaveReceivedCommandExactlyOnceWith(SimulatePrincipalPolicyCommand, {
      PolicySourceArn: `arn:aws:iam::${account}:user/ops/alice`,
      ActionNames: ['iam:UpdateAccessKey'],
      ResourceArns: [`arn:aws:iam::${account}:user/bob`],
    });
    expect(iam).not.toHaveReceivedCommand(UpdateAccessKeyCommand);
    expect(iam).not.toHaveReceivedCommand(GetRoleCommand);
    // What was sent is on the result: the check, to IAM's home Region, not the event's; the request itself is shown unsent.
    expect(result.sent).toBe(true);
    expect(result.sentInstead).toHaveLength(1);
    expect(result.sentInstead?.[0]).toMatchObject({service: 'iam', operation: 'SimulatePrincipalPolicy', params: {ActionNames: ['iam:UpdateAccessKey']}, region: 'us-east-1'});
    expect(result.request).toEqual({service: 'iam', operation: 'UpdateAccessKey', params: disableKey.params, region: 'us-east-1'}); // IAM is global: shown as sent to its home Region
  });
  it('implicitDeny: denied, no policy allows it, with the condition keys the simulation lacked', async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves(answer('implicitDeny', {MissingContextValues: ['aws:MultiFactorAuthPresent']}));
    const result = await executor(asUser).dryRun(disableKey, {region: 'eu-west-1'});
    expect(result.verdict).toMatchObject({outcome: 'denied', permission: 'iam:UpdateAccessKey', checkedBy: 'SimulatePrincipalPolicy', explicit: false});
    expect(verdictText(result.verdict)).toBe(
      'IAM has no DryRun: permission checked with iam:SimulatePrincipalPolicy: denied: you lack permission for iam:UpdateAccessKey (no policy allows it); the simulation had no value for aws:MultiFactorAuthPresent',
    );
  });
  it('explicitDeny: denied, naming the Deny statement and an SCP that blocks it', async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves(
      answer('explicitDeny', {MatchedStatements: [{SourcePolicyId: 'NoKeyChanges', SourcePolicyType: 'user-managed'}], OrganizationsDecisionDetail: {AllowedByOrganizations: false}}),
    );
    const result = await executor(asUser).dryRun(disableKey, {region: 'eu-west-1'});
    expect(result.verdict).toMatchObject({outcome: 'denied', explicit: true, statements: ['NoKeyChanges (user-managed)', 'an SCP of the organization']});
    expect(verdictText(result.verdict)).toContain('denied: you lack permission for iam:UpdateAccessKey (an explicit Deny in NoKeyChanges (user-managed), an SCP of the organization)');
  });
  it('an assumed-role session is simulated as its role, whose ARN (with its path) comes from GetRole, asked once per session', async () => {
    iam.on(GetRoleCommand, {RoleName: 'IncidentResponder'}).resolves({Role: {Arn: roleArn, RoleName: 'IncidentResponder', Path: '/responders/', RoleId: 'AROAEXAMPLE', CreateDate: new Date()}});
    iam.on(SimulatePrincipalPolicyCommand).resolves({EvaluationResults: [{EvalActionName: 'iam:PutRolePolicy', EvalDecision: 'allowed'}]});
    const run = executor(asRole);
    const first = await run.dryRun(denyAll, {region: 'eu-west-1'});
    const second = await run.dryRun(denyAll, {region: 'eu-west-1'});
    expect(first.verdict).toMatchObject({outcome: 'permitted', permission: 'iam:PutRolePolicy'});
    expect(iam).toHaveReceivedCommandTimes(GetRoleCommand, 1);
    expect(iam).toHaveReceivedNthCommandWith(SimulatePrincipalPolicyCommand, 1, {PolicySourceArn: roleArn, ActionNames: ['iam:PutRolePolicy'], ResourceArns: [`arn:aws:iam::${account}:role/web-app`]});
    expect(first.sentInstead?.map((r) => r.operation)).toEqual(['GetRole', 'SimulatePrincipalPolicy']);
    expect(second.sentInstead?.map((r) => r.operation)).toEqual(['SimulatePrincipalPolicy']);
  });
  it.each([
    ['the root user', `arn:aws:iam::${account}:root`, 'the root user cannot be simulated'],
    ['a federated user', `arn:aws:sts::${account}:federated-user/contractor`, 'a federated user session cannot be simulated'],
  ])('%s cannot be simulated: plan only, it says so, nothing is sent', async (_name, principal, why) => {
    const result = await executor({kind: 'connected', account, principal}).dryRun(disableKey, {region: 'eu-west-1'});
    expect(result).toMatchObject({sent: false, verdict: {outcome: 'plan-only', reason: 'no-dry-run'}});
    expect(result.sentInstead).toBeUndefined();
    expect(verdictText(result.verdict)).toContain(`plan only — this API has no dry-run; nothing was sent (permission not checked: ${why}`);
    expect(iam).not.toHaveReceivedAnyCommand();
  });
  it.each<[string, Error, object]>([
    ['SimulatePrincipalPolicy itself refused', iamError('AccessDenied', `User: arn:aws:iam::${account}:user/ops/alice is not authorized to perform: iam:SimulatePrincipalPolicy`, 403),
      {outcome: 'error', kind: 'other', message: 'cannot check: iam:SimulatePrincipalPolicy refused (AccessDenied): your identity may not use the IAM policy simulator'}],
    ['throttled', iamError('Throttling', 'Rate exceeded', 400),
      {outcome: 'error', kind: 'throttled', message: 'cannot check with iam:SimulatePrincipalPolicy: AWS is throttling requests (Throttling); try again in a moment'}],
    ['no network', Object.assign(new Error('getaddrinfo ENOTFOUND iam.amazonaws.com'), {code: 'ENOTFOUND'}),
      {outcome: 'error', kind: 'network', message: 'cannot check with iam:SimulatePrincipalPolicy: cannot reach AWS (ENOTFOUND)'}],
    ['cancelled with Esc', Object.assign(new Error('Request aborted'), {name: 'AbortError'}), {outcome: 'error', kind: 'cancelled', message: 'cancelled'}],
  ])('%s: "not checked", never "denied" for the IAM call', async (_name, error, verdict) => {
    iam.on(SimulatePrincipalPolicyCommand).rejects(error);
    const result = await executor(asUser).dryRun(disableKey, {region: 'eu-west-1'});
    expect(result.verdict).toEqual(verdict);
    expect(verdictText(result.verdict)).toMatch(/^not checked/);
    expect(iam).not.toHaveReceivedCommand(UpdateAccessKeyCommand);
  });
  it('GetRole refused: cannot check, and asks again next time', async () => {
    iam.on(GetRoleCommand).rejectsOnce(iamError('AccessDenied', 'not authorized to perform: iam:GetRole', 403)).resolves({Role: {Arn: roleArn, RoleName: 'IncidentResponder', Path: '/responders/', RoleId: 'AROAEXAMPLE', CreateDate: new Date()}});
    iam.on(SimulatePrincipalPolicyCommand).resolves({EvaluationResults: [{EvalActionName: 'iam:PutRolePolicy', EvalDecision: 'allowed'}]});
    const run = executor(asRole);
    const refused = (await run.dryRun(denyAll, {region: 'eu-west-1'})).verdict;
    expect(refused.outcome).toBe('error');
    expect(verdictText(refused)).toContain('cannot check: iam:GetRole refused (AccessDenied)');
    expect(iam).not.toHaveReceivedCommand(SimulatePrincipalPolicyCommand);
    expect((await run.dryRun(denyAll, {region: 'eu-west-1'})).verdict).toMatchObject({outcome: 'permitted'});
  });
  it('an answer without a decision for the call is not taken for one', async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves({EvaluationResults: [{EvalActionName: 'iam:DeleteUser', EvalDecision: 'allowed'}]});
    expect((await executor(asUser).dryRun(disableKey, {region: 'eu-west-1'})).verdict).toMatchObject({outcome: 'error', kind: 'unreadable'});
  });
  it('a name from the event that is not an IAM name never reaches the simulator', async () => {
    const hostile = {...disableKey, params: {...disableKey.params, UserName: 'bob/../role/admin'}};
    const result = await executor(asUser).dryRun(hostile, {region: 'eu-west-1'});
    expect(result).toMatchObject({sent: false, verdict: {outcome: 'plan-only', detail: 'permission not checked: UserName is not a valid IAM user name'}});
    expect(iam).not.toHaveReceivedAnyCommand();
  });
  it('offline: nothing is sent, not even the check', async () => {
    const result = await executor({kind: 'offline', reason: 'no AWS credentials found'}).dryRun(disableKey, {region: 'eu-west-1'});
    expect(result).toMatchObject({sent: false, verdict: {outcome: 'plan-only', reason: 'offline'}});
    expect(iam).not.toHaveReceivedAnyCommand();
  });
  it('execute() still refuses the IAM call after a passing check, with --allow-execute, and sends nothing', async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves(answer('allowed'));
    const run = executor(asUser, true);
    expect((await run.dryRun(disableKey, {region: 'eu-west-1'})).verdict.outcome).toBe('permitted');
    iam.resetHistory();
    const executed = await run.execute?.(disableKey, {region: 'eu-west-1'});
    expect(executed).toMatchObject({ok: false, code: 'NotExecuted', message: 'iam:UpdateAccessKey has no DryRun: trailguide never executes it; run the shown command yourself: nothing was sent'});
    expect(iam).not.toHaveReceivedAnyCommand();
  });
});

describe('plan mode (no account)', () => {
  it('an IAM call is plan only, and says where its permission can be checked; an EC2 call without DryRun says nothing of IAM', async () => {
    const plan = createPlanExecutor();
    expect(verdictText((await plan.dryRun(disableKey, {region: 'eu-west-1'})).verdict)).toBe(
      'plan only — this API has no dry-run; nothing was sent (with an AWS connection its permission is checked with iam:SimulatePrincipalPolicy)',
    );
    const disassociate: Action = {service: 'ec2', operation: 'DisassociateVpcCidrBlock', params: {AssociationId: 'vpc-cidr-assoc-0123456789abcdef0'}};
    expect(verdictText((await plan.dryRun(disassociate, {region: 'eu-west-1'})).verdict)).toBe('plan only — this API has no dry-run; nothing was sent');
  });
});

describe('who and what is simulated', () => {
  it.each([
    [`arn:aws:iam::${account}:user/alice`, {kind: 'arn', arn: `arn:aws:iam::${account}:user/alice`, partition: 'aws'}],
    [`arn:aws-cn:sts::${account}:assumed-role/IR/s`, {kind: 'role', roleName: 'IR', partition: 'aws-cn'}],
    [`arn:aws-us-gov:sts::${account}:assumed-role/AWSReservedSSO_Admin_0123/jane@example.com`, {kind: 'role', roleName: 'AWSReservedSSO_Admin_0123', partition: 'aws-us-gov'}],
    ['not an arn', {kind: 'none'}],
  ])('%s', (arn, source) => {
    expect(policySource(arn)).toMatchObject(source);
  });
  it('IAM is global: its home Region per partition', () => {
    expect([iamRegion('aws', 'eu-west-1'), iamRegion('aws-cn', 'cn-northwest-1'), iamRegion('aws-us-gov', 'us-gov-east-1'), iamRegion('aws-iso', 'us-iso-east-1')]).toEqual(['us-east-1', 'cn-north-1', 'us-gov-west-1', 'us-iso-east-1']);
  });
  it.each<[Action['params'], object]>([
    [{RoleName: 'web-app'}, {arn: `arn:aws-cn:iam::${account}:role/web-app`}],
    [{UserName: 'bob'}, {arn: `arn:aws-cn:iam::${account}:user/bob`}],
    [{PolicyArn: 'arn:aws-cn:iam::aws:policy/ReadOnlyAccess'}, {arn: 'arn:aws-cn:iam::aws:policy/ReadOnlyAccess'}],
    [{PolicyArn: 'arn:aws:iam::111122223333:policy/x*'}, {why: 'PolicyArn is not an IAM policy ARN'}],
    [{RoleName: 'a'.repeat(65)}, {why: 'RoleName is not a valid IAM role name'}],
    [{AccessKeyId: 'AKIAIOSFODNN7EXAMPLE'}, {why: 'the call names no user, role or policy to check it on'}],
  ])('the resource of %j', (params, expected) => {
    expect(resourceArn({params}, 'aws-cn', account)).toEqual(expected);
  });
});
