// Flow logs in the sandbox: DescribeFlowLogs (IDs and its `Filter` list, as EC2 names it), CreateFlowLogs and
// DeleteFlowLogs. Both changes are batch calls: a resource that does not exist, a flow log the same as one
// already there, or an unknown flow log ID is not an error of the call but an Unsuccessful item of its
// answer, as EC2 reports it; a wrong combination of parameters fails the whole call.
import type {FlowLog, UnsuccessfulItem} from '@aws-sdk/client-ec2';
import type {AccountSnapshot} from '../account-snapshot.js';
import {newId} from './account.js';
import {applyFilters, type FilterFields} from './filters.js';
import {compact, type Handler} from './handler.js';
import {fail, optInteger, optString, optStrings, reqString, type ParamRecord} from './params.js';

const fields: FilterFields<FlowLog> = {
  'flow-log-id': (f) => [f.FlowLogId],
  'resource-id': (f) => [f.ResourceId],
  'traffic-type': (f) => [f.TrafficType],
  'log-destination-type': (f) => [f.LogDestinationType],
  'log-group-name': (f) => [f.LogGroupName],
  'deliver-log-status': (f) => [f.DeliverLogsStatus],
  'tag-key': (f) => (f.Tags ?? []).map((t) => t.Key),
};

const describeFlowLogs: Handler = (snapshot, params) => {
  // An unknown ID is not an error here: it is simply not listed.
  const ids = optStrings(params, 'FlowLogIds');
  const all = snapshot.FlowLogs ?? [];
  const named = ids === undefined ? all : all.filter((f) => f.FlowLogId !== undefined && ids.includes(f.FlowLogId));
  const filter = params['Filter'];
  const filters: ParamRecord = filter === undefined ? {} : {Filters: filter};
  return {output: {FlowLogs: applyFilters(named, filters, fields, 'DescribeFlowLogs')}};
};

const resourceTypes = ['VPC', 'Subnet', 'NetworkInterface', 'TransitGateway', 'TransitGatewayAttachment'] as const;
const transitTypes = new Set(['TransitGateway', 'TransitGatewayAttachment']);
const destinationTypes = new Set(['cloud-watch-logs', 's3', 'kinesis-data-firehose']);
const trafficTypes = new Set(['ACCEPT', 'REJECT', 'ALL']);

/** Does the resource exist in the account, and the NotFound code EC2 gives when it does not. */
function lookup(snapshot: AccountSnapshot, type: string, id: string): {exists: boolean; code: string; what: string} {
  switch (type) {
    case 'VPC': return {exists: (snapshot.Vpcs ?? []).some((v) => v.VpcId === id), code: 'InvalidVpcID.NotFound', what: 'VPC'};
    case 'Subnet': return {exists: (snapshot.Subnets ?? []).some((s) => s.SubnetId === id), code: 'InvalidSubnetID.NotFound', what: 'subnet'};
    case 'NetworkInterface': return {exists: (snapshot.NetworkInterfaces ?? []).some((n) => n.NetworkInterfaceId === id), code: 'InvalidNetworkInterfaceID.NotFound', what: 'network interface'};
    // The sandbox holds no transit gateways.
    default: return {exists: false, code: 'InvalidTransitGatewayID.NotFound', what: 'transit gateway'};
  }
}

interface Settings {
  readonly type: string;
  readonly traffic: string | undefined;
  readonly destinationType: string;
  readonly destination: string | undefined;
  readonly group: string | undefined;
  readonly role: string | undefined;
  readonly interval: number;
  readonly format: string | undefined;
}

