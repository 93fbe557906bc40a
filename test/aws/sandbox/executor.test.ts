// The sandbox executor: dry-run (IAM first, then the error the call would meet, state unchanged),
// read (Describe* on the current state), execute (a real call in the sandbox; the state changes).
import type {SecurityGroup} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import type {Action, ActionParams} from '../../../src/aws/action.js';
import {readTable} from '../../../src/aws/render/read-table.js';
import {parseRecord} from '../../../src/events/parse-record.js';
import {summarizeDecoded} from '../../../src/aws/decoded-message.js';
import {verdictForError} from '../../../src/aws/interpret-error.js';
import {createSandboxExecutor} from '../../../src/aws/sandbox/executor.js';
import {unauthorizedMessage} from '../../../src/aws/sandbox/permissions.js';
import {fixture, ids} from './fixture.js';

/** A clock that moves 5 ms each time it is read. */
function steppingClock() {
  let now = Date.parse('2025-03-16T03:00:00Z');
  return () => new Date((now += 5));
}

const ec2 = (operation: string, params: Action['params']): Action => ({service: 'ec2', operation, params});
const deleteUnused = ec2('DeleteSecurityGroup', {GroupId: ids.unused});
const describeUnused = ec2('DescribeSecurityGroups', {GroupIds: [ids.unused]});
const here = {region: 'us-east-1'};

describe('dryRun', () => {
  it('would succeed: nothing sent, DryRun added to the request, duration measured, state unchanged', async () => {
    const executor = createSandboxExecutor(fixture(), steppingClock());
    const before = executor.account();
    const result = await executor.dryRun(deleteUnused, {});
    expect(result).toEqual({
      request: {service: 'ec2', operation: 'DeleteSecurityGroup', params: {GroupId: ids.unused, DryRun: true}, region: 'us-east-1'},
      verdict: {outcome: 'would-succeed'}, sent: false, durationMs: 5, at: '2025-03-16T03:00:00.010Z',
    });
    expect(executor.account()).toBe(before);
    expect(await executor.read(describeUnused, here)).toMatchObject({ok: true});
  });
  it('would fail with the error the real call would meet', async () => {
    const executor = createSandboxExecutor(fixture());
    expect((await executor.dryRun(ec2('DeleteSecurityGroup', {GroupId: ids.db}), here)).verdict).toEqual({outcome: 'would-fail', code: 'DependencyViolation', message: `resource ${ids.db} has a dependent object`});
    expect((await executor.dryRun(ec2('DescribeSecurityGroups', {GroupIds: ['sg-0000000000000dead']}), here)).verdict).toMatchObject({outcome: 'would-fail', code: 'InvalidGroup.NotFound'});
  });
  it('denied before anything else, with an encoded message the app can decode', async () => {
    const executor = createSandboxExecutor(fixture({allow: ['ec2:Describe*']}));
    const {verdict} = await executor.dryRun(ec2('DeleteSecurityGroup', {GroupId: 'sg-0000000000000dead'}), here);
    expect(verdict).toMatchObject({outcome: 'denied', permission: 'ec2:DeleteSecurityGroup', encodedMessage: expect.stringMatching(/^sandbox-[A-Za-z0-9_-]+$/) as string});
    const encoded = verdict.outcome === 'denied' ? (verdict.encodedMessage ?? '') : '';
    expect(summarizeDecoded(Buffer.from(encoded.slice('sandbox-'.length), 'base64url').toString())).toBe('no policy allows ec2:DeleteSecurityGroup');
    // A read it may make is run on the simulated account and answers with what it found.
    expect((await executor.dryRun(describeUnused, here)).verdict).toMatchObject({outcome: 'read', summary: expect.stringMatching(/^SecurityGroups: 1$/) as string});
  });
  it('an explicit deny wins over ec2:*; actions match case-insensitively with wildcards', async () => {
    const executor = createSandboxExecutor(fixture({allow: ['EC2:*'], deny: ['ec2:Delete*']}));
    expect((await executor.dryRun(deleteUnused, here)).verdict).toMatchObject({outcome: 'denied', permission: 'ec2:DeleteSecurityGroup'});
    expect((await executor.dryRun(ec2('RevokeSecurityGroupIngress', {GroupId: ids.web, SecurityGroupRuleIds: ['sgr-0000000000000dead']}), here)).verdict).toMatchObject({outcome: 'would-fail'});
  });
  it('reads the same as the AWS executor would read EC2\'s own UnauthorizedOperation', () => {
    const denial = {permission: 'ec2:DeleteSecurityGroup', explicitDeny: false};
    expect(verdictForError({name: 'UnauthorizedOperation', message: unauthorizedMessage(denial)}, deleteUnused)).toMatchObject({outcome: 'denied', encodedMessage: expect.stringMatching(/^sandbox-/) as string});
  });
  it.each<[string, Action]>([
    ['an EC2 call without DryRun', ec2('DisassociateVpcCidrBlock', {AssociationId: ids.publicBlock})],
    ['a CloudTrail change', {service: 'cloudtrail', operation: 'StartLogging', params: {Name: 'trail'}}],
    ['an S3 call', {service: 's3', operation: 'PutBucketPolicy', params: {Bucket: 'b'}}],
  ])('plan only for %s', async (_what, action) => {
    expect(await createSandboxExecutor(fixture()).dryRun(action, here)).toMatchObject({sent: false, verdict: {outcome: 'plan-only', reason: 'no-dry-run'}});
  });
  it('an EC2 call the sandbox does not simulate would fail, saying so', async () => {
    expect((await createSandboxExecutor(fixture()).dryRun(ec2('StopInstances', {InstanceIds: [ids.instance]}), here)).verdict).toEqual({outcome: 'would-fail', code: 'UnsupportedOperation', message: 'the sandbox does not simulate StopInstances'});
  });
  it('another Region has none of the account\'s resources', async () => {
    expect((await createSandboxExecutor(fixture()).dryRun(deleteUnused, {region: 'eu-west-1'})).verdict).toMatchObject({outcome: 'would-fail', code: 'InvalidGroup.NotFound'});
  });
  it('cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await createSandboxExecutor(fixture()).dryRun(deleteUnused, {signal: controller.signal})).verdict).toEqual({outcome: 'error', kind: 'cancelled', message: 'cancelled'});
  });
});

