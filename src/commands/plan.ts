// `trailguide plan EVENT`: the plan without the TUI, as Markdown or JSON, for tickets, chat and scripts.
import {createPlanExecutor} from '../aws/executors/plan.js';
import type {DryRunResult} from '../aws/executors/executor.js';
import {exitCodes, UsageError} from '../exit-codes.js';
import type {Track} from '../runbooks/schema.js';
import {buildPlan, dryRunnable, planSteps} from '../plan/build-plan.js';
import {planJson} from '../plan/plan-json.js';
import {planMarkdown} from '../plan/plan-md.js';
import {safeLine} from '../text/safe-text.js';
import {quote} from 'shell-quote';
import {engineOf} from '../runbooks/registry.js';
import {runbookSet, type RunbookSet} from '../runbooks/runbook-set.js';
import {openIncident, withRunbook} from '../walkthrough/open-incident.js';
import type {Candidate} from '../walkthrough/state.js';
import type {Loaded} from './load-candidates.js';
import type {FindingsConfig} from '../findings/finding.js';

export interface PlanOptions {
  readonly findingsConfig?: FindingsConfig | undefined;
  readonly track: Track;
  readonly format: 'md' | 'json';
  /** Which record of a multi-record input: its eventID or its 1-based position. */
  readonly record?: string | undefined;
  /** The EVENT argument (a path, or - for standard input). */
  readonly input?: string | undefined;
  /** The built-ins and users' runbooks (--runbooks); default: the built-ins. */
  readonly runbooks?: RunbookSet | undefined;
}

/** How many events the "choose one" message lists. */
const listed = 10;

/** The event to plan; `input` (the EVENT argument) names the file in the advice to triage it; `runbooks` says which events have one. */
export function chooseRecord(loaded: Loaded, wanted: string | undefined, input?: string, runbooks: RunbookSet = runbookSet()): Candidate {
  const {candidates} = loaded;
  if (wanted !== undefined) {
    const byId = candidates.find((c) => c.record.eventID === wanted || (c.title !== undefined && c.id === wanted));
    const byIndex = /^\d+$/.test(wanted) ? candidates[Number(wanted) - 1] : undefined;
    const found = byId ?? byIndex;
    if (!found) throw new UsageError(`${safeLine(wanted)}: no such event (give an eventID, a position from 1 to ${candidates.length}${loaded.isTraining ? ', or a scenario id from: trailguide scenarios' : ''})`);
    return found;
  }
  const only = candidates.length === 1 ? candidates[0] : undefined;
  if (only) return only;
  const withRunbook = candidates.filter((c) => runbooks.eventNames.includes(c.record.eventName));
  const single = withRunbook.length === 1 ? withRunbook[0] : undefined;
  if (single) return single;
  const offered = withRunbook.length ? withRunbook : candidates;
  const shown = offered.slice(0, listed);
  const positionWidth = String(candidates.length).length;
  const list = shown.map((c) => `  ${String(candidates.indexOf(c) + 1).padStart(positionWidth)}  ${safeLine(c.record.eventName)}  ${safeLine(c.record.eventID ?? '')}`);
  const more = offered.length - shown.length;
  if (more > 0) list.push(`  … and ${more} more${withRunbook.length ? ` with a runbook (${candidates.length} events in all)` : ' (none has a runbook)'}`);
  // A file of many records is triage's job: it ranks them by their findings and opens the one picked.
  const file = input === undefined || input === '-' ? 'FILE' : quote([safeLine(input, 500)]);
  // triage lists the events with a runbook unless told --all.
  if (candidates.length > listed) list.push(`To rank them by severity and pick one: trailguide triage ${withRunbook.length ? '' : '--all '}${file}`);
  throw new UsageError(`${loaded.source}: choose one event with --record (eventID or position):\n${list.join('\n')}`);
}

export async function planCommand(loaded: Loaded, options: PlanOptions, write: (text: string) => void): Promise<number> {
  const runbooks = options.runbooks ?? runbookSet();
  const {record} = chooseRecord(loaded, options.record, options.input, runbooks);
  const runbook = (runbooks.forEvent(record.eventName, record.eventSource) ?? runbooks.general()).runbook;
  const incident = withRunbook(openIncident(record), {runbook, engine: runbook === undefined ? undefined : engineOf(runbook)});
  const executor = createPlanExecutor();
  const results: Record<string, DryRunResult> = {};
  for (const {stepId, action} of dryRunnable(planSteps(incident, options.track))) {
    results[stepId] = await executor.dryRun(action, {region: incident.record.awsRegion});
  }
  const plan = buildPlan(incident, options.track, results, options.findingsConfig);
  write(options.format === 'json' ? `${planJson(plan)}\n` : `${planMarkdown(plan)}\n`);
  // Every event has a runbook now (its own, or the general one for the caller): planning it succeeded.
  return exitCodes.ok;
}
