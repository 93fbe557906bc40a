// The tier's counts as `npm run test:peer` prints them: per runner, and per runbook and track, how many
// commands ran, parsed and passed, and how many met a known moto gap.
import {basename} from 'node:path';
import type {TierResult} from './tier.js';
import {answerText, type Runner, type Verdict} from './verdict.js';

export interface Counts {
  readonly run: number;
  readonly parsed: number;
  readonly passed: number;
  readonly gaps: number;
  /** The event failed and AWS answers NotFound for what it would have made. */
  readonly refused: number;
  /** A pick list offers nothing in this scenario: an operator skips the step. */
  readonly notApplicable: number;
  /** The installed CLI v2 predates the command; the CLI v1 proved it (test/peer/cli-v1-fallback.ts). */
  readonly olderCli: number;
  readonly failed: number;
}

export function countOf(verdicts: readonly Verdict[]): Counts {
  return {
    run: verdicts.length,
    parsed: verdicts.filter((v) => v.parsed).length,
    passed: verdicts.filter((v) => v.status === 'pass').length,
    gaps: verdicts.filter((v) => v.status === 'gap').length,
    refused: verdicts.filter((v) => v.status === 'refused').length,
    notApplicable: verdicts.filter((v) => v.status === 'not-applicable').length,
    olderCli: verdicts.filter((v) => v.status === 'older-cli').length,
    failed: verdicts.filter((v) => v.status === 'fail').length,
  };
}

const runners: readonly Runner[] = ['cli', 'boto3', 'js'];
const label: Readonly<Record<Runner, string>> = {cli: 'AWS CLI v2', boto3: 'boto3', js: 'JavaScript SDK'};

function line(name: string, counts: Counts): string {
  const gaps = counts.gaps ? `, ${counts.gaps} known moto gap${counts.gaps === 1 ? '' : 's'}` : '';
  const refused = counts.refused ? `, ${counts.refused} expected: the refused call made nothing` : '';
  const notApplicable = counts.notApplicable ? `, ${counts.notApplicable} not applicable here` : '';
  const olderCli = counts.olderCli ? `, ${counts.olderCli} proved with CLI v1 (v2 predates the command)` : '';
  return `${name}: ${counts.run} run, ${counts.parsed} parsed, ${counts.passed} passed${gaps}${refused}${notApplicable}${olderCli}${counts.failed ? `, ${counts.failed} FAILED` : ''}`;
}

export function summaryText(result: TierResult): string {
  const phases = Object.entries(result.phases).map(([phase, seconds]) => `${phase} ${seconds.toFixed(0)} s`).join(', ');
  const lines = [`peer tier: ${result.seconds.toFixed(1)} s (summed over workers: ${phases})`];
  for (const runner of runners) lines.push(line(`  ${label[runner]}`, countOf(result.verdicts.filter((v) => v.runner === runner))));
  const groups = new Map<string, Verdict[]>();
  for (const verdict of result.verdicts) {
    const key = `${basename(verdict.runbook)} ${verdict.track} ${verdict.runner}`;
    groups.set(key, [...(groups.get(key) ?? []), verdict]);
  }
  lines.push('  by runbook, track and runner:');
  for (const key of [...groups.keys()].sort()) lines.push(line(`    ${key}`, countOf(groups.get(key)!)));
  const apart = result.verdicts.filter((v) => v.reason !== undefined);
  if (apart.length) lines.push('  counted apart:');
  for (const verdict of apart) lines.push(`    ${verdict.caseId} [${verdict.runner}] ${verdict.status}: ${verdict.reason ?? ''} (${answerText(verdict.answer)})`);
  const stale = result.probes.filter((p) => !p.isStillWrong);
  lines.push(`  known moto gaps: ${result.probes.length - stale.length} of ${result.probes.length} still shown by their probes${stale.length ? ` (no longer: ${stale.map((p) => `${p.gap} answers ${p.answer}`).join('; ')})` : ''}`);
  return lines.join('\n');
}

/**
 * Each step (runbook, track, step) none of whose cases passed, met a known moto gap or was proved with the CLI v1
 * (the installed v2 predates it), with what its cases got.
 */
export function unprovenSteps(verdicts: readonly Verdict[]): string[] {
  const byStep = new Map<string, Verdict[]>();
  for (const verdict of verdicts) {
    const key = `${basename(verdict.runbook)} ${verdict.track} ${verdict.caseId.split('/').at(-1) ?? ''}`;
    byStep.set(key, [...(byStep.get(key) ?? []), verdict]);
  }
  return [...byStep]
    .filter(([, got]) => !got.some((v) => v.status === 'pass' || v.status === 'gap' || v.status === 'older-cli'))
    .map(([key, got]) => `${key}: ${got.map((v) => v.status).join(', ')}`);
}
