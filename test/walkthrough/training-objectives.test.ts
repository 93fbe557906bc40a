// Training in the sandbox, through the walkthrough's messages (keys, then the effects' answers as the
// app would dispatch them): a "change nothing" objective is open while the trainee works, met only
// once the debrief is reached with nothing changed, failed by a change; and the debrief counts a
// change made before any check step had looked at the account, in the order things happened.
import {describe, expect, it} from 'vitest';
import type {DryRunResult} from '../../src/aws/executors/executor.js';
import {builtInLoad} from '../../src/runbooks/registry.js';
import {debrief} from '../../src/walkthrough/debrief.js';
import {objectivesView} from '../../src/walkthrough/objectives.js';
import {initialState, reducer, type Message} from '../../src/walkthrough/reducer.js';
import {currentStep, stepsOf} from '../../src/walkthrough/selectors.js';
import type {State} from '../../src/walkthrough/state.js';
import {scenario} from '../helpers/candidates.js';

const named = new Set(['up', 'down', 'left', 'right', 'enter', 'escape']);
const t0 = Date.parse('2026-11-25T12:00:00Z');
let clock = t0;
const key = (name: string): Message => ({type: 'key', name, text: named.has(name) ? '' : name, at: (clock += 1_000)});

/** Load a runbook the moment it is asked for, as the app's effect would. */
function settle(state: State): State {
  return state.requests.reduce((s, r) => (r.kind === 'load-runbook' ? reducer(s, {type: 'runbook-loaded', requestId: r.id, eventName: r.eventName, load: builtInLoad(r.eventName)}) : s), state);
}
const press = (state: State, ...names: string[]): State => names.reduce((s, n) => settle(reducer(settle(s), key(n))), state);

/** d on the current step, answered by the sandbox as a read (a check step) or a passing dry-run. */
function dryRun(state: State): State {
  const asked = press(state, 'd');
  const request = asked.requests.find((r) => r.kind === 'dry-run');
  if (request?.kind !== 'dry-run') throw new Error(`no dry-run asked on ${currentStep(state)?.id ?? '?'}`);
  const result: DryRunResult = {
    request: {service: request.action.service, operation: request.action.operation, params: request.action.params},
    verdict: currentStep(state)?.kind === 'check' ? {outcome: 'read', summary: 'RouteTables: 1'} : {outcome: 'would-succeed'},
    sent: false, durationMs: 1, at: new Date((clock += 1_000)).toISOString(),
  };
  return reducer(asked, {type: 'dry-run-done', requestId: request.id, stepId: request.stepId, result});
}

/** X, the resource ID typed, Enter; then the sandbox's answer. */
function execute(state: State, id: string, ok = true): State {
  const confirmed = press(press(state, 'X'), id, 'enter');
  const request = confirmed.requests.find((r) => r.kind === 'execute');
  if (request?.kind !== 'execute') throw new Error(`not executed: ${confirmed.status ?? confirmed.inputError ?? '?'}`);
  const result = ok ? {ok: true as const, output: {}} : {ok: false as const, code: 'InvalidRoute.NotFound', message: 'no such route'};
  return reducer(confirmed, {type: 'executed', requestId: request.id, stepId: request.stepId, operation: request.action.operation, result});
}

const toStep = (state: State, n: number): State => press(state, ...Array<string>(n - 1 - (state.progress?.index ?? 0)).fill('right'));
const toSummary = (state: State): State => press(state, ...Array<string>(stepsOf(state).length).fill('right'));
const statuses = (state: State) => objectivesView(state).map((o) => o.status);

// A benign route (private subnets out through a NAT gateway); on the CLI track step 1 reads the
// route table, step 2 deletes the route.
const nat = scenario('route-private-subnets-via-nat');
const natTable = 'rtb-0fedcba9876543210';
const onTrack = (): State => press(initialState([nat], {kind: 'sandbox'}, {}, t0), 'enter', '2');

describe('a "change nothing" objective', () => {
  it('is open while the trainee works, and met once the debrief is reached with nothing changed', () => {
    const start = onTrack();
    expect(statuses(start)).toEqual(['open']);
    const looked = dryRun(start);
    expect(statuses(looked), 'a read changes nothing, but the trainee has not finished').toEqual(['open']);
    const summary = toSummary(looked);
    expect(summary.screen).toBe('summary');
    expect(statuses(summary)).toEqual(['met']);
    expect(debrief(summary)?.objectives.map((o) => o.isMet)).toEqual([true]);
    // Back to a step after the debrief: still met, the trainee did reach it without a change.
    expect(statuses(press(summary, 'left'))).toEqual(['met']);
  });

  it('fails as soon as something is changed, and stays failed at the debrief', () => {
    const changed = execute(toStep(dryRun(onTrack()), 2), natTable);
    expect(statuses(changed)).toEqual(['failed']);
    const summary = toSummary(changed);
    expect(statuses(summary)).toEqual(['failed']);
    expect(debrief(summary)?.mistakes).toContain('DeleteRoute changed a benign resource: this event needed no remediation (step delete-route)');
  });

  it('is not failed by a call that the sandbox refused (it changed nothing)', () => {
    const refused = execute(toStep(dryRun(onTrack()), 2), natTable, false);
    expect(statuses(refused)).toEqual(['open']);
    expect(statuses(toSummary(refused))).toEqual(['met']);
  });
});

describe('the debrief counts investigation skipped before a change', () => {
  const skipped = 'DeleteRoute changed rtb-0fedcba9876543210 before looking at it: no check step had been run yet (step delete-route)';

  it('a change made before any check step was run is a mistake', () => {
    const state = toSummary(execute(dryRun(toStep(onTrack(), 2)), natTable));
    expect(debrief(state)?.mistakes).toContain(skipped);
  });

  it('a check run first, then the change: no such mistake', () => {
    const state = toSummary(execute(dryRun(toStep(dryRun(onTrack()), 2)), natTable));
    expect(debrief(state)?.mistakes).not.toContain(skipped);
    expect(debrief(state)?.mistakes.filter((m) => m.includes('before looking'))).toEqual([]);
  });

  it('a look taken only after the change does not undo it: order counts', () => {
    const changed = execute(dryRun(toStep(onTrack(), 2)), natTable);
    const lookedAfter = dryRun(press(changed, 'left'));
    expect(currentStep(lookedAfter)?.kind).toBe('check');
    expect(debrief(toSummary(lookedAfter))?.mistakes).toContain(skipped);
  });

  it('a refused call changed nothing, so it is not counted as changed before looking', () => {
    const state = toSummary(execute(dryRun(toStep(onTrack(), 2)), natTable, false));
    expect(debrief(state)?.mistakes.filter((m) => m.includes('before looking'))).toEqual([]);
  });
});
