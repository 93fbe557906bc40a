// The actor's timeline in the pure reducer: t opens it over the walk, pages merge in time, Esc
// cancels then leaves, / filters, Enter opens a row's event and back returns to the same place.
import {describe, expect, it} from 'vitest';
import {parseRecord} from '../../src/events/parse-record.js';
import type {JsonObject} from '../../src/events/record.js';
import {initialState, reducer, type Message} from '../../src/walkthrough/reducer.js';
import type {State} from '../../src/walkthrough/state.js';
import {mergeRows} from '../../src/walkthrough/timeline.js';
import {activeFilter, selectedIndex, timelineStatusLine, visibleRows} from '../../src/walkthrough/timeline-view.js';
import {rowOf} from '../../src/timeline/row.js';
import type {TimelineRow} from '../../src/timeline/types.js';
import {scenario} from '../helpers/candidates.js';
import {settle} from '../helpers/settle.js';

const named = new Set(['up', 'down', 'left', 'right', 'enter', 'escape', 'backspace', 'pageup', 'pagedown', 'home', 'end']);
const key = (name: string): Message => ({type: 'key', name, text: named.has(name) ? '' : name});
const press = (state: State, ...names: string[]): State => names.reduce((s, n) => settle(reducer(settle(s), key(n))), state);
const type = (state: State, text: string): State => reducer(state, {type: 'key', name: text, text});

const sg = scenario('sg-default-ssh-in-default-vpc');
const raw = sg.record.raw;

/** Another event of the same caller (same key), at a time, with a name, maybe failed. */
function event(id: string, time: string, eventName: string, extra: JsonObject = {}) {
  return rowOf(parseRecord({...raw, eventID: id, eventTime: time, eventName, ...extra}, 'test', id), 'fake engine');
}

const before = event('e-1', '2025-03-16T01:00:00Z', 'RunInstances', {awsRegion: 'eu-west-1', sourceIPAddress: '198.51.100.9'});
const after = event('e-2', '2025-03-16T03:00:00Z', 'CreateKeyPair', {errorCode: 'AccessDenied'});
const later = event('e-3', '2025-03-16T04:00:00Z', 'DescribeInstances');

function timelineRequest(state: State) {
  const found = state.requests.find((r) => r.kind === 'timeline');
  if (!found || found.kind !== 'timeline') throw new Error('no timeline request');
  return found;
}

/** t on the event screen, the app's answer that two engines run. */
function opened(from: State = settle(initialState([sg]))): {state: State; id: number} {
  const state = press(from, 't');
  const id = timelineRequest(state).id;
  return {state: reducer(state, {type: 'timeline-engines', requestId: id, labels: ['the loaded events (1)', 'CloudTrail Lake eds-1']}), id};
}

const page = (requestId: number, engine: number, rows: readonly TimelineRow[], progress?: string): Message => ({type: 'timeline-page', requestId, engine, page: {rows, progress}});
const names = (state: State) => state.timeline?.rows.map((r) => r.eventName);

describe('opening the timeline', () => {
  it('t on the event screen opens the timeline of its caller, with the event itself as the first row', () => {
    const state = press(settle(initialState([sg])), 't');
    expect(state.screen).toBe('timeline');
    expect(state.timeline?.status).toEqual({kind: 'searching'});
    expect(state.timeline?.actor?.accessKeyId).toBe('AKIAIOSFODNN7EXAMPLE');
    expect(names(state)).toEqual(['CreateSecurityGroup']);
    const request = timelineRequest(state);
    expect(request.filter.actor?.arn).toBe('arn:aws:iam::111122223333:user/svc-backup');
    // A week either side of the event (2025-03-16T02:14:37Z).
    expect(request.filter.since.toISOString()).toBe('2025-03-09T02:14:37.000Z');
    expect(request.filter.until?.toISOString()).toBe('2025-03-23T02:14:37.000Z');
  });

  it('t on a step opens it too, and leaving returns to that step with the walk as it was', () => {
    const step = press(settle(initialState([sg])), 'enter', '2', 'x', 'j');
    expect(step.screen).toBe('step');
    const {state} = opened(step);
    expect(state.screen).toBe('timeline');
    const back = press(reducer(state, {type: 'timeline-end', requestId: state.timeline?.requestId ?? -1, engine: 0}), 'q');
    expect(back.screen).toBe('step');
    expect(back.progress).toBe(step.progress);
    expect(back.scroll).toBe(step.scroll);
    expect(back.timeline).toBeNull();
  });

  it('an event with no identity says why no timeline can be built, and asks no engine', () => {
    const anonymous: JsonObject = Object.fromEntries(Object.entries(raw).filter(([name]) => name !== 'userIdentity'));
    const record = parseRecord(anonymous, 'test', 'anonymous');
    const state = press(settle(initialState([{id: 'a', record}])), 't');
    expect(state.screen).toBe('timeline');
    expect(state.timeline?.status.kind).toBe('cannot-build');
    expect(timelineStatusLine(state.timeline!)).toMatch(/^no timeline: the record has no userIdentity/);
    expect(state.requests.some((r) => r.kind === 'timeline')).toBe(false);
  });
});

