// What the walkthrough does with d (dry-run), c (copy) and X (execute) on a step, through the real
// reducer and key table: a step whose action holds a placeholder or lacks a value it cannot work without
// is refused with "needs a value …" or "needs one of: … (press e)" and requests nothing; a complete one
// is dry-run and copied as bound.
import {expect} from 'vitest';
import {completeAction} from '../../src/aws/bound-action.js';
import type {CloudTrailRecord} from '../../src/events/record.js';
import type {Track} from '../../src/runbooks/tracks.js';
import {initialState, reducer, type Message} from '../../src/walkthrough/reducer.js';
import {currentStep, stepsOf} from '../../src/walkthrough/selectors.js';
import type {State} from '../../src/walkthrough/state.js';
import {settle} from '../helpers/settle.js';

const key = (name: string, text = name): Message => ({type: 'key', name, text});
const trackKey: Readonly<Record<Track, string>> = {console: '1', cli: '2', sdk: '3'};

/** The walkthrough of the record on the track, in the training sandbox (where X may execute any change). */
export function walkthrough(record: CloudTrailRecord, track: Track): State {
  const opened = settle(initialState([{id: 'campaign', record}], {kind: 'sandbox'}));
  const state = reducer(reducer(opened, key('enter', '')), key(trackKey[track]));
  expect(state.screen).toBe('step');
  return state;
}

export function atStep(state: State, index: number): State {
  if (!state.progress) throw new Error('no walkthrough');
  return {...state, progress: {...state.progress, index}};
}

// "needs a value for a, b first (press e)", or with alternatives "needs [a value for a and ]one of: b, c (press e)".
const needsValue = /^(dry-run|copy|execute for real): needs (a value for \S.* first|(a value for \S.* and )?one of: \S.*) \(press e\)$/;

/** d, c and X on the step at index: refused while a placeholder remains, carried out once complete. */
export function expectStepKeys(state: State, index: number): void {
  const at = atStep(state, index);
  const step = currentStep(at);
  if (!step?.action) return;
  const action = completeAction(step.action);
  const pressed = (name: string): State => reducer(at, key(name));
  const [dryRun, copy, execute] = [pressed('d'), pressed('c'), pressed('X')];
  const added = (s: State) => s.requests.slice(at.requests.length);
  if (action === undefined) {
    for (const s of [dryRun, copy, execute]) {
      // A console step with no console page for its call has nothing to copy either way.
      if (s !== copy || s.status !== 'copy: this step has nothing to copy') {
        expect(s.status, step.id).toMatch(needsValue);
        // Alternatives are offered as such, and every value the step lacks is named.
        expect(s.status?.includes('one of:'), step.id).toBe((step.missingOneOf ?? []).length > 0);
        for (const name of step.missing) expect(s.status, step.id).toContain(name);
      }
      expect(added(s), step.id).toEqual([]);
      expect(s.overlay, step.id).toBeNull();
    }
    return;
  }
  expect(added(dryRun), step.id).toMatchObject([{kind: 'dry-run', stepId: step.id, action: {params: action.params}}]);
  for (const s of [copy, execute]) expect(s.status ?? '', step.id).not.toMatch(needsValue);
  if (at.progress?.track !== 'console') expect(added(copy), step.id).toMatchObject([{kind: 'copy'}]);
}

export function stepCount(state: State): number {
  return stepsOf(state).length;
}
