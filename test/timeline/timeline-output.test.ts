// trailguide actor's Markdown and JSON: what an operator reads, with hostile event fields kept inert.
import {describe, expect, it} from 'vitest';
import {parseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord} from '../../src/events/record.js';
import {actorOf} from '../../src/timeline/actor.js';
import {rowOf} from '../../src/timeline/row.js';
import {timelineJson} from '../../src/timeline/timeline-json.js';
import {timelineMarkdown} from '../../src/timeline/timeline-md.js';
import type {TimelineReport} from '../../src/timeline/timeline-report.js';
import {payloads, rawControlsIn} from '../helpers/escape-payloads.js';

const record = (eventName: string, time: string, eventID: string, user = 'alice', more: object = {}): CloudTrailRecord =>
  parseRecord({eventName, eventSource: 'ec2.amazonaws.com', eventTime: time, eventID, awsRegion: 'eu-west-1', sourceIPAddress: '203.0.113.9', userIdentity: {type: 'IAMUser', arn: `arn:aws:iam::111122223333:user/${user}`, accessKeyId: 'AKIAEXAMPLEKEY000001', userName: user, accountId: '111122223333'}, ...more}, 't', 'r');

function report(event: CloudTrailRecord, others: readonly CloudTrailRecord[]): TimelineReport {
  return {
    event,
    actor: actorOf(event),
    since: new Date('2024-04-24T10:00:00Z'),
    engines: [{label: 'the event\'s input (trail.json)', rows: others.length}],
    rows: others.map((r, i) => rowOf(r, `trail.json #${i + 1}`)),
    limit: 1000,
    dropped: 0,
    skipped: [{path: 'bad.json.gz', reason: 'cut short: the gzip data ends early'}],
  };
}

describe('timeline Markdown', () => {
  const event = record('RunInstances', '2024-05-01T10:00:00Z', 'e-2');
  const rows = [record('GetCallerIdentity', '2024-05-01T09:00:00Z', 'e-1'), event, record('CreateKeyPair', '2024-05-01T10:05:00Z', 'e-3', 'alice', {errorCode: 'UnauthorizedOperation'})];
  const md = timelineMarkdown(report(event, rows));

  it('a table of time, event, source, Region, IP and error, the start event marked', () => {
    expect(md).toContain('| ▶ | 2024-05-01T10:00:00Z | RunInstances | ec2.amazonaws.com | eu-west-1 | 203.0.113.9 |  |');
    expect(md).toContain('|  | 2024-05-01T10:05:00Z | CreateKeyPair | ec2.amazonaws.com | eu-west-1 | 203.0.113.9 | UnauthorizedOperation |');
    expect(md.indexOf('GetCallerIdentity')).toBeLessThan(md.indexOf('| ▶ |'));
  });

  it('the actor, the window, the engines, the counts and the skipped files', () => {
    expect(md).toContain('**Actor:** `IAMUser alice (AKIAEXAMPLEKEY000001)`');
    expect(md).toContain('**Window:** 2024-04-24T10:00:00Z to now');
    expect(md).toContain('- the event\'s input (trail.json): 3 events');
    expect(md).toContain('3 events found, oldest first.');
    expect(md).toContain('- `bad.json.gz`: cut short: the gzip data ends early');
  });

  it('an event with no identity: the reason, no table', () => {
    const service = parseRecord({eventName: 'X', eventSource: 's', userIdentity: {type: 'AWSService', invokedBy: 'ec2.amazonaws.com'}}, 't', 'r');
    const text = timelineMarkdown(report(service, []));
    expect(text).toMatch(/No timeline: the call was made by the AWS service ec2\.amazonaws\.com itself/);
    expect(text).not.toContain('| Time |');
  });

  it('a pipe in a value cannot end its cell', () => {
    const piped = record('A|B', '2024-05-01T10:00:00Z', 'e-9');
    expect(timelineMarkdown(report(event, [piped]))).toContain('| A\\|B |');
  });
});

describe('hostile principal names and fields print inert (md and JSON), and JSON keeps them exactly', () => {
  it.each(payloads.map((p) => [p.name, p.bytes] as const))('%s', (_name, bytes) => {
    const hostile = record(`Run${bytes}`, '2024-05-01T10:00:00Z', 'e-1', `mallory${bytes}`, {sourceIPAddress: `1.2.3.4${bytes}`, errorCode: bytes});
    const r = {...report(hostile, [hostile]), skipped: [{path: `evil${bytes}.json`, reason: 'not JSON'}]};
    const md = timelineMarkdown(r);
    const json = timelineJson(r);
    expect(rawControlsIn(md)).toEqual([]);
    expect(rawControlsIn(json)).toEqual([]);
    expect(md).toContain('mallory\\');
    const parsed = JSON.parse(json) as {actor: {arn: string}; rows: {record: {userIdentity: {userName: string}}}[]};
    expect(parsed.actor.arn).toBe(`arn:aws:iam::111122223333:user/mallory${bytes}`);
    expect(parsed.rows[0]?.record.userIdentity.userName).toBe(`mallory${bytes}`);
  });
});

describe('timeline JSON', () => {
  it('the rows in order with their records, the start marked, the counts', () => {
    const event = record('RunInstances', '2024-05-01T10:00:00Z', 'e-2');
    const parsed = JSON.parse(timelineJson(report(event, [record('A', '2024-05-01T09:00:00Z', 'e-1'), event]))) as {rows: {eventName: string; isStart: boolean; origin: string; record: {eventID: string}}[]; summary: {found: number}; reason: null};
    expect(parsed.rows.map((r) => [r.eventName, r.isStart, r.record.eventID])).toEqual([['A', false, 'e-1'], ['RunInstances', true, 'e-2']]);
    expect(parsed.summary.found).toBe(2);
    expect(parsed.reason).toBeNull();
  });
});