describe('rows as they arrive', () => {
  it('merges pages in time order, one row per eventID, and keeps the selection on the current event', () => {
    const {state, id} = opened();
    const first = reducer(state, page(id, 1, [after, before], 'query running'));
    expect(names(first)).toEqual(['RunInstances', 'CreateSecurityGroup', 'CreateKeyPair']);
    expect(timelineStatusLine(first.timeline!)).toBe('searching the loaded events (1), CloudTrail Lake eds-1… 3 events so far · query running');
    // The event itself found again, and the same row from a second engine: no duplicates.
    const second = reducer(first, page(id, 0, [rowOf(sg.record, 'loaded event #1'), after, later]));
    expect(names(second)).toEqual(['RunInstances', 'CreateSecurityGroup', 'CreateKeyPair', 'DescribeInstances']);
    const rows = visibleRows(second.timeline!, '');
    expect(rows[selectedIndex(second.timeline!, rows)]?.eventName).toBe('CreateSecurityGroup');
  });

  it('drops pages of a search that is no longer the one on screen', () => {
    const {state, id} = opened();
    expect(names(reducer(state, page(id + 50, 0, [before])))).toEqual(['CreateSecurityGroup']);
  });

  it('says how many engines are done, and each failure with its reason', () => {
    const {state, id} = opened();
    const one = reducer(reducer(state, page(id, 0, [before])), {type: 'timeline-end', requestId: id, engine: 0});
    expect(one.timeline?.status.kind).toBe('searching');
    const both = reducer(one, {type: 'timeline-end', requestId: id, engine: 1, error: {kind: 'permission', reason: 'not allowed to run cloudtrail:StartQuery'}});
    expect(both.timeline?.status.kind).toBe('done');
    expect(timelineStatusLine(both.timeline!)).toBe('1 of 2 engines done · 2 events · CloudTrail Lake eds-1 failed: not allowed to run cloudtrail:StartQuery');
  });

  it('fails with every reason when every engine failed', () => {
    const {state, id} = opened();
    const a = reducer(state, {type: 'timeline-end', requestId: id, engine: 0, error: {kind: 'failed', reason: 'x broke'}});
    const b = reducer(a, {type: 'timeline-end', requestId: id, engine: 1, error: {kind: 'timeout', reason: 'the query ran out of time'}});
    expect(b.timeline?.status).toEqual({kind: 'failed', reason: 'the loaded events (1): x broke; CloudTrail Lake eds-1: the query ran out of time'});
  });

  it('keeps at most the limit, the rows nearest the event in time', () => {
    const at = Date.parse('2025-03-16T12:00:00Z');
    const many = Array.from({length: 10}, (_, i) => event(`m-${i}`, new Date(at + (i - 5) * 3600_000).toISOString(), `Call${i}`));
    const {rows, dropped} = mergeRows([], many, at, 4);
    expect(dropped).toBe(6);
    expect(rows.map((r) => r.eventName)).toEqual(['Call3', 'Call4', 'Call5', 'Call6']);
  });
});

