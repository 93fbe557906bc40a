// The peer tier (npm run test:peer): every CLI command and SDK snippet of every runbook, for every built-in
// scenario, filled as `e` fills it, run by the real AWS CLI v2, boto3 and the JavaScript SDK against moto
// holding the scenario's resources. A user's runbook folders (TRAILGUIDE_PEER_RUNBOOKS, from --runbooks)
// replace the built-ins for their events. Each known moto gap's probe must still fail.
import {writeFileSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import {delimiter} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readRunbookDirs} from '../../src/app/read-runbook-dirs.js';
import {builtInFile, runbookSet, type RunbookSet} from '../../src/runbooks/runbook-set.js';
import {scenarios} from '../../src/scenarios/index.js';
import type {Scenario} from '../../src/scenarios/scenario.js';
import {peerCasesOnMoto, type IncompleteStep} from './cases.js';
import {awsCliV2, checkPeers} from './moto.js';
import {motoGaps} from './moto-gaps.js';
import {seedScenario} from './seed-moto.js';
import {summaryText, unprovenSteps} from './summary.js';
import {runTier, type TierResult} from './tier.js';
import {failureText} from './verdict.js';
import {commandWords, findAwsCliV1, knowsCommand, v2Predates} from './cli-v1-fallback.js';
import type {PeerCase} from './case.js';
import {ruleBreaks} from '../../src/aws/api-rules.js';
import {renderCli} from '../../src/aws/render/cli.js';

// Waiting on moto, not the CPU, bounds the tier: more workers than cores help (TRAILGUIDE_PEER_WORKERS overrides).
const workers = Number(process.env['TRAILGUIDE_PEER_WORKERS']) || 2 * availableParallelism();
const userDirs = (process.env['TRAILGUIDE_PEER_RUNBOOKS'] ?? '').split(delimiter).filter(Boolean);
// TRAILGUIDE_PEER_SCENARIOS=id,id runs only those scenarios (while working on one runbook or service).
const only = (process.env['TRAILGUIDE_PEER_SCENARIOS'] ?? '').split(',').filter(Boolean);
const chosen = only.length ? scenarios.filter((s) => only.includes(s.id)) : scenarios;

type PeerScenario = Pick<Scenario, 'id' | 'event' | 'state'>;

/**
 * A user's runbook for events no built-in scenario has still goes through the tier: on a record of its
 * first event made for it (caller, Region, time; no request parameters), every value from a sample of
 * its parameter's pattern, in an account holding only the tier's stand-ins.
 */
