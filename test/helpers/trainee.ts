// A trainee on the CLI track who knows only what the screens show: opens a training scenario, reads
// the event (once the Now panel has read the account), goes through the containment section running
// each read, takes every value a step needs from the pick list of what a read listed (the ★ rows it
// picks; never the scenario file or the sandbox), dry-runs each change, executes the ones it decided
// on by typing the ID the confirmation prompt shows, marks what it did (x) and skips what it did not
// (s), reaches the summary, writes the incident report (w) and looks at the event again (i). It
// records what it saw and did, so that a test can hold the screens and the report to it.
import {readFileSync} from 'node:fs';
import type {Harness} from './ink.js';
import {ENTER, ESC} from './keys.js';

/** A call the trainee made, as the status line reported it. */
export interface Call {
  readonly kind: 'read' | 'dry-run' | 'execute';
  /** The step's title, as the screen's title shows it. */
  readonly step: string;
  readonly operation: string;
  /** The verdict in words, without the timing ("read (changes nothing): RouteTables: 1"); for an execution, the status line. */
  readonly verdict: string;
}

/** A value taken from a pick list: the candidates the read listed, and the ones it had picked (★). */
export interface Pick {
  readonly step: string;
  readonly param: string;
  readonly listed: readonly string[];
  readonly picked: readonly string[];
}

/** Why a value a step asked for was not on any screen. */
export type NotOffered = 'nothing listed' | 'none likely' | 'typed only';

export interface Walk {
  /** The event screen as first read (the Now panel answered). */
  readonly event: string;
  /** The titles of the containment steps the trainee went through, with what it did: done (x) or skipped (s). */
  readonly steps: readonly {readonly title: string; readonly mark: 'done' | 'skipped'}[];
  readonly calls: readonly Call[];
  readonly picks: readonly Pick[];
  /** Values a step asked for that no screen offered, as "param (why)", once per parameter. */
  readonly notOffered: readonly string[];
  /** IDs typed to confirm an execution, as the prompt asked for them. */
  readonly confirmed: readonly string[];
  /** Every step frame that showed a read's answer table, by the read's operation. */
  readonly answers: readonly {readonly operation: string; readonly frame: string}[];
  /** The step frames right after each execution (its outcome and its check). */
  readonly executed: readonly string[];
  /** The summary screen (the debrief on top). */
  readonly summary: string;
  /** The event screen once the Now panel has read the account again after the walk. */
  readonly eventAfter: string;
  /** The incident report the summary's w wrote (Markdown). */
  readonly report: string;
}

/** The step the screen shows: its section and title, from the title line. */
export function stepOnScreen(frame: string): {readonly section: string; readonly title: string} | undefined {
  const m = /^trailguide · Step \d+ of \d+ · CLI · (Contain|Investigate|Harden) · (.*?)\s*$/m.exec(frame);
  return m ? {section: m[1] ?? '', title: m[2] ?? ''} : undefined;
}

const lines = (frame: string): string[] => frame.split('\n');
const hintBar = (frame: string): string => lines(frame).at(-1) ?? '';
const statusLine = (frame: string): string => (lines(frame).at(-2) ?? '').trimEnd();
/** The Now panel has read the account (or said why it could not). */
export const nowIsRead = (f: string): boolean => f.includes('trailguide · Event') && /from ec2:\w+ on the sandbox account|could not read the current state/.test(f);

/** The step's AWS call as the screen names it ("ec2:DeleteRoute — changes the account …"; a CloudTrail history read too). */
function callOnScreen(frame: string): {readonly operation: string; readonly isRead: boolean} | undefined {
  const m = /^(?:ec2|cloudtrail):(\w+) — (read-only|changes the account)/m.exec(frame);
  return m ? {operation: m[1] ?? '', isRead: m[2] === 'read-only'} : undefined;
}

/** The status line once a read or dry-run of `operation` has answered: its verdict, without the timing. */
function verdictOf(frame: string, operation: string): string | undefined {
  return new RegExp(`^sandbox · ${operation}: (.*) · \\d+ ms$`).exec(statusLine(frame))?.[1];
}

const canRun = (frame: string): boolean => /\bd (run the read|dry-run)\b/.test(hintBar(frame));

/** The lines of the prompt box under the screen, without its borders. */
function boxLines(frame: string): string[] {
  return lines(frame).flatMap((l) => {
    const m = /^[│║] (.*?) *[│║]$/.exec(l.trimEnd());
    return m ? [m[1] ?? ''] : [];
  });
}

interface Prompt {
  readonly param: string;
  readonly isPickList: boolean;
  readonly listed: readonly string[];
  readonly picked: readonly string[];
}

/** The pick list or value prompt on screen: which parameter, the candidates listed and the ones picked. */
function promptOnScreen(frame: string): Prompt | undefined {
  const box = boxLines(frame);
  const param = /^(\w+): /.exec(box[0] ?? '')?.[1];
  if (!param) return undefined;
  const rows = box.slice(1).flatMap((l) => {
    const m = /^(\[x\]|\[ \]|\(•\)|\( \)) [★ ] (\S+)/.exec(l);
    return m ? [{value: m[2] ?? '', picked: m[1] === '[x]' || m[1] === '(•)'}] : [];
  });
  const isPickList = box.some((l) => / listed by the read|nothing listed|the read listed no candidates/.test(l));
  return {param, isPickList, listed: rows.map((r) => r.value), picked: rows.filter((r) => r.picked).map((r) => r.value)};
}

export interface TraineeOptions {
  /** Operations the trainee decides to carry out (after their dry-run) in the containment section, in order. */
  readonly execute: readonly string[];
}

