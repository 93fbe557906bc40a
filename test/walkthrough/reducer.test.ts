import {describe, expect, it} from 'vitest';
import {createPlanExecutor} from '../../src/aws/executors/plan.js';
import {initialState, reducer, type Message} from '../../src/walkthrough/reducer.js';
import {currentStep, stepsOf} from '../../src/walkthrough/selectors.js';
import {executeBlocker} from '../../src/walkthrough/keymap.js';
import type {ResumeOffer, State} from '../../src/walkthrough/state.js';
import {scenario, scenarioList} from '../helpers/candidates.js';
import {settle} from '../helpers/settle.js';

const named = new Set(['up', 'down', 'left', 'right', 'enter', 'escape', 'backspace']);
const key = (name: string): Message => ({type: 'key', name, text: named.has(name) ? '' : name});
const press = (state: State, ...names: string[]): State => names.reduce((s, n) => settle(reducer(settle(s), key(n))), state);

const sg = scenario('sg-default-ssh-in-default-vpc');
const atStep = (track = '2') => press(initialState([sg]), 'enter', track);

describe('opening', () => {
  it('lists several events in a picker and opens the chosen one', () => {
    const state = press(initialState(scenarioList), 'down', 'j', 'enter');
    expect(state.screen).toBe('event');
    expect(state.incident?.record).toBe(scenarioList[2]?.record);
  });
  it('opens a single event directly and loads its runbook', () => {
    const state = initialState([sg]);
    expect(state.screen).toBe('event');
    expect(state.incident?.isLoading).toBe(true);
    expect(state.requests).toMatchObject([{kind: 'load-runbook', eventName: 'CreateSecurityGroup'}, {kind: 'find-session', record: sg.record}]);
    expect(settle(state).incident?.runbook?.events.names).toEqual(['CreateSecurityGroup']);
  });
  it('remembers Enter pressed while the runbook loads, and goes on when it is there', () => {
    const early = reducer(initialState([sg]), key('enter'));
    expect(early.screen).toBe('event');
    expect(early.status).toBe('loading the runbook…');
    expect(settle(early).screen).toBe('track');
  });
  it('shows a broken runbook loudly instead of the walkthrough', () => {
    const state = initialState([sg]);
    const request = state.requests[0]!;
    const broken = reducer(state, {type: 'runbook-loaded', requestId: request.id, eventName: 'CreateSecurityGroup', load: {error: 'CreateSecurityGroup.yaml: procedures[0].kind: must be one of: containment, seed'}});
    expect(reducer(broken, key('enter')).status).toBe('remediate: the runbook is broken: CreateSecurityGroup.yaml: procedures[0].kind: must be one of: containment, seed');
  });
  it('goes from the event to the track choice and from 1, 2, 3 to a walkthrough on that track', () => {
    expect(press(initialState([sg]), 'enter').screen).toBe('track');
    expect(press(initialState([sg]), 'enter', '1').progress?.track).toBe('console');
    expect(press(initialState([sg]), 'enter', '3').progress?.track).toBe('sdk');
    expect(press(initialState([sg]), 'enter', 'down', 'enter').progress?.track).toBe('sdk');
  });
  it('walks an event without a runbook of its own with the general one: the caller and how to stop them', () => {
    const other = {...sg, record: {...sg.record, eventName: 'RunInstances'}};
    const opened = initialState([other]);
    expect(opened.requests).toMatchObject([{kind: 'load-runbook', eventName: 'RunInstances'}, {kind: 'find-session'}]);
    const state = press(opened, 'enter', '2');
    expect(state.incident?.runbook?.events.names).toEqual(['*']);
    expect(state.screen).toBe('step');
    expect(stepsOf(state).map((s) => s.id)).toContain('identify-actor');
  });
});

describe('walking steps', () => {
  it('moves next and back, and not before the first step', () => {
    const s = press(atStep(), 'right', 'l', 'enter');
    expect(s.progress?.index).toBe(3);
    expect(press(s, 'left', 'h').progress?.index).toBe(1);
    const first = press(atStep(), 'left');
    expect(first.progress?.index).toBe(0);
    expect(first.status).toBe('back: this is the first step');
  });
  it('marks done and skipped and moves on', () => {
    const s = press(atStep(), 'x', 's');
    const [a, b] = stepsOf(s);
    expect(s.progress?.statuses).toEqual({[a!.id]: 'done', [b!.id]: 'skipped'});
    expect(s.progress?.index).toBe(2);
  });
  it('ends on the summary after the last step', () => {
    const steps = stepsOf(atStep()).length;
    const s = press(atStep(), ...Array<string>(steps).fill('right'));
    expect(s.screen).toBe('summary');
    expect(press(s, 'left').screen).toBe('step');
  });
  it('ignores pasted text as a command ("xxx" arrives as one input)', () => {
    const s = press(atStep(), 'xxx');
    expect(s.progress?.index).toBe(0);
    expect(s.progress?.statuses).toEqual({});
  });
});