describe('read', () => {
  it('Describe* on the current state, in SDK shapes', async () => {
    const result = await createSandboxExecutor(fixture(), steppingClock()).read(describeUnused, here);
    expect(result).toMatchObject({ok: true, durationMs: 5, output: {SecurityGroups: [{GroupId: ids.unused, GroupName: 'unused'}]}});
  });
  it('a NotFound: its code and a would-fail verdict', async () => {
    expect(await createSandboxExecutor(fixture()).read(ec2('DescribeVpcs', {VpcIds: ['vpc-0000000000000dead']}), here)).toMatchObject({ok: false, code: 'InvalidVpcID.NotFound', verdict: {outcome: 'would-fail', code: 'InvalidVpcID.NotFound'}});
  });
  it('denied without ec2:Describe*', async () => {
    expect(await createSandboxExecutor(fixture({allow: ['ec2:DeleteSecurityGroup']})).read(describeUnused, here)).toMatchObject({ok: false, code: 'UnauthorizedOperation', verdict: {outcome: 'denied', permission: 'ec2:DescribeSecurityGroups'}});
  });
  it('never runs a call that changes something, nor a service it does not simulate', async () => {
    const executor = createSandboxExecutor(fixture());
    expect(await executor.read(deleteUnused, here)).toEqual({ok: false, verdict: {outcome: 'plan-only', reason: 'no-dry-run'}, durationMs: 0});
    expect(await executor.read({service: 's3', operation: 'GetBucketPolicy', params: {Bucket: 'b'}}, here)).toMatchObject({ok: false, verdict: {outcome: 'error'}});
    expect(await executor.read(describeUnused, here)).toMatchObject({ok: true});
  });
});

