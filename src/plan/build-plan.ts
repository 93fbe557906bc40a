// The plan as data: the event's context, its resources, the runbook bound to it on one track, and
// each action's dry-run result. `trailguide plan` prints it as Markdown or JSON (README documents the JSON).
import {isMutating, supportsDryRun, type CliView} from '../aws/action.js';
import {completeAction} from '../aws/bound-action.js';
import type {DryRunResult} from '../aws/executors/executor.js';
import {Placeholder, type RenderParams} from '../aws/placeholder.js';
import {renderBoto3} from '../aws/render/boto3.js';
import {renderCli} from '../aws/render/cli.js';
import {consoleLink} from '../aws/render/console.js';
import {renderSdkJs} from '../aws/render/sdk-js.js';
import {verdictText} from '../aws/verdict-text.js';
import {eventContext, type EventContext} from '../events/context.js';
import type {Fact} from '../events/record.js';
import {bindParameters, contextOf, hasFailed, type Binding} from '../runbooks/bind.js';
import {bindSteps, type BoundStep} from '../runbooks/bind-steps.js';
import type {SectionKind} from '../runbooks/sections.js';
import type {Track} from '../runbooks/schema.js';
import type {Incident} from '../walkthrough/state.js';
import {findingsFor} from '../findings/index.js';
import type {Finding, FindingsConfig} from '../findings/finding.js';
import {resourceIds, type ResourceId} from '../engine/resource-ids.js';
import {isGeneralRunbook, runbooksForResources, type ResourceRunbooks} from '../runbooks/kind-runbooks.js';
import type {JsonObject} from '../events/record.js';

export interface PlanStep {
  readonly number: number;
  readonly id: string;
  readonly procedure: {readonly id: string; readonly title: string; readonly kind: SectionKind};
  readonly kind: BoundStep['kind'];
  readonly title: string;
  readonly text: string;
  readonly console?: string | undefined;
  readonly expect?: string | undefined;
  readonly note?: string | undefined;
  readonly missing: readonly string[];
  /** Groups of missing names of which any one completes the call (a route's destination); each name is also in missing. */
  readonly missingOneOf: readonly (readonly string[])[];
  /** Missing values the event does hold, but not in a valid form (rtb-1 for a route table ID). */
  readonly rejected?: readonly {readonly name: string; readonly value: string; readonly problem: string}[] | undefined;
  readonly action?: {
    readonly service: string;
    readonly operation: string;
    readonly params: unknown;
    readonly mutating: boolean;
    readonly supportsDryRun: boolean;
    readonly cli: string;
    readonly python: string;
    readonly javascript: string;
    readonly consoleLink?: string | undefined;
    /** The action's own Region when it has one (a peering rejected in the peer's Region; "<name>" while missing). */
    readonly region?: string | undefined;
    /** On the CLI track: how the CLI shows the answer (--query, --output), never sent. */
    readonly cliView?: CliView | undefined;
  } | undefined;
  readonly link?: string | undefined;
  readonly dryRun?: (DryRunResult & {readonly text: string}) | undefined;
}

export interface Plan {
  readonly event: {
    readonly eventID?: string | undefined;
    readonly eventName: string;
    readonly eventSource: string;
    readonly eventTime?: string | undefined;
    readonly awsRegion?: string | undefined;
    readonly failed: boolean;
    readonly errorCode?: string | undefined;
    readonly errorMessage?: string | undefined;
    /** As in the event (attacker-controlled): the printers show them through safe-text. */
    readonly requestParameters: JsonObject | null;
    readonly responseElements: JsonObject | null;
  };
  readonly context: EventContext;
  /** Every resource the event names, with its kind and the first place it was found. */
  readonly resourceIds: readonly ResourceId[];
  /** The values the runbook reads from the event (its facts). */
  readonly resources: readonly Fact[];
  /** isGeneral: the general runbook, for an event without a runbook of its own. */
  readonly runbook: {readonly eventName: string; readonly title: string; readonly version: number; readonly isGeneral: boolean; readonly info: readonly string[]; readonly risks: readonly {title: string; text: string}[]} | null;
  /** For an event without a runbook of its own: the built-in runbooks for the resources it names, by kind. */
  readonly resourceRunbooks: readonly ResourceRunbooks[];
  readonly track: Track;
  readonly parameters: readonly {readonly name: string; readonly state: Binding['state']; readonly value?: string | readonly string[] | undefined}[];
  readonly steps: readonly PlanStep[];
  /** What is wrong with this event, most severe first (from the event alone: plan sends nothing). */
  readonly findings: readonly Finding[];
  readonly mode: 'plan';
}

