// The terminal-escape injection campaign on the screens (issue 6): every field of every fixture record
// (test/helpers/hostile-records.ts) carries an escape sequence, a C1 control, \r, \b, BEL, NUL, DEL or a
// bidi/format character (test/helpers/escape-payloads.ts), and the app is walked through every screen with
// real keys. No raw control character may reach the terminal, and every field the screen shows when it is
// harmless must still be shown, with its control characters as visible escapes.
// A run covers each field with one payload (rotating, so the fields of a record meet many payloads);
// TRAILGUIDE_LONG=1 covers each field with every payload.
import chalk from 'chalk';
import {beforeAll, describe, expect, it} from 'vitest';
import {parseRecord} from '../../src/events/parse-record.js';
import {noColorTheme} from '../../src/ui/theme.js';
import type {Candidate} from '../../src/walkthrough/state.js';
import {payloads, rawControlsIn} from '../helpers/escape-payloads.js';
import {baseRecords, campaignRecords, variant, type BaseRecord, type Group} from '../helpers/hostile-records.js';
import {hiddenOrRaw} from '../helpers/inert-output.js';
import {renderApp} from '../helpers/ink.js';
import {walkScreens, type Track} from '../helpers/screen-walk.js';

// With colour codes off, Ink writes no escape sequence of its own: every ESC in a frame came from the data,
// and nothing needs stripping before the check (stripping SGR would also strip an attacker's SGR).
beforeAll(() => {
  chalk.level = 0;
});

const isLong = process.env['TRAILGUIDE_LONG'] === '1';
const offsets = isLong ? payloads.map((_p, i) => i) : [0];
const tracks: readonly Track[] = ['1', '2', '3'];

function candidate(id: string, raw: unknown): Candidate {
  return {id, record: parseRecord(raw, 'test', id)};
}

/** The picker holds the hostile record between two harmless ones of other events. */
function candidatesFor(base: BaseRecord, raw: unknown): Candidate[] {
  const others = baseRecords.filter((b) => b.eventName !== base.eventName);
  const [before, after] = [others[0], others.at(-1)];
  if (!before || !after) throw new Error('need fixtures of other events');
  return [candidate('before', before.raw), candidate('hostile', raw), candidate('after', after.raw)];
}

async function walk(base: BaseRecord, raw: unknown, track: Track | undefined) {
  const app = await renderApp(candidatesFor(base, raw), {theme: noColorTheme, size: {columns: 160, rows: 100}});
  try {
    const shots = await walkScreens(app, track);
    return {shots, raw: app.rawFrames().join('\n'), copied: app.copied};
  } finally {
    app.unmount();
  }
}

/** The frame without layout (spaces, line breaks, box borders), so a value wrapped over lines reads as one. */
const joined = (frame: string): string => frame.replace(/[\s│─┌┐└┘╭╮╰╯]/g, '');

interface Case {
  readonly base: BaseRecord;
  readonly group: Group;
  readonly offset: number;
  readonly track: Track;
}

const cases: Case[] = campaignRecords().flatMap((base, b) =>
  (['fields', 'event'] as const)
    // A changed event name ends the walk at the event screen: one record per event name is enough.
    .filter((group) => group !== 'event' || base.name.endsWith('/failed'))
    .flatMap((group) => offsets.map((offset) => ({base, group, offset, track: tracks[(b + offset) % tracks.length] ?? '2'}))),
);

/** The baseline walk of a record's group (markers, no payload): the same whatever the rotation, so walked once. */
const baselines = new Map<string, ReturnType<typeof walk>>();
function baselineWalk(base: Case['base'], group: Case['group']): ReturnType<typeof walk> {
  const key = `${base.name} ${group}`;
  let found = baselines.get(key);
  if (found === undefined) {
    found = walk(base, variant(base, group, 0, true).raw, undefined);
    baselines.set(key, found);
  }
  return found;
}

describe.each(cases)('$base.name, $group fields, payload rotation $offset', ({base, group, offset, track}) => {
  it('shows every field inertly and visibly on every screen', async () => {
    const hostile = variant(base, group, offset);
    // The baseline ends after the value prompt; the hostile walk goes on through every step of a track to the summary.
    const before = await baselineWalk(base, group);
    const after = await walk(base, hostile.raw, track);

    expect(rawControlsIn(after.raw), 'raw control characters reached the terminal').toEqual([]);
    for (const text of after.copied) expect(rawControlsIn(text), 'raw control characters reached the clipboard').toEqual([]);
    expect(after.shots.slice(0, before.shots.length).map((s) => s.screen)).toEqual(before.shots.map((s) => s.screen));
    const shown = hostile.fields.filter((f) => before.shots.some((s) => s.frame.includes(f.marker)));
    expect(shown.length, 'no field of the group is shown anywhere').toBeGreaterThan(0);
    const missing = after.shots.flatMap((shot, i) => {
      const baselineShot = before.shots[i];
      return hiddenOrRaw(hostile.fields, joined(shot.frame), baselineShot && joined(baselineShot.frame), shot.screen);
    });
    expect(missing, 'fields shown when harmless but not shown escaped when hostile').toEqual([]);
  });
});