describe('execute', () => {
  it('changes the state; a following Describe shows it; the old account is untouched', async () => {
    const executor = createSandboxExecutor(fixture());
    const before = executor.account();
    expect(await executor.execute(deleteUnused, here)).toEqual({ok: true, output: {Return: true, GroupId: ids.unused}});
    expect(await executor.read(describeUnused, here)).toMatchObject({ok: false, code: 'InvalidGroup.NotFound'});
    expect(before.snapshot.SecurityGroups?.some((g: SecurityGroup) => g.GroupId === ids.unused)).toBe(true);
    expect(Object.isFrozen(executor.account().snapshot)).toBe(true);
    expect((await executor.dryRun(deleteUnused, here)).verdict).toMatchObject({outcome: 'would-fail', code: 'InvalidGroup.NotFound'});
  });
  it('a failing call: its code and message; the state is unchanged', async () => {
    const executor = createSandboxExecutor(fixture());
    const before = executor.account();
    expect(await executor.execute(ec2('DeleteNetworkInterface', {NetworkInterfaceId: ids.secondEni}), here)).toEqual({ok: false, code: 'InvalidNetworkInterface.InUse', message: `The network interface '${ids.secondEni}' is currently in use.`});
    expect(executor.account()).toBe(before);
  });
  it('runs a call that has no DryRun (it is the sandbox)', async () => {
    const executor = createSandboxExecutor(fixture());
    expect(await executor.execute(ec2('DisassociateVpcCidrBlock', {AssociationId: ids.publicBlock}), here)).toMatchObject({ok: true, output: {VpcId: ids.prod}});
  });
  it('refused without permission: UnauthorizedOperation with the encoded message', async () => {
    const result = await createSandboxExecutor(fixture({allow: ['ec2:Describe*']})).execute(deleteUnused, here);
    expect(result).toMatchObject({ok: false, code: 'UnauthorizedOperation', message: expect.stringMatching(/ec2:DeleteSecurityGroup.*Encoded authorization failure message: sandbox-/) as string});
  });
  it('another service: UnsupportedOperation; another Region changes nothing here', async () => {
    const executor = createSandboxExecutor(fixture());
    expect(await executor.execute({service: 'kms', operation: 'CreateKey', params: {}}, here)).toEqual({ok: false, code: 'UnsupportedOperation', message: 'the sandbox does not simulate kms:CreateKey'});
    expect(await executor.execute(deleteUnused, {region: 'eu-west-1'})).toMatchObject({ok: false, code: 'InvalidGroup.NotFound'});
  });
  it('is the sandbox mode', () => {
    expect(createSandboxExecutor(fixture()).mode).toBe('sandbox');
  });
});

describe('CloudTrail\'s event history in the sandbox', () => {
  const record = parseRecord({
    eventVersion: '1.10', eventTime: '2026-03-02T10:00:00Z', eventSource: 'ec2.amazonaws.com', eventName: 'CreateSecurityGroup', awsRegion: 'us-east-1',
    eventID: '11111111-2222-3333-4444-555555555555', errorCode: 'Client.UnauthorizedOperation', sourceIPAddress: '198.51.100.7',
    userIdentity: {type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/dev', accountId: '111122223333', userName: 'dev', accessKeyId: 'AKIAIOSFODNN7EXAMPLE'},
  }, 'test', 'record');
  const lookup = (params: Record<string, unknown>) => createSandboxExecutor(fixture(), undefined, [record]).dryRun({service: 'cloudtrail', operation: 'LookupEvents', params: params as ActionParams}, here);

  it('answers LookupEvents from the scenario\'s own event, filtered by the attribute and the time', async () => {
    const found = await lookup({LookupAttributes: [{AttributeKey: 'EventName', AttributeValue: 'CreateSecurityGroup'}], StartTime: '2026-03-02T10:00:00Z'});
    expect(found.verdict).toMatchObject({outcome: 'read', summary: 'Events: 1'});
    const table = readTable('LookupEvents', found.verdict.outcome === 'read' ? found.verdict.output : undefined);
    expect(table?.rows).toEqual([['2026-03-02T10:00:00Z', 'CreateSecurityGroup', 'dev', 'Client.UnauthorizedOperation', '198.51.100.7', '11111111-2222-3333-4444-555555555555']]);
    expect((await lookup({LookupAttributes: [{AttributeKey: 'EventName', AttributeValue: 'RunInstances'}]})).verdict).toMatchObject({outcome: 'read', summary: 'Events: 0'});
    expect((await lookup({StartTime: '2026-03-02T10:00:01Z'})).verdict).toMatchObject({outcome: 'read', summary: 'Events: 0'});
    expect((await lookup({LookupAttributes: [{AttributeKey: 'Username', AttributeValue: 'dev'}]})).verdict).toMatchObject({summary: 'Events: 1'});
  });
  it('refuses what CloudTrail refuses', async () => {
    const two = [{AttributeKey: 'EventName', AttributeValue: 'a'}, {AttributeKey: 'Username', AttributeValue: 'b'}];
    expect((await lookup({LookupAttributes: two})).verdict).toMatchObject({outcome: 'would-fail', code: 'InvalidLookupAttributesException'});
    expect((await lookup({StartTime: 'yesterday'})).verdict).toMatchObject({outcome: 'would-fail', code: 'InvalidTimeRangeException'});
  });
  it('says what it does not simulate instead of calling a read a plan', async () => {
    // IAM is simulated (iam.test.ts); S3 is not.
    const read = await createSandboxExecutor(fixture()).dryRun({service: 's3', operation: 'GetBucketPolicy', params: {Bucket: 'logs'}}, here);
    expect(read.verdict).toMatchObject({outcome: 'error', message: expect.stringContaining('the training sandbox does not simulate s3:GetBucketPolicy') as string});
  });
});