describe('keys on the timeline', () => {
  it('Esc while the search runs cancels it (the app aborts the engines), and a second Esc leaves', () => {
    const {state, id} = opened();
    const cancelled = press(reducer(state, page(id, 0, [before])), 'escape');
    expect(cancelled.screen).toBe('timeline');
    expect(cancelled.timeline?.status.kind).toBe('cancelled');
    expect(cancelled.requests).toContainEqual(expect.objectContaining({kind: 'cancel-timeline', target: id}));
    // What came after the cancel is not shown; what came before stays.
    expect(names(reducer(cancelled, page(id, 1, [later])))).toEqual(['RunInstances', 'CreateSecurityGroup']);
    expect(press(cancelled, 'escape').screen).toBe('event');
  });

  it('leaving while the search runs stops it too', () => {
    const {state, id} = opened();
    const left = press(state, 'q');
    expect(left.screen).toBe('event');
    expect(left.requests).toContainEqual(expect.objectContaining({kind: 'cancel-timeline', target: id}));
  });

  it('moves with the arrows, PgUp/PgDn, Home and End', () => {
    const {state, id} = opened();
    const full = reducer(state, page(id, 0, [before, after, later]));
    const selected = (s: State) => {
      const rows = visibleRows(s.timeline!, activeFilter(s));
      return rows[selectedIndex(s.timeline!, rows)]?.eventName;
    };
    expect(selected(full)).toBe('CreateSecurityGroup');
    expect(selected(press(full, 'down'))).toBe('CreateKeyPair');
    expect(selected(press(full, 'up', 'up', 'up'))).toBe('RunInstances');
    expect(selected(press(full, 'end'))).toBe('DescribeInstances');
    expect(selected(press(full, 'end', 'home'))).toBe('RunInstances');
    expect(selected(press(full, 'pagedown'))).toBe('DescribeInstances');
    // The selection stays on its event when earlier rows arrive.
    const moved = press(full, 'down');
    expect(selected(reducer(moved, page(id, 1, [event('e-0', '2025-03-15T00:00:00Z', 'GetCallerIdentity')])))).toBe('CreateKeyPair');
  });

  it('/ filters by name, source, Region, IP or error as it is typed; Enter keeps it, Esc clears it', () => {
    const {state, id} = opened();
    const full = reducer(state, page(id, 0, [before, after, later]));
    const typing = type(type(press(full, '/'), 'eu-'), 'w');
    expect(typing.overlay).toBe('timeline-filter');
    expect(visibleRows(typing.timeline!, activeFilter(typing)).map((r) => r.eventName)).toEqual(['RunInstances']);
    const kept = press(typing, 'enter');
    expect(kept.timeline?.filter).toBe('eu-w');
    expect(visibleRows(kept.timeline!, activeFilter(kept))).toHaveLength(1);
    // q typed into the filter is text, not "leave".
    const denied = press(type(press(kept, '/'), 'q'), 'backspace');
    expect(denied.screen).toBe('timeline');
    expect(visibleRows(type(denied, 'accessdenied').timeline!, activeFilter(type(denied, 'accessdenied'))).map((r) => r.eventName)).toEqual(['CreateKeyPair']);
    expect(visibleRows(type(denied, '198.51.100').timeline!, activeFilter(type(denied, '198.51.100'))).map((r) => r.eventName)).toEqual(['RunInstances']);
    const cleared = press(type(denied, 'nothing-matches'), 'escape');
    expect(cleared.timeline?.filter).toBe('');
    expect(cleared.overlay).toBeNull();
    expect(visibleRows(cleared.timeline!, activeFilter(cleared))).toHaveLength(4);
  });

  it('Enter opens the selected event with its own runbook; back returns to the timeline, then to the step, the walk intact', () => {
    const step = press(settle(initialState([sg])), 'enter', '2', 'x');
    const {state, id} = opened(step);
    const full = reducer(reducer(state, page(id, 0, [before, after])), {type: 'timeline-end', requestId: id, engine: 0});
    const peek = press(full, 'up', 'enter');
    expect(peek.screen).toBe('timeline-event');
    expect(peek.timeline?.peek?.record.eventName).toBe('RunInstances');
    // Its runbook loaded (RunInstances has the general one: the caller and how to stop them).
    expect(peek.timeline?.peek?.isLoading).toBe(false);
    expect(peek.timeline?.peek?.runbook).not.toBeNull();
    // The walk's own event and progress are untouched.
    expect(peek.incident).toBe(step.incident);
    expect(peek.progress).toBe(step.progress);
    const list = press(peek, 'escape');
    expect(list.screen).toBe('timeline');
    expect(list.timeline?.peek).toBeNull();
    const back = press(list, 'escape', 'escape');
    expect(back.screen).toBe('step');
    expect(back.progress).toBe(step.progress);
  });
});
