// Flow logs in the sandbox: DescribeFlowLogs by ID (an unknown one is simply not listed) and by its Filter
// list; CreateFlowLogs with EC2's checks (a whole-call error for a wrong combination of parameters, an
// Unsuccessful item for a missing resource or a duplicate); DeleteFlowLogs reporting unknown IDs as
// Unsuccessful items; and the account built from a DeleteFlowLogs record.
import {describe, expect, it} from 'vitest';
import type {ActionParams} from '../../../src/aws/action.js';
import {sandboxAccount, type SandboxAccount} from '../../../src/aws/sandbox/account.js';
import {apply} from '../../../src/aws/sandbox/operations.js';
import {accountFor} from '../../../src/aws/sandbox/seeds.js';
import {merge, network, subnet} from '../../../src/aws/sandbox/seed-parts.js';
import {parseRecord} from '../../../src/events/parse-record.js';
import {readFileSync} from 'node:fs';

const place = {owner: '111122223333', region: 'eu-west-1'};
const vpcId = 'vpc-0a11b22c33d44e55f';
const subnetId = 'subnet-0a1a2a3a4a5a6a7a8';
const kept = 'fl-0d1d2d3d4d5d6d7d8';
const bucket = 'arn:aws:s3:::acme-flow-logs';

function account(): SandboxAccount {
  const snapshot = merge(network(place, vpcId, '10.20.0.0/16', {subnets: [subnet(place, vpcId, subnetId, '10.20.1.0/24', 'a')]}), {
    FlowLogs: [{FlowLogId: kept, ResourceId: subnetId, FlowLogStatus: 'ACTIVE', TrafficType: 'REJECT', LogDestinationType: 's3', LogDestination: bucket, DeliverLogsStatus: 'SUCCESS'}],
  });
  return sandboxAccount({snapshot, permissions: {allow: ['ec2:*']}, accountId: place.owner, region: place.region});
}

const call = (operation: string, params: ActionParams, on = account()) => apply(on, operation, params);
const toS3 = {ResourceIds: [vpcId], ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 's3', LogDestination: bucket};

describe('DescribeFlowLogs', () => {
  it('lists by ID, leaving out an ID that does not exist (no error)', () => {
    expect(call('DescribeFlowLogs', {FlowLogIds: [kept, 'fl-0000000000000dead']})).toMatchObject({ok: true, output: {FlowLogs: [{FlowLogId: kept}]}});
    expect(call('DescribeFlowLogs', {FlowLogIds: ['fl-0000000000000dead']})).toMatchObject({ok: true, output: {FlowLogs: []}});
  });
  it('filters with its Filter list (resource-id, traffic-type)', () => {
    expect(call('DescribeFlowLogs', {Filter: [{Name: 'resource-id', Values: [subnetId]}]})).toMatchObject({output: {FlowLogs: [{FlowLogId: kept}]}});
    expect(call('DescribeFlowLogs', {Filter: [{Name: 'resource-id', Values: [vpcId]}]})).toMatchObject({output: {FlowLogs: []}});
    expect(call('DescribeFlowLogs', {Filter: [{Name: 'traffic-type', Values: ['ALL']}]})).toMatchObject({output: {FlowLogs: []}});
  });
});

