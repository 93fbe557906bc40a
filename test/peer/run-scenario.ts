// One runner's cases of one scenario, in step order, on moto seeded with the scenario. When moto carries out
// a dry-run (a known gap: it ignores DryRun), the account is no longer the scenario's and the next steps
// would fail for moto's fault: moto is reset and seeded again, the calls that built state so far (mutations
// sent for real that passed: a bucket, a trail) are replayed unjudged, and the run goes on from the next case.
import {isMutating} from '../../src/aws/action.js';
import type {PeerCase} from './case.js';
import type {Moto} from './moto.js';
import {sentAsDryRun, type Verdict} from './verdict.js';

export type RunCases = (cases: readonly PeerCase[], until?: (verdict: Verdict) => boolean) => Promise<Verdict[]>;

export interface ScenarioRun {
  readonly verdicts: readonly Verdict[];
  /** Seconds spent resetting and seeding moto. */
  readonly seedSeconds: number;
}

const carriedOut = (verdict: Verdict): boolean => verdict.status === 'gap' && verdict.answer.kind === 'success';
const buildsState = (peerCase: PeerCase): boolean => isMutating(peerCase.action) && !sentAsDryRun(peerCase.action);

export async function runScenario(moto: Moto, makeCases: () => Promise<readonly PeerCase[]>, run: RunCases): Promise<ScenarioRun> {
  let seedSeconds = 0;
  const fresh = async (): Promise<readonly PeerCase[]> => {
    const started = performance.now();
    await moto.reset();
    const made = await makeCases();
    seedSeconds += (performance.now() - started) / 1000;
    return made;
  };
  const verdicts: Verdict[] = [];
  const builders = new Set<string>();
  let cases = await fresh();
  let next = 0;
  while (next < cases.length) {
    const got = await run(cases.slice(next), carriedOut);
    for (const [index, verdict] of got.entries()) {
      verdicts.push(verdict);
      if (verdict.status === 'pass' && buildsState(cases[next + index]!)) builders.add(verdict.caseId);
    }
    next += got.length;
    if (next >= cases.length || !carriedOut(got.at(-1)!)) break;
    const lastId = got.at(-1)!.caseId;
    cases = await fresh();
    next = cases.findIndex((c) => c.id === lastId) + 1;
    if (next === 0) throw new Error(`case ${lastId} is gone after seeding moto again: cases must not depend on moto's IDs`);
    const replay = cases.slice(0, next).filter((c) => builders.has(c.id));
    if (replay.length) await run(replay);
  }
  return {verdicts, seedSeconds};
}
