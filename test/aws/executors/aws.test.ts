// The AWS executor against a mocked SDK: every verdict, every error class, and what is never sent.
import 'aws-sdk-client-mock-vitest/extend';
import {CloudTrailClient, CreateTrailCommand} from '@aws-sdk/client-cloudtrail';
import {
  DeleteSecurityGroupCommand,
  DescribeIamInstanceProfileAssociationsCommand,
  DescribeSecurityGroupsCommand,
  DisassociateVpcCidrBlockCommand,
  EC2Client,
  EC2ServiceException,
  RevokeSecurityGroupIngressCommand,
} from '@aws-sdk/client-ec2';
import {mockClient} from 'aws-sdk-client-mock';
import {beforeEach, describe, expect, it} from 'vitest';
import type {Action} from '../../../src/aws/action.js';
import type {ConnectionStatus} from '../../../src/aws/connection-status.js';
import {createAwsExecutor} from '../../../src/aws/executors/aws.js';
import {createPlanExecutor} from '../../../src/aws/executors/plan.js';
import {createSdk} from '../../../src/aws/sdk/aws-sdk.js';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
const ec2 = mockClient(EC2Client);
const cloudtrail = mockClient(CloudTrailClient);
beforeEach(() => {
  ec2.reset();
  cloudtrail.reset();
});

const connected: ConnectionStatus = {kind: 'connected', account: '111122223333', principal: 'arn:aws:sts::111122223333:assumed-role/IR/oncall'};
function executor(status: ConnectionStatus = connected, allowExecute = false) {
  const sdk = createSdk({defaultRegion: 'us-east-1'});
  return createAwsExecutor({sdk: () => Promise.resolve(sdk), connection: () => Promise.resolve(status), defaultRegion: 'us-east-1', allowExecute});
}

const deleteGroup: Action = {service: 'ec2', operation: 'DeleteSecurityGroup', params: {GroupId: 'sg-0123456789abcdef0'}};
const ec2Error = (name: string, message: string, status: number) => new EC2ServiceException({name, $fault: 'client', $metadata: {httpStatusCode: status}, message});

