import {describe, expect, it} from 'vitest';
import {parseRecord} from '../../src/events/parse-record.js';
import {mergeRows} from '../../src/timeline/merge-rows.js';
import {rowOf} from '../../src/timeline/row.js';
import type {TimelineRow} from '../../src/timeline/types.js';

const row = (time: string, eventName: string, eventID?: string): TimelineRow =>
  rowOf(parseRecord({eventTime: time, eventName, eventSource: 'ec2.amazonaws.com', ...(eventID === undefined ? {} : {eventID})}, 't', 'r'), 'test');
const names = (rows: readonly TimelineRow[]): string[] => rows.map((r) => r.eventName);

describe('mergeRows', () => {
  it('sorts by time, across pages and engines, whatever order they arrive in (milliseconds included)', () => {
    let merged = mergeRows([], [row('2024-05-01T10:00:05Z', 'C', 'c'), row('2024-05-01T10:00:01Z', 'A', 'a')], 10);
    merged = mergeRows(merged.rows, [row('2024-05-01T10:00:01.500Z', 'B', 'b'), row('2024-04-30T23:00:00Z', 'Z', 'z')], 10);
    expect(names(merged.rows)).toEqual(['Z', 'A', 'B', 'C']);
  });

  it('keeps each event once (by eventID): the event\'s own file and another engine both find it', () => {
    const merged = mergeRows([row('2024-05-01T10:00:00Z', 'A', 'same')], [row('2024-05-01T10:00:00Z', 'A', 'same'), row('2024-05-01T10:00:00Z', 'A', 'other')], 10);
    expect(merged.rows.map((r) => r.eventId)).toEqual(['other', 'same']);
  });

  it('keeps the earliest `limit` rows and counts the others', () => {
    const merged = mergeRows([], ['05', '01', '04', '02', '03'].map((s) => row(`2024-05-01T10:00:${s}Z`, `E${s}`, s)), 3);
    expect(names(merged.rows)).toEqual(['E01', 'E02', 'E03']);
    expect(merged.dropped).toBe(2);
    expect(mergeRows(merged.rows, [row('2024-05-01T09:00:00Z', 'early', 'x')], 3, merged.dropped)).toMatchObject({dropped: 3});
  });

  it('a row without a readable time goes last; rows without eventID are all kept', () => {
    const merged = mergeRows([], [row('not a time', 'N'), row('2024-05-01T10:00:00Z', 'A'), row('2024-05-01T10:00:00Z', 'A')], 10);
    expect(names(merged.rows)).toEqual(['A', 'A', 'N']);
  });
});
