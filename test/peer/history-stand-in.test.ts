// LookupEvents as the logging proxy answers it while moto has none: the scenario's own records, filtered as
// CloudTrail filters them, in its JSON shape (times in epoch seconds), and CloudTrail's error for a bad request.
import {describe, expect, it} from 'vitest';
import type {JsonObject} from '../../src/events/record.js';
import {historyAnswer, motoLacksLookupEvents} from './history-stand-in.js';

const record = (eventName: string, eventTime: string): JsonObject => ({
  eventVersion: '1.10', eventTime, eventSource: 'ec2.amazonaws.com', eventName, awsRegion: 'eu-west-1', sourceIPAddress: '192.0.2.44',
  userAgent: 'aws-cli/2.15.0', eventID: `0000000${eventName.length}-2222-4333-8444-555555555555`, eventType: 'AwsApiCall', readOnly: false, recipientAccountId: '123456789012',
  userIdentity: {type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: 'arn:aws:iam::123456789012:user/alice', accountId: '123456789012', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', userName: 'alice'},
  requestParameters: {}, responseElements: null,
});
const history = [record('CreateFlowLogs', '2026-01-08T10:12:44Z'), record('CreateFlowLogs', '2026-03-01T09:00:00Z'), record('DeleteFlowLogs', '2026-02-01T08:00:00Z')];

describe('the event history the proxy answers LookupEvents from', () => {
  it('is used only while moto lacks LookupEvents (its known gap is listed)', () => {
    expect(motoLacksLookupEvents).toBe(true);
  });

  it('answers the records of the event name up to EndTime, newest first, with EventTime in epoch seconds', () => {
    const body = JSON.stringify({LookupAttributes: [{AttributeKey: 'EventName', AttributeValue: 'CreateFlowLogs'}], EndTime: Date.parse('2026-02-01T08:00:00Z') / 1000});
    const answer = historyAnswer(history, body);
    expect(answer.status).toBe(200);
    const events = (JSON.parse(answer.body) as {Events: {EventName: string; EventTime: number; CloudTrailEvent: string}[]}).Events;
    expect(events.map((e) => [e.EventName, e.EventTime])).toEqual([['CreateFlowLogs', Date.parse('2026-01-08T10:12:44Z') / 1000]]);
    expect((JSON.parse(events[0]!.CloudTrailEvent) as {eventTime: string}).eventTime).toBe('2026-01-08T10:12:44Z');
  });

  it('refuses two lookup attributes as CloudTrail does', () => {
    const body = JSON.stringify({LookupAttributes: [{AttributeKey: 'EventName', AttributeValue: 'CreateFlowLogs'}, {AttributeKey: 'Username', AttributeValue: 'alice'}]});
    const answer = historyAnswer(history, body);
    expect(answer.status).toBe(400);
    expect((JSON.parse(answer.body) as {__type: string}).__type).toBe('InvalidLookupAttributesException');
  });
});
