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

  it('keeps each event once (the same eventID at the same time): the event\'s own file and another engine both find it', () => {
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

  it('merged page by page, in any order, the list is the one sorted at once (fixed seed)', () => {
    let seed = 5;
    const random = (): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const all = Array.from({length: 600}, (_x, i) => row(new Date(Date.UTC(2024, 4, 1) + Math.floor(random() * 3600) * 1000).toISOString().replace('.000', ''), `E${Math.floor(random() * 5)}`, `id-${i}`));
    let merged: ReturnType<typeof mergeRows> = {rows: [], dropped: 0};
    for (let at = 0; at < all.length; ) {
      const size = 1 + Math.floor(random() * 40);
      // Each page also repeats a row already merged: it must not come back twice.
      const page = [...all.slice(at, at + size), ...(at > 0 ? [all[Math.floor(random() * at)] as TimelineRow] : [])];
      merged = mergeRows(merged.rows, page, 250, merged.dropped);
      at += size;
    }
    const expected = [...all].sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || (a.eventName < b.eventName ? -1 : a.eventName > b.eventName ? 1 : 0) || (a.eventId ?? '').localeCompare(b.eventId ?? ''));
    expect(merged.rows.map((r) => r.eventId)).toEqual(expected.slice(0, 250).map((r) => r.eventId));
    // A repeat of a row already dropped cannot be known as one: past the limit, the count is an upper bound.
    expect(merged.dropped).toBeGreaterThanOrEqual(350);
  });
});
