// Values derived from state (never stored): the bound steps, the current step, what it shows and copies.
import {isMutating, supportsDryRun} from '../aws/action.js';
import {completeAction} from '../aws/bound-action.js';
import {renderBoto3} from '../aws/render/boto3.js';
import {renderCli} from '../aws/render/cli.js';
import {consoleLink} from '../aws/render/console.js';
import {renderSdkJs} from '../aws/render/sdk-js.js';
import {bindParameters, contextOf, hasFailed, type Binding} from '../runbooks/bind.js';
import {bindSteps, type BoundStep} from '../runbooks/bind-steps.js';
import type {Track} from '../runbooks/schema.js';
import {needsReason} from './needs.js';
import type {Incident, Progress, SdkLanguage, State} from './state.js';

export const codeWidth = 76;

export function accountOf(incident: Incident): string | undefined {
  return incident.record.recipientAccountId ?? incident.record.userIdentity.accountId;
}

let memo: {incident: Incident; answers: Progress['answers']; track: Track; bindings: ReadonlyMap<string, Binding>; steps: BoundStep[]} | undefined;

function bound(incident: Incident, track: Track, answers: Progress['answers']): {bindings: ReadonlyMap<string, Binding>; steps: BoundStep[]} {
  if (memo && memo.incident === incident && memo.track === track && memo.answers === answers) return memo;
  if (!incident.runbook) return {bindings: new Map(), steps: []};
  const bindings = bindParameters(incident.runbook, incident.facts, contextOf(incident.record), answers);
  memo = {incident, answers, track, bindings, steps: bindSteps(incident.runbook, bindings, track, hasFailed(incident.record), incident.record.eventName)};
  return memo;
}

export function stepsFor(incident: Incident, track: Track, answers: Progress['answers'] = {}): readonly BoundStep[] {
  return bound(incident, track, answers).steps;
}

export function bindingsOf(state: State): ReadonlyMap<string, Binding> {
  if (!state.incident || !state.progress) return new Map();
  return bound(state.incident, state.progress.track, state.progress.answers).bindings;
}

export function stepsOf(state: State): readonly BoundStep[] {
  if (!state.incident || !state.progress) return [];
  return stepsFor(state.incident, state.progress.track, state.progress.answers);
}

export function currentStep(state: State): BoundStep | undefined {
  return state.progress ? stepsOf(state)[state.progress.index] : undefined;
}

/** The Region the commands use: the event's, validated; otherwise the operator's answer. */
export function regionOf(state: State): string | undefined {
  const b = bindingsOf(state).get('region');
  return b && (b.state === 'event' || b.state === 'operator') && typeof b.value === 'string' ? b.value : undefined;
}

export interface CodeView {
  /** e.g. "AWS CLI", "Python (boto3)", "Console" */
  readonly label: string;
  readonly text: string;
  /** What `c` copies (a command, code, or a console link); undefined when there is nothing complete to copy. */
  readonly copy?: string | undefined;
}

/** What the step shows for its action (or link) on this track. */
export function codeView(step: BoundStep, track: Track, language: SdkLanguage, region: string | undefined): CodeView | undefined {
  const action = step.action;
  const complete = action ? completeAction(action) !== undefined : true;
  if (track === 'console') {
    const link = action ? consoleLink(action, region) : step.link;
    if (!link) return undefined;
    return {label: 'Console', text: link, copy: complete && !link.includes('<') ? link : undefined};
  }
  if (!action) return step.link ? {label: 'Console', text: step.link, copy: step.link.includes('<') ? undefined : step.link} : undefined;
  if (track === 'cli') {
    const text = renderCli(action, {region, width: codeWidth});
    return {label: 'AWS CLI', text, copy: complete ? text : undefined};
  }
  const text = language === 'python' ? renderBoto3(action, {region}) : renderSdkJs(action, {region});
  return {label: language === 'python' ? 'Python (boto3)' : 'JavaScript (AWS SDK v3)', text, copy: complete ? text : undefined};
}

/** What D copies: the command or code with DryRun, or why there is none. */
export type DryRunCopy = {readonly text: string; readonly label: string} | {readonly reason: string};

/** The step's call as an operator checking by hand would run it: with --dry-run / DryRun=True / DryRun: true. */
export function dryRunCopy(step: BoundStep, track: Track, language: SdkLanguage, region: string | undefined): DryRunCopy {
  const action = step.action;
  if (track === 'console') return {reason: 'the console has no dry-run: switch to the CLI or SDK track'};
  if (!action) return {reason: 'this step has no AWS call'};
  if (action.service !== 'ec2') return {reason: `not an EC2 call: ${action.service}:${action.operation} has no DryRun`};
  if (!supportsDryRun(action)) return {reason: `${action.operation} has no DryRun in the EC2 API`};
  if (!isMutating(action)) return {reason: `${action.operation} only reads: it changes nothing to dry-run`};
  if (!completeAction(action)) return {reason: needsReason(step)};
  if (track === 'cli') return {text: renderCli(action, {region, width: codeWidth, dryRun: true}), label: 'AWS CLI dry-run'};
  const text = language === 'python' ? renderBoto3(action, {region, dryRun: true}) : renderSdkJs(action, {region, dryRun: true});
  return {text, label: language === 'python' ? 'Python (boto3) dry-run' : 'JavaScript (AWS SDK v3) dry-run'};
}

export function hasProgress(progress: Progress | null): boolean {
  if (!progress) return false;
  return (
    Object.values(progress.statuses).some((s) => s !== 'pending') ||
    Object.keys(progress.dryRuns).length > 0 ||
    Object.keys(progress.notes).length > 0 ||
    Object.keys(progress.answers).length > 0
  );
}