/** Go to the containment section (a failed call's walk investigates first: the trainee reads that step, then jumps). */
async function toContainment(app: Harness): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const frame = app.frame();
    if (stepOnScreen(frame)?.section === 'Contain') return;
    await app.pressAndWaitFor(']', (f) => f !== frame && stepOnScreen(f) !== undefined);
  }
  throw new Error(`no containment section:\n${app.frame()}`);
}

class Recorder {
  readonly steps: {title: string; mark: 'done' | 'skipped'}[] = [];
  readonly calls: Call[] = [];
  readonly picks: Pick[] = [];
  readonly notOffered = new Set<string>();
  readonly confirmed: string[] = [];
  readonly answers: {operation: string; frame: string}[] = [];
  readonly executed: string[] = [];
}

/**
 * Give the values the step's call still needs, each from the pick list of what a read listed, taking
 * the rows it picked (★). A value no screen offers is recorded and the prompt closed: the call stays unrun.
 */
async function giveValues(app: Harness, step: string, seen: Recorder): Promise<void> {
  const before = app.frame();
  let frame = await app.pressAndWaitFor('e', (f) => f !== before);
  for (let i = 0; i < 6; i++) {
    const prompt = promptOnScreen(frame);
    if (!prompt) return;
    const why: NotOffered | undefined = !prompt.isPickList ? 'typed only' : !prompt.listed.length ? 'nothing listed' : !prompt.picked.length ? 'none likely' : undefined;
    if (why) {
      seen.notOffered.add(`${prompt.param} (${why})`);
      await app.press(ESC);
      await app.waitFor((f) => promptOnScreen(f) === undefined);
      return;
    }
    seen.picks.push({step, param: prompt.param, listed: prompt.listed, picked: prompt.picked});
    await app.press(ENTER);
    frame = await app.waitFor((f) => promptOnScreen(f)?.param !== prompt.param);
  }
}

/** X, then type the ID the prompt asks for, Enter: the status line says how it went. */
async function execute(app: Harness, operation: string, seen: Recorder): Promise<string> {
  const frame = await app.pressAndWaitFor('X', (f) => /Type \S+ to confirm/.test(f) || statusLine(f).startsWith('sandbox · execute for real: '));
  const id = /Type (\S+) to confirm/.exec(frame)?.[1];
  if (!id) throw new Error(`X was refused on ${operation}: ${statusLine(frame)}`);
  seen.confirmed.push(id);
  await app.press(id, ENTER);
  const done = await app.waitFor((f) => new RegExp(`^sandbox · ${operation} (executed in the sandbox|failed: )`).test(statusLine(f)));
  seen.executed.push(done);
  return statusLine(done).replace(/^sandbox · /, '');
}

/** One containment step: run its call if the screens give all it needs, execute it if decided; then x or s. */
async function playStep(app: Harness, title: string, toExecute: string[], seen: Recorder): Promise<void> {
  const call = callOnScreen(app.frame());
  let isDone = call === undefined;
  if (call) {
    if (!canRun(app.frame())) await giveValues(app, title, seen);
    if (canRun(app.frame())) {
      await app.press('d');
      const answered = await app.waitFor((f) => verdictOf(f, call.operation) !== undefined);
      seen.calls.push({kind: call.isRead ? 'read' : 'dry-run', step: title, operation: call.operation, verdict: verdictOf(answered, call.operation) ?? ''});
      if (answered.includes('Answer ·')) seen.answers.push({operation: call.operation, frame: answered});
      isDone = call.isRead;
      if (!call.isRead && toExecute[0] === call.operation) {
        toExecute.shift();
        seen.calls.push({kind: 'execute', step: title, operation: call.operation, verdict: await execute(app, call.operation, seen)});
        isDone = true;
      }
    }
  }
  // A value given shows in the title now ("Detach the interface (attachment eni-attach-…)").
  const shown = stepOnScreen(app.frame())?.title ?? title;
  seen.steps.push({title: shown, mark: isDone ? 'done' : 'skipped'});
  await app.press(isDone ? 'x' : 's');
  await app.waitFor((f) => stepOnScreen(f)?.title !== shown || f.includes('trailguide · Summary'));
}

/** The walk, from the event screen of the scenario just opened to the report and the event seen again. */
export async function walkAsTrainee(app: Harness, options: TraineeOptions): Promise<Walk> {
  const event = await app.waitFor(nowIsRead);
  await app.pressAndWaitFor(ENTER, 'How do you want');
  await app.pressAndWaitFor('2', 'Step 1 of');
  await toContainment(app);
  const seen = new Recorder();
  const toExecute = [...options.execute];
  for (let step = stepOnScreen(app.frame()); step?.section === 'Contain'; step = stepOnScreen(app.frame())) {
    await playStep(app, step.title, toExecute, seen);
  }
  if (toExecute.length) throw new Error(`never executed ${toExecute.join(', ')}: the screens did not let the trainee`);
  const summary = await app.pressAndWaitFor('G', 'Debrief (training sandbox)');
  const written = await app.pressAndWaitFor('w', (f) => /incident report written to \S+/.test(f));
  const report = readFileSync(/incident report written to (\S+)/.exec(written)?.[1] ?? '', 'utf8');
  const eventAfter = await app.pressAndWaitFor('i', nowIsRead);
  return {
    event, steps: seen.steps, calls: seen.calls, picks: seen.picks, notOffered: [...seen.notOffered], confirmed: seen.confirmed,
    answers: seen.answers, executed: seen.executed, summary, eventAfter, report,
  };
}
