import {describe, expect, it} from 'vitest';
import type {Severity} from '../../src/findings/finding.js';
import {compareMatches, TopMatches} from '../../src/triage/rank.js';
import type {TriageMatch} from '../../src/triage/triage-match.js';

const match = (eventID: string, eventTime: string | null, ...severities: Severity[]): TriageMatch => ({
  eventID, eventName: 'CreateRoute', eventTime, actor: null, account: null, region: null, file: 'f.json', index: 0,
  findings: severities.map((severity, i) => ({id: `f${i}`, severity, title: severity})),
});

describe('ranking', () => {
  const rows = [
    match('info-new', '2025-04-03T00:00:00Z', 'info'),
    match('none', '2025-04-04T00:00:00Z'),
    match('high-old', '2025-04-01T00:00:00Z', 'low', 'high'),
    match('critical', '2025-01-01T00:00:00Z', 'medium', 'critical'),
    match('high-new', '2025-04-02T00:00:00Z', 'high'),
    match('high-no-time', null, 'high'),
    match('medium', '2025-04-02T00:00:00Z', 'medium'),
  ];
  const order = ['critical', 'high-new', 'high-old', 'high-no-time', 'medium', 'info-new', 'none'];

  it('puts the highest severity first (critical > high > medium > low > info > none), then the newest', () => {
    expect([...rows].sort(compareMatches).map((m) => m.eventID)).toEqual(order);
  });

  it.each([1, 3, 7, 100])('TopMatches(%i) keeps the best ones in order', (limit) => {
    const top = new TopMatches(limit);
    for (const row of rows) top.add(row);
    expect(top.items.map((m) => m.eventID)).toEqual(order.slice(0, limit));
  });

  it('orders equals by file, then place in the file, whatever order they arrive in (files are read in parallel)', () => {
    const equal = (eventID: string, file: string, index: number): TriageMatch => ({...match(eventID, '2025-01-01T00:00:00Z', 'low'), file, index});
    const arrivals = [equal('b2', 'b.json', 2), equal('a9', 'a.json', 9), equal('b0', 'b.json', 0), equal('a1', 'a.json', 1)];
    for (const order of [arrivals, [...arrivals].reverse()]) {
      const top = new TopMatches(3);
      for (const m of order) top.add(m);
      expect(top.items.map((m) => m.eventID)).toEqual(['a1', 'a9', 'b0']);
    }
  });

  it('says whether a match made it into the list', () => {
    const top = new TopMatches(1);
    expect(top.add(match('low', '2025-01-01T00:00:00Z', 'low'))).toBe(true);
    expect(top.add(match('info', '2025-01-01T00:00:00Z', 'info'))).toBe(false);
    expect(top.add(match('high', '2025-01-01T00:00:00Z', 'high'))).toBe(true);
    expect(top.items.map((m) => m.eventID)).toEqual(['high']);
  });
});
