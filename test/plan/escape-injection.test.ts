// The terminal-escape injection campaign on `trailguide plan` (issue 6): every field of every fixture
// record carries a payload (each field meets every payload across the rotations), on every track, as
// Markdown and as JSON. Markdown shows each field escaped; JSON stays valid, inert and lossless.
import {describe, expect, it} from 'vitest';
import {planCommand} from '../../src/commands/plan.js';
import {parseRecord} from '../../src/events/parse-record.js';
import {tracks} from '../../src/runbooks/tracks.js';
import {payloads} from '../helpers/escape-payloads.js';
import {campaignRecords, variant, type BaseRecord, type Group} from '../helpers/hostile-records.js';
import {jsonProblems, textProblems} from '../helpers/inert-output.js';

async function plan(raw: unknown, track: (typeof tracks)[number], format: 'md' | 'json'): Promise<string> {
  let text = '';
  await planCommand({candidates: [{id: '0', record: parseRecord(raw, 'test', '0')}], source: 'test', warnings: []}, {track, format}, (t) => {
    text += t;
  });
  return text;
}

const rotations = payloads.map((_p, i) => i);
const cases = campaignRecords().flatMap((base) => (['fields', 'event'] as const).map((group) => ({base, group})));

describe.each(cases)('plan of $base.name, $group fields', ({base, group}: {base: BaseRecord; group: Group}) => {
  it.each(tracks)('on the %s track shows every field escaped (md) and keeps it exactly (json), with every payload', async (track) => {
    const problems: string[] = [];
    // The baseline (markers, no payload) is the same record whatever the rotation: its plans are made once.
    const baseline = variant(base, group, 0, true);
    const baselineMd = await plan(baseline.raw, track, 'md');
    const baselineJson = await plan(baseline.raw, track, 'json');
    for (const offset of rotations) {
      const hostile = variant(base, group, offset);
      problems.push(...textProblems(hostile.fields, await plan(hostile.raw, track, 'md'), baselineMd, `md (rotation ${offset})`));
      problems.push(...jsonProblems(hostile.fields, await plan(hostile.raw, track, 'json'), baselineJson, `json (rotation ${offset})`));
    }
    expect(problems).toEqual([]);
  });
});

// Values that bind into actions have patterns (IDs, CIDRs, Regions): one with a control character is refused
// and the command shows a placeholder, so no hostile byte is ever part of a command to copy and run.
describe.each(campaignRecords())('commands in the plan of $name', (base) => {
  it('hold no value with a payload: the CLI, Python and JavaScript show placeholders instead', async () => {
    const hostile = variant(base, 'fields', 0);
    const parsed = JSON.parse(await plan(hostile.raw, 'cli', 'json')) as {steps: {action?: {cli: string; python: string; javascript: string}; missing: string[]}[]};
    const commands = parsed.steps.flatMap((step) => (step.action ? [step.action.cli, step.action.python, step.action.javascript] : []));
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) expect(hostile.fields.filter((f) => command.includes(f.marker)).map((f) => f.name), command).toEqual([]);
    expect(parsed.steps.some((step) => step.missing.length > 0), 'a refused value makes a step ask for it').toBe(true);
  });
});
