// Training accounts for DeleteFlowLogs, built from the record's facts: a VPC with two subnets, and the flow logs
// as the event left them. The record does not say what a flow log covered, so the seed puts each on that VPC,
// writing to a bucket of the account: gone when the call succeeded (an ID the response lists as unsuccessful
// was never there), still there when it was refused.
import type {FlowLog} from '@aws-sdk/client-ec2';
import {newId} from './account.js';
import {factList, subnetsOf, type EventSeeds, type SeedContext} from './seed-events.js';
import {network, type Parts} from './seed-parts.js';

function flowLogOn(vpcId: string, id: string, bucket: string): FlowLog {
  return {
    FlowLogId: id, ResourceId: vpcId, FlowLogStatus: 'ACTIVE', DeliverLogsStatus: 'SUCCESS', TrafficType: 'ALL',
    LogDestinationType: 's3', LogDestination: `arn:aws:s3:::${bucket}`, MaxAggregationInterval: 600, Tags: [],
    LogFormat: '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}',
  };
}

function flowLogsSeed(context: SeedContext): Parts[] {
  const {place} = context;
  const ids = factList(context, 'flowLogIds');
  const vpcId = newId('vpc', `${ids[0] ?? 'flow-logs'}|vpc`);
  const cidr = '10.0.0.0/16';
  const parts: Parts[] = [network(place, vpcId, cidr, {subnets: subnetsOf(context, vpcId, cidr)})];
  const left = context.failed ? ids : [];
  if (left.length > 0) parts.push({FlowLogs: left.map((id) => flowLogOn(vpcId, id, `flow-logs-${place.owner}`))});
  return parts;
}

export const flowLogsSeeds: EventSeeds = {DeleteFlowLogs: flowLogsSeed};
