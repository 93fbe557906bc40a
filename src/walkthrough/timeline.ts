// The actor's timeline in the walkthrough, pure: `t` opens it over the walk (which stays as it was),
// the engines' pages come in as messages, keys move, filter and open rows, and leaving goes back to
// where `t` was pressed. The search itself is an effect the app runs (Request 'timeline').
import type {CloudTrailRecord} from '../events/record.js';
import {actorOf} from '../timeline/actor.js';
import {compareRows} from '../timeline/merge-rows.js';
import {rowOf} from '../timeline/row.js';
import type {TimelineFailure, TimelineFilter, TimelinePage, TimelineRow} from '../timeline/types.js';
import {openIncident, withRunbook, type RunbookLoad} from './open-incident.js';
import type {EngineProgress, Request, State, TimelineState, TimelineStatus} from './state.js';
import {rowKey, selectedIndex, visibleRows} from './timeline-view.js';

/** At most this many rows are kept (the farthest in time from the event go first). */
export const timelineRowLimit = 2000;
/** The window searched: this many days either side of the event. */
export const timelineWindowDays = 7;
/** Rows PgUp/PgDn move by. */
export const timelinePageRows = 10;

export type TimelineMessage =
  /** The search started: one label per engine, in the order their pages will name them. */
  | {readonly type: 'timeline-engines'; readonly requestId: number; readonly labels: readonly string[]}
  | {readonly type: 'timeline-page'; readonly requestId: number; readonly engine: number; readonly page: TimelinePage}
  /** An engine ended: done, or with its error (kind 'cancelled' once aborted). */
  | {readonly type: 'timeline-end'; readonly requestId: number; readonly engine: number; readonly error?: {readonly kind: TimelineFailure; readonly reason: string} | undefined};

export type TimelineCommand = 'timeline' | 'timeline-escape' | 'leave-timeline' | 'to-timeline' | 'filter' | 'apply-filter' | 'clear-filter' | 'first' | 'last';

type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

function request(state: State, body: RequestBody): State {
  return {...state, requests: [...state.requests, {...body, id: state.nextRequestId}], nextRequestId: state.nextRequestId + 1};
}

function timeOf(row: TimelineRow): number {
  const at = Date.parse(row.time);
  return Number.isNaN(at) ? Number.POSITIVE_INFINITY : at;
}

