// `X` end to end against moto (issue 15, point 4). For each built-in runbook (found in src/runbooks, so a new
// one is picked up by itself), one of its risky training scenarios is created in moto and its event, with
// moto's IDs, opened in the built binary in a real terminal with --allow-execute, the SDK pointed at a logging
// proxy in front of moto. On the CLI track the walk runs the containment procedure's reads, takes the values
// their pick lists pick, dry-runs the step that deals with the scenario's contained finding, executes it behind
// its typed confirmation, and then: a Describe straight to moto shows the change, trailguide's own check says
// it is done, and the proxy saw exactly one mutating request without DryRun — that one, after the confirmation.
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {EC2Client} from '@aws-sdk/client-ec2';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {isMutating, supportsDryRun} from '../../src/aws/action.js';
import {serviceNames, type ServiceName} from '../../src/aws/operations.js';
import {parseRunbook} from '../../src/runbooks/parse.js';
import type {Runbook, Step} from '../../src/runbooks/schema.js';
import {scenarios, type Scenario} from '../../src/scenarios/index.js';
import {loopbackAwsEnv} from '../helpers/loopback-env.js';
import {ENTER, ESC, RIGHT} from '../helpers/keys.js';
import {spawnInTerminal, type TerminalRun} from '../helpers/pty.js';
import {changeSeen} from './execute-probes.js';
import {withMotoIds} from './cases.js';
import {motoGaps} from './moto-gaps.js';
import {motoLacksLookupEvents} from './history-stand-in.js';
import type {JsonObject} from '../../src/events/record.js';
import {ec2Client} from './seed-context.js';
import {seedScenario} from './seed-moto.js';
import {startLoggingProxy, type LoggedRequest, type LoggingProxy} from './logging-proxy.js';
import {checkPeers, startMoto, type Moto} from './moto.js';

const bin = new URL('../../dist/trailguide.js', import.meta.url).pathname;
const runbookDir = new URL('../../src/runbooks/', import.meta.url).pathname;

/** moto carries these out even with DryRun=true (test/peer/moto-gaps.ts): the proxy answers their dry-run as EC2 would. */
const motoIgnoresDryRun = new Set(motoGaps.filter((gap) => gap.service === 'ec2' && gap.id.endsWith(' ignores DryRun')).map((gap) => gap.operation));

/**
 * Walks that cannot reach X today, each with why: the test is expected to fail there, and fails as soon as
 * the walk goes through (then remove the entry).
 */
const blockedWalks: Readonly<Record<string, string>> = {
  'CreateTrafficMirrorSession, CreateTrafficMirrorTarget, CreateTrafficMirrorFilterRule': 'moto 5.2.1 has no traffic mirror sessions: DeleteTrafficMirrorSession is a known gap (moto-gaps.ts)',
};

const runbooks: readonly Runbook[] = readdirSync(runbookDir)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => parseRunbook(readFileSync(join(runbookDir, name), 'utf8'), `src/runbooks/${name}`));

/**
 * The step that deals with the scenario's first contained finding; when that step is a read (the finding points
 * at where the operator starts looking, as the deleted flow logs' lookup does), the first step after it in its
 * procedure that changes something.
 */
function containmentStep(runbook: Runbook, scenario: Scenario): Step | undefined {
  const stepId = runbook.findings.find((f) => f.id === scenario.contained[0])?.step;
  for (const procedure of runbook.procedures) {
    const at = procedure.steps.findIndex((s) => s.id === stepId);
    if (at < 0) continue;
    return procedure.steps.slice(at).find((s) => s.action !== undefined && isMutating(s.action));
  }
  return undefined;
}

/** A step title as a pattern: its {{…}} parts stand for whatever the values made of them. */
function titlePattern(title: string): RegExp {
  return new RegExp(`^${title.split(/\{\{.*?\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*?')}$`);
}

const lines = (screen: string): string[] => screen.split('\n').map((l) => l.trimEnd());
const titleOn = (screen: string): {section: string; title: string} | undefined => {
  const m = /^trailguide · Step \d+ of \d+ · CLI · (\w+) · (.*)$/m.exec(lines(screen).join('\n'));
  return m ? {section: m[1] ?? '', title: m[2] ?? ''} : undefined;
};
const hintBar = (screen: string): string => lines(screen).filter((l) => l !== '').at(-1) ?? '';

