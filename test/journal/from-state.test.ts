// What each transition of the walkthrough adds to the journal.
import {describe, expect, it} from 'vitest';
import {journalEntries} from '../../src/journal/from-state.js';
import {initialState, reducer, type Message} from '../../src/walkthrough/reducer.js';
import {scenario} from '../helpers/candidates.js';
import {settle} from '../helpers/settle.js';

const named = new Set(['enter', 'right', 'left', 'escape']);
/** Press keys, collecting the journal entries each transition adds. */
function session(...names: string[]) {
  let state = settle(initialState([scenario('sg-default-ssh-in-default-vpc')]));
  const entries: ReturnType<typeof journalEntries> = [];
  for (const name of names) {
    const message: Message = {type: 'key', name, text: named.has(name) ? '' : name};
    const next = settle(reducer(state, message));
    entries.push(...journalEntries(state, next));
    state = next;
  }
  return {state, entries};
}

describe('journalEntries', () => {
  it('records nothing before a walkthrough begins', () => {
    expect(session().entries).toEqual([]);
  });
  it('records the track, the findings as shown (plan mode: the event\'s alone) and the first step shown', () => {
    const {entries} = session('enter', '2');
    expect(entries.map((e) => e.type)).toEqual(['track', 'step', 'findings']);
    expect(entries[0]).toEqual({type: 'track', track: 'cli'});
    const findings = entries[2]?.type === 'findings' ? entries[2].findings : [];
    expect(findings.map((f) => f.id)).toEqual(['long-term-access-key', 'sg-imitates-standard-group']);
    expect(findings.every((f) => f.source === 'event' && !f.resolved)).toBe(true);
    expect(entries[1]).toEqual({type: 'step', stepId: 'describe-group', status: 'shown'});
  });
  it('records marks before the next step shown, a changed mark, and a note', () => {
    const {entries} = session('enter', '2', 'x', 'left', 's', 'n', 'h', 'i', 'enter');
    expect(entries.filter((e) => e.type === 'step')).toEqual([
      {type: 'step', stepId: 'describe-group', status: 'shown'},
      {type: 'step', stepId: 'describe-group', status: 'done'},
      {type: 'step', stepId: 'list-group-rules', status: 'shown'},
      {type: 'step', stepId: 'describe-group', status: 'shown'},
      {type: 'step', stepId: 'describe-group', status: 'skipped'},
      {type: 'step', stepId: 'list-group-rules', status: 'shown'},
    ]);
    expect(entries.filter((e) => e.type === 'note')).toEqual([{type: 'note', stepId: 'list-group-rules', text: 'hi'}]);
  });
  it('records a dry-run when its result arrives', () => {
    const {state} = session('enter', '2', 'd');
    const request = state.requests.find((r) => r.kind === 'dry-run')!;
    const result = {request: {service: 'ec2' as const, operation: 'DescribeSecurityGroups', params: {}}, verdict: {outcome: 'would-succeed' as const}, sent: false, durationMs: 1, at: '2026-11-25T12:00:00.000Z'};
    const after = reducer(state, {type: 'dry-run-done', requestId: request.id, stepId: 'describe-group', result});
    expect(journalEntries(state, after)).toEqual([{type: 'dry-run', stepId: 'describe-group', result}]);
  });
});