/** Rows merged in time order, one per event, cut to the limit around the current event's time. */
export function mergeRows(rows: readonly TimelineRow[], more: readonly TimelineRow[], around: number, limit = timelineRowLimit): {rows: readonly TimelineRow[]; dropped: number} {
  const seen = new Set(rows.map(rowKey));
  const added = more.filter((row) => {
    const key = rowKey(row);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (!added.length) return {rows, dropped: 0};
  const sorted = [...rows, ...added].sort(compareRows);
  if (sorted.length <= limit) return {rows: sorted, dropped: 0};
  // Keep the window of rows nearest the event: its place in the list, half the limit either side.
  const at = sorted.findIndex((row) => timeOf(row) >= around);
  const middle = at < 0 ? sorted.length : at;
  const start = Math.max(0, Math.min(middle - Math.floor(limit / 2), sorted.length - limit));
  return {rows: sorted.slice(start, start + limit), dropped: sorted.length - limit};
}

/** What the engines are asked for: the actor's events within the window around the event. */
export function timelineFilterFor(record: CloudTrailRecord, actor: NonNullable<TimelineState['actor']>, fallbackNow: number): TimelineFilter {
  const parsed = record.eventTime === undefined ? Number.NaN : Date.parse(record.eventTime);
  const at = Number.isNaN(parsed) ? fallbackNow : parsed;
  const day = 24 * 60 * 60 * 1000;
  return {actor, since: new Date(at - timelineWindowDays * day), until: new Date(at + timelineWindowDays * day), limit: timelineRowLimit};
}

/** `t`: the timeline of the open event's actor, over the screen it was pressed on. */
function openTimeline(state: State): State {
  const record = state.incident?.record;
  if (!record || (state.screen !== 'event' && state.screen !== 'step')) return state;
  const found = actorOf(record);
  // The event itself is the first row: the timeline has its anchor before any engine answers.
  const current = rowOf(record, 'this event');
  const base: TimelineState = {
    origin: {screen: state.screen, scroll: state.scroll}, record, actor: found.ok ? found.actor : null,
    status: found.ok ? {kind: 'searching'} : {kind: 'cannot-build', reason: found.reason},
    requestId: null, engines: null, rows: [current], dropped: 0, selected: null, filter: '', currentKey: rowKey(current), peek: null, peekRequestId: null,
  };
  const opened: State = {...state, screen: 'timeline', scroll: 0, timeline: base};
  if (!found.ok) return opened;
  const filter = timelineFilterFor(record, found.actor, state.keyAt);
  return request({...opened, timeline: {...base, requestId: state.nextRequestId}}, {kind: 'timeline', record, filter, candidates: state.candidates});
}

function withTimeline(state: State, change: (t: TimelineState) => Partial<TimelineState>): State {
  return state.timeline ? {...state, timeline: {...state.timeline, ...change(state.timeline)}} : state;
}

/** Stop the running search (the app aborts its engines); the rows so far stay. */
function cancelSearch(state: State, status: TimelineStatus): State {
  const t = state.timeline;
  if (!t || t.requestId === null) return state;
  const target = t.requestId;
  const engines = t.engines?.map((e): EngineProgress => (e.state === 'running' ? {...e, state: 'cancelled'} : e)) ?? null;
  // A search the app has not started yet is simply dropped.
  const requests = state.requests.filter((r) => !(r.kind === 'timeline' && r.id === target));
  return request({...state, requests, timeline: {...t, requestId: null, engines, status}}, {kind: 'cancel-timeline', target});
}

function leave(state: State): State {
  const t = state.timeline;
  if (!t) return state;
  const stopped = cancelSearch(state, {kind: 'cancelled'});
  return {...stopped, screen: t.origin.screen, scroll: t.origin.scroll, overlay: null, draft: '', timeline: null};
}

function moveTo(state: State, index: (current: number, count: number) => number): State {
  const t = state.timeline;
  if (!t) return state;
  const rows = visibleRows(t, t.filter);
  if (!rows.length) return state;
  const to = Math.max(0, Math.min(rows.length - 1, index(selectedIndex(t, rows), rows.length)));
  const row = rows[to];
  return row ? withTimeline(state, () => ({selected: rowKey(row)})) : state;
}

function openRow(state: State): State {
  const t = state.timeline;
  if (!t) return state;
  const rows = visibleRows(t, t.filter);
  const row = rows[selectedIndex(t, rows)];
  if (!row) return state;
  const peek = openIncident(row.record);
  const shown: State = {...state, screen: 'timeline-event', scroll: 0, timeline: {...t, peek, peekRequestId: state.nextRequestId}};
  return request(shown, {kind: 'load-runbook', eventName: row.record.eventName, eventSource: row.record.eventSource});
}

/** Keys on the timeline that other screens share (up, down, pages, Enter) and the timeline's own commands. */
export function isTimelineKey(state: State, command: string): boolean {
  return state.screen === 'timeline' && state.overlay === null && ['up', 'down', 'page-up', 'page-down', 'open'].includes(command);
}

export function timelineCommand(state: State, command: TimelineCommand | 'up' | 'down' | 'page-up' | 'page-down' | 'open'): State {
  switch (command) {
    case 'timeline':
      return openTimeline(state);
    case 'up':
      return moveTo(state, (i) => i - 1);
    case 'down':
      return moveTo(state, (i) => i + 1);
    case 'page-up':
      return moveTo(state, (i) => i - timelinePageRows);
    case 'page-down':
      return moveTo(state, (i) => i + timelinePageRows);
    case 'first':
      return moveTo(state, () => 0);
    case 'last':
      return moveTo(state, (_, count) => count - 1);
    case 'open':
      return openRow(state);
    case 'timeline-escape':
      // Esc while the engines run stops them; once stopped (or done), Esc leaves.
      return typeof state.timeline?.requestId === 'number' ? cancelSearch({...state, status: 'search cancelled: the rows found so far stay'}, {kind: 'cancelled'}) : leave(state);
    case 'leave-timeline':
      return leave(state);
    case 'to-timeline':
      return withTimeline({...state, screen: 'timeline', scroll: 0}, () => ({peek: null, peekRequestId: null}));
    case 'filter':
      // A new filter each time, as / searches anew in less or vim (the rows follow it as it is typed).
      return {...state, overlay: 'timeline-filter', draft: ''};
    case 'apply-filter':
      return withTimeline({...state, overlay: null, draft: ''}, () => ({filter: state.draft.trim()}));
    case 'clear-filter':
      return withTimeline({...state, overlay: null, draft: ''}, () => ({filter: ''}));
    default: {
      const never: never = command;
      return never;
    }
  }
}

/** The status once no engine runs any more. */
function settled(engines: readonly EngineProgress[], status: TimelineStatus): TimelineStatus {
  if (status.kind === 'cancelled') return status;
  const failed = engines.filter((e) => e.state === 'failed');
  if (engines.length && failed.length === engines.length) return {kind: 'failed', reason: failed.map((e) => `${e.label}: ${e.reason ?? 'failed'}`).join('; ')};
  return {kind: 'done'};
}

export function timelineMessage(state: State, message: TimelineMessage): State {
  const t = state.timeline;
  const started = message.type === 'timeline-engines' ? {...state, requests: state.requests.filter((r) => r.id !== message.requestId)} : state;
  if (!t || t.requestId !== message.requestId) return started;
  switch (message.type) {
    case 'timeline-engines': {
      const engines = message.labels.map((label): EngineProgress => ({label, state: 'running', rows: 0}));
      if (engines.length) return {...started, timeline: {...t, engines}};
      return {...started, timeline: {...t, engines, requestId: null, status: {kind: 'failed', reason: 'no timeline engine is set up for this input'}}};
    }
    case 'timeline-page': {
      const engine = t.engines?.[message.engine];
      if (!t.engines || engine?.state !== 'running') return state;
      const around = Date.parse(t.record.eventTime ?? '');
      const merged = mergeRows(t.rows, message.page.rows, Number.isNaN(around) ? 0 : around);
      const engines = t.engines.map((e, i) => (i === message.engine ? {...e, rows: e.rows + message.page.rows.length, progress: message.page.progress ?? e.progress} : e));
      return {...state, timeline: {...t, rows: merged.rows, dropped: t.dropped + merged.dropped, engines}};
    }
    case 'timeline-end': {
      if (!t.engines || t.engines[message.engine]?.state !== 'running') return state;
      const {error} = message;
      const engines = t.engines.map((e, i): EngineProgress => {
        if (i !== message.engine) return e;
        if (!error) return {...e, state: 'done'};
        return {...e, state: error.kind === 'cancelled' ? 'cancelled' : 'failed', reason: error.reason, failure: error.kind};
      });
      const running = engines.some((e) => e.state === 'running');
      return {...state, timeline: {...t, engines, requestId: running ? t.requestId : null, status: running ? t.status : settled(engines, t.status)}};
    }
    default: {
      const never: never = message;
      return never;
    }
  }
}

/** The peeked event's runbook arrived (the walk's own incident is not touched). */
export function peekLoaded(state: State, requestId: number, load: RunbookLoad): State {
  const rest = {...state, requests: state.requests.filter((r) => r.id !== requestId)};
  const t = state.timeline;
  if (!t?.peek || t.peekRequestId !== requestId) return rest;
  return {...rest, timeline: {...t, peek: withRunbook(t.peek, load), peekRequestId: null}};
}
