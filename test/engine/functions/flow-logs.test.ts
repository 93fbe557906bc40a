// The flow log functions on the shapes CloudTrail writes: every form of a DeleteFlowLogs request, the
// response's unsuccessful items, what CreateFlowLogs events (as LookupEvents returns them) made, and the
// coverage of deleted flow logs against the flow logs an account has now.
import {describe, expect, it} from 'vitest';
import {evaluate} from '../../../src/engine/expression.js';

const a = 'fl-0a1b2c3d4e5f60718';
const b = 'fl-0fedcba9876543210';
const deleteEvent = (requestParameters: unknown, responseElements: unknown = {}) => ({eventName: 'DeleteFlowLogs', requestParameters, responseElements});

describe('flow_log_ids', () => {
  it.each<[string, unknown, {id: string; path: string}[]]>([
    ['the wrapped form with one ID', {DeleteFlowLogsRequest: {FlowLogId: {content: a, tag: 1}}}, [{id: a, path: 'requestParameters.DeleteFlowLogsRequest.FlowLogId.content'}]],
    ['the wrapped form with a list', {DeleteFlowLogsRequest: {FlowLogId: [{content: a, tag: 1}, {content: b, tag: 2}]}}, [
      {id: a, path: 'requestParameters.DeleteFlowLogsRequest.FlowLogId[0].content'}, {id: b, path: 'requestParameters.DeleteFlowLogsRequest.FlowLogId[1].content'},
    ]],
    ['content holding a list', {DeleteFlowLogsRequest: {FlowLogId: {content: [a, b]}}}, [
      {id: a, path: 'requestParameters.DeleteFlowLogsRequest.FlowLogId.content[0]'}, {id: b, path: 'requestParameters.DeleteFlowLogsRequest.FlowLogId.content[1]'},
    ]],
    ['the newer flowLogIds list', {flowLogIds: [a, b]}, [{id: a, path: 'requestParameters.flowLogIds[0]'}, {id: b, path: 'requestParameters.flowLogIds[1]'}]],
    ['flowLogIds as {items: [...]}', {flowLogIds: {items: [{content: a}, b]}}, [
      {id: a, path: 'requestParameters.flowLogIds.items[0].content'}, {id: b, path: 'requestParameters.flowLogIds.items[1]'},
    ]],
    ['an ID named twice, once', {flowLogIds: [a, a]}, [{id: a, path: 'requestParameters.flowLogIds[0]'}]],
    ['no request', null, []],
    ['a request without IDs', {}, []],
  ])('%s', (_name, request, expected) => {
    const found = evaluate('flow_log_ids(event)', {event: deleteEvent(request)}) as {id: string; path: string; evidence: string}[];
    expect(found.map(({id, path}) => ({id, path}))).toEqual(expected);
    for (const item of found) expect(item.evidence).toBe(`${item.path} = ${item.id}`);
  });
});

describe('unsuccessful_items', () => {
  it.each<[string, unknown, unknown]>([
    ['"" when none', {DeleteFlowLogsResponse: {requestId: 'r', unsuccessful: ''}}, []],
    ['{} when none', {unsuccessful: {}}, []],
    ['one item', {unsuccessful: {item: {error: {code: 'InvalidFlowLogId.NotFound', message: 'gone'}, resourceId: b}}}, [{resourceId: b, code: 'InvalidFlowLogId.NotFound', message: 'gone'}]],
    ['a list, PascalCase', {Unsuccessful: [{Error: {Code: 'X'}, ResourceId: a}]}, [{resourceId: a, code: 'X', message: null}]],
    ['a failed call', null, []],
  ])('%s', (_name, response, expected) => {
    expect(evaluate('unsuccessful_items(event)', {event: deleteEvent({}, response)})).toEqual(expected);
  });
});