function settingsOf(params: ParamRecord, context: {readonly accountId: string; readonly region: string}): Settings {
  const type = reqString(params, 'ResourceType');
  if (!(resourceTypes as readonly string[]).includes(type)) fail('InvalidParameterValue', `Value (${type}) for parameter ResourceType is invalid.`);
  const traffic = optString(params, 'TrafficType');
  if (transitTypes.has(type) && traffic !== undefined) fail('InvalidParameter', `TrafficType is not supported for resource type ${type}.`);
  if (!transitTypes.has(type) && traffic === undefined) fail('MissingParameter', 'The request must contain the parameter TrafficType');
  if (traffic !== undefined && !trafficTypes.has(traffic)) fail('InvalidParameterValue', `Value (${traffic}) for parameter TrafficType is invalid.`);
  const destinationType = optString(params, 'LogDestinationType') ?? 'cloud-watch-logs';
  if (!destinationTypes.has(destinationType)) fail('InvalidParameterValue', `Value (${destinationType}) for parameter LogDestinationType is invalid.`);
  const destination = optString(params, 'LogDestination');
  const group = optString(params, 'LogGroupName');
  const role = optString(params, 'DeliverLogsPermissionArn');
  if (destination !== undefined && group !== undefined) fail('InvalidParameter', 'Please only provide LogGroupName or only provide LogDestination.');
  if (destination === undefined && group === undefined) fail('InvalidParameter', 'LogDestination can\'t be empty if LogGroupName is not provided.');
  if (destinationType === 'cloud-watch-logs' && role === undefined) fail('InvalidParameter', 'DeliverLogsPermissionArn can\'t be empty if LogDestinationType is cloud-watch-logs.');
  if (destinationType !== 'cloud-watch-logs' && group !== undefined) fail('InvalidParameter', `LogGroupName can only be used with LogDestinationType cloud-watch-logs, not ${destinationType}.`);
  const prefix = destinationType === 's3' ? 'arn:aws:s3:::' : destinationType === 'kinesis-data-firehose' ? 'arn:aws:firehose:' : 'arn:aws:logs:';
  if (destination !== undefined && !destination.startsWith(prefix)) fail('InvalidParameter', `LogDestination ${destination} is not a valid ${destinationType} ARN.`);
  const interval = optInteger(params, 'MaxAggregationInterval') ?? 600;
  if (interval !== 60 && interval !== 600) fail('InvalidParameter', 'Flow Log Max Aggregation Interval must be 60 or 600.');
  const logGroup = group ?? (destinationType === 'cloud-watch-logs' ? destination?.split(':log-group:')[1]?.replace(/:\*$/, '') : undefined);
  return {type, traffic, destinationType, destination: destination ?? (group === undefined ? undefined : `arn:aws:logs:${context.region}:${context.accountId}:log-group:${group}`), group: logGroup, role, interval, format: optString(params, 'LogFormat')};
}

const defaultFormat = '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}';

const createFlowLogs: Handler = (snapshot, params, context) => {
  const resources = optStrings(params, 'ResourceIds') ?? fail('MissingParameter', 'The request must contain the parameter ResourceIds');
  const settings = settingsOf(params, context);
  const existing = snapshot.FlowLogs ?? [];
  const made: FlowLog[] = [];
  const unsuccessful: UnsuccessfulItem[] = [];
  for (const resourceId of resources) {
    const found = lookup(snapshot, settings.type, resourceId);
    const same = [...existing, ...made].some((f) => f.ResourceId === resourceId && f.LogDestination === settings.destination && f.TrafficType === settings.traffic);
    if (!found.exists) unsuccessful.push({ResourceId: resourceId, Error: {Code: found.code, Message: `The ${found.what} ID '${resourceId}' does not exist`}});
    else if (same) unsuccessful.push({ResourceId: resourceId, Error: {Code: 'FlowLogAlreadyExists', Message: 'Error. There is an existing Flow Log with the same configuration and log destination.'}});
    else {
      made.push(compact({
        FlowLogId: newId('fl', `${resourceId}|${settings.destination ?? ''}|${existing.length + made.length}`), ResourceId: resourceId, FlowLogStatus: 'ACTIVE',
        DeliverLogsStatus: 'SUCCESS', TrafficType: settings.traffic as FlowLog['TrafficType'], LogDestinationType: settings.destinationType as FlowLog['LogDestinationType'],
        LogDestination: settings.destination, LogGroupName: settings.group, DeliverLogsPermissionArn: settings.role, MaxAggregationInterval: settings.interval,
        LogFormat: settings.format ?? defaultFormat, Tags: [],
      }));
    }
  }
  return {snapshot: {...snapshot, FlowLogs: [...existing, ...made]}, output: {FlowLogIds: made.map((f) => f.FlowLogId), Unsuccessful: unsuccessful}};
};

const deleteFlowLogs: Handler = (snapshot, params) => {
  const ids = optStrings(params, 'FlowLogIds') ?? fail('MissingParameter', 'The request must contain the parameter FlowLogIds');
  const existing = snapshot.FlowLogs ?? [];
  const known = new Set(existing.map((f) => f.FlowLogId));
  const missing = ids.filter((id) => !known.has(id));
  const unsuccessful: UnsuccessfulItem[] = missing.map((id) => ({
    ResourceId: id, Error: {Code: 'InvalidFlowLogId.NotFound', Message: `These flow log ids in the input list are not found: [TotalCount: 1] ${id}`},
  }));
  return {snapshot: {...snapshot, FlowLogs: existing.filter((f) => f.FlowLogId === undefined || !ids.includes(f.FlowLogId))}, output: {Unsuccessful: unsuccessful}};
};

export const flowLogsHandlers: ReadonlyArray<readonly [string, Handler]> = [
  ['DescribeFlowLogs', describeFlowLogs],
  ['CreateFlowLogs', createFlowLogs],
  ['DeleteFlowLogs', deleteFlowLogs],
];
