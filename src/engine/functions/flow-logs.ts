// Flow logs as CloudTrail records them: the IDs a DeleteFlowLogs request names (in every form records
// use: {"DeleteFlowLogsRequest": {"FlowLogId": {"content": "fl-…", "tag": 1}}}, a list of those, or the
// newer {"flowLogIds": [...]}), the items a response lists as unsuccessful, what each flow log covered
// as its CreateFlowLogs event says (read back from LookupEvents), and whether that is logged again now.
import {define, isObject, str, T, type Arg} from './define.js';
import {entriesOf, evidenceText, fieldOf, scalarText} from './record.js';

type Obj = {[key: string]: Arg};

interface Located {
  readonly value: string;
  readonly path: string;
}

/** The text values of a request field as records write it: "x", {content: "x", tag: 1}, a list of those, {items|item: …}. */
function wrappedTexts(value: Arg | undefined, path: string): Located[] {
  const text = scalarText(value);
  if (typeof value === 'string' && text !== undefined) return [{value: text, path}];
  if (Array.isArray(value)) return value.flatMap((item, i) => wrappedTexts(item, `${path}[${i}]`));
  if (!isObject(value)) return [];
  for (const key of ['content', 'items', 'item']) {
    if (Object.hasOwn(value, key)) return wrappedTexts(value[key], `${path}.${key}`);
  }
  return [];
}

/** The request body and its path: requestParameters, unwrapped from {<EventName>Request: …}. */
function requestOf(event: Arg | undefined): {node: Arg | undefined; path: string} {
  const node = isObject(event) ? event['requestParameters'] : undefined;
  const wrapper = `${isObject(event) ? (str(event['eventName']) ?? '') : ''}Request`;
  if (isObject(node) && isObject(node[wrapper])) return {node: node[wrapper], path: `requestParameters.${wrapper}`};
  return {node, path: 'requestParameters'};
}

const flowLogKeys = ['FlowLogId', 'flowLogId', 'FlowLogIds', 'flowLogIds'] as const;

/** The flow log IDs a request names, each once, with where it is written. */
export function requestedFlowLogs(event: Arg | undefined): {id: string; path: string; evidence: string}[] {
  const {node, path} = requestOf(event);
  if (!isObject(node)) return [];
  const found = flowLogKeys.flatMap((key) => (Object.hasOwn(node, key) ? wrappedTexts(node[key], `${path}.${key}`) : []));
  return found
    .filter(({value}, i) => found.findIndex((other) => other.value === value) === i)
    .map(({value, path: at}) => ({id: value, path: at, evidence: evidenceText(at, value)}));
}

/** The response's unsuccessful items ("" or {} when none): {resourceId, code, message}. */
export function unsuccessfulItems(event: Arg | undefined): {resourceId: string; code: string | null; message: string | null}[] {
  const response = isObject(event) ? event['responseElements'] : undefined;
  const name = isObject(event) ? (str(event['eventName']) ?? '') : '';
  const body = isObject(response) && isObject(response[`${name}Response`]) ? response[`${name}Response`] : response;
  return entriesOf(fieldOf(body, 'unsuccessful')).flatMap((item) => {
    const resourceId = scalarText(fieldOf(item, 'resourceId'));
    const error = fieldOf(item, 'error');
    return resourceId === undefined ? [] : [{resourceId, code: scalarText(fieldOf(error, 'code')) ?? null, message: scalarText(fieldOf(error, 'message')) ?? null}];
  });
}

/** A resource a flow log can be made for: a VPC, subnet, interface, transit gateway or its attachment. */
const resourceIdPattern = /^(vpc|subnet|eni|tgw|tgw-attach)-[0-9a-f]{8}([0-9a-f]{9})?$/;
const flowLogIdPattern = /^fl-[0-9a-f]{8}([0-9a-f]{9})?$/;

export interface CreatedFlowLog {
  readonly flowLogId: string;
  readonly resourceId: string;
  readonly resourceType: string | null;
  readonly trafficType: string | null;
  readonly destinationType: string;
  readonly destination: string | null;
  readonly permissionArn: string | null;
  readonly createdAt: string | null;
  readonly createdBy: string | null;
  readonly eventId: string | null;
}

/** One item of LookupEvents' Events as its record: CloudTrailEvent parsed, or the item itself when it is a record. */
function recordOf(item: Arg): Obj | undefined {
  if (!isObject(item)) return undefined;
  const text = item['CloudTrailEvent'];
  if (typeof text !== 'string') return typeof item['eventName'] === 'string' ? item : undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed as Arg) ? (parsed as Obj) : undefined;
  } catch {
    return undefined;
  }
}

function responseIds(record: Obj): string[] {
  const response = record['responseElements'];
  const body = isObject(response) && isObject(response['CreateFlowLogsResponse']) ? response['CreateFlowLogsResponse'] : response;
  return wrappedTexts(fieldOf(body, 'flowLogIdSet') ?? fieldOf(body, 'flowLogIds'), '').map((l) => l.value);
}

