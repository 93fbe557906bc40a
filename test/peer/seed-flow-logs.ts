// The scenario's flow logs, created in moto on the VPCs seeding made: moto's CreateFlowLogs checks that an S3
// destination's bucket exists (moto/ec2/models/flow_logs.py, an Unsuccessful item otherwise), so each bucket a
// flow log or the scenario's history names is created first. A CloudWatch Logs destination needs no log group
// in moto (the log is made with DeliverLogsStatus FAILED). Each scenario flow log ID maps to moto's.
import {CreateFlowLogsCommand, type FlowLog} from '@aws-sdk/client-ec2';
import {CreateBucketCommand, S3Client, type BucketLocationConstraint} from '@aws-sdk/client-s3';
import {mapId, motoId, type SeedContext} from './seed-context.js';

const bucketOf = (arn: string | undefined): string | undefined => /^arn:aws[a-z-]*:s3:::([^/]+)/.exec(arn ?? '')?.[1];

/** The S3 buckets the scenario's history names as flow log destinations (what a recreate writes to). */
function historyBuckets(trail: readonly unknown[]): string[] {
  return trail.flatMap((record) => [...JSON.stringify(record).matchAll(/arn:aws[a-z-]*:s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/g)].map((m) => m[1] ?? ''));
}

async function createBuckets(context: SeedContext, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const s3 = new S3Client({endpoint: context.moto.url, region: context.region, credentials: {accessKeyId: 'testing', secretAccessKey: 'testing'}, forcePathStyle: true, maxAttempts: 1});
  try {
    const location = context.region === 'us-east-1' ? undefined : {LocationConstraint: context.region as BucketLocationConstraint};
    for (const name of new Set(names)) await s3.send(new CreateBucketCommand({Bucket: name, CreateBucketConfiguration: location}));
  } finally {
    s3.destroy();
  }
}

async function createFlowLog(context: SeedContext, flowLog: FlowLog): Promise<void> {
  const answer = await context.ec2.send(new CreateFlowLogsCommand({
    ResourceIds: [motoId(context, flowLog.ResourceId)], ResourceType: flowLog.ResourceId?.startsWith('subnet-') ? 'Subnet' : flowLog.ResourceId?.startsWith('eni-') ? 'NetworkInterface' : 'VPC',
    TrafficType: flowLog.TrafficType ?? 'ALL', LogDestinationType: flowLog.LogDestinationType ?? 'cloud-watch-logs', LogDestination: flowLog.LogDestination,
    DeliverLogsPermissionArn: flowLog.DeliverLogsPermissionArn ?? (flowLog.LogDestinationType === 'cloud-watch-logs' ? 'arn:aws:iam::123456789012:role/peer-tier-flow-logs' : undefined),
  }));
  const problem = answer.Unsuccessful?.[0]?.Error?.Message;
  if (problem !== undefined) throw new Error(`moto did not create ${flowLog.FlowLogId ?? 'a flow log'}: ${problem}`);
  mapId(context, flowLog.FlowLogId, answer.FlowLogIds?.[0]);
}

export async function seedFlowLogs(context: SeedContext, trail: readonly unknown[] = []): Promise<void> {
  const flowLogs = context.state.FlowLogs ?? [];
  // The history as the walks replay it names moto's account where the scenario's was (withMotoIds): both names are made.
  const mapped = historyBuckets(trail).map((name) => [...context.ids].reduce((text, [from, to]) => text.replaceAll(from, to), name));
  const buckets = [...flowLogs.flatMap((f) => bucketOf(f.LogDestination) ?? []), ...historyBuckets(trail), ...mapped];
  await createBuckets(context, buckets);
  for (const flowLog of flowLogs) await createFlowLog(context, flowLog);
}
