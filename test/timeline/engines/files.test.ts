// The input-files engine on real trail files: plain, .json.gz, a folder, a broken file (skipped with
// its reason), the limit, and a search stopped half-way.
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {gunzipSync, gzipSync} from 'node:zlib';
import {describe, expect, it} from 'vitest';
import {parseRecord} from '../../../src/events/parse-record.js';
import {actorOf} from '../../../src/timeline/actor.js';
import {createFilesEngine} from '../../../src/timeline/engines/files.js';
import {TimelineError, type Actor, type TimelineFilter, type TimelinePage} from '../../../src/timeline/types.js';

const publicDir = new URL('../../fixtures/cloudtrail-public/', import.meta.url).pathname;
const plainName = '218007301253_CloudTrail_us-east-1_20230710T1205Z_zs3JGxETHr59VpkX.json';
const gzName = '218007301253_CloudTrail_us-east-1_20230710T1235Z_YbVFCP9AYzJDhHV9.json.gz';
const plain = join(publicDir, plainName);
const gz = join(publicDir, gzName);

const recordsIn = (text: string): Record<string, unknown>[] => (JSON.parse(text) as {Records: Record<string, unknown>[]}).Records;
const actorFrom = (raw: Record<string, unknown>): Actor => {
  const result = actorOf(parseRecord(raw, 'fixture', 'r'));
  if (!result.ok) throw new Error(result.reason);
  return result.actor;
};
const plainRecords = recordsIn(readFileSync(plain, 'utf8'));
const session = actorFrom(plainRecords.find((r) => (r['userIdentity'] as {type: string}).type === 'AssumedRole') ?? {});
const user = actorFrom(plainRecords.find((r) => (r['userIdentity'] as {arn?: string}).arn?.endsWith('user/bert-jan') === true) ?? {});
const benjamin: Actor = {type: 'IAMUser', arn: 'arn:aws:iam::123837392027:user/benjamin', label: 'benjamin'};

const filter = (actor: Actor, more: Partial<TimelineFilter> = {}): TimelineFilter => ({actor, since: new Date('2023-07-01T00:00:00Z'), limit: 10_000, ...more});

async function collect(paths: readonly string[], f: TimelineFilter, signal = new AbortController().signal): Promise<{pages: TimelinePage[]; skips: string[]}> {
  const skips: string[] = [];
  const pages: TimelinePage[] = [];
  for await (const page of createFilesEngine(paths, {onSkip: (path, reason) => skips.push(`${path}: ${reason}`)}).search(f, signal)) pages.push(page);
  return {pages, skips};
}
const rowsOf = (pages: readonly TimelinePage[]) => pages.flatMap((p) => p.rows);

describe('createFilesEngine', () => {
  it('a plain trail file: the role session\'s two events, each with its record and place', async () => {
    const {pages, skips} = await collect([plain], filter(session));
    const rows = rowsOf(pages);
    expect(rows.map((r) => r.record.userIdentity.arn)).toEqual([session.arn, session.arn]);
    expect(rows[0]?.origin).toMatch(new RegExp(`${plainName} Records\\[\\d+\\]$`));
    expect(skips).toEqual([]);
  });

  it('a .json.gz file: the user\'s events, as many as the file holds', async () => {
    const expected = recordsIn(gunzip(gz)).filter((r) => (r['userIdentity'] as {arn?: string}).arn === benjamin.arn).length;
    const rows = rowsOf((await collect([gz], filter(benjamin))).pages);
    expect(expected).toBeGreaterThan(0);
    expect(rows).toHaveLength(expected);
    expect(rows.every((r) => r.record.userIdentity.arn === benjamin.arn)).toBe(true);
  });

  it('a folder (S3 layout) with both files and a broken one: every match found, the broken file skipped with its reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trailguide-timeline-'));
    const day = join(dir, 'AWSLogs/123837392027/CloudTrail/us-east-1/2023/07/10');
    mkdirSync(day, {recursive: true});
    copyFileSync(plain, join(day, plainName));
    copyFileSync(gz, join(day, gzName));
    writeFileSync(join(day, 'broken.json.gz'), readFileSync(gz).subarray(0, 3000));
    writeFileSync(join(day, 'not-a-trail.json'), '{"hello": "world"}');
    const {pages, skips} = await collect([dir], filter(user));
    const all = [...plainRecords, ...recordsIn(gunzip(gz))].filter((r) => (r['userIdentity'] as {arn?: string}).arn === user.arn);
    const found = new Set(rowsOf(pages).map((r) => r.eventId));
    for (const r of all) expect(found).toContain(r['eventID']);
    expect(skips.some((s) => s.includes('broken.json.gz') && s.includes('gzip'))).toBe(true);
    expect(skips.some((s) => s.includes('not-a-trail.json') && s.includes('not a CloudTrail event'))).toBe(true);
    expect(pages.at(-1)?.progress).toMatch(/4 of 4 files read .*2 skipped/);
  });

  it('the window: only events at or after since and before until', async () => {
    const rows = rowsOf((await collect([plain], filter(user, {since: new Date('2023-07-10T11:58:10Z'), until: new Date('2023-07-10T11:58:11Z')}))).pages);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.time === '2023-07-10T11:58:10Z')).toBe(true);
  });

  it('stops at the limit', async () => {
    const rows = rowsOf((await collect([plain, gz], filter(user, {limit: 5}))).pages);
    expect(rows).toHaveLength(5);
  });

  it('a missing path alone: a TimelineError naming it, no exception of another kind', async () => {
    const missing = join(tmpdir(), 'no-such-trail.json');
    const error = await collect([missing], filter(user)).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(TimelineError);
    expect((error as TimelineError).kind).toBe('bad-input');
    expect((error as TimelineError).reason).toBe(`${missing}: not found`);
  });

  it('stopped half-way: ends with a cancelled TimelineError, having yielded fewer rows than a full search', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trailguide-timeline-abort-'));
    // Twenty copies, each a file of its own: the stop lands after the first.
    const text = readFileSync(plain, 'utf8');
    for (let i = 0; i < 20; i++) writeFileSync(join(dir, `f${String(i).padStart(2, '0')}.json.gz`), gzipSync(text.replaceAll('"eventID":"', `"eventID":"${i}-`)));
    const stopper = new AbortController();
    const rows: unknown[] = [];
    let error: unknown;
    try {
      for await (const page of createFilesEngine([dir]).search(filter(user), stopper.signal)) {
        rows.push(...page.rows);
        stopper.abort();
      }
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TimelineError);
    expect((error as TimelineError).kind).toBe('cancelled');
    const perFile = plainRecords.filter((r) => (r['userIdentity'] as {arn?: string}).arn === user.arn).length;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(perFile);
  });
});

function gunzip(path: string): string {
  return gunzipSync(readFileSync(path)).toString('utf8');
}