describe('dry-run', () => {
  it('requests a dry-run of the exact action and keeps the result with the step', async () => {
    const s = press(atStep(), 'd');
    const request = s.requests[0];
    expect(request?.kind).toBe('dry-run');
    if (request?.kind !== 'dry-run') return;
    expect(request.action).toEqual({service: 'ec2', operation: 'DescribeSecurityGroups', params: {GroupIds: ['sg-0123456789abcdef0']}});
    expect(press(s, 'd').status).toBe('dry-run: a dry-run is already running');
    const result = await createPlanExecutor().dryRun(request.action, {region: request.region});
    const done = reducer(s, {type: 'dry-run-done', requestId: request.id, stepId: request.stepId, result});
    expect(done.requests).toEqual([]);
    expect(done.progress?.running).toBeNull();
    expect(done.progress?.dryRuns[request.stepId]?.verdict).toEqual({outcome: 'plan-only', reason: 'offline'});
    expect(done.status).toMatch(/^DescribeSecurityGroups: plan only — nothing was sent · \d+ ms$/);
  });
  it('refuses a dry-run while a value is missing, and says which', () => {
    const s = press(atStep(), 'x', 'x', 'x');
    expect(currentStep(s)?.missing).toEqual(['securityGroupRuleIds']);
    const refused = press(s, 'd');
    expect(refused.requests).toEqual([]);
    expect(refused.status).toBe('dry-run: needs a value for securityGroupRuleIds first (press e)');
  });
  it('refuses a dry-run on a step with no action', () => {
    const manual = stepsOf(atStep()).findIndex((step) => step.kind === 'manual');
    const s = press(atStep(), ...Array<string>(manual).fill('right'), 'd');
    expect(s.status).toBe('dry-run: this step has no AWS action to dry-run');
  });
});

describe('values and notes', () => {
  const atRules = () => press(atStep(), 'x', 'x', 'x');
  it('asks for a missing value, rejects a bad one and uses a good one', () => {
    // The rule IDs come from a read: e opens their pick list (empty before the read), / the text prompt.
    let s = press(atRules(), 'e');
    expect(s.overlay).toBe('pick');
    expect(s.pick?.empty).toContain('run the read of step 2');
    s = press(s, '/');
    expect(s.overlay).toBe('input');
    s = press(s, 'sgr-1', 'enter');
    expect(s.overlay).toBe('input');
    expect(s.inputError).toContain('"sgr-1" is not');
    s = press(s, ...Array<string>(5).fill('backspace'), 'sgr-0123456789abcdef0', 'enter');
    expect(s.overlay).toBeNull();
    expect(currentStep(s)?.missing).toEqual([]);
    expect(press(s, 'd').requests[0]).toMatchObject({kind: 'dry-run', action: {params: {SecurityGroupRuleIds: ['sgr-0123456789abcdef0']}}});
  });
  it('types q, x and d as text while a note is open, and saves on Enter', () => {
    const s = press(atStep(), 'n', 'q', 'x', 'd', ' ', 'ok', 'enter');
    expect(s.overlay).toBeNull();
    expect(s.progress?.notes[currentStep(s)!.id]).toBe('qxd ok');
    expect(s.progress?.index).toBe(0);
  });
  it('drops control characters typed or pasted into a note', () => {
    const s = press(atStep(), 'n');
    expect(reducer(s, {type: 'key', name: 'a\u001B[31mb', text: 'a\u001B[31mb'}).draft).toBe('a[31mb');
  });
  it('takes a pasted value that ends with a newline as the value and Enter', () => {
    const s = press(atRules(), 'e', '/');
    const after = reducer(s, {type: 'key', name: 'sgr-0123456789abcdef0\r', text: 'sgr-0123456789abcdef0\r'});
    expect(after.overlay).toBeNull();
    expect(currentStep(after)?.missing).toEqual([]);
  });
  it('types pasted text that spells a key name ("escape", "enter") instead of pressing that key', () => {
    const paste = (s: State, text: string): State => reducer(s, {type: 'key', name: text, text});
    const note = paste(paste(press(atStep(), 'n'), 'escape'), 'enter');
    expect(note.overlay).toBe('note');
    expect(note.draft).toBe('escapeenter');
    const picker = paste(initialState(scenarioList), 'down');
    expect(picker.pickerIndex).toBe(0);
    expect(picker.screen).toBe('picker');
  });
  it('leaves a note with Esc without saving', () => {
    const s = press(atStep(), 'n', 'draft', 'escape');
    expect(s.overlay).toBeNull();
    expect(s.progress?.notes).toEqual({});
  });
});

