// An action's own Region (a peering rejected in the peer's Region) is where every executor sends it.
import 'aws-sdk-client-mock-vitest/extend';
import {EC2Client, EC2ServiceException, RejectVpcPeeringConnectionCommand} from '@aws-sdk/client-ec2';
import {mockClient} from 'aws-sdk-client-mock';
import {beforeEach, describe, expect, it} from 'vitest';
import type {Action} from '../../../src/aws/action.js';
import type {ConnectionStatus} from '../../../src/aws/connection-status.js';
import {createAwsExecutor} from '../../../src/aws/executors/aws.js';
import {createPlanExecutor} from '../../../src/aws/executors/plan.js';
import {createSandboxExecutor} from '../../../src/aws/sandbox/executor.js';
import {createSdk, type Sdk} from '../../../src/aws/sdk/aws-sdk.js';
import {scenario} from '../../helpers/candidates.js';
import {seedFor} from '../../helpers/seed.js';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
const ec2 = mockClient(EC2Client);
beforeEach(() => ec2.reset());

const connected: ConnectionStatus = {kind: 'connected', account: '111122223333', principal: 'arn:aws:sts::111122223333:assumed-role/IR/oncall'};
const reject: Action = {service: 'ec2', operation: 'RejectVpcPeeringConnection', params: {VpcPeeringConnectionId: 'pcx-0123456789abcdef0'}, region: 'eu-west-1'};
const dryRunPassed = new EC2ServiceException({name: 'DryRunOperation', $fault: 'client', $metadata: {httpStatusCode: 412}, message: 'Request would have succeeded, but DryRun flag is set.'});

/** The AWS executor over the real SDK (its EC2 client mocked), noting the Region of every call. */
function recorded(regionOverride?: string): {executor: ReturnType<typeof createAwsExecutor>; regions: string[]} {
  const sdk = createSdk({defaultRegion: 'us-east-1'});
  const regions: string[] = [];
  const spy: Sdk = {
    ...sdk,
    send: (service, operation, params, region, signal) => (regions.push(region), sdk.send(service, operation, params, region, signal)),
    sendOnce: (service, operation, params, region, signal) => (regions.push(region), sdk.sendOnce(service, operation, params, region, signal)),
  };
  const executor = createAwsExecutor({sdk: () => Promise.resolve(spy), connection: () => Promise.resolve(connected), defaultRegion: 'us-east-1', regionOverride, allowExecute: true});
  return {executor, regions};
}

describe("an action's own Region", () => {
  it('is where the AWS executor sends the dry-run, whatever the event Region and --region', async () => {
    ec2.on(RejectVpcPeeringConnectionCommand).rejects(dryRunPassed);
    const {executor, regions} = recorded('ap-south-1');
    const result = await executor.dryRun(reject, {region: 'us-east-1'});
    expect(result.verdict).toEqual({outcome: 'would-succeed'});
    expect(result.request.region).toBe('eu-west-1');
    expect(regions).toEqual(['eu-west-1']);
  });

  it('is where the real call goes', async () => {
    ec2.on(RejectVpcPeeringConnectionCommand).resolves({Return: true});
    const {executor, regions} = recorded();
    expect(await executor.execute?.(reject, {region: 'us-east-1'})).toMatchObject({ok: true});
    expect(regions).toEqual(['eu-west-1']);
  });

  it('is what plan mode shows would be sent', async () => {
    const result = await createPlanExecutor().dryRun(reject, {region: 'us-east-1'});
    expect(result.request).toEqual({service: 'ec2', operation: 'RejectVpcPeeringConnection', params: {VpcPeeringConnectionId: 'pcx-0123456789abcdef0', DryRun: true}, region: 'eu-west-1'});
    expect(result.sent).toBe(false);
  });

  it('leaves an action without one in the event Region (or --region)', async () => {
    ec2.on(RejectVpcPeeringConnectionCommand).rejects(dryRunPassed);
    const plain: Action = {service: reject.service, operation: reject.operation, params: reject.params};
    const {executor, regions} = recorded();
    await executor.dryRun(plain, {region: 'us-east-1'});
    const overridden = recorded('ap-south-1');
    await overridden.executor.dryRun(plain, {region: 'us-east-1'});
    expect([...regions, ...overridden.regions]).toEqual(['us-east-1', 'ap-south-1']);
  });

  it('is where the training sandbox sends it: another Region holds none of its resources', async () => {
    const {record} = scenario('sg-default-ssh-in-default-vpc');
    const sandbox = createSandboxExecutor(seedFor('sg-default-ssh-in-default-vpc', record));
    const remove: Action = {service: 'ec2', operation: 'DeleteSecurityGroup', params: {GroupId: 'sg-0123456789abcdef0'}};
    const here = await sandbox.dryRun(remove, {region: 'us-east-1'});
    const there = await sandbox.dryRun({...remove, region: 'eu-west-1'}, {region: 'us-east-1'});
    expect([here.request.region, here.verdict.outcome]).toEqual(['us-east-1', 'would-succeed']);
    expect([there.request.region, there.verdict]).toMatchObject(['eu-west-1', {outcome: 'would-fail', code: 'InvalidGroup.NotFound'}]);
  });
});
