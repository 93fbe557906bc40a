// trailguide actor --format md: the actor's timeline as a Markdown table (time, event, source, Region,
// source IP, error), the event it started from marked, with who the actor is, the window, the engines
// searched and the counts. Every value from an event or a path is made inert (text/safe-text.ts) and
// kept in its cell. Pure.
import {cell as tableCell, code, plural} from '../text/markdown-text.js';
import {safeLine} from '../text/safe-text.js';
import {isStartRow, type TimelineReport} from './timeline-report.js';
import type {Actor, TimelineRow} from './types.js';

/** A table cell (markdown-text's), for a field the record may lack. */
const cell = (text: string | undefined, max: number): string => tableCell(text ?? '', max);

/** 2023-07-10T12:05:00Z, as CloudTrail writes times. */
const isoSeconds = (date: Date): string => date.toISOString().replace(/\.000Z$/, 'Z');


/** The marker of the event the timeline started from. */
export const startMarker = '▶';

function actorLines(actor: Actor): string[] {
  const parts = [`**Actor:** ${code(actor.label)}`];
  if (actor.arn !== undefined) parts.push(`ARN ${code(actor.arn)}`);
  if (actor.accessKeyId !== undefined) parts.push(`access key ${code(actor.accessKeyId)}`);
  if (actor.arn === undefined && actor.principalId !== undefined) parts.push(`principal ${code(actor.principalId)}`);
  if (actor.accountId !== undefined) parts.push(`account ${code(actor.accountId)}`);
  return [parts.join(' · '), '', 'Its events: the same access key, or the same principal ARN (the same user, or the same role session).'];
}

function rowCells(row: TimelineRow, report: TimelineReport): string[] {
  return [isStartRow(row, report.event) ? startMarker : '', cell(row.time, 40), cell(row.eventName, 80), cell(row.eventSource, 60), cell(row.region, 30), cell(row.sourceIp, 60), cell(row.errorCode, 60)];
}

export function timelineMarkdown(report: TimelineReport): string {
  const {event} = report;
  const lines = ['# Actor timeline', ''];
  const from = `**From:** ${code(event.eventName, 80)} at ${cell(event.eventTime ?? 'an unknown time', 40)}${event.eventID === undefined ? '' : ` (${code(event.eventID, 80)})`}`;
  lines.push(from, '');
  if (!report.actor.ok) {
    lines.push(`No timeline: ${safeLine(report.actor.reason, 300)}.`, '');
    return `${lines.join('\n')}\n`;
  }
  lines.push(...actorLines(report.actor.actor), '');
  lines.push(`**Window:** ${isoSeconds(report.since)} to ${report.until === undefined ? 'now' : isoSeconds(report.until)}`, '');
  lines.push('**Searched:**', '');
  for (const e of report.engines) lines.push(`- ${safeLine(e.label, 200)}: ${e.error === undefined ? plural(e.rows, 'event') : `${plural(e.rows, 'event')}, then stopped: ${safeLine(e.error, 300)}`}`);
  if (report.engines.length === 0) lines.push('- nothing');
  lines.push('');
  const isCut = report.dropped > 0 || report.reachedLimit === true;
  const count = `${isCut ? 'at least ' : ''}${plural(report.rows.length + report.dropped, 'event')} found`;
  lines.push(isCut ? `${count}; ${report.rows.length} are listed, oldest first (--limit ${report.limit}): narrow the window with --since and --until to see the others.` : `${count}, oldest first.`, '');
  if (report.rows.some((row) => isStartRow(row, event))) lines.push(`${startMarker} marks the event it started from.`, '');
  if (report.rows.length > 0) {
    const head = ['', 'Time', 'Event', 'Source', 'Region', 'Source IP', 'Error'];
    lines.push(...[head, head.map(() => '---'), ...report.rows.map((row) => rowCells(row, report))].map((cells) => `| ${cells.join(' | ')} |`), '');
  }
  if (report.skipped.length > 0) {
    lines.push(`## Skipped (${report.skipped.length})`, '');
    for (const skip of report.skipped) lines.push(`- ${code(skip.path)}: ${safeLine(skip.reason, 300)}`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
