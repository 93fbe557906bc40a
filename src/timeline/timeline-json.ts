// trailguide actor --format json: the timeline as data, every string inert (control, C1, bidi and
// format characters \u-escaped; values kept exactly). Each row carries its whole record, so a script
// can read any field of it. Pure.
import {inertJson} from '../text/inert-json.js';
import {isStartRow, type TimelineReport} from './timeline-report.js';

export function timelineJson(report: TimelineReport): string {
  const {event} = report;
  const value = {
    event: {eventID: event.eventID ?? null, eventName: event.eventName, eventTime: event.eventTime ?? null},
    actor: report.actor.ok ? report.actor.actor : null,
    reason: report.actor.ok ? null : report.actor.reason,
    window: {since: report.since.toISOString(), until: report.until?.toISOString() ?? null},
    engines: report.engines.map((e) => ({label: e.label, rows: e.rows, error: e.error ?? null})),
    rows: report.rows.map((row) => ({
      time: row.time,
      eventName: row.eventName,
      eventSource: row.eventSource,
      region: row.region ?? null,
      sourceIp: row.sourceIp ?? null,
      errorCode: row.errorCode ?? null,
      eventId: row.eventId ?? null,
      origin: row.origin,
      isStart: isStartRow(row, event),
      record: row.record.raw,
    })),
    summary: {found: report.rows.length + report.dropped, listed: report.rows.length, limit: report.limit, dropped: report.dropped, reachedLimit: report.reachedLimit === true, skipped: report.skipped},
  };
  return `${inertJson(value)}\n`;
}
