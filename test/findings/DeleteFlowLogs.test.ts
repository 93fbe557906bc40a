// The flow logs runbook's findings on records as CloudTrail writes them (test/fixtures/events/DeleteFlowLogs/):
// a deletion that succeeded is high with the request's ID as evidence in every record form; once the event
// history says what it covered, the title names the resource left unlogged; a replacement on that resource
// makes it low and resolved; a refused deletion raises none of it.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {AccountSnapshot} from '../../src/aws/account-snapshot.js';
import {parseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord} from '../../src/events/record.js';
import {expectRow, findingOf, findings, resolved} from './helpers.js';

const fixture = (name: string): CloudTrailRecord => parseRecord(JSON.parse(readFileSync(`test/fixtures/events/DeleteFlowLogs/${name}.json`, 'utf8')) as unknown, name, '');
const risky = fixture('risky');
const deleted = 'fl-0a1b2c3d4e5f60718';
const vpcId = 'vpc-0a11b22c33d44e55f';

/** The event history as LookupEvents answers it, holding the CreateFlowLogs event that made the deleted log. */
const history = {
  Events: [{
    EventName: 'CreateFlowLogs',
    CloudTrailEvent: JSON.stringify({
      eventName: 'CreateFlowLogs', eventTime: '2026-01-08T10:12:44Z', awsRegion: 'eu-west-1', recipientAccountId: '111122223333',
      requestParameters: {CreateFlowLogsRequest: {ResourceId: {tag: 1, content: vpcId}, ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::acme-flow-logs'}},
      responseElements: {CreateFlowLogsResponse: {unsuccessful: '', flowLogIdSet: {item: deleted}}},
    }),
  }],
};
const unlogged: AccountSnapshot = {FlowLogs: [], TrailEvents: [history]};
const loggedAgain: AccountSnapshot = {FlowLogs: [{FlowLogId: 'fl-0c3d5e7f9a1b3c5d7', ResourceId: vpcId, FlowLogStatus: 'ACTIVE'}], TrailEvents: [history]};
const noHistory: AccountSnapshot = {FlowLogs: [], TrailEvents: [{Events: []}]};

describe('a deletion that succeeded', () => {
  it.each<[string, string, string]>([
    ['the wrapped form', 'risky', `requestParameters.DeleteFlowLogsRequest.FlowLogId.content = ${deleted}`],
    ['the wrapped list', 'risky-two-logs', 'requestParameters.DeleteFlowLogsRequest.FlowLogId[1].content = fl-0fedcba9876543210'],
    ['the newer flowLogIds form', 'risky-flow-log-ids', 'requestParameters.flowLogIds.items[0].content = fl-0aaaabbbbccccdddd'],
  ])('is high in %s, with the request as evidence', (_name, file, evidence) => {
    expectRow('flow-logs-deleted', {name: file, record: fixture(file), severity: 'high', evidence});
  });

  it('leaves out the IDs the response lists as unsuccessful', () => {
    const found = findingOf('flow-logs-deleted', fixture('risky-flow-log-ids'));
    expect(found?.title).toContain('fl-0aaaabbbbccccdddd');
    expect(found?.title).not.toContain('fl-0eeeeffff00001111');
  });

  it('names the resource left unlogged once the history says what the log covered', () => {
    const found = expectRow('flow-logs-deleted', {name: 'state', record: risky, state: unlogged, severity: 'high'});
    expect(found?.title).toBe(`Flow log ${deleted} deleted: ${vpcId} no longer logged`);
    if (found) expect(resolved(found, risky, unlogged)).toBe(false);
  });

  it('stays high and unresolved when the history has no creation for it', () => {
    const found = expectRow('flow-logs-deleted', {name: 'no history', record: risky, state: noHistory, severity: 'high'});
    if (found) expect(resolved(found, risky, noHistory)).toBe(false);
  });

  it('is low and resolved once the resource is logged by another flow log', () => {
    const found = expectRow('flow-logs-deleted', {name: 'logged again', record: risky, state: loggedAgain, severity: 'low'});
    if (found) expect(resolved(found, risky, loggedAgain)).toBe(true);
    const before = findingOf('flow-logs-deleted', risky, unlogged);
    if (before) expect(resolved(before, risky, loggedAgain)).toBe(true);
  });

  it('is high for the benign record too without the state: the replacement is only seen in the account', () => {
    expectRow('flow-logs-deleted', {name: 'benign', record: fixture('benign'), severity: 'high'});
  });
});

describe('a refused deletion', () => {
  it('raises no flow log finding, only the shared ones about the refused call', () => {
    const failed = fixture('failed');
    expect(findingOf('flow-logs-deleted', failed)).toBeUndefined();
    expect(findingOf('flow-logs-deleted', failed, unlogged)).toBeUndefined();
    expect(findings(failed).filter((f) => f.severity === 'high' || f.severity === 'critical').map((f) => f.id)).toEqual(['call-refused']);
  });
});