/** What a CreateFlowLogs call that succeeded made: one row per flow log, paired with its resource in order. */
function createdBy(record: Obj): CreatedFlowLog[] {
  if (record['eventName'] !== 'CreateFlowLogs' || str(record['errorCode']) !== undefined) return [];
  const {node} = requestOf(record);
  const refused = new Set(unsuccessfulItems(record).map((u) => u.resourceId));
  const resources = ['ResourceId', 'ResourceIds', 'resourceIds'].flatMap((key) => (isObject(node) && Object.hasOwn(node, key) ? wrappedTexts(node[key], '') : []))
    .map((l) => l.value).filter((id) => !refused.has(id));
  const ids = responseIds(record);
  const text = (key: string): string | null => scalarText(fieldOf(node, key)) ?? null;
  const destinationType = text('logDestinationType') ?? 'cloud-watch-logs';
  const group = text('logGroupName');
  const region = str(record['awsRegion']);
  const account = str(record['recipientAccountId']);
  const groupArn = group !== null && region !== undefined && account !== undefined ? `arn:aws:logs:${region}:${account}:log-group:${group}` : null;
  const identity = record['userIdentity'];
  const by = scalarText(fieldOf(identity, 'arn')) ?? null;
  return ids.flatMap((flowLogId, i) => {
    const resourceId = resources[i];
    if (resourceId === undefined || !flowLogIdPattern.test(flowLogId) || !resourceIdPattern.test(resourceId)) return [];
    return [{
      flowLogId, resourceId, resourceType: text('resourceType'), trafficType: text('trafficType'), destinationType,
      destination: text('logDestination') ?? groupArn, permissionArn: text('deliverLogsPermissionArn'),
      createdAt: str(record['eventTime']) ?? null, createdBy: by, eventId: str(record['eventID']) ?? null,
    }];
  });
}

/** The flow logs LookupEvents' Events say were created (newest event first, as the answer lists them); null when the answer is unknown. */
export function createdFlowLogs(events: Arg | undefined): CreatedFlowLog[] | null {
  if (!Array.isArray(events)) return null;
  return events.flatMap((item) => {
    const record = recordOf(item);
    return record === undefined ? [] : createdBy(record);
  });
}

export interface Coverage {
  readonly flowLogId: string;
  /** The flow log is still listed now (its deletion did not happen). */
  readonly stillExists: boolean;
  /** Its CreateFlowLogs event was found: what it covered is known. */
  readonly known: boolean;
  readonly resourceId: string | null;
  readonly resourceType: string | null;
  readonly destination: string | null;
  readonly createdAt: string | null;
  readonly createdBy: string | null;
  /** The active flow logs its resource has now. */
  readonly loggedBy: string[];
  /** Its resource is logged now (by another flow log), or the flow log itself still exists. */
  readonly isCovered: boolean;
}

function activeOn(flowLogs: readonly Arg[], resourceId: string): string[] {
  return flowLogs.filter(isObject).filter((f) => f['ResourceId'] === resourceId && (f['FlowLogStatus'] === undefined || f['FlowLogStatus'] === 'ACTIVE'))
    .flatMap((f) => (typeof f['FlowLogId'] === 'string' ? [f['FlowLogId']] : []));
}

/** For each deleted flow log: what it covered (from created) and whether that is logged now (flowLogs: DescribeFlowLogs' answer). */
export function flowLogCoverage(deleted: Arg | undefined, created: Arg | undefined, flowLogs: Arg | undefined): Coverage[] | null {
  if (!Array.isArray(deleted) || !Array.isArray(created) || !Array.isArray(flowLogs)) return null;
  const rows = created.filter(isObject);
  return deleted.filter((id): id is string => typeof id === 'string').map((flowLogId) => {
    const stillExists = flowLogs.some((f) => isObject(f) && f['FlowLogId'] === flowLogId);
    const row = rows.find((r) => r['flowLogId'] === flowLogId);
    const resourceId = row ? (str(row['resourceId']) ?? null) : null;
    const loggedBy = resourceId === null ? [] : activeOn(flowLogs, resourceId).filter((id) => id !== flowLogId);
    const text = (key: string): string | null => (row ? (str(row[key]) ?? null) : null);
    return {
      flowLogId, stillExists, known: row !== undefined, resourceId, resourceType: text('resourceType'), destination: text('destination'),
      createdAt: text('createdAt'), createdBy: text('createdBy'), loggedBy, isCovered: stillExists || loggedBy.length > 0,
    };
  });
}

const event = {kinds: [T.object, T.null], label: 'event'} as const;

define('flow_log_ids', [event], 'the flow log IDs a DeleteFlowLogs request names (FlowLogId {content} wrappers, lists, flowLogIds), each once: [{id, path, evidence}]', ([e]) => requestedFlowLogs(e));
define('unsuccessful_items', [event], 'the items the response lists as unsuccessful ("" when none): [{resourceId, code, message}]', ([e]) => unsuccessfulItems(e));
define('created_flow_logs', [{kinds: [T.array, T.null], label: 'events'}],
  "the flow logs LookupEvents' Events say CreateFlowLogs made, one per log: {flowLogId, resourceId, resourceType, trafficType, destinationType, destination (a log group as its ARN), permissionArn, createdAt, createdBy, eventId}; null when events is",
  ([events]) => createdFlowLogs(events) as unknown as Arg);
define('flow_log_coverage', [{kinds: [T.array, T.null], label: 'deletedIds'}, {kinds: [T.array, T.null], label: 'created'}, {kinds: [T.array, T.null], label: 'flowLogs'}],
  'for each deleted flow log: {flowLogId, stillExists, known (its creation was found), resourceId, resourceType, destination, createdAt, createdBy, loggedBy (active logs on it now), isCovered}; null when a list is unknown',
  ([deleted, created, flowLogs]) => flowLogCoverage(deleted, created, flowLogs) as unknown as Arg);
