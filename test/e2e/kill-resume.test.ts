// Crash safety, proven on the shipped binary: drive a training session in a real terminal, SIGKILL it
// at awkward moments, then `trailguide resume` in a new terminal and read the screen. Whatever the
// screen had shown as recorded must come back (step, marks, dry-runs, executions, saved notes);
// what was never recorded (an unsaved note) must not. The journal must stay one JSON object a line.
import {spawnSync} from 'node:child_process';
import {appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {spawnInTerminal, type TerminalRun} from '../helpers/pty.js';
import {createSandboxExecutor} from '../../src/aws/sandbox/executor.js';
import {seedFor} from '../helpers/seed.js';
import {scenarioList} from '../helpers/candidates.js';

const bin = new URL('../../dist/trailguide.js', import.meta.url).pathname;
const size = {cols: 120, rows: 40};
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, {recursive: true, force: true});
});

function stateDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'trailguide-kill-'));
  dirs.push(dir);
  return dir;
}

interface Line {
  readonly type: string;
  readonly session: string;
  readonly stepId?: string;
  readonly status?: string;
  readonly text?: string;
  readonly name?: string;
  readonly value?: string;
}

/** The state dir's only session file, every line parsed (a line that is not JSON fails the test). */
function journal(dir: string, torn?: string): {path: string; id: string; lines: Line[]} {
  const sessions = join(dir, 'sessions');
  const files = readdirSync(sessions).filter((name) => name.endsWith('.jsonl'));
  expect(files).toHaveLength(1);
  const path = join(sessions, files[0]!);
  const text = readFileSync(path, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  const raw = text.slice(0, -1).split('\n');
  // A torn line left by a kill is the one line allowed not to be JSON, and only as itself (never glued to the next).
  if (torn !== undefined) expect(raw.filter((line) => line === torn)).toHaveLength(1);
  const lines = raw
    .filter((line) => line !== torn)
    .map((line, i) => {
      try {
        return JSON.parse(line) as Line;
      } catch {
        throw new Error(`${path}: line ${i + 1} is not JSON: ${line}`);
      }
    });
  expect(lines[0]?.type).toBe('session-start');
  return {path, id: files[0]!.slice(0, -'.jsonl'.length), lines};
}

/** Appends half a JSON line to the session file, as a kill in the middle of a write would leave it. */
function tear(dir: string): {path: string; id: string; torn: string; tornLine: number} {
  const {path, id, lines} = journal(dir);
  const line = JSON.stringify({v: 1, at: new Date().toISOString(), session: id, type: 'step', stepId: 'find-group-users', status: 'done'});
  const torn = line.slice(0, Math.floor(line.length / 2));
  appendFileSync(path, torn);
  return {path, id, torn, tornLine: lines.length + 1};
}

/** A new session of the first training scenario (SSH open in the default VPC), on the CLI track, at step 1. */
async function startSession(dir: string): Promise<TerminalRun> {
  const run = spawnInTerminal(process.execPath, [bin, '--state-dir', dir], size);
  await run.waitFor('training sandbox: actions run on a simulated account');
  run.type('\r');
  await run.waitFor('CRITICAL');
  run.type('\r');
  await run.waitFor('How do you want to remediate');
  run.type('2');
  await run.waitFor('Step 1 of 33');
  return run;
}

/** Marks steps 1 and 2 done, waiting for each move, and lands on step 3. */
async function markTwo(run: TerminalRun): Promise<void> {
  run.type('x');
  await run.waitFor('Step 2 of 33');
  run.type('x');
  await run.waitFor('Step 3 of 33');
}

/** `trailguide resume` in a new terminal, once it shows the resumed session. */
async function resume(dir: string, id: string): Promise<{run: TerminalRun; screen: string}> {
  const run = spawnInTerminal(process.execPath, [bin, 'resume', '--state-dir', dir], size);
  const screen = await run.waitFor(`resumed session ${id}`);
  return {run, screen};
}

/** Goes back one step with ← and returns the screen once it shows `step`. */
async function back(run: TerminalRun, step: string): Promise<string> {
  run.type('\u001B[D');
  return run.waitFor(step);
}

/** Steps 1 and 2 show their marks when the resumed walkthrough goes back to them. */
async function expectTwoMarked(run: TerminalRun): Promise<void> {
  expect(await back(run, 'Step 2 of 33')).toContain('✓ marked done');
  expect(await back(run, 'Step 1 of 33')).toContain('✓ marked done');
}

const dryRunLine = 'Read in the sandbox (changes nothing): ec2:DescribeNetworkInterfaces';
// Step 3 is a read: its verdict says what it read.
const verdict = 'read (changes nothing): NetworkInterfaces:';

describe('SIGKILL, then trailguide resume', () => {
  it('mid-walkthrough: lands on step 3 with steps 1 and 2 marked done', async () => {
    const dir = stateDir();
    const run = await startSession(dir);
    try {
      await markTwo(run);
      await run.crash();
    } finally {
      run.kill();
    }
    const {id, lines} = journal(dir);
    expect(lines.filter((l) => l.type === 'step' && l.status === 'done').map((l) => l.stepId)).toEqual(['describe-group', 'list-group-rules']);
    expect(lines.at(-1)).toMatchObject({type: 'step', stepId: 'find-group-users', status: 'shown'});
    const {run: again, screen} = await resume(dir, id);
    try {
      expect(screen).toContain('Step 3 of 33 · CLI · Contain · Find what uses the group');
      expect(screen).not.toContain('✓ marked done');
      await expectTwoMarked(again);
    } finally {
      again.kill();
    }
  });

  it('once the dry-run verdict is on screen: it comes back on its step', async () => {
    const dir = stateDir();
    const run = await startSession(dir);
    try {
      await markTwo(run);
      run.type('d');
      await run.waitFor(verdict);
      await run.crash();
    } finally {
      run.kill();
    }
    const {id, lines} = journal(dir);
    expect(lines.filter((l) => l.type === 'dry-run').map((l) => l.stepId)).toEqual(['find-group-users']);
    const {run: again, screen} = await resume(dir, id);
    try {
      expect(screen).toContain('Step 3 of 33');
      expect(screen).toContain(dryRunLine);
      expect(screen).toContain(verdict);
      // On its own step only.
      const previous = await back(again, 'Step 2 of 33');
      expect(previous).toContain('✓ marked done');
      expect(previous).not.toContain(verdict);
    } finally {
      again.kill();
    }
  });

  it('the instant after d: what the screen had shown is on disk, and resume shows what is on disk', async () => {
    const dir = stateDir();
    const run = await startSession(dir);
    let before: string;
    try {
      await markTwo(run);
      run.type('d');
      await run.crash();
      before = run.screen();
    } finally {
      run.kill();
    }
    const {id, lines} = journal(dir);
    const recorded = lines.some((l) => l.type === 'dry-run' && l.stepId === 'find-group-users');
    // Written and flushed before it is drawn: a verdict that reached the terminal is in the journal.
    if (before.includes(verdict)) expect(recorded).toBe(true);
    const {run: again, screen} = await resume(dir, id);
    try {
      expect(screen).toContain('Step 3 of 33');
      if (recorded) expect(screen).toContain(verdict);
      else expect(screen).not.toContain(dryRunLine);
      await expectTwoMarked(again);
    } finally {
      again.kill();
    }
  });

  it('with the note overlay open: the saved note comes back, the unsaved words do not', async () => {
    const dir = stateDir();
    const run = await startSession(dir);
    try {
      await markTwo(run);
      run.type('n');
      await run.waitFor('Enter save note');
      run.type('kept note');
      await run.waitFor('kept note');
      run.type('\r');
      await run.waitFor('note saved');
      // Open it again (the draft starts from the saved note) and type more, never saved.
      run.type('n');
      await run.waitFor('Enter save note');
      run.type(' plus unsaved words');
      await run.waitFor('kept note plus unsaved words');
      await run.crash();
    } finally {
      run.kill();
    }
    const {id, lines} = journal(dir);
    expect(lines.filter((l) => l.type === 'note')).toMatchObject([{stepId: 'find-group-users', text: 'kept note'}]);
    const {run: again, screen} = await resume(dir, id);
    try {
      expect(screen).toContain('Step 3 of 33');
      expect(screen).toMatch(/Your note +kept note/);
      expect(screen).not.toContain('unsaved words');
      expect(screen).not.toContain('Enter save note');
      await expectTwoMarked(again);
    } finally {
      again.kill();
    }
  });

  it('after a sandbox execution: the step shows its result, the outcome is known, the marks are there', async () => {
    const sg = scenarioList.find((c) => c.id === 'sg-default-ssh-in-default-vpc')!;
    const sandbox = createSandboxExecutor(seedFor(sg.id, sg.record));
    const rules = await sandbox.read({service: 'ec2', operation: 'DescribeSecurityGroupRules', params: {Filters: [{Name: 'group-id', Values: ['sg-0123456789abcdef0']}]}}, {region: 'us-east-1'});
    const ruleId = (rules.ok ? (rules.output as {SecurityGroupRules: Array<{SecurityGroupRuleId: string; IsEgress: boolean}>}).SecurityGroupRules : []).find((r) => !r.IsEgress)!.SecurityGroupRuleId;
    const dir = stateDir();
    const run = await startSession(dir);
    try {
      await markTwo(run);
      run.type('x');
      await run.waitFor('Step 4 of 33');
      run.type('e');
      await run.waitFor('securityGroupRuleIds:');
      run.type(ruleId);
      run.type('\r');
      await run.waitFor(`--security-group-rule-ids ${ruleId}`);
      run.type('X');
      await run.waitFor('Type sg-0123456789abcdef0 to confirm');
      run.type('sg-0123456789abcdef0');
      await run.waitFor('to confirm: sg-0123456789abcdef0');
      run.type('\r');
      await run.waitFor('Executed in the sandbox: done');
      await run.crash();
    } finally {
      run.kill();
    }
    const {id, lines} = journal(dir);
    const stepId = lines.find((l) => l.type === 'execute-start')?.stepId;
    expect(stepId).toBeDefined();
    expect(lines.filter((l) => l.type === 'execute').map((l) => l.stepId)).toEqual([stepId]);
    expect(lines.filter((l) => l.type === 'answer')).toMatchObject([{name: 'securityGroupRuleIds', value: ruleId}]);
    const {run: again, screen} = await resume(dir, id);
    try {
      expect(screen).toContain('Step 4 of 33');
      expect(screen).toContain(`--security-group-rule-ids ${ruleId}`);
      expect(screen).toContain('Executed in the sandbox: done');
      expect(screen).not.toContain('outcome unknown');
      // The fresh sandbox is brought back to what the session did there: the objective is met again.
      expect(await again.waitFor('Objectives 1/1')).toContain('✓ Close SSH (22) to the internet');
      expect(await back(again, 'Step 3 of 33')).toContain('✓ marked done');
      await expectTwoMarked(again);
    } finally {
      again.kill();
    }
  });

  it('with a torn last line (killed mid-write): resume keeps everything before it, and goes on from there', async () => {
    const dir = stateDir();
    const run = await startSession(dir);
    try {
      await markTwo(run);
      run.type('d');
      await run.waitFor(verdict);
      await run.crash();
    } finally {
      run.kill();
    }
    const {id, torn, tornLine} = tear(dir);

    const first = await resume(dir, id);
    try {
      expect(first.screen).toContain('Step 3 of 33');
      expect(first.screen).not.toContain('✓ marked done'); // the torn "done" never made it
      expect(first.screen).toContain(verdict);
      first.run.type('x');
      await first.run.waitFor('Step 4 of 33');
      await first.run.crash();
    } finally {
      first.run.kill();
    }
    // Resume started a new line after the torn one: that line stays the only casualty.
    const {lines} = journal(dir, torn);
    // (The findings and the account's state as shown on resume are journaled too: only the steps are compared.)
    expect(lines.slice(tornLine - 1).filter((l) => l.type === 'step')).toMatchObject([
      {type: 'step', stepId: 'find-group-users', status: 'shown'},
      {type: 'step', stepId: 'find-group-users', status: 'done'},
      {type: 'step', stepId: 'revoke-open-ingress', status: 'shown'},
    ]);
    // Killed again after the torn line: the second resume has the first resume's work too.
    const second = await resume(dir, id);
    try {
      expect(second.screen).toContain('Step 4 of 33');
      const third = await back(second.run, 'Step 3 of 33');
      expect(third).toContain('✓ marked done');
      expect(third).toContain(verdict);
      await expectTwoMarked(second.run);
    } finally {
      second.run.kill();
    }
  });

  it('with a torn last line: trailguide sessions warns on stderr, naming the file and the line', async () => {
    const dir = stateDir();
    const run = await startSession(dir);
    try {
      await markTwo(run);
      await run.crash();
    } finally {
      run.kill();
    }
    const {path, id, tornLine} = tear(dir);
    for (const format of ['json', 'md']) {
      const listed = spawnSync(process.execPath, [bin, 'sessions', '--state-dir', dir, '--format', format], {encoding: 'utf8'});
      expect(listed.status).toBe(0);
      expect(listed.stdout).toContain(id);
      if (format === 'json') expect(JSON.parse(listed.stdout)).toMatchObject([{id, ended: false, stepsDone: 2}]);
      expect(listed.stderr).toContain(`${path}: line ${tornLine}: the last line is cut short`);
    }
  });

  // Clearing a note (n, erase it, Enter) is journaled as an empty note: resume does not bring it back.
  it('after a note was removed: resume does not bring it back', async () => {
    const dir = stateDir();
    const run = await startSession(dir);
    const text = 'tempnote'; // no spaces: each shorter draft below is told apart on screen
    try {
      await markTwo(run);
      run.type('n');
      await run.waitFor('Enter save note');
      run.type(text);
      await run.waitFor(text);
      run.type('\r');
      await run.waitFor('note saved');
      run.type('n');
      await run.waitFor(`│ ${text} `);
      // One Backspace at a time, each seen on screen (keys sent together may arrive as one chunk).
      for (let n = text.length - 1; n > 0; n--) {
        run.type('\u007F');
        await run.waitFor(`│ ${text.slice(0, n)} `);
      }
      run.type('\u007F');
      await run.waitFor(`\n│${' '.repeat(size.cols - 2)}│\n`); // the draft line, empty
      run.type('\r');
      const removed = await run.waitFor('note removed');
      expect(removed).not.toContain(text);
      await run.crash();
    } finally {
      run.kill();
    }
    const {id} = journal(dir);
    const again = await resume(dir, id);
    try {
      expect(again.screen).toContain('Step 3 of 33');
      expect(again.screen).not.toContain(text);
    } finally {
      again.run.kill();
    }
  });
});