describe('a dry-run of an EC2 call that changes the account', () => {
  it('is sent with DryRun: true and reads DryRunOperation as "would succeed"', async () => {
    ec2.on(DeleteSecurityGroupCommand).rejects(ec2Error('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412));
    const result = await executor().dryRun(deleteGroup, {region: 'eu-west-1'});
    expect(result.verdict).toEqual({outcome: 'would-succeed'});
    expect(result.sent).toBe(true);
    expect(result.request).toEqual({service: 'ec2', operation: 'DeleteSecurityGroup', params: {GroupId: 'sg-0123456789abcdef0', DryRun: true}, region: 'eu-west-1'});
    expect(ec2).toHaveReceivedCommandExactlyOnceWith(DeleteSecurityGroupCommand, {GroupId: 'sg-0123456789abcdef0', DryRun: true});
  });
  it.each<[string, Error, object]>([
    ['denied, with the encoded message', ec2Error('UnauthorizedOperation', 'You are not authorized to perform this operation. Encoded authorization failure message: AbC-123_xyz', 403),
      {outcome: 'denied', permission: 'ec2:DeleteSecurityGroup', encodedMessage: 'AbC-123_xyz'}],
    ['would fail: the group is gone', ec2Error('InvalidGroup.NotFound', "The security group 'sg-0123456789abcdef0' does not exist", 400),
      {outcome: 'would-fail', code: 'InvalidGroup.NotFound', message: "The security group 'sg-0123456789abcdef0' does not exist"}],
    ['would fail: still in use', ec2Error('DependencyViolation', 'resource sg-0123456789abcdef0 has a dependent object', 400), {outcome: 'would-fail', code: 'DependencyViolation'}],
    ['throttled', ec2Error('RequestLimitExceeded', 'Request limit exceeded.', 503), {outcome: 'error', kind: 'throttled'}],
    ['expired credentials', ec2Error('RequestExpired', 'Request has expired.', 400), {outcome: 'error', kind: 'credentials'}],
    ['no credentials', Object.assign(new Error('Could not load credentials from any providers'), {name: 'CredentialsProviderError'}), {outcome: 'error', kind: 'credentials'}],
    ['a timeout', Object.assign(new Error('Connection timed out after 10000 ms'), {name: 'TimeoutError'}), {outcome: 'error', kind: 'timeout', message: 'no answer from AWS in time'}],
    ['no network', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {code: 'ECONNREFUSED'}), {outcome: 'error', kind: 'network', message: 'cannot reach AWS (ECONNREFUSED)'}],
    ['cancelled with Esc', Object.assign(new Error('Request aborted'), {name: 'AbortError'}), {outcome: 'error', kind: 'cancelled'}],
    ['a server error', ec2Error('InternalError', 'An internal error has occurred', 500), {outcome: 'error', kind: 'other', message: 'InternalError: An internal error has occurred'}],
  ])('%s', async (_name, error, verdict) => {
    ec2.on(DeleteSecurityGroupCommand).rejects(error);
    const result = await executor().dryRun(deleteGroup, {region: 'us-east-1'});
    expect(result.verdict).toMatchObject(verdict);
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });
});

describe('what is never sent', () => {
  it('an EC2 call whose API has no DryRun (plan only)', async () => {
    const result = await executor().dryRun({service: 'ec2', operation: 'DisassociateVpcCidrBlock', params: {AssociationId: 'vpc-cidr-assoc-0123456789abcdef0'}}, {region: 'us-east-1'});
    expect(result).toMatchObject({sent: false, verdict: {outcome: 'plan-only', reason: 'no-dry-run'}});
    expect(ec2).not.toHaveReceivedCommand(DisassociateVpcCidrBlockCommand);
  });
  it('a CloudTrail call that changes the account', async () => {
    const result = await executor().dryRun({service: 'cloudtrail', operation: 'CreateTrail', params: {Name: 'trail', S3BucketName: 'bucket'}}, {region: 'us-east-1'});
    expect(result).toMatchObject({sent: false, verdict: {outcome: 'plan-only', reason: 'no-dry-run'}});
    expect(cloudtrail).not.toHaveReceivedCommand(CreateTrailCommand);
  });
  it('a call of a service trailguide has no client for', async () => {
    const result = await executor().dryRun({service: 's3', operation: 'PutBucketEncryption', params: {Bucket: 'b'}}, {region: 'us-east-1'});
    expect(result).toMatchObject({sent: false, verdict: {outcome: 'plan-only'}});
  });
  it('anything at all without a connection (plan mode)', async () => {
    const result = await executor({kind: 'offline', reason: 'no AWS credentials found'}).dryRun(deleteGroup, {region: 'us-east-1'});
    expect(result).toMatchObject({sent: false, verdict: {outcome: 'plan-only', reason: 'offline'}});
    expect(ec2).not.toHaveReceivedAnyCommand();
  });
  it('a call that changes the account through read()', async () => {
    const result = await executor().read?.(deleteGroup, {region: 'us-east-1'});
    expect(result).toMatchObject({ok: false});
    expect(ec2).not.toHaveReceivedAnyCommand();
  });
});

describe('read-only calls', () => {
  it('without DryRun run for real and keep the answer to show it', async () => {
    ec2.on(DescribeIamInstanceProfileAssociationsCommand).resolves({IamInstanceProfileAssociations: [{AssociationId: 'iip-assoc-0123456789abcdef0'}], $metadata: {httpStatusCode: 200}});
    const result = await executor().dryRun({service: 'ec2', operation: 'DescribeIamInstanceProfileAssociations', params: {}}, {region: 'us-east-1'});
    expect(result.verdict).toEqual({outcome: 'read', summary: 'IamInstanceProfileAssociations: 1', output: {IamInstanceProfileAssociations: [{AssociationId: 'iip-assoc-0123456789abcdef0'}]}});
    expect(result.sent).toBe(true);
  });
  it('with DryRun in their API are run for real too (they change nothing), so the step can show what they read', async () => {
    ec2.on(DescribeSecurityGroupsCommand).resolves({SecurityGroups: [{GroupId: 'sg-0123456789abcdef0', GroupName: 'web'}]});
    const result = await executor().dryRun({service: 'ec2', operation: 'DescribeSecurityGroups', params: {GroupIds: ['sg-0123456789abcdef0']}}, {region: 'us-east-1'});
    expect(ec2).toHaveReceivedCommandWith(DescribeSecurityGroupsCommand, {GroupIds: ['sg-0123456789abcdef0']});
    expect(ec2.commandCalls(DescribeSecurityGroupsCommand)[0]?.args[0].input).not.toHaveProperty('DryRun');
    expect(result.request.params).toEqual({GroupIds: ['sg-0123456789abcdef0']});
    expect(result.verdict).toMatchObject({outcome: 'read', summary: 'SecurityGroups: 1', output: {SecurityGroups: [{GroupId: 'sg-0123456789abcdef0', GroupName: 'web'}]}});
  });
  it('read() returns the output for the Now panel, or the error code', async () => {
    ec2.on(DescribeSecurityGroupsCommand).resolvesOnce({SecurityGroups: [{GroupId: 'sg-0123456789abcdef0'}]}).rejectsOnce(ec2Error('InvalidGroup.NotFound', 'gone', 400));
    const action: Action = {service: 'ec2', operation: 'DescribeSecurityGroups', params: {GroupIds: ['sg-0123456789abcdef0']}};
    expect(await executor().read?.(action, {region: 'us-east-1'})).toMatchObject({ok: true, output: {SecurityGroups: [{GroupId: 'sg-0123456789abcdef0'}]}});
    expect(await executor().read?.(action, {region: 'us-east-1'})).toMatchObject({ok: false, code: 'InvalidGroup.NotFound'});
    expect(ec2).toHaveReceivedCommandWith(DescribeSecurityGroupsCommand, {GroupIds: ['sg-0123456789abcdef0']});
  });
});

describe('execute: a call carried out for real, once', () => {
  const revoke: Action = {service: 'ec2', operation: 'RevokeSecurityGroupIngress', params: {GroupId: 'sg-0123456789abcdef0', SecurityGroupRuleIds: ['sgr-0123456789abcdef0']}};
  const allowed = () => executor(connected, true);

  it('is sent without DryRun and returns the output', async () => {
    ec2.on(RevokeSecurityGroupIngressCommand).resolves({Return: true});
    const result = await allowed().execute?.({...revoke, params: {...revoke.params, DryRun: true}}, {region: 'eu-west-1'});
    expect(result).toMatchObject({ok: true, output: {Return: true}});
    expect(ec2).toHaveReceivedCommandTimes(RevokeSecurityGroupIngressCommand, 1);
    expect(ec2.commandCalls(RevokeSecurityGroupIngressCommand)[0]?.args[0].input).toEqual(revoke.params);
  });

  it.each<[string, Action, string]>([
    ['a read-only call', {service: 'ec2', operation: 'DescribeSecurityGroups', params: {}}, 'DescribeSecurityGroups only reads: there is nothing to execute: nothing was sent'],
    ['an EC2 call whose API has no DryRun', {service: 'ec2', operation: 'DisassociateVpcCidrBlock', params: {AssociationId: 'vpc-cidr-assoc-0123456789abcdef0'}},
      'ec2:DisassociateVpcCidrBlock has no DryRun: trailguide never executes it; run the shown command yourself: nothing was sent'],
    ['a CloudTrail call that changes the account', {service: 'cloudtrail', operation: 'CreateTrail', params: {Name: 'trail', S3BucketName: 'bucket'}},
      'cloudtrail:CreateTrail has no DryRun: trailguide never executes it; run the shown command yourself: nothing was sent'],
    ['an operation trailguide does not know', {service: 'ec2', operation: 'DeleteVpc', params: {VpcId: 'vpc-0123456789abcdef0'}},
      'ec2:DeleteVpc has no DryRun: trailguide never executes it; run the shown command yourself: nothing was sent'],
  ])('refuses %s without sending anything', async (_name, action, message) => {
    expect(await allowed().execute?.(action, {region: 'us-east-1'})).toEqual({ok: false, code: 'NotExecuted', message});
    expect(ec2).not.toHaveReceivedAnyCommand();
    expect(cloudtrail).not.toHaveReceivedAnyCommand();
  });
  it('refuses everything unless started with --allow-execute', async () => {
    expect(await executor().execute?.(revoke, {})).toEqual({ok: false, code: 'NotExecuted', message: 'trailguide was started without --allow-execute: nothing was sent'});
    expect(ec2).not.toHaveReceivedAnyCommand();
  });
  it('refuses without a connection', async () => {
    expect(await executor({kind: 'offline', reason: 'no AWS credentials found'}, true).execute?.(revoke, {})).toMatchObject({ok: false, code: 'NotExecuted', message: 'not connected to an AWS account: nothing was sent'});
    expect(ec2).not.toHaveReceivedAnyCommand();
  });
  it('sends nothing when cancelled before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await allowed().execute?.(revoke, {signal: controller.signal})).toEqual({ok: false, code: 'AbortError', message: 'cancelled: nothing was sent'});
    expect(ec2).not.toHaveReceivedAnyCommand();
  });
  it('plan mode has no execute at all', () => {
    expect('execute' in createPlanExecutor()).toBe(false);
  });

  const timeout = (code: string | undefined, message: string) => Object.assign(new Error(message), {name: 'TimeoutError', ...(code ? {code} : {})});
  it.each<[string, Error, object]>([
    ['denied (403)', ec2Error('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403), {code: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.'}],
    ['refused: the rule is gone (400)', ec2Error('InvalidSecurityGroupRuleId.NotFound', "The security group rule ID 'sgr-0123456789abcdef0' does not exist", 400), {code: 'InvalidSecurityGroupRuleId.NotFound'}],
    ['throttled with a 4xx', ec2Error('RequestLimitExceeded', 'Request limit exceeded.', 400), {code: 'RequestLimitExceeded'}],
    ['never connected (connection refused)', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {code: 'ECONNREFUSED'}), {code: 'ECONNREFUSED', message: 'nothing was sent: connect ECONNREFUSED 127.0.0.1:1'}],
    ['never connected (connection timeout)', timeout(undefined, '@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 3000 ms.'), {code: 'TimeoutError', message: expect.stringMatching(/^nothing was sent: /) as string}],
    ['no credentials', Object.assign(new Error('Could not load credentials from any providers'), {name: 'CredentialsProviderError'}), {code: 'CredentialsProviderError'}],
  ])('fails for sure when %s: nothing changed', async (_name, error, expected) => {
    ec2.on(RevokeSecurityGroupIngressCommand).rejects(error);
    const result = await allowed().execute?.(revoke, {});
    expect(result).toMatchObject({ok: false, ...expected});
    expect(result).not.toHaveProperty('outcomeUnknown', true);
  });

  it.each<[string, Error, string, RegExp]>([
    ['a server error (500)', ec2Error('InternalError', 'An internal error has occurred', 500), 'InternalError', /^AWS answered with a server error \(InternalError\)/],
    ['unavailable (503)', ec2Error('Unavailable', 'The server is overloaded', 503), 'Unavailable', /server error/],
    ['no answer in time', timeout('ETIMEDOUT', '@smithy/node-http-handler - [ERROR] a request has exceeded the configured 10000 ms requestTimeout.'), 'ETIMEDOUT', /^no answer from AWS in time/],
    ['a socket idle timeout', timeout(undefined, 'the request socket timed out after 10000 ms of inactivity'), 'TimeoutError', /^no answer from AWS in time/],
    ['the connection cut', timeout('ECONNRESET', 'socket hang up'), 'ECONNRESET', /^the connection was cut before AWS answered/],
    ['cancelled in flight', Object.assign(new Error('Request aborted'), {name: 'AbortError'}), 'AbortError', /^cancelled while the call was in flight/],
    ['an unreadable 200', Object.assign(new Error('XML parse error'), {$metadata: {httpStatusCode: 200}}), 'Error', /^AWS's answer could not be read/],
    ['something else without an answer', Object.assign(new Error('boom'), {code: 'EHOSTUNREACH'}), 'EHOSTUNREACH', /^the call ended without an answer \(EHOSTUNREACH\)/],
  ])('outcome unknown after %s: may or may not have happened', async (_name, error, code, why) => {
    ec2.on(RevokeSecurityGroupIngressCommand).rejects(error);
    const result = await allowed().execute?.(revoke, {});
    expect(result).toMatchObject({ok: false, code, outcomeUnknown: true});
    const message = result && !result.ok ? result.message : '';
    expect(message).toMatch(why);
    expect(message).toContain('RevokeSecurityGroupIngress may or may not have happened. Do not run it again: run the read-only check');
    expect(ec2).toHaveReceivedCommandTimes(RevokeSecurityGroupIngressCommand, 1);
  });
});
