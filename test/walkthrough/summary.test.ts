// The summary tells each step as it went: marked done or skipped, dry-run only, executed (with its
// outcome and check), or not reached; the counts tell failed executions apart from the rest.
import {describe, expect, it} from 'vitest';
import type {ExecuteResult} from '../../src/aws/executors/executor.js';
import {initialState, reducer, type Message} from '../../src/walkthrough/reducer.js';
import type {State, Verification} from '../../src/walkthrough/state.js';
import {callCounts, summaryCounts, summaryDetails, summaryRows, summaryText} from '../../src/walkthrough/summary.js';
import {scenario} from '../helpers/candidates.js';
import {settle} from '../helpers/settle.js';

const sg = scenario('sg-default-ssh-in-default-vpc');
const named = new Set(['enter', 'right', 'left', 'escape']);

function send(state: State, ...messages: Message[]): State {
  return messages.reduce((s, m) => settle(reducer(s, m)), state);
}
const keys = (state: State, ...names: string[]) => send(state, ...names.map((name): Message => ({type: 'key', name, text: named.has(name) ? '' : name})));
const executed = (stepId: string, operation: string, result: ExecuteResult, verification?: Verification): Message => ({type: 'executed', requestId: 0, stepId, operation, result, verification});
const check: Verification = {request: {service: 'ec2', operation: 'DescribeSecurityGroupRules', params: {}}, reached: true, summary: 'no inbound rule is open to 0.0.0.0/0'};

/** Done, skipped, a dry-run left unmarked, three executions (succeeded and checked, refused, no answer) left unmarked. */
function walked(): State {
  const start = keys(settle(initialState([sg], {kind: 'sandbox'})), 'enter', '2', 'x', 's');
  return send(
    start,
    {type: 'dry-run-done', requestId: 0, stepId: 'find-group-users', result: {request: {service: 'ec2', operation: 'DescribeNetworkInterfaces', params: {}}, verdict: {outcome: 'would-succeed'}, sent: true, durationMs: 12, at: '2026-11-25T12:00:00.000Z'}},
    executed('revoke-open-ingress', 'RevokeSecurityGroupIngress', {ok: true, output: {Return: true}}, check),
    executed('delete-group', 'DeleteSecurityGroup', {ok: false, code: 'DependencyViolation', message: 'resource sg-0123456789abcdef0 has a dependent object'}),
    executed('terminate-old-instance', 'TerminateInstances', {ok: false, code: 'TimeoutError', message: 'no answer in 30 s', outcomeUnknown: true}),
  );
}

describe('summaryRows', () => {
  const rows = summaryRows(walked());
  const row = (id: string) => rows.find((r) => r.id === id)!;

  it.each([
    ['describe-group', 'done'],
    ['list-group-rules', 'skipped'],
    ['find-group-users', 'dry-run only'],
    ['revoke-open-ingress', 'executed'],
    ['delete-group', 'executed'],
    ['terminate-old-instance', 'executed'],
    ['verify-group-state', 'not reached'],
  ])('%s is %s', (id, status) => {
    expect(row(id).status).toBe(status);
  });

  it('a mark wins over what was done on the step', () => {
    const marked = keys(walked(), 'right', 'x');
    expect(summaryRows(marked).find((r) => r.id === 'revoke-open-ingress')?.status).toBe('done');
  });

  it('shows each execution with its outcome, and the check after it', () => {
    expect(summaryDetails(row('revoke-open-ingress'))).toEqual([
      {label: 'executed', text: 'executed RevokeSecurityGroupIngress: succeeded', tone: 'ok'},
      {label: 'check', text: 'check DescribeSecurityGroupRules: intended state reached: no inbound rule is open to 0.0.0.0/0', tone: 'ok'},
    ]);
    expect(summaryDetails(row('delete-group'))).toEqual([
      {label: 'executed', text: 'executed DeleteSecurityGroup: failed: DependencyViolation: resource sg-0123456789abcdef0 has a dependent object (nothing changed)', tone: 'bad'},
    ]);
    expect(summaryDetails(row('terminate-old-instance'))[0]).toMatchObject({text: expect.stringMatching(/^executed TerminateInstances: outcome unknown: TimeoutError/) as string, tone: 'warn'});
    expect(summaryDetails(row('find-group-users'))).toEqual([{label: 'dry-run', text: 'dry-run DescribeNetworkInterfaces: would succeed: you have permission · 12 ms', tone: 'ok'}]);
  });
});

describe('the counts', () => {
  it('count the steps by status, and tell failed executions apart', () => {
    const rows = summaryRows(walked());
    expect(summaryCounts(rows)).toBe(`1 done · 1 skipped · 1 dry-run only · 3 executed, not marked · ${rows.length - 6} not reached`);
    expect(callCounts(rows)).toBe('1 dry-run · 3 executed (1 failed, 1 outcome unknown)');
  });
  it('say so when nothing was executed', () => {
    const rows = summaryRows(keys(settle(initialState([sg])), 'enter', '2', 'x'));
    expect(summaryCounts(rows)).toBe(`1 done · 0 skipped · ${rows.length - 1} not reached`);
    expect(callCounts(rows)).toBe('0 dry-runs · nothing executed');
  });
});

describe('summaryText', () => {
  it('carries the statuses, the outcomes and the checks', () => {
    const text = summaryText(walked());
    expect(text).toContain('Calls: 1 dry-run · 3 executed (1 failed, 1 outcome unknown)');
    expect(text).toContain('3. [dry-run only] Find what uses the group');
    expect(text).toContain('6. [executed] Delete the group if nothing uses it\n   executed DeleteSecurityGroup: failed: DependencyViolation');
    expect(text).toContain('   check DescribeSecurityGroupRules: intended state reached');
  });
});
