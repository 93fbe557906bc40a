// What a session writes about what the operator saw: the Now panel's answer and the findings it
// raised or resolved (from the account's state), and in training the debrief, on reaching the summary.
import {describe, expect, it} from 'vitest';
import {seedFor} from '../helpers/seed.js';
import type {DebriefEntry, FindingsEntry, Unstamped} from '../../src/journal/entry.js';
import {journalEntries} from '../../src/journal/from-state.js';
import {initialState, reducer, type Message} from '../../src/walkthrough/reducer.js';
import type {State} from '../../src/walkthrough/state.js';
import {scenario} from '../helpers/candidates.js';
import {settle} from '../helpers/settle.js';

const sg = scenario('sg-default-ssh-in-default-vpc');
const named = new Set(['enter', 'right', 'left', 'escape']);

/** A sandbox session: each message's journal lines are collected, as the app writes them. */
function sandboxSession() {
  let state = settle(initialState([sg], {kind: 'sandbox'}));
  const entries: Unstamped[] = [];
  const send = (message: Message) => {
    const next = settle(reducer(state, message));
    entries.push(...journalEntries(state, next));
    state = next;
  };
  const keys = (...names: string[]) => names.forEach((name) => send({type: 'key', name, text: named.has(name) ? '' : name}));
  /** The Now panel's answer arrives: the scenario's account as the sandbox holds it. */
  const nowLoaded = (snapshot = seedFor(sg.id, sg.record).snapshot) => {
    const request = state.requests.find((r) => r.kind === 'now')!;
    send({type: 'now-loaded', requestId: request.id, record: sg.record, now: {status: 'done', operation: 'DescribeSecurityGroups', lines: [{tone: 'bad', text: 'port 22 open to 0.0.0.0/0'}], snapshot}});
  };
  return {entries, send, keys, nowLoaded, state: (): State => state};
}

describe('what the journal records of what was seen', () => {
  it('the Now panel\'s answer and the findings only the account\'s state raises', () => {
    const s = sandboxSession();
    s.keys('enter', '2');
    s.nowLoaded();
    const now = s.entries.find((e) => e.type === 'now');
    expect(now).toEqual({type: 'now', status: 'done', operation: 'DescribeSecurityGroups', lines: [{tone: 'bad', text: 'port 22 open to 0.0.0.0/0'}]});
    const findings = s.entries.filter((e): e is Unstamped<FindingsEntry> => e.type === 'findings').at(-1)!;
    expect(findings.findings.find((f) => f.id === 'sg-open-ssh')).toMatchObject({severity: 'critical', source: 'state', resolved: false});
    // Pressing keys afterwards adds no findings line: nothing new was seen.
    const before = s.entries.length;
    s.keys('x', 'x');
    expect(s.entries.slice(before).some((e) => e.type === 'findings' || e.type === 'now')).toBe(false);
  });

  it('a finding the state no longer raises is written as resolved', () => {
    const s = sandboxSession();
    s.keys('enter', '2');
    s.nowLoaded();
    // After the revoke, the account is read again: the open rule is gone.
    const seed = seedFor(sg.id, sg.record).snapshot;
    const closed = {...seed, SecurityGroups: (seed.SecurityGroups ?? []).map((g) => ({...g, IpPermissions: []})), SecurityGroupRules: seed.SecurityGroupRules.filter((r) => r.IsEgress)};
    s.send({type: 'executed', requestId: 0, stepId: 'revoke-open-ingress', operation: 'RevokeSecurityGroupIngress', result: {ok: true, output: {Return: true}}});
    s.nowLoaded(closed);
    const last = s.entries.filter((e): e is Unstamped<FindingsEntry> => e.type === 'findings').at(-1)!;
    expect(last.findings.find((f) => f.id === 'sg-open-ssh')).toMatchObject({source: 'state', resolved: true});
  });

  it('the debrief on reaching the summary, before session-end, with a failed execution not counted as a change', () => {
    const s = sandboxSession();
    s.keys('enter', '2');
    s.nowLoaded();
    s.send({type: 'executed', requestId: 0, stepId: 'delete-group', operation: 'DeleteSecurityGroup', result: {ok: false, code: 'DependencyViolation', message: 'in use'}});
    s.keys(...Array<string>(40).fill('right'));
    expect(s.state().screen).toBe('summary');
    const types = s.entries.map((e) => e.type);
    expect(types.slice(-2)).toEqual(['debrief', 'session-end']);
    const review = s.entries.at(-2) as Unstamped<DebriefEntry>;
    expect(review).toMatchObject({changes: 0, objectives: [{text: 'Close SSH (22) to the internet', status: 'open'}], stillOpen: ['sg-open-ssh']});
    expect(review.mistakes).toEqual(['DeleteSecurityGroup was executed without a dry-run first (step delete-group)']);
    expect(review.timeTakenMs).toBeUndefined();
  });

  it('the debrief when the trainee quits before the summary', () => {
    const s = sandboxSession();
    s.keys('enter', '2', 'q', 'y');
    expect(s.entries.at(-1)).toMatchObject({type: 'debrief', objectives: [{status: 'open'}]});
  });

  it('no debrief outside training', () => {
    let state = settle(initialState([sg]));
    const entries: Unstamped[] = [];
    for (const name of ['enter', '2', ...Array<string>(40).fill('right')]) {
      const next = settle(reducer(state, {type: 'key', name, text: named.has(name) ? '' : name}));
      entries.push(...journalEntries(state, next));
      state = next;
    }
    expect(entries.at(-1)).toEqual({type: 'session-end', reason: 'summary'});
    expect(entries.some((e) => e.type === 'debrief')).toBe(false);
  });
});
