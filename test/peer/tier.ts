// The peer tier's run: workers in parallel, each with its own moto_server, CLI driver, boto3 and Node
// processes, take scenarios from one queue. For each scenario and each runner, moto is reset and seeded
// afresh (a call without DryRun changes the account, and steps run in their order), the cases are made
// with moto's IDs, and the runner runs the cases of its track: CLI the cli track, boto3 and JS the sdk track.
import type {PeerCase} from './case.js';
import {motoGaps} from './moto-gaps.js';
import {startMoto, type Moto} from './moto.js';
import {startBoto3Runner} from './run-boto3.js';
import {startCliRunner} from './run-cli.js';
import {startJsRunner} from './run-js.js';
import {runScenario, type RunCases} from './run-scenario.js';
import {answerText, type Runner, type Verdict} from './verdict.js';

export interface TierPlan<S extends {readonly id: string}> {
  readonly scenarios: readonly S[];
  seed(moto: Moto, scenario: S): Promise<ReadonlyMap<string, string>>;
  /** The scenario's cases, its IDs moto's; moto holds the scenario (a pick list's read is run there). */
  cases(scenario: S, ids: ReadonlyMap<string, string>, moto: Moto): readonly PeerCase[] | Promise<readonly PeerCase[]>;
  readonly workers: number;
}

export interface ProbeResult {
  readonly gap: string;
  readonly answer: string;
  readonly isStillWrong: boolean;
}

export interface TierResult {
  readonly verdicts: readonly Verdict[];
  /** One per moto gap: its probe's answer, and whether moto still answers it wrong. */
  readonly probes: readonly ProbeResult[];
  readonly seconds: number;
  /** Seconds spent per phase, summed over workers: seeding moto, and each runner. */
  readonly phases: Readonly<Record<'seed' | Runner, number>>;
}

const trackOf: Readonly<Record<Runner, PeerCase['track']>> = {cli: 'cli', boto3: 'sdk', js: 'sdk'};

type Phases = Record<'seed' | Runner, number>;

async function worker<S extends {readonly id: string}>(plan: TierPlan<S>, queue: S[], verdicts: Verdict[], probes: ProbeResult[] | undefined, phases: Phases): Promise<void> {
  const moto = await startMoto();
  const [cli, boto3, js] = await Promise.all([startCliRunner(), startBoto3Runner(moto.url), startJsRunner(moto.url)]);
  try {
    if (probes) {
      await moto.reset();
      const probeCases = motoGaps.map((gap): PeerCase => ({id: `moto-gap/${gap.id}`, runbook: 'test/peer/moto-gaps.ts', scenario: '-', track: 'sdk', stepId: 'probe', action: gap.probe, region: 'us-east-1'}));
      const answers = await boto3.run(probeCases);
      motoGaps.forEach((gap, index) => {
        const answer = answers[index]!.answer;
        probes.push({gap: gap.id, answer: answerText(answer), isStillWrong: gap.isStillWrong(answer)});
      });
    }
    for (let scenario = queue.shift(); scenario; scenario = queue.shift()) {
      for (const runner of ['cli', 'boto3', 'js'] as const) {
        const started = performance.now();
        const makeCases = async (): Promise<readonly PeerCase[]> => (await plan.cases(scenario, await plan.seed(moto, scenario), moto)).filter((c) => c.track === trackOf[runner]);
        const run: RunCases = (cases, until) => (runner === 'cli' ? cli.run(cases, moto.url, until) : (runner === 'boto3' ? boto3 : js).run(cases, until));
        const done = await runScenario(moto, makeCases, run);
        verdicts.push(...done.verdicts);
        phases.seed += done.seedSeconds;
        phases[runner] += (performance.now() - started) / 1000 - done.seedSeconds;
      }
    }
  } finally {
    await Promise.all([cli.close(), boto3.close(), js.close()]);
    await moto.stop();
  }
}

export async function runTier<S extends {readonly id: string}>(plan: TierPlan<S>): Promise<TierResult> {
  const started = performance.now();
  const queue = [...plan.scenarios];
  const verdicts: Verdict[] = [];
  const probes: ProbeResult[] = [];
  const phases: Phases = {seed: 0, cli: 0, boto3: 0, js: 0};
  const count = Math.max(1, Math.min(plan.workers, queue.length));
  await Promise.all(Array.from({length: count}, (_, index) => worker(plan, queue, verdicts, index === 0 ? probes : undefined, phases)));
  return {verdicts, probes, phases, seconds: (performance.now() - started) / 1000};
}