async function until(run: TerminalRun, test: (screen: string) => boolean, what: string, timeoutMs = 20_000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const screen = run.screen();
    if (test(screen)) return screen;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}; screen:\n${screen}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

/** e, then Enter on each prompt: the rows its pick list picked. */
async function giveValues(run: TerminalRun): Promise<void> {
  const before = run.screen();
  run.type('e');
  let screen = await until(run, (s) => s !== before, 'the value prompt');
  for (let n = 0; n < 5 && /^[│║] \w+: /m.test(screen); n++) {
    const asked = /^[│║] (\w+): /m.exec(screen)?.[1];
    expect(screen, `the pick list of ${asked} picks a value`).toMatch(/(\[x\]|\(•\)) ★/);
    run.type(ENTER);
    screen = await until(run, (s) => /^[│║] (\w+): /m.exec(s)?.[1] !== asked, `the prompt for ${asked} to close`);
  }
}

/** A read that needs a value an earlier read lists (a route table's VPC): e, Enter on each picked row; Esc when none is picked. */
async function pickForRead(run: TerminalRun): Promise<void> {
  const before = run.screen();
  run.type('e');
  let screen = await until(run, (s) => s !== before, 'the value prompt');
  for (let n = 0; n < 5 && /^[│║] \w+: /m.test(screen); n++) {
    const asked = /^[│║] (\w+): /m.exec(screen)?.[1];
    const isPicked = /(\[x\]|\(•\)) ★/.test(screen);
    run.type(isPicked ? ENTER : ESC);
    screen = await until(run, (s) => /^[│║] (\w+): /m.exec(s)?.[1] !== asked, `the prompt for ${asked} to close`);
    if (!isPicked) return;
  }
}

interface Outcome {
  readonly dryRun: string;
  /** Undefined when X was refused. */
  readonly confirmedAt?: number;
  /** The screen after X: the execution and its check, or the refusal. */
  readonly afterX: string;
}

/** From the event to the target step on the CLI track, running every read of the way; then d and X. */
async function walkAndExecute(run: TerminalRun, target: RegExp, canExecute: boolean): Promise<Outcome> {
  await run.waitFor('AWS account 123456789012', 30_000);
  await run.waitFor('Resources named by the event');
  run.type(ENTER);
  await run.waitFor('How do you want');
  run.type('2');
  let screen = await run.waitFor('Step 1 of');
  for (let n = 0; n < 30; n++) {
    const step = titleOn(screen);
    expect(step?.section, `still in the containment procedure, looking for ${target}`).toBe('Contain');
    if (target.test(step?.title ?? '')) break;
    if (screen.includes('read-only: changes nothing') && screen.includes('⚠ needs')) {
      await pickForRead(run);
      screen = run.screen();
    }
    if (hintBar(screen).includes('d run the read')) {
      run.type('d');
      await until(run, (s) => /^Answer · /m.test(s) || /not checked|denied|would fail/.test(s), 'the read\'s answer');
    }
    const shown = run.screen();
    run.type(RIGHT);
    screen = await until(run, (s) => s !== shown && titleOn(s) !== undefined && titleOn(s)?.title !== titleOn(shown)?.title, 'the next step');
  }
  if (screen.includes('⚠ needs')) await giveValues(run);
  expect(hintBar(run.screen())).toContain('d dry-run');
  run.type('d');
  const dryRun = await until(run, (s) => /^AWS · \w+: /m.test(s), 'the dry-run verdict');
  run.type('X');
  if (!canExecute) return {dryRun, afterX: await until(run, (s) => s.includes('this API has no DryRun: run the shown command yourself'), 'the refusal of X')};
  const asked = await until(run, (s) => /Type (\S+) to confirm/.test(s), 'the typed confirmation');
  const typed = /Type (\S+) to confirm/.exec(asked)?.[1] ?? '';
  run.type(typed);
  await until(run, (s) => s.split(typed).length > asked.split(typed).length, 'the typed ID');
  const confirmedAt = Date.now();
  run.type(ENTER);
  const afterX = await until(run, (s) => /Check \(\w+\): [✓✗?]/.test(s) || /Executed on AWS: (failed|outcome unknown)/.test(s), 'the execution and its check', 30_000);
  return {dryRun, confirmedAt, afterX};
}

const mutating = (r: LoggedRequest): boolean => !(serviceNames as readonly string[]).includes(r.service) || isMutating({service: r.service as ServiceName, operation: r.operation});

