// `trailguide scenarios --trainer`: the trainer notes (each scenario's solution) are printed only
// when asked for; without the flag the list carries the trainee's brief and no solution.
import {spawnSync} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {scenariosText} from '../../src/commands/scenarios.js';
import {scenarios} from '../../src/scenarios/index.js';

const bin = new URL('../../dist/trailguide.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'trailguide-trainer-'));
const sg = scenarios.find((s) => s.id === 'sg-default-ssh-in-default-vpc')!;
/** A phrase of the SSH scenario's trainer notes that gives its solution away. */
const solution = 'look for the AuthorizeSecurityGroupIngress';

function run(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1', XDG_STATE_HOME: join(dir, 'state')}, cwd: dir});
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('trailguide scenarios --trainer', () => {
  it('prints every scenario\'s trainer notes, in 80 columns', () => {
    const {code, stdout, stderr} = run(['scenarios', '--trainer']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Trainer notes');
    const notes = stdout.slice(stdout.indexOf('Trainer notes'));
    for (const scenario of scenarios) expect(oneLine(notes)).toContain(`${scenario.id} ${oneLine(scenario.summary)}`);
    for (const line of notes.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('without the flag, shows no solution', () => {
    const {code, stdout} = run(['scenarios']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('Trainer notes');
    expect(oneLine(stdout)).not.toContain(solution);
  });

  it('in JSON: the brief always, the trainer notes (summary) only with --trainer', () => {
    const plain = JSON.parse(scenariosText(scenarios, 'json')) as Array<Record<string, unknown>>;
    expect(plain.find((r) => r['id'] === sg.id)).toMatchObject({brief: sg.brief});
    expect(plain.every((r) => !('summary' in r))).toBe(true);
    const trainer = JSON.parse(scenariosText(scenarios, 'json', {trainer: true})) as Array<Record<string, unknown>>;
    expect(trainer.find((r) => r['id'] === sg.id)).toMatchObject({brief: sg.brief, summary: sg.summary});
  });
});
