// The account the example runbook (examples/runbooks/SendSSHPublicKey.yaml) is walked in: the instance
// of the published record, running with a public address, in a group that lets SSH in from anywhere (and
// HTTPS, which must stay). The training sandbox simulates the security groups and their rules; it has no
// instances, so DescribeInstances is answered here, from the same account, and is read-only like any read.
import type {Action} from '../../src/aws/action.js';
import type {DryRunOptions, DryRunResult, Executor, ReadResult} from '../../src/aws/executors/executor.js';
import {answerOf, answerSummary} from '../../src/aws/render/read-table.js';
import {createSandboxExecutor} from '../../src/aws/sandbox/executor.js';
import {accountFor} from '../../src/aws/sandbox/seeds.js';
import type {CloudTrailRecord, JsonObject} from '../../src/events/record.js';

export const instanceId = 'i-abcdef01234567890';
export const groupId = 'sg-0a1b2c3d4e5f60718';
export const publicIp = '203.0.113.10';

const owner = '111122223333';

const groups: JsonObject = {
  SecurityGroups: [
    {
      GroupId: groupId, GroupName: 'web-admin', OwnerId: owner, VpcId: 'vpc-0a1b2c3d4e5f60718', Description: 'web and admin access',
      IpPermissions: [
        {IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{CidrIp: '0.0.0.0/0'}]},
        {IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{CidrIp: '0.0.0.0/0'}]},
      ],
      IpPermissionsEgress: [{IpProtocol: '-1', IpRanges: [{CidrIp: '0.0.0.0/0'}]}],
    },
  ],
};

const instances = {
  Reservations: [{
    ReservationId: 'r-0a1b2c3d4e5f60718', OwnerId: owner,
    Instances: [{
      InstanceId: instanceId, InstanceType: 't3.micro', State: {Code: 16, Name: 'running'}, Placement: {AvailabilityZone: 'us-west-2a'},
      PrivateIpAddress: '10.0.1.25', PublicIpAddress: publicIp, KeyName: 'deploy', SecurityGroups: [{GroupId: groupId, GroupName: 'web-admin'}],
    }],
  }],
};

const isInstanceRead = (action: Action): boolean => action.service === 'ec2' && action.operation === 'DescribeInstances';

/** DescribeInstances as EC2 answers it: the instance when it is asked for, else InvalidInstanceID.NotFound. */
function describeInstances(action: Action): {ok: true; output: unknown} | {ok: false; code: string; message: string} {
  const ids = action.params['InstanceIds'];
  const asked: readonly unknown[] = Array.isArray(ids) ? ids : [];
  const unknown = asked.find((id) => id !== instanceId);
  if (typeof unknown === 'string') return {ok: false, code: 'InvalidInstanceID.NotFound', message: `The instance ID '${unknown}' does not exist`};
  return {ok: true, output: instances};
}

/** The sandbox of the record's account, with the instance above. */
export function instanceConnectAccount(record: CloudTrailRecord, clock: () => Date): Executor {
  const sandbox = createSandboxExecutor(accountFor({state: groups}, record), clock, [record]);
  return {
    mode: 'sandbox',
    dryRun(action: Action, options: DryRunOptions): Promise<DryRunResult> {
      if (!isInstanceRead(action)) return sandbox.dryRun(action, options);
      const answer = describeInstances(action);
      const verdict = answer.ok ? {outcome: 'read' as const, summary: answerSummary(answer.output), output: answerOf(answer.output)} : {outcome: 'would-fail' as const, code: answer.code, message: answer.message};
      return Promise.resolve({request: {...action, region: options.region}, verdict, sent: false, durationMs: 0, at: clock().toISOString()});
    },
    read(action: Action, options: DryRunOptions): Promise<ReadResult> {
      if (!isInstanceRead(action)) return sandbox.read(action, options);
      const answer = describeInstances(action);
      return Promise.resolve(answer.ok ? {...answer, durationMs: 0} : {ok: false, code: answer.code, verdict: {outcome: 'would-fail', code: answer.code, message: answer.message}, durationMs: 0});
    },
    execute: (action: Action, options: DryRunOptions) => sandbox.execute(action, options),
  };
}