describe('CreateFlowLogs', () => {
  it('logs a VPC to S3: the new flow log is listed ACTIVE on that VPC', () => {
    const made = call('CreateFlowLogs', toS3);
    if (!made.ok) throw new Error(made.message);
    const ids = made.output['FlowLogIds'] as string[];
    expect(ids).toHaveLength(1);
    expect(made.output['Unsuccessful']).toEqual([]);
    expect(call('DescribeFlowLogs', {Filter: [{Name: 'resource-id', Values: [vpcId]}]}, made.account)).toMatchObject({
      output: {FlowLogs: [{FlowLogId: ids[0], ResourceId: vpcId, FlowLogStatus: 'ACTIVE', TrafficType: 'ALL', LogDestinationType: 's3', LogDestination: bucket}]},
    });
  });

  it('reports a missing resource and a duplicate as Unsuccessful items, not as an error', () => {
    const made = call('CreateFlowLogs', {...toS3, ResourceIds: [vpcId, 'vpc-0000000000000dead']});
    expect(made).toMatchObject({ok: true, output: {Unsuccessful: [{ResourceId: 'vpc-0000000000000dead', Error: {Code: 'InvalidVpcID.NotFound'}}]}});
    if (!made.ok) return;
    expect(call('CreateFlowLogs', toS3, made.account)).toMatchObject({ok: true, output: {FlowLogIds: [], Unsuccessful: [{ResourceId: vpcId, Error: {Code: 'FlowLogAlreadyExists'}}]}});
    expect(call('CreateFlowLogs', {...toS3, ResourceType: 'Subnet'})).toMatchObject({output: {Unsuccessful: [{Error: {Code: 'InvalidSubnetID.NotFound'}}]}});
  });

  it.each<[string, ActionParams, string]>([
    ['no resources', {ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 's3', LogDestination: bucket}, 'MissingParameter'],
    ['no traffic type for a VPC', {...toS3, TrafficType: ''}, 'MissingParameter'],
    ['a traffic type for a transit gateway', {...toS3, ResourceType: 'TransitGateway', ResourceIds: ['tgw-0123456789abcdef0']}, 'InvalidParameter'],
    ['CloudWatch Logs without a role', {...toS3, LogDestinationType: 'cloud-watch-logs', LogDestination: 'arn:aws:logs:eu-west-1:111122223333:log-group:x'}, 'InvalidParameter'],
    ['both a destination and a log group', {...toS3, LogGroupName: 'x'}, 'InvalidParameter'],
    ['an S3 destination that is not a bucket ARN', {...toS3, LogDestination: 'acme-flow-logs'}, 'InvalidParameter'],
    ['an unknown resource type', {...toS3, ResourceType: 'Instance'}, 'InvalidParameterValue'],
  ])('refuses %s', (_name, params, code) => {
    expect(call('CreateFlowLogs', params)).toMatchObject({ok: false, code});
  });

  it('takes a CloudWatch Logs group with its delivery role', () => {
    const made = call('CreateFlowLogs', {...toS3, LogDestinationType: 'cloud-watch-logs', LogDestination: 'arn:aws:logs:eu-west-1:111122223333:log-group:vpc-logs', DeliverLogsPermissionArn: 'arn:aws:iam::111122223333:role/fl'});
    expect(made).toMatchObject({ok: true, output: {Unsuccessful: []}});
    if (made.ok) expect(made.account.snapshot.FlowLogs?.at(-1)).toMatchObject({LogGroupName: 'vpc-logs', DeliverLogsPermissionArn: 'arn:aws:iam::111122223333:role/fl'});
  });
});

describe('DeleteFlowLogs', () => {
  it('deletes a flow log, and reports an unknown ID as an Unsuccessful item', () => {
    const done = call('DeleteFlowLogs', {FlowLogIds: [kept, 'fl-0000000000000dead']});
    expect(done).toMatchObject({ok: true, output: {Unsuccessful: [{ResourceId: 'fl-0000000000000dead', Error: {Code: 'InvalidFlowLogId.NotFound'}}]}});
    if (done.ok) expect(done.account.snapshot.FlowLogs).toEqual([]);
  });
});

describe('the account built from a DeleteFlowLogs record', () => {
  const read = (name: string) => parseRecord(JSON.parse(readFileSync(`test/fixtures/events/DeleteFlowLogs/${name}.json`, 'utf8')) as unknown, name, '');
  it('has no flow log left after a deletion that succeeded, and a VPC with subnets', () => {
    const seeded = accountFor(undefined, read('risky'));
    expect(seeded.snapshot.FlowLogs ?? []).toEqual([]);
    expect(seeded.snapshot.Vpcs).toHaveLength(1);
    expect(seeded.snapshot.Subnets).toHaveLength(2);
  });
  it('still has the flow log a refused deletion named', () => {
    expect(accountFor(undefined, read('failed')).snapshot.FlowLogs).toMatchObject([{FlowLogId: 'fl-0c1d2e3f4a5b6c7d8', FlowLogStatus: 'ACTIVE'}]);
  });
});
