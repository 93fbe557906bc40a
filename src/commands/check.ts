// `trailguide check EVENT`: the dry-run of every action of the event's runbook against the account,
// one verdict per action, then a total. On-call engineers run it before an incident to learn
// whether their role can remediate at all. Exit 5 when something was denied.
import type {Action} from '../aws/action.js';
import type {DryRunResult, Executor} from '../aws/executors/executor.js';
import {verdictText} from '../aws/verdict-text.js';
import {exitCodes} from '../exit-codes.js';
import {engineOf} from '../runbooks/registry.js';
import {runbookSet, type RunbookSet} from '../runbooks/runbook-set.js';
import {tracks, type Track} from '../runbooks/tracks.js';
import {dryRunnable, planSteps} from '../plan/build-plan.js';
import {safeLine} from '../text/safe-text.js';
import {openIncident, withRunbook} from '../walkthrough/open-incident.js';
import {chooseRecord} from './plan.js';
import type {Loaded} from './load-candidates.js';

export interface CheckOptions {
  /** Only the actions of one track; default: every action of the runbook, each once. */
  readonly track?: Track | undefined;
  readonly format: 'md' | 'json';
  readonly record?: string | undefined;
  /** The built-ins and users' runbooks (--runbooks); default: the built-ins. */
  readonly runbooks?: RunbookSet | undefined;
}

export interface CheckRow {
  readonly stepIds: readonly string[];
  readonly action: Action;
  readonly result: DryRunResult;
}

const outcomeWords = {
  'would-succeed': 'would succeed',
  permitted: 'permitted (IAM, checked with iam:SimulatePrincipalPolicy)',
  denied: 'denied',
  'would-fail': 'would fail',
  'plan-only': 'plan only',
  read: 'read for real (read-only)',
  error: 'not checked',
} as const;

export function totalLine(rows: readonly CheckRow[], needValues: number): string {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(outcomeWords[row.result.verdict.outcome], (counts.get(outcomeWords[row.result.verdict.outcome]) ?? 0) + 1);
  const parts = [...counts].map(([word, n]) => `${n} ${word}`);
  if (needValues) parts.push(`${needValues} need values the event does not give`);
  return parts.join(', ') || 'no actions';
}

export async function checkCommand(loaded: Loaded, options: CheckOptions, executor: Executor, write: (text: string) => void): Promise<number> {
  const runbooks = options.runbooks ?? runbookSet();
  const {record} = chooseRecord(loaded, options.record, undefined, runbooks);
  const runbook = (runbooks.forEvent(record.eventName, record.eventSource) ?? runbooks.general()).runbook;
  const incident = withRunbook(openIncident(record), {runbook, engine: runbook === undefined ? undefined : engineOf(runbook)});
  if (!incident.runbook) {
    write(`No runbook for ${safeLine(record.eventName)}: nothing to check.\n`);
    return exitCodes.noRunbook;
  }
  const byAction = new Map<string, {stepIds: string[]; action: Action}>();
  const needValues = new Set<string>();
  for (const track of options.track ? [options.track] : tracks) {
    const steps = planSteps(incident, track);
    for (const step of steps) if (step.action && step.missing.length) needValues.add(step.id);
    for (const {stepId, action} of dryRunnable(steps)) {
      const key = JSON.stringify(action);
      const entry = byAction.get(key);
      if (entry) {
        if (!entry.stepIds.includes(stepId)) entry.stepIds.push(stepId);
      } else byAction.set(key, {stepIds: [stepId], action});
    }
  }
  const rows: CheckRow[] = [];
  for (const {stepIds, action} of byAction.values()) {
    rows.push({stepIds, action, result: await executor.dryRun(action, {region: record.awsRegion})});
  }
  const total = totalLine(rows, needValues.size);
  if (options.format === 'json') {
    write(`${JSON.stringify({event: {eventID: record.eventID, eventName: record.eventName}, track: options.track ?? 'all', rows: rows.map((r) => ({...r, text: verdictText(r.result.verdict)})), total}, null, 2)}\n`);
  } else {
    const lines = rows.map((r) => `- \`${r.action.service}:${r.action.operation}\` \`${safeLine(JSON.stringify(r.action.params), 400)}\` → **${verdictText(r.result.verdict)}** (${r.result.durationMs} ms)`);
    write([`# Preflight: ${safeLine(record.eventName)} (${options.track ?? 'every track'})`, '', ...lines, '', total, ''].join('\n'));
  }
  return rows.some((r) => r.result.verdict.outcome === 'denied') ? exitCodes.denied : exitCodes.ok;
}