function recordScenarios(runbooks: RunbookSet | undefined): PeerScenario[] {
  if (!runbooks) return [];
  const covered = new Set(scenarios.map((s) => `${JSON.stringify(s.event['eventSource'])} ${JSON.stringify(s.event['eventName'])}`));
  return runbooks.entries().filter((e) => !e.isBuiltIn).flatMap((entry) => {
    const {source, names} = entry.summary.events;
    if (names.some((name) => covered.has(`${JSON.stringify(source)} ${JSON.stringify(name)}`))) return [];
    const name = names[0]!;
    return [{
      id: `record-${name}`,
      state: {},
      event: {
        eventVersion: '1.09', eventTime: '2026-11-25T12:00:00Z', eventSource: source, eventName: name, awsRegion: 'us-east-1',
        sourceIPAddress: '203.0.113.10', userAgent: 'aws-cli/2.9.19', eventID: `00000000-0000-4000-8000-${'0'.repeat(12)}`, eventType: 'AwsApiCall',
        readOnly: false, recipientAccountId: '111122223333', requestParameters: {}, responseElements: null,
        userIdentity: {type: 'IAMUser', principalId: 'AIDAPEERTIEREXAMPLE1', arn: 'arn:aws:iam::111122223333:user/peer-tier', accountId: '111122223333', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', userName: 'peer-tier'},
      },
    }];
  });
}

describe('the peer tier', () => {
  let result: TierResult;
  const incomplete = new Map<string, IncompleteStep>();
  const cases: PeerCase[] = [];

  beforeAll(async () => {
    checkPeers();
    const runbooks: RunbookSet | undefined = userDirs.length ? runbookSet(await readRunbookDirs(userDirs)) : undefined;
    result = await runTier<PeerScenario>({
      scenarios: [...chosen, ...recordScenarios(runbooks)],
      workers,
      seed: seedScenario,
      async cases(scenario, ids, moto) {
        const made = await peerCasesOnMoto(moto, scenario, ids, runbooks);
        for (const step of made.incomplete) incomplete.set(step.id, step);
        cases.push(...made.cases);
        return made.cases;
      },
    });
  }, 600_000);

  afterAll(() => {
    const file = process.env['TRAILGUIDE_PEER_SUMMARY'];
    if (file && result) writeFileSync(file, `${summaryText(result)}\n`);
  });

  it('runs a command of every runbook on the CLI and SDK tracks', () => {
    const runners = new Set(result.verdicts.map((v) => v.runner));
    expect([...runners].sort()).toEqual(['boto3', 'cli', 'js']);
    // Every runbook the chosen scenarios answer with (all built-ins when no scenario is filtered out; a user's folder replaces some).
    const expected = new Set(userDirs.length ? [] : chosen.map((s) => builtInFile(s.eventName)));
    expect(new Set(result.verdicts.map((v) => v.runbook)).size).toBeGreaterThanOrEqual(Math.min(5, userDirs.length ? 5 : expected.size));
    expect([...expected].filter((file) => !result.verdicts.some((v) => v.runbook === file))).toEqual([]);
  });

  it('fills every step action as e would (no step left incomplete)', () => {
    expect([...incomplete.values()].map((s) => `${s.id} lacks ${s.missing.join(', ')}`)).toEqual([]);
  });

  it.each(['cli', 'boto3', 'js'] as const)('%s: every command parses and moto answers it as AWS would', (runner) => {
    const failures = result.verdicts.filter((v) => v.runner === runner && v.status === 'fail');
    expect(failures.map(failureText)).toEqual([]);
  });

  // A case counted apart (not applicable here, or what a refused call made) proves nothing: every step with an
  // action must be proven on each runner in at least one scenario, so none goes unproven by being set apart everywhere.
  it.skipIf(only.length > 0).each(['cli', 'boto3', 'js'] as const)('%s: every step with an action passes in at least one scenario', (runner) => {
    expect(unprovenSteps(result.verdicts.filter((v) => v.runner === runner))).toEqual([]);
  });

  // What moto does not check: the documented constraints of src/aws/api-rules.ts, on every case (users' runbooks too).
  it('every case keeps the API reference\'s constraints that moto does not check', () => {
    expect(cases.length).toBeGreaterThan(0);
    const broken = cases.flatMap((c) =>
      ruleBreaks(c.action, {region: c.region, eventRegion: c.region, facts: [], cli: renderCli(c.action, {region: c.region})}).map((b) => `${c.id}: ${b.rule.id}: ${b.problem} (${b.rule.source})`),
    );
    expect(broken).toEqual([]);
  });

  // The CLI v1 stands in only while the installed v2 predates the command (test/peer/cli-v1-fallback.ts).
  it.each(v2Predates.map((entry) => [commandWords(entry).join(' '), entry] as const))('the AWS CLI v2 still predates "aws %s" and the CLI v1 knows it (else remove it from test/peer/cli-v1-fallback.ts)', (_name, entry) => {
    expect(knowsCommand(awsCliV2, entry), `${awsCliV2} now knows the command`).toBe(false);
    const v1 = findAwsCliV1();
    expect(v1, 'no AWS CLI v1 on PATH (TRAILGUIDE_PEER_AWS_V1 names one)').toBeDefined();
    expect(knowsCommand(v1!, entry), `${v1!} does not know the command`).toBe(true);
  });

  it.each(motoGaps.map((gap) => [gap.id]))('the known moto gap "%s" is still there (else remove it from test/peer/moto-gaps.ts)', (id) => {
    const probe = result.probes.find((p) => p.gap === id);
    expect(probe, `no probe ran for ${id}`).toBeDefined();
    expect(probe!.isStillWrong, `moto now answers the probe of ${id} with ${probe!.answer}`).toBe(true);
  });
});
