// The walkthrough's timing, through key messages that carry the app's clock: opening an event starts it,
// first reaching the summary ends it, opening a different event restarts it.
import {describe, expect, it} from 'vitest';
import {builtInLoad} from '../../src/runbooks/registry.js';
import {debrief} from '../../src/walkthrough/debrief.js';
import {initialState, reducer, type Message} from '../../src/walkthrough/reducer.js';
import {stepsOf} from '../../src/walkthrough/selectors.js';
import type {State} from '../../src/walkthrough/state.js';
import {elapsedMs, timeTakenMs} from '../../src/walkthrough/timing.js';
import {trainingView} from '../../src/walkthrough/training-view.js';
import {scenario, scenarioList} from '../helpers/candidates.js';

const named = new Set(['up', 'down', 'left', 'right', 'enter', 'escape']);
const key = (name: string, at?: number): Message => ({type: 'key', name, text: named.has(name) ? '' : name, at});
function settle(state: State): State {
  return state.requests.reduce((s, r) => (r.kind === 'load-runbook' ? reducer(s, {type: 'runbook-loaded', requestId: r.id, eventName: r.eventName, load: builtInLoad(r.eventName)}) : s), state);
}
/** Keys pressed at one moment (epoch ms). */
const pressAt = (at: number | undefined, state: State, ...names: string[]): State => names.reduce((s, n) => settle(reducer(settle(s), key(n, at))), state);

const t0 = Date.parse('2026-11-25T12:00:00Z');
const sg = scenario('sg-default-ssh-in-default-vpc');
const sandbox = {kind: 'sandbox'} as const;
/** From the event to the summary on the CLI track, every key at one moment. */
const toSummary = (state: State, at: number): State => {
  const onTrack = pressAt(at, state, 'enter', '2');
  return pressAt(at, onTrack, ...Array<string>(stepsOf(onTrack).length).fill('right'));
};

describe('timing', () => {
  it('starts when a single event opens at startup, with the app clock', () => {
    expect(initialState([sg], sandbox, {}, t0).timing).toEqual({startedAt: t0, finishedAt: null});
    expect(initialState([sg]).timing).toBeNull();
  });
  it('starts when the event is opened from the list, not when the list is shown', () => {
    const list = initialState(scenarioList, sandbox, {}, t0);
    expect(list.timing).toBeNull();
    expect(pressAt(t0 + 5_000, list, 'down', 'enter').timing).toEqual({startedAt: t0 + 5_000, finishedAt: null});
  });
  it('ends the first time the summary is reached; going back and forth keeps that time', () => {
    const summary = toSummary(initialState([sg], sandbox, {}, t0), t0 + 252_000);
    expect(summary.screen).toBe('summary');
    expect(summary.timing).toEqual({startedAt: t0, finishedAt: t0 + 252_000});
    const again = pressAt(t0 + 400_000, summary, 'left', 'right');
    expect(again.screen).toBe('summary');
    expect(again.timing).toEqual({startedAt: t0, finishedAt: t0 + 252_000});
  });
  it('keeps running when the same event is opened again, and restarts for a different one', () => {
    const opened = pressAt(t0, initialState(scenarioList, sandbox), 'enter', 'enter', '2');
    const same = pressAt(t0 + 60_000, opened, 'i', 'left', 'enter');
    expect(same.screen).toBe('event');
    expect(same.timing).toEqual({startedAt: t0, finishedAt: null});
    const other = pressAt(t0 + 90_000, same, 'left', 'down', 'enter');
    expect(other.incident?.record).toBe(scenarioList[1]?.record);
    expect(other.timing).toEqual({startedAt: t0 + 90_000, finishedAt: null});
  });
  it('records nothing from keys that carry no time', () => {
    const opened = pressAt(undefined, initialState(scenarioList, sandbox), 'enter');
    expect(opened.timing).toBeNull();
    expect(toSummary(opened, t0).timing).toBeNull();
  });
});

describe('elapsed time', () => {
  it('runs with the clock until the summary, then stays at the time taken', () => {
    const running = {startedAt: t0, finishedAt: null};
    expect(elapsedMs(running, t0 + 65_000)).toBe(65_000);
    expect(timeTakenMs(running)).toBeUndefined();
    const finished = {startedAt: t0, finishedAt: t0 + 252_000};
    expect(elapsedMs(finished, t0 + 999_000)).toBe(252_000);
    expect(timeTakenMs(finished)).toBe(252_000);
    expect(elapsedMs(null, t0)).toBeUndefined();
    expect(elapsedMs(running, t0 - 1_000)).toBe(0);
  });
  it('is in the debrief as the time taken', () => {
    const summary = toSummary(initialState([sg], sandbox, {}, t0), t0 + 252_000);
    expect(debrief(summary)?.timeTakenMs).toBe(252_000);
  });
  it('is in the training view: elapsed while working, time taken after the summary', () => {
    const step = pressAt(t0, initialState([sg], sandbox, {}, t0), 'enter', '2');
    expect(trainingView(step, t0 + 65_000)).toMatchObject({metCount: 0, time: 'elapsed 1 min 5 s', isRunning: true});
    expect(trainingView(step, t0)?.objectives.map((o) => [o.objective.text, o.isMet])).toEqual([['Close SSH (22) to the internet', false]]);
    const back = pressAt(t0 + 500_000, toSummary(step, t0 + 252_000), 'left');
    expect(back.screen).toBe('step');
    expect(trainingView(back, t0 + 900_000)).toMatchObject({time: 'time taken 4 min 12 s', isRunning: false});
  });
  it('is not shown outside the training sandbox', () => {
    expect(trainingView(pressAt(t0, initialState([sg], undefined, {}, t0), 'enter', '2'), t0)).toBeUndefined();
  });
});
