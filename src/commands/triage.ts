// `trailguide triage PATH...`: scan trail log files and folders for the events worth a look,
// most severe first, as Markdown or JSON. Non-interactive (an interactive picker is a later step).
import {exitCodes, UsageError} from '../exit-codes.js';
import {runTriage, type TriageResult} from '../triage/run-triage.js';
import type {Loaded} from './load-candidates.js';
import {parseTimeBound} from '../triage/time-bound.js';
import {triageJson} from '../triage/triage-json.js';
import {triageMarkdown} from '../triage/triage-md.js';
import type {TriageFilter} from '../triage/triage-match.js';

export interface TriageFlags {
  readonly name: readonly string[];
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly actor?: string | undefined;
  readonly account?: string | undefined;
  readonly region?: string | undefined;
  readonly all?: boolean | undefined;
  readonly limit: string;
  /** Absent: the interactive picker on a terminal, else md. */
  readonly format?: 'md' | 'json' | undefined;
}

/** The ranked matches as the picker's candidates, most severe first. */
export function triageCandidates(result: TriageResult): Loaded {
  const candidates = result.matches.flatMap((match, i) => {
    const record = result.recordOf(match);
    return record ? [{id: String(i), record}] : [];
  });
  const {files, matched, events} = result.summary;
  return {
    candidates,
    source: `triage: ${matched} of ${events} events in ${files} file${files === 1 ? '' : 's'}, most severe first${matched > candidates.length ? ` (top ${candidates.length})` : ''}`,
    warnings: result.summary.skipped.map((s) => `${s.path}: skipped: ${s.reason}`),
  };
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

export async function triageCommand(paths: readonly string[], flags: TriageFlags, nowMs: number, write: (text: string) => void): Promise<number> {
  const result = await triage(paths, flags, nowMs);
  write(flags.format === 'json' ? triageJson(result) : triageMarkdown(result));
  return result.hasNoReadablePath ? exitCodes.badInput : exitCodes.ok;
}

export async function triage(paths: readonly string[], flags: TriageFlags, nowMs: number): Promise<TriageResult> {
  if (!/^\d{1,7}$/.test(flags.limit) || Number(flags.limit) < 1) throw new UsageError('--limit: give a whole number from 1');
  return runTriage(paths, {filter: triageFilter(flags, nowMs), limit: Number(flags.limit)});
}
