import {describe, expect, it} from 'vitest';
import type {Unstamped} from '../../src/journal/entry.js';
import {replay} from '../../src/journal/replay.js';
import {dryRun, request, sessionStart, stamp} from '../helpers/journal.js';

function replayOf(...entries: Unstamped[]) {
  return replay(stamp('s1', [sessionStart(), ...entries]));
}

describe('replay', () => {
  it('starts from nothing', () => {
    expect(replayOf()).toEqual({track: null, stepId: null, statuses: {}, dryRuns: {}, notes: {}, answers: {}, executions: {}, unknownOutcomes: [], ended: false});
  });

  it('keeps the last track and the last step shown', () => {
    const progress = replayOf(
      {type: 'track', track: 'console'},
      {type: 'step', stepId: 'check', status: 'shown'},
      {type: 'track', track: 'cli'},
      {type: 'step', stepId: 'revoke', status: 'shown'},
      {type: 'step', stepId: 'check', status: 'done'},
    );
    expect(progress.track).toBe('cli');
    expect(progress.stepId).toBe('revoke');
  });

  it('done → pending → done: a pending line takes the mark back, a later mark counts', () => {
    const taken = [{type: 'step', stepId: 'a', status: 'done'}, {type: 'step', stepId: 'b', status: 'skipped'}, {type: 'step', stepId: 'a', status: 'pending'}] as const;
    expect(replayOf(...taken).statuses).toEqual({b: 'skipped'});
    expect(replayOf(...taken, {type: 'step', stepId: 'a', status: 'done'}).statuses).toEqual({a: 'done', b: 'skipped'});
    expect(replayOf(...taken, {type: 'step', stepId: 'b', status: 'done'}).statuses).toEqual({b: 'done'});
  });

  it('the latest dry-run, note and answer win', () => {
    const first = dryRun('denied', '2026-11-25T12:00:01.000Z');
    const second = dryRun('would-succeed', '2026-11-25T12:00:05.000Z');
    const progress = replayOf(
      {type: 'dry-run', stepId: 'revoke', result: first},
      {type: 'note', stepId: 'revoke', text: 'asked for the role'},
      {type: 'answer', name: 'CidrIp', value: '203.0.113.0/24'},
      {type: 'dry-run', stepId: 'revoke', result: second},
      {type: 'note', stepId: 'revoke', text: 'role granted'},
      {type: 'answer', name: 'CidrIp', value: '203.0.113.7/32'},
    );
    expect(progress.dryRuns).toEqual({revoke: second});
    expect(progress.notes).toEqual({revoke: 'role granted'});
    expect(progress.answers).toEqual({CidrIp: '203.0.113.7/32'});
  });

  it('an execute-start without an execute after it is an unknown outcome', () => {
    const progress = replayOf(
      {type: 'execute-start', stepId: 'revoke', request},
      {type: 'execute', stepId: 'revoke', request, result: {ok: true, output: {Return: true}}},
      {type: 'execute-start', stepId: 'tag', request},
      {type: 'execute-start', stepId: 'snapshot', request},
      {type: 'execute', stepId: 'snapshot', request, result: {ok: false, code: 'Throttling', message: 'slow down'}},
    );
    expect(progress.unknownOutcomes).toEqual(['tag']);
    expect(progress.executions).toEqual({revoke: {ok: true, output: {Return: true}}, snapshot: {ok: false, code: 'Throttling', message: 'slow down'}});
  });

  it('a started call whose earlier outcome is known is unknown again until its own result', () => {
    const done = {type: 'execute', stepId: 'revoke', request, result: {ok: true, output: {}}} as const;
    const progress = replayOf({type: 'execute-start', stepId: 'revoke', request}, done, {type: 'execute-start', stepId: 'revoke', request});
    expect(progress.unknownOutcomes).toEqual(['revoke']);
    expect(progress.executions).toEqual({revoke: {ok: true, output: {}}});
  });

  it('ended once there is a session-end', () => {
    expect(replayOf({type: 'step', stepId: 'a', status: 'done'}).ended).toBe(false);
    expect(replayOf({type: 'session-end', reason: 'quit'}).ended).toBe(true);
  });

  it('keeps a step called "__proto__" as a plain key', () => {
    const progress = replayOf({type: 'step', stepId: '__proto__', status: 'done'}, {type: 'note', stepId: '__proto__', text: 'odd'});
    expect(Object.keys(progress.statuses)).toEqual(['__proto__']);
    expect(progress.notes['__proto__']).toBe('odd');
  });
});
