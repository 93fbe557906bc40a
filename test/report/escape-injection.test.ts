// The terminal-escape injection campaign on `trailguide report` (issue 6): a walked session whose event
// is a fixture record with a payload in every field (each field meets every payload across the rotations)
// and a hostile note, as Markdown and JSON, plain and --redact.
import {describe, expect, it} from 'vitest';
import {reportText} from '../../src/commands/report.js';
import type {JsonObject} from '../../src/events/record.js';
import {payloads} from '../helpers/escape-payloads.js';
import {campaignRecords, variant} from '../helpers/hostile-records.js';
import {jsonProblems, textProblems} from '../helpers/inert-output.js';
import {typedHostile} from '../helpers/screen-walk.js';
import {stamp, walkedSession, type Session} from './journals.js';
import {runbookFileOf} from '../../src/runbooks/catalog.js';

/** The walked session of the event name, about this record instead, with a hostile note before its end. */
function journalOf(walkedEvent: string, raw: JsonObject): Session {
  const {entries, runbook} = walkedSession(walkedEvent);
  const [start, ...rest] = entries;
  if (start?.type !== 'session-start') throw new Error('no session-start');
  const text = (key: string): string => {
    const value = raw[key];
    return typeof value === 'string' ? value : '';
  };
  const event = {...start.event, eventName: text('eventName'), record: raw, eventID: text('eventID'), eventTime: text('eventTime')};
  const note = stamp(start.session, [[300, {type: 'note', stepId: 'x', text: typedHostile}]]);
  return {entries: [{...start, event}, ...rest.slice(0, -1), ...note, ...rest.slice(-1)], runbook};
}

const generatedAt = new Date('2026-11-25T14:00:00.000Z');
const cases = campaignRecords().flatMap((base) => (['fields', 'event'] as const).map((group) => ({base, group})));

describe.each(cases)('report of a session about $base.name, $group fields', ({base, group}) => {
  it.each([false, true])('redact %s: shows every field escaped (md) and keeps it exactly (json), with every payload', (redact) => {
    const problems: string[] = [];
    const report = (raw: JsonObject, format: 'md' | 'json'): string => {
      // An event without a runbook of its own has no walk: it rides on another walk's journal, its record in place.
      const {entries, runbook} = journalOf(runbookFileOf(base.eventName) === undefined ? 'CreateSecurityGroup' : base.eventName, raw);
      return reportText(entries, runbook, {format, redact, generatedAt});
    };
    // The baseline (markers, no payload) is the same record whatever the rotation: its reports are made once.
    const baseline = variant(base, group, 0, true);
    const baselineMd = report(baseline.raw, 'md');
    const baselineJson = report(baseline.raw, 'json');
    for (const offset of payloads.map((_p, i) => i)) {
      const hostile = variant(base, group, offset);
      problems.push(...textProblems(hostile.fields, report(hostile.raw, 'md'), baselineMd, `md (rotation ${offset})`));
      // Redacting masks account IDs and addresses in place, so a redacted JSON value is not the value as written.
      if (!redact) problems.push(...jsonProblems(hostile.fields, report(hostile.raw, 'json'), baselineJson, `json (rotation ${offset})`));
      else problems.push(...jsonProblems([], report(hostile.raw, 'json'), '', `json (rotation ${offset})`));
    }
    expect(problems).toEqual([]);
  });
});