const created = (fields: Record<string, unknown>) => ({
  eventName: 'CreateFlowLogs', eventTime: '2026-01-08T10:12:44Z', eventID: 'e-1', awsRegion: 'eu-west-1', recipientAccountId: '111122223333',
  userIdentity: {arn: 'arn:aws:sts::111122223333:assumed-role/network-admin/alice'},
  requestParameters: {CreateFlowLogsRequest: {ResourceId: {tag: 1, content: 'vpc-0a11b22c33d44e55f'}, ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::logs-bucket'}},
  responseElements: {CreateFlowLogsResponse: {unsuccessful: '', flowLogIdSet: {item: a}}},
  ...fields,
});
const looked = (record: unknown) => ({EventName: 'CreateFlowLogs', CloudTrailEvent: JSON.stringify(record)});

describe('created_flow_logs', () => {
  it('reads a flow log, its resource and its settings out of the record LookupEvents returns as text', () => {
    expect(evaluate('created_flow_logs(events)', {events: [looked(created({}))]})).toEqual([{
      flowLogId: a, resourceId: 'vpc-0a11b22c33d44e55f', resourceType: 'VPC', trafficType: 'ALL', destinationType: 's3', destination: 'arn:aws:s3:::logs-bucket',
      permissionArn: null, createdAt: '2026-01-08T10:12:44Z', createdBy: 'arn:aws:sts::111122223333:assumed-role/network-admin/alice', eventId: 'e-1',
    }]);
  });

  it('gives a CloudWatch Logs group as its ARN, and the default destination type when the request has none', () => {
    const record = created({requestParameters: {resourceIds: ['subnet-0a1a2a3a4a5a6a7a8'], resourceType: 'Subnet', trafficType: 'REJECT', logGroupName: 'vpc-logs', deliverLogsPermissionArn: 'arn:aws:iam::111122223333:role/fl'}});
    expect(evaluate('created_flow_logs(events)[0]', {events: [looked(record)]})).toMatchObject({
      resourceId: 'subnet-0a1a2a3a4a5a6a7a8', destinationType: 'cloud-watch-logs', destination: 'arn:aws:logs:eu-west-1:111122223333:log-group:vpc-logs', permissionArn: 'arn:aws:iam::111122223333:role/fl',
    });
  });

  it('pairs each flow log with its resource in order, leaving out the resources the response lists as unsuccessful', () => {
    const record = created({
      requestParameters: {CreateFlowLogsRequest: {ResourceId: [{content: 'vpc-0000000000000000a'}, {content: 'vpc-0000000000000000b'}, {content: 'vpc-0000000000000000c'}], ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::x'}},
      responseElements: {CreateFlowLogsResponse: {unsuccessful: {item: {resourceId: 'vpc-0000000000000000b', error: {code: 'InvalidVpcID.NotFound'}}}, flowLogIdSet: {item: [a, b]}}},
    });
    expect(evaluate('created_flow_logs(events)[].[flowLogId, resourceId]', {events: [looked(record)]})).toEqual([[a, 'vpc-0000000000000000a'], [b, 'vpc-0000000000000000c']]);
  });

  it.each<[string, unknown]>([
    ['a refused call', created({errorCode: 'Client.UnauthorizedOperation', responseElements: null})],
    ['another event', created({eventName: 'DeleteFlowLogs'})],
    ['a resource ID of no flow log kind', created({requestParameters: {resourceIds: ['i-0123456789abcdef0'], resourceType: 'VPC', trafficType: 'ALL'}})],
  ])('makes nothing of %s', (_name, record) => {
    expect(evaluate('created_flow_logs(events)', {events: [looked(record)]})).toEqual([]);
  });

  it('skips text that is not JSON, and is null when the history was not read', () => {
    expect(evaluate('created_flow_logs(events)', {events: [{CloudTrailEvent: '{not json'}]})).toEqual([]);
    expect(evaluate('created_flow_logs(events)', {events: null})).toBeNull();
  });
});

describe('flow_log_coverage', () => {
  const rows = [{flowLogId: a, resourceId: 'vpc-1', resourceType: 'VPC', destination: 'arn:aws:s3:::x', createdAt: 't', createdBy: 'who'}];
  const run = (deleted: unknown, flowLogs: unknown, made: unknown = rows) => evaluate('flow_log_coverage(deleted, made, flowLogs)', {deleted, made, flowLogs});

  it('a deleted log whose resource has no other log: known, not covered', () => {
    expect(run([a], [])).toEqual([{flowLogId: a, stillExists: false, known: true, resourceId: 'vpc-1', resourceType: 'VPC', destination: 'arn:aws:s3:::x', createdAt: 't', createdBy: 'who', loggedBy: [], isCovered: false}]);
  });
  it('covered again by an active flow log on the same resource, not by an inactive one or one elsewhere', () => {
    expect(run([a], [{FlowLogId: b, ResourceId: 'vpc-1', FlowLogStatus: 'ACTIVE'}])).toMatchObject([{loggedBy: [b], isCovered: true}]);
    expect(run([a], [{FlowLogId: b, ResourceId: 'vpc-1', FlowLogStatus: 'DELETING'}, {FlowLogId: b, ResourceId: 'vpc-2'}])).toMatchObject([{loggedBy: [], isCovered: false}]);
  });
  it('still listed: the deletion did not happen', () => {
    expect(run([a], [{FlowLogId: a, ResourceId: 'vpc-1', FlowLogStatus: 'ACTIVE'}])).toMatchObject([{stillExists: true, loggedBy: [], isCovered: true}]);
  });
  it('no creation found: unknown, not covered', () => {
    expect(run([b], [])).toMatchObject([{flowLogId: b, known: false, resourceId: null, isCovered: false}]);
  });
  it('is null when the history or the flow logs are unknown', () => {
    expect(run([a], null)).toBeNull();
    expect(run([a], [], null)).toBeNull();
  });
});