describe('help and quit', () => {
  it('opens help over any screen; keys under it do nothing until Esc', () => {
    const s = press(atStep(), '?', 'right', 'x');
    expect(s.overlay).toBe('help');
    expect(s.progress?.index).toBe(0);
    expect(press(s, 'escape').overlay).toBeNull();
  });
  it('quits at once when nothing would be lost', () => {
    expect(press(initialState(scenarioList), 'q').requests).toMatchObject([{kind: 'exit'}]);
  });
  it('asks before throwing away progress', () => {
    const s = press(atStep(), 'x', 'q');
    expect(s.overlay).toBe('confirm-quit');
    expect(s.requests).toEqual([]);
    expect(press(s, 'n').overlay).toBeNull();
    expect(press(s, 'y').requests).toMatchObject([{kind: 'exit'}]);
  });
});

describe('copy', () => {
  it('copies the CLI command of the step with every value bound', () => {
    const s = press(atStep(), 'c');
    expect(s.requests).toMatchObject([{kind: 'copy', what: 'AWS CLI'}]);
    const copy = s.requests[0];
    expect(copy?.kind === 'copy' && copy.text).toBe('aws ec2 describe-security-groups \\\n    --group-ids sg-0123456789abcdef0 \\\n    --region us-east-1');
  });
  it('refuses to copy a command with a placeholder', () => {
    const s = press(atStep(), 'x', 'x', 'x', 'c');
    expect(s.requests).toEqual([]);
  });
});

describe('resuming a session', () => {
  const t0 = Date.parse('2026-11-25T12:00:00.000Z');
  const connectedState = () => ({...settle(initialState([sg], {kind: 'connected', account: '111122223333', principal: 'arn:aws:sts::111122223333:assumed-role/IR/oncall'}, {}, t0, {allowExecute: true}))});
  const dryRunOf = (at: string) => ({
    request: {service: 'ec2' as const, operation: 'RevokeSecurityGroupIngress', params: {GroupId: 'sg-0123456789abcdef0', SecurityGroupRuleIds: ['sgr-0123456789abcdef0'], DryRun: true}, region: 'us-east-1'},
    verdict: {outcome: 'would-succeed' as const}, sent: true, durationMs: 5, at,
  });
  const offer = (executed: boolean): ResumeOffer => ({
    sessionId: 's1', path: '/tmp/s1.jsonl', lastAt: '2026-11-25T11:59:00.000Z', track: 'cli', stepId: 'revoke-open-ingress',
    statuses: {'describe-group': 'done'}, dryRuns: {'revoke-open-ingress': dryRunOf('2026-11-25T11:58:00.000Z')}, notes: {'describe-group': 'seen'},
    answers: {securityGroupRuleIds: 'sgr-0123456789abcdef0'}, executions: executed ? {'revoke-open-ingress': {ok: true, output: {}}} : {}, unknownOutcomes: [],
  });
  const offered = (o: ResumeOffer) => {
    const s = connectedState();
    const find = s.requests.find((r) => r.kind === 'find-session');
    return find ? reducer(s, {type: 'session-found', requestId: find.id, record: sg.record, offer: o}) : {...s, resumeOffer: o};
  };

  it('offers it on the event screen, and r restores track, step, marks, notes, values and dry-runs', () => {
    const resumed = press(offered(offer(false)), 'r');
    expect(resumed.screen).toBe('step');
    expect(resumed.resumedFrom).toBe('/tmp/s1.jsonl');
    expect(currentStep(resumed)?.id).toBe('revoke-open-ingress');
    expect(resumed.progress).toMatchObject({track: 'cli', statuses: {'describe-group': 'done'}, notes: {'describe-group': 'seen'}, answers: {securityGroupRuleIds: 'sgr-0123456789abcdef0'}});
    expect(resumed.status).toContain('resumed session s1');
  });
  it('keeps a recent dry-run of a call not executed yet: X asks for the confirmation', () => {
    const resumed = press(offered(offer(false)), 'r');
    expect(reducer(resumed, {type: 'key', name: 'X', text: 'X', at: t0 + 1000}).overlay).toBe('confirm-execute');
  });
  it('offers X in the hint bar as soon as a passing dry-run\'s answer is in, though it came after the last key', () => {
    // the answer of d arrives after d was pressed: the state's last key is older than the dry-run
    const answeredLater = {...offer(false), dryRuns: {'revoke-open-ingress': dryRunOf(new Date(t0 + 400).toISOString())}};
    const resumed = press(offered(answeredLater), 'r');
    expect(resumed.keyAt).toBeLessThan(t0 + 400);
    expect(executeBlocker(resumed)).toBeUndefined();
  });
  it('never lets a dry-run from before the stop send a call that was already executed again', () => {
    const resumed = press(offered(offer(true)), 'r');
    const x = reducer(resumed, {type: 'key', name: 'X', text: 'X', at: t0 + 1000});
    expect(x.overlay).toBeNull();
    expect(x.status).toContain('this call was executed after its dry-run: dry-run again');
  });
});