const placeholderJson = (params: RenderParams): unknown => JSON.parse(JSON.stringify(params, (_k, v: unknown) => (v instanceof Placeholder ? v.toString() : v)));

/** The parameters as the event gives them (plan and check ask nobody for values). */
function planBindings(incident: Incident): ReadonlyMap<string, Binding> {
  if (!incident.runbook) return new Map();
  return bindParameters(incident.runbook, incident.facts, contextOf(incident.record), {});
}

export function planSteps(incident: Incident, track: Track, bindings = planBindings(incident)): readonly BoundStep[] {
  return incident.runbook ? bindSteps(incident.runbook, bindings, track, hasFailed(incident.record), incident.record.eventName) : [];
}

export function buildPlan(incident: Incident, track: Track, results: Readonly<Record<string, DryRunResult>>, config: FindingsConfig = {}): Plan {
  const {record, runbook} = incident;
  const context = eventContext(record);
  const bindings = planBindings(incident);
  const steps = planSteps(incident, track, bindings);
  const validRegion = bindings.get('region');
  const commandRegion = validRegion?.state === 'event' && typeof validRegion.value === 'string' ? validRegion.value : undefined;
  const ids = resourceIds(record);
  const general = runbook === null || isGeneralRunbook(runbook);
  return {
    event: {
      eventID: record.eventID, eventName: record.eventName, eventSource: record.eventSource, eventTime: record.eventTime,
      awsRegion: record.awsRegion, failed: context.what.failed, errorCode: record.errorCode, errorMessage: record.errorMessage,
      requestParameters: record.requestParameters, responseElements: record.responseElements,
    },
    context,
    resourceIds: ids,
    resources: incident.facts,
    runbook: runbook ? {eventName: record.eventName, title: runbook.title, version: runbook.version, isGeneral: isGeneralRunbook(runbook), info: runbook.info, risks: runbook.risks} : null,
    resourceRunbooks: general ? runbooksForResources(ids) : [],
    track,
    parameters: [...bindings].map(([name, b]) => ({name, state: b.state, value: b.state === 'event' || b.state === 'operator' ? b.value : undefined})),
    steps: steps.map((step, i): PlanStep => {
      const action = step.action;
      const result = results[step.id];
      return {
        number: i + 1,
        id: step.id,
        procedure: {id: step.procedure.id, title: step.procedure.title, kind: step.procedure.kind},
        kind: step.kind,
        title: step.title,
        text: step.text,
        console: step.console,
        expect: step.expect,
        note: step.note,
        missing: step.missing,
        missingOneOf: step.missingOneOf ?? [],
        rejected: step.missing.flatMap((name) => {
          const b = bindings.get(name);
          return b?.state === 'missing' && b.rejected ? [{name, ...b.rejected}] : [];
        }),
        link: step.link,
        action: action && {
          service: action.service,
          operation: action.operation,
          params: placeholderJson(action.params),
          mutating: isMutating(action),
          supportsDryRun: supportsDryRun(action),
          cli: renderCli(action, {region: commandRegion}),
          python: renderBoto3(action, {region: commandRegion}),
          javascript: renderSdkJs(action, {region: commandRegion}),
          consoleLink: consoleLink(action, commandRegion),
          ...(action.region === undefined ? {} : {region: String(action.region)}),
          ...(action.cli === undefined ? {} : {cliView: action.cli}),
        },
        dryRun: result && {...result, text: verdictText(result.verdict)},
      };
    }),
    findings: findingsFor(record, incident.facts, undefined, config, incident.engine).map((f) => ({id: f.id, severity: f.severity, title: f.title, evidence: f.evidence, stepId: f.stepId})),
    mode: 'plan',
  };
}

/** Actions of the plan that can be dry-run (every value known). */
export function dryRunnable(steps: readonly BoundStep[]): {stepId: string; action: NonNullable<ReturnType<typeof completeAction>>}[] {
  return steps.flatMap((step) => {
    const action = step.action && completeAction(step.action);
    return action ? [{stepId: step.id, action}] : [];
  });
}
