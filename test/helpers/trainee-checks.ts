// What a trainee's walk of a built-in scenario must show (test/helpers/trainee.ts walks it): the table
// of expectations per scenario lives in each test file (test/screens/trainee-walks-*.test.tsx); the
// checks here hold the screens, the debrief, the event seen again and the incident report of the
// session (journaled to a temporary folder) to what the trainee did and to what the table says.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {expect} from 'vitest';
import {createSessionJournal} from '../../src/app/session-journal.js';
import {trainingSandbox} from '../../src/app/training-sandbox.js';
import {noColorTheme} from '../../src/ui/theme.js';
import {scenario, scenarioList} from './candidates.js';
import {rawControlsIn} from './escape-payloads.js';
import {renderApp} from './ink.js';
import {walkAsTrainee, type Walk} from './trainee.js';

/** The runbooks of each test file: together, every built-in scenario's event. */
export const families = {
  groups: ['CreateSecurityGroup', 'CreateNetworkInterface'],
  networks: ['CreateVpcPeeringConnection', 'AcceptVpcPeeringConnection', 'AssociateVpcCidrBlock', 'CreateRoute'],
  gateways: ['CreateInternetGateway', 'AttachInternetGateway', 'DetachInternetGateway', 'DeleteInternetGateway'],
  sharing: ['ModifySnapshotAttribute', 'ModifyImageAttribute'],
  flowLogs: ['DeleteFlowLogs'],
  networkAcls: ['CreateNetworkAclEntry', 'ReplaceNetworkAclEntry', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclAssociation'],
  rules: ['AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress', 'ModifySecurityGroupRules'],
  mirrors: ['CreateTrafficMirrorSession', 'CreateTrafficMirrorTarget', 'CreateTrafficMirrorFilterRule'],
  routes: ['ReplaceRoute', 'CreateRouteTable', 'ReplaceRouteTableAssociation', 'DisassociateRouteTable'],
} as const;

/** The built-in scenarios of a family, by id. */
export function scenariosOf(family: keyof typeof families): string[] {
  const events: readonly string[] = families[family];
  return scenarioList.filter((c) => events.includes(c.record.eventName)).map((c) => c.id);
}

/** A scenario's table row names its kind right, and every built-in scenario belongs to a family. */
export function checkTable(family: keyof typeof families, table: Readonly<Record<string, Expected>>): void {
  const all: readonly string[] = Object.values(families).flat();
  expect(scenarioList.filter((c) => !all.includes(c.record.eventName)).map((c) => c.id), 'scenarios no test file walks').toEqual([]);
  expect(Object.keys(table).sort()).toEqual(scenariosOf(family).sort());
  for (const id of Object.keys(table)) expect(table[id]?.kind, id).toBe(scenario(id).kind);
}

export interface Expected {
  readonly kind: 'risky' | 'benign' | 'failed' | 'hostile';
  /** What the event screen shows that the trainee must notice before going on. */
  readonly notice: readonly RegExp[];
  /** The changes the trainee decides to carry out, in order (their dry-run first); none for a benign, failed or hostile event. */
  readonly execute: readonly string[];
  /** Per parameter, what the answer row of each value the pick list had picked (★) says: the trainee took the right one. */
  readonly picked?: Readonly<Record<string, RegExp>>;
  /** Values a step asked for that no screen offered (and why that is right), as "param (why)". */
  readonly notOffered: readonly string[];
  /** Verdicts the trainee saw on the status line, as "Operation: verdict" (a prefix). */
  readonly saw?: readonly string[];
  /** What the last answer of a read (by operation) shows, or no longer shows, once the trainee is through. */
  readonly lastAnswer?: Readonly<Record<string, {readonly shows?: RegExp; readonly lacks?: RegExp}>>;
  /** Titles of findings the event screen shows as resolved at the end. */
  readonly resolved: readonly RegExp[];
}

/** Open the scenario alone, journaled, in the sandbox, colours off (any escape byte in a frame is a leak), and walk it. */
export async function walkScenario(id: string, want: Expected): Promise<Walk> {
  const candidate = scenario(id);
  const root = mkdtempSync(join(tmpdir(), 'trailguide-trainee-'));
  const problems: string[] = [];
  const journal = createSessionJournal({dir: join(root, 'sessions'), clock: () => new Date(), operator: 'trainee@host', onError: (m) => problems.push(m)});
  const app = await renderApp([candidate], {theme: noColorTheme, size: {columns: 200, rows: 64}, services: {journal, sandboxFor: trainingSandbox([candidate])}});
  try {
    const done = await walkAsTrainee(app, {execute: want.execute});
    const leaks = app.rawFrames().flatMap((raw) => rawControlsIn(raw.replace(/\u001B\[[0-9;]*m/g, '')));
    expect(leaks, 'raw control characters reached the terminal').toEqual([]);
    expect(problems, 'journal problems').toEqual([]);
    return done;
  } finally {
    app.unmount();
    rmSync(root, {recursive: true, force: true});
  }
}

const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const kebab = (operation: string): string => operation.replace(/[A-Z]/g, (c, at: number) => `${at ? '-' : ''}${c.toLowerCase()}`);

/** The Commands section of the report: kind, step, verdict and command of each call, in order. */
function reportCommands(report: string): {kind: string; verdict: string; command: string}[] {
  return [...report.matchAll(/^\*\*\+[\d:]+\*\* (dry-run|read|executed), step `[\w-]+` → \*\*(.*)\*\*\n\n```sh\n(.*)\n/gm)].map((m) => ({kind: m[1] ?? '', verdict: m[2] ?? '', command: m[3] ?? ''}));
}

/** The walk against the table, the summary and the report. */
export function checkWalk(id: string, want: Expected, w: Walk): void {
  for (const notice of want.notice) expect(w.event, `the event screen shows ${notice.source}`).toMatch(notice);

  // Values: only what a pick list had picked, and each the row the table says.
  for (const [param, row] of Object.entries(want.picked ?? {})) {
    const picks = w.picks.filter((p) => p.param === param);
    expect(picks.length, `${param} was offered by a pick list`).toBeGreaterThan(0);
    for (const value of picks.flatMap((p) => p.picked)) {
      const line = w.answers.flatMap((a) => a.frame.split('\n')).find((l) => l.includes(value));
      expect(line, `${value} (${param}) is on a row of a read's answer`).toBeDefined();
      expect(line).toMatch(row);
    }
  }
  expect(w.picks.map((p) => p.param).filter((p) => !(p in (want.picked ?? {}))), 'values picked that the table does not expect').toEqual([]);
  expect([...w.notOffered].sort()).toEqual([...want.notOffered].sort());

  // The calls: every read answered; what the trainee saw; executions done, confirmed with the ID the prompt asked for.
  for (const call of w.calls.filter((c) => c.kind === 'read')) expect(call.verdict, `${call.operation} answered`).toMatch(/^read \(changes nothing\): /);
  const said = w.calls.map((c) => `${c.operation}: ${c.verdict}`);
  for (const text of want.saw ?? []) expect(said.some((s) => s.startsWith(text)), `saw ${text} in:\n${said.join('\n')}`).toBe(true);
  const executions = w.calls.filter((c) => c.kind === 'execute');
  expect(executions.map((c) => c.operation)).toEqual(want.execute);
  for (const call of executions) expect(call.verdict).toMatch(new RegExp(`^${call.operation} executed in the sandbox`));
  expect(w.confirmed).toHaveLength(want.execute.length);
  for (const frame of w.executed) {
    expect(frame).toContain('Executed in the sandbox: done');
    expect(frame).toMatch(/Check \(\w+\): ✓/);
  }
  for (const [operation, {shows, lacks}] of Object.entries(want.lastAnswer ?? {})) {
    const last = w.answers.filter((a) => a.operation === operation).at(-1)?.frame;
    expect(last, `a ${operation} answer was shown`).toBeDefined();
    const table = last?.slice(last.indexOf('Answer ·'), last.indexOf('Look for')) ?? '';
    if (shows) expect(table).toMatch(shows);
    if (lacks) expect(table).not.toMatch(lacks);
  }

  // The event seen again: the findings the trainee resolved, and nothing else when it changed nothing.
  for (const title of want.resolved) expect(w.eventAfter, `resolved: ${title.source}`).toMatch(new RegExp(`✓ resolved +${title.source}`));
  if (!want.resolved.length) expect(w.eventAfter).not.toContain('✓ resolved');

  // The debrief: contained, every objective met, the changes made, no mistakes.
  const changes = want.execute.length;
  const head = /Debrief \(training sandbox\): (\d+) of (\d+) findings resolved · (\d+) changes? made · (\d+) mistakes?/.exec(w.summary);
  expect(head, 'the debrief line').not.toBeNull();
  expect(Number(head?.[1])).toBeGreaterThanOrEqual(want.resolved.length);
  if (!want.resolved.length) expect(Number(head?.[1])).toBe(0);
  expect(Number(head?.[3])).toBe(changes);
  expect(Number(head?.[4])).toBe(0);
  expect(w.summary).toContain('✓ contained');
  expect(w.summary).toContain('✓ objective met: ');
  expect(w.summary).not.toContain('objective not met');
  // The summary's steps: the containment steps as marked, each execution with its outcome and check.
  expect(w.summary).toMatch(new RegExp(`^Calls: (\\d+ reads? · )?\\d+ dry-runs? · ${changes ? `${changes} executed` : 'nothing executed'} *$`, 'm'));
  for (const call of executions) expect(w.summary).toContain(`executed ${call.operation}: succeeded`);
  expect(w.summary.match(/check \w+: intended state reached/g) ?? []).toHaveLength(changes);
  for (const step of w.steps) expect(w.summary, `${step.title} is ${step.mark}`).toMatch(new RegExp(`^[✓↷] +\\d+ ${step.mark} +${literal(step.title)}`, 'm'));

  // The report tells the same story: the calls in order with their verdicts, the executions with their
  // outcome, the steps marked, the findings resolved and the debrief.
  const r = w.report;
  expect(r).toContain(`scenario \`${id}\``);
  const commands = reportCommands(r);
  expect(commands.map((c) => c.kind), 'the report lists each call, in order').toEqual(w.calls.map((c) => (c.kind === 'execute' ? 'executed' : c.kind)));
  // What each read returned is in the report, as the step showed it.
  const reads = w.calls.filter((c) => c.kind === 'read').length;
  expect((r.match(/^What it read \(/gm) ?? []).length + (r.match(/^What it read: no /gm) ?? []).length, 'the report shows what each read returned').toBe(reads);
  w.calls.forEach((call, i) => {
    const row = commands[i];
    expect(row?.command).toMatch(new RegExp(`^aws ec2 ${kebab(call.operation)} `));
    expect(row?.verdict).toBe(call.kind === 'execute' ? 'succeeded' : call.verdict);
  });
  for (const pick of w.picks) for (const value of pick.picked) expect(r, `the report shows the value picked: ${value}`).toContain(value);
  for (const value of w.confirmed) expect(commands.some((c) => c.kind === 'executed' && c.command.includes(value)), `an executed command acts on ${value}`).toBe(true);
  expect(r).toContain(`${changes} execution${changes === 1 ? '' : 's'}`);
  const done = /^## Done\n\n((?:- .*\n)+)/m.exec(r)?.[1] ?? '';
  for (const step of w.steps) {
    if (step.mark === 'done') expect(done, `the report's Done lists ${step.title}`).toContain(step.title);
    else expect(done).not.toContain(` ${step.title}\n`);
  }
  for (const title of want.resolved) expect(r).toMatch(new RegExp(`\\| resolved \\| ${title.source}`));
  if (!want.resolved.length) expect(r).not.toContain('| resolved |');
  const checks = /^Last check after each execution:\n\n((?:- .*\n)+)/m.exec(r)?.[1]?.trim().split('\n') ?? [];
  expect(checks, 'the report has the check after each execution').toHaveLength(changes);
  for (const check of checks) expect(check).toContain(': intended state reached');
  expect(rawControlsIn(r), 'raw control characters in the report').toEqual([]);
  const debrief = /^## Debrief\n\n([\s\S]*?)\n## /m.exec(r)?.[1] ?? '';
  expect(debrief).toMatch(new RegExp(`: contained · time taken .* · ${head?.[1] ?? '?'} of ${head?.[2] ?? '?'} findings? resolved · ${changes} changes? made`));
  expect(debrief).toMatch(/Objectives \((\d+) of \1 met\)/);
  expect(debrief).toContain('Mistakes: none.');
}
