// `trailguide triage PATH...`: the flags read into a scan's options, and the scan printed as Markdown
// or JSON (on a terminal, cli.tsx shows it in the picker instead, through src/app/triage-feed.ts).
import {exitCodes, UsageError} from '../exit-codes.js';
import type {TriageOptions, TriageResult} from '../triage/run-triage.js';
import {startTriage} from '../triage/triage-scan.js';
import {progressLine} from '../triage/progress-text.js';
import {parseTimeBound} from '../triage/time-bound.js';
import {triageJson} from '../triage/triage-json.js';
import {triageMarkdown} from '../triage/triage-md.js';
import type {TriageFilter} from '../triage/triage-match.js';
import type {FindingsConfig} from '../findings/finding.js';
import type {RunbookSet} from '../runbooks/runbook-set.js';

export interface TriageFlags {
  readonly name: readonly string[];
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly actor?: string | undefined;
  readonly account?: string | undefined;
  readonly region?: string | undefined;
  readonly all?: boolean | undefined;
  readonly limit: string;
  /** --jobs: worker threads (default: the CPUs, at most 4). */
  readonly jobs?: string | undefined;
  /** Absent: the interactive picker on a terminal, else md. */
  readonly format?: 'md' | 'json' | undefined;
}

function timeBound(flag: string, text: string | undefined, nowMs: number): number | undefined {
  if (text === undefined) return undefined;
  const result = parseTimeBound(text, nowMs);
  if (!result.ok) throw new UsageError(`${flag}: ${result.problem}`);
  return result.ms;
}

export function triageFilter(flags: TriageFlags, nowMs: number): TriageFilter {
  const sinceMs = timeBound('--since', flags.since, nowMs);
  const untilMs = timeBound('--until', flags.until, nowMs);
  if (sinceMs !== undefined && untilMs !== undefined && sinceMs >= untilMs) throw new UsageError('--since must be before --until');
  if (flags.account !== undefined && !/^\d{12}$/.test(flags.account)) throw new UsageError('--account: give a 12-digit account ID');
  return {names: flags.name, sinceMs, untilMs, actor: flags.actor, account: flags.account, region: flags.region, isAll: flags.all === true};
}

export interface TriageIo {
  readonly write: (text: string) => void;
  /** The worker script; without it, files are read in this thread. */
  readonly workerUrl?: URL | undefined;
  /** A progress line (on a terminal's stderr), redrawn in place; null clears it at the end. */
  readonly progress?: ((line: string | null) => void) | undefined;
  readonly findingsConfig?: FindingsConfig | undefined;
  /** --runbooks: the built-ins and users' runbooks, read and checked before the scan. */
  readonly runbooks?: RunbookSet | undefined;
  /** Ctrl-C: calls stop once; returns the unsubscribe. */
  readonly onInterrupt?: ((stop: () => void) => () => void) | undefined;
}

/** The scan printed as md or json. Interrupted, it prints what was read and exits with exitCodes.stopped. */
export async function triageCommand(paths: readonly string[], flags: TriageFlags, nowMs: number, io: TriageIo): Promise<number> {
  const scan = startTriage(paths, triageOptions(flags, nowMs, io.workerUrl, io.findingsConfig, io.runbooks));
  const unsubscribe = io.onInterrupt?.(() => scan.stop());
  const {progress} = io;
  let timer: NodeJS.Timeout | undefined;
  const unwatch = progress ? scan.subscribe(() => {
    timer ??= setTimeout(() => {
      timer = undefined;
      progress(progressLine(scan.progress()));
    }, progressEveryMs);
  }) : undefined;
  let result: TriageResult;
  try {
    result = await scan.done;
  } finally {
    unwatch?.();
    if (timer !== undefined) clearTimeout(timer);
    progress?.(null); // the line is cleared before the result is printed
    unsubscribe?.();
  }
  io.write(flags.format === 'json' ? triageJson(result) : triageMarkdown(result));
  return result.hasNoReadablePath ? exitCodes.badInput : result.summary.isStopped ? exitCodes.stopped : exitCodes.ok;
}

const progressEveryMs = 200;

/** The scan's options from the flags (usage errors thrown before anything is read). */
export function triageOptions(flags: TriageFlags, nowMs: number, workerUrl?: URL, findingsConfig?: FindingsConfig, runbooks?: RunbookSet): TriageOptions {
  if (!/^\d{1,7}$/.test(flags.limit) || Number(flags.limit) < 1) throw new UsageError('--limit: give a whole number from 1');
  if (flags.jobs !== undefined && (!/^\d{1,2}$/.test(flags.jobs) || Number(flags.jobs) < 1 || Number(flags.jobs) > 64)) throw new UsageError('--jobs: give a whole number from 1 to 64');
  return {filter: triageFilter(flags, nowMs), limit: Number(flags.limit), jobs: flags.jobs === undefined ? undefined : Number(flags.jobs), workerUrl, findingsConfig, runbookTexts: runbooks?.texts};
}