let moto: Moto;
let proxy: LoggingProxy;
/** The walked scenario's event history (its trail and its record, with moto's IDs), which the proxy answers LookupEvents from. */
let history: readonly JsonObject[] | undefined;
beforeAll(async () => {
  checkPeers();
  moto = await startMoto();
  proxy = await startLoggingProxy(moto.url, {answerDryRunOf: motoIgnoresDryRun, history: () => (motoLacksLookupEvents ? history : undefined)});
});
afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});

describe('X against moto, counted at a logging proxy', () => {
  it('finds the built-in runbooks', () => {
    expect(runbooks.map((r) => r.events.names[0])).toEqual(expect.arrayContaining(['CreateSecurityGroup', 'CreateRoute', 'CreateVpcPeeringConnection', 'AssociateVpcCidrBlock', 'CreateNetworkInterface']));
  });

  for (const runbook of runbooks) {
    const name = runbook.events.names.join(', ');
    const blocked = Object.hasOwn(blockedWalks, name) ? blockedWalks[name] : undefined;
    (blocked ? it.fails : it)(`${name}: the containment action is dry-run, then executed once behind its typed confirmation (refused where the API has no DryRun), changed in moto and checked${blocked ? ` — blocked: ${blocked}` : ''}`, async () => {
      await moto.reset();
      const scenario = scenarios.find((s) => runbook.events.names.includes(s.eventName) && s.kind === 'risky' && s.contained.length > 0);
      expect(scenario, 'a risky training scenario with a finding to contain').toBeDefined();
      const ids = await seedScenario(moto, scenario!);
      const step = containmentStep(runbook, scenario!);
      expect(step?.action, `the step of finding ${scenario!.contained[0]} carries an action`).toBeDefined();
      const action = step!.action!;
      const {operation} = action;
      // On an account, X executes only a call whose API has DryRun (src/walkthrough/execute-gate.ts).
      const canExecute = supportsDryRun(action);
      const region = typeof scenario!.event['awsRegion'] === 'string' ? scenario!.event['awsRegion'] : 'us-east-1';

      const file = join(mkdtempSync(join(tmpdir(), 'trailguide-execute-')), 'event.json');
      const event = withMotoIds(scenario!.event, ids) as JsonObject;
      history = [...(scenario!.trail ?? []).map((record) => withMotoIds(record, ids) as JsonObject), event];
      writeFileSync(file, JSON.stringify(event));
      proxy.requests.length = 0;
      const run = spawnInTerminal(process.execPath, [bin, file, '--allow-execute'], {cols: 140, rows: 60, env: {...loopbackAwsEnv(proxy.url), AWS_REGION: region}});
      let outcome: Outcome;
      try {
        outcome = await walkAndExecute(run, titlePattern(step!.title), canExecute);
      } finally {
        run.kill();
      }
      const sent = [...proxy.requests];
      const changes = sent.filter((r) => mutating(r) && !r.isDryRun);
      if (!canExecute) {
        // The dry-run only shows the request, X says why it does not execute, and nothing changing was sent.
        expect(outcome.dryRun).toMatch(new RegExp(`^AWS · ${operation}: plan only — this API has no dry-run; nothing was sent`, 'm'));
        expect(changes).toEqual([]);
        return;
      }

      // trailguide's own check after X says it is done.
      expect(outcome.dryRun).toMatch(new RegExp(`^AWS · ${operation}: would succeed: you have permission`, 'm'));
      expect(outcome.afterX).toContain('Executed on AWS: done');
      expect(outcome.afterX).toMatch(/Check \(\w+\): ✓ /);

      // At the proxy: the dry-run went out with DryRun before the confirmation, and exactly one mutating
      // request without DryRun, this operation, after it.
      const confirmedAt = outcome.confirmedAt ?? Number.POSITIVE_INFINITY;
      expect(sent.some((r) => r.operation === operation && r.isDryRun && r.at < confirmedAt)).toBe(true);
      expect(changes.map((r) => r.operation)).toEqual([operation]);
      expect(changes[0]!.at).toBeGreaterThanOrEqual(confirmedAt);

      // Straight to moto: the change happened.
      const clients: EC2Client[] = [];
      try {
        expect(await changeSeen(ec2Client({moto, clients}, region), operation, changes[0]!.params), `moto shows the ${operation}`).toBe(true);
      } finally {
        for (const client of clients) client.destroy();
      }
    });
  }
});
