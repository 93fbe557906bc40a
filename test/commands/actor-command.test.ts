// actorCommand with engines of its own: an engine that fails leaves what the others found printed, its
// reason on one line and exit 6; the AWS flags are checked before anything is sent.
import {describe, expect, it} from 'vitest';
import {actorCommand, actorWindow, type ActorFlags} from '../../src/commands/actor.js';
import type {Loaded} from '../../src/commands/load-candidates.js';
import {UsageError} from '../../src/exit-codes.js';
import {parseRecord} from '../../src/events/parse-record.js';
import {rowOf} from '../../src/timeline/row.js';
import {TimelineError, type TimelineEngine, type TimelineFailure} from '../../src/timeline/types.js';

const identity = {type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/alice', accessKeyId: 'AKIAEXAMPLEKEY000001', userName: 'alice', accountId: '111122223333'};
const record = (eventID: string, time: string) => parseRecord({eventName: 'RunInstances', eventSource: 'ec2.amazonaws.com', eventTime: time, eventID, userIdentity: identity}, 't', 'r');
const event = record('start', '2024-05-01T10:00:00Z');
const loaded: Loaded = {candidates: [{id: '0', record: event}], source: '1 event in e.json', warnings: []};
const flags: ActorFlags = {limit: '1000', format: 'json'};

const engine = (label: string, times: readonly string[], failure?: TimelineFailure): TimelineEngine => ({
  kind: 'lake',
  label,
  async *search(filter) {
    await Promise.resolve();
    yield {rows: times.map((t, i) => rowOf(record(`${label}-${i}`, t), label)).filter((r) => Date.parse(r.time) >= filter.since.getTime())};
    if (failure !== undefined) throw new TimelineError(failure, 'AccessDeniedException: not authorized to perform cloudtrail:StartQuery');
  },
});

async function run(engines: TimelineEngine[], more: Partial<ActorFlags> = {}) {
  const out: string[] = [];
  const warnings: string[] = [];
  const code = await actorCommand(loaded, 'e.json', {...flags, ...more}, Date.parse('2024-06-01T00:00:00Z'), {write: (t) => out.push(t), warn: (l) => warnings.push(l), engines: () => engines});
  return {code, out: JSON.parse(out.join('')) as {rows: {eventId: string}[]; engines: {label: string; rows: number; error: string | null}[]}, warnings};
}

describe('actorCommand', () => {
  it('an engine fails: the others\' rows are printed in time order, its reason is one line, exit 6', async () => {
    const {code, out, warnings} = await run([engine('files', ['2024-05-01T09:00:00Z']), engine('CloudTrail Lake eds', ['2024-05-01T08:00:00Z'], 'permission')]);
    expect(code).toBe(6);
    expect(out.rows.map((r) => r.eventId)).toEqual(['CloudTrail Lake eds-0', 'files-0']);
    expect(out.engines).toEqual([{label: 'files', rows: 1, error: null}, {label: 'CloudTrail Lake eds', rows: 1, error: 'AccessDeniedException: not authorized to perform cloudtrail:StartQuery'}]);
    expect(warnings).toEqual(['CloudTrail Lake eds: AccessDeniedException: not authorized to perform cloudtrail:StartQuery']);
  });

  it('every engine answers: exit 0, no line on stderr', async () => {
    const {code, warnings} = await run([engine('files', ['2024-05-01T09:00:00Z'])]);
    expect(code).toBe(0);
    expect(warnings).toEqual([]);
  });

  it.each([
    [{athena: 'db.cloudtrail'}, '--athena needs --workgroup'],
    [{workgroup: 'primary'}, '--workgroup and --output-location go with --athena'],
    [{limit: '0'}, '--limit: give a whole number from 1'],
  ])('%o is refused before anything is searched', async (more, message) => {
    await expect(run([], more)).rejects.toThrow(message);
  });

  it('a malformed --lake store is refused as a usage error by the real engines, nothing sent', async () => {
    const out: string[] = [];
    const result = actorCommand(loaded, 'e.json', {...flags, lake: "eds'; DROP"}, Date.now(), {write: (t) => out.push(t), warn: () => undefined});
    await expect(result).rejects.toBeInstanceOf(UsageError);
    expect(out).toEqual([]);
  });
});

describe('actorWindow', () => {
  const eventMs = Date.parse('2023-07-10T12:00:00Z');
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    [{}, '2023-07-03T12:00:00.000Z', undefined],
    [{since: '2h', until: '30m'}, '2023-07-10T10:00:00.000Z', '2023-07-10T12:30:00.000Z'],
    [{since: '2023-07-01', until: '2023-07-11T00:00Z'}, '2023-07-01T00:00:00.000Z', '2023-07-11T00:00:00.000Z'],
  ])('%o', (f, since, until) => {
    const window = actorWindow(f, eventMs, now);
    expect(window.since.toISOString()).toBe(since);
    expect(window.until?.toISOString()).toBe(until);
  });
  it('an event without a time: the window counts from now', () => {
    expect(actorWindow({}, Number.NaN, now).since.toISOString()).toBe('2025-12-25T00:00:00.000Z');
  });
  it('since after until is a usage error', () => {
    expect(() => actorWindow({since: '2023-07-11', until: '2023-07-10'}, eventMs, now)).toThrow('--since must be before --until');
  });
});
