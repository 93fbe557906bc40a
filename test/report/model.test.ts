import {describe, expect, it} from 'vitest';
import {reportText} from '../../src/commands/report.js';
import type {JournalEntry, Unstamped} from '../../src/journal/entry.js';
import {buildReport, ReportError, type Report} from '../../src/report/model.js';
import {builtInRunbook} from '../../src/runbooks/registry.js';
import {scenarioById} from '../../src/scenarios/index.js';
import {stamp, walkedSession, walks} from './journals.js';

const generatedAt = new Date('2026-11-25T14:00:00.000Z');
const json = (entries: readonly JournalEntry[], runbook = walkedSession('CreateSecurityGroup').runbook): Report =>
  JSON.parse(reportText(entries, runbook, {format: 'json', redact: false, generatedAt})) as Report;
const sgSession = walkedSession('CreateSecurityGroup');
const session = sgSession.entries[0]!.session;
/** The security-group session with lines added at the given seconds. */
const withLines = (lines: readonly (readonly [number, Unstamped])[]): JournalEntry[] => [...sgSession.entries.slice(0, -1), ...stamp(session, lines)];

// A runbook file answering several events has one walk, under its scenario's event.
const walked = Object.keys(walks).filter((name, i, all) => all.findIndex((other) => walks[other] === walks[name]) === i);

describe('report JSON', () => {
  it.each(walked)('%s: every step of the track has a status, offsets increase, commands include the execution', (eventName) => {
    const {entries, runbook} = walkedSession(eventName);
    const walk = walks[eventName]!;
    const report = json(entries, runbook);
    expect(report).toMatchObject({trailguide: '0.1.0', format: 2, generatedAt: '2026-11-25T14:00:00.000Z', redacted: false, track: 'cli', runbook: {eventName, version: 1}});
    expect(report.session).toMatchObject({startedAt: '2026-11-25T12:00:00.000Z', endedAt: '2026-11-25T13:02:05.000Z', endReason: walk.end, operator: 'oncall@ir-laptop', mode: 'sandbox', scenario: walk.scenario});
    expect(report.event).toMatchObject({eventName, failed: false});
    expect(report.context).toMatchObject({eventName, eventSource: 'ec2.amazonaws.com', failed: 'no'});
    expect(Object.values(report.context).every((v) => typeof v === 'string')).toBe(true);

    expect(report.steps.length).toBeGreaterThan(5);
    expect(report.steps.every((s) => ['done', 'skipped', 'dry-run-only', 'executed', 'not-reached'].includes(s.status))).toBe(true);
    expect(report.steps.filter((s) => s.status === 'done').map((s) => s.id)).toEqual([walk.check, walk.act]);
    const act = report.steps.find((s) => s.id === walk.act)!;
    expect(act).toMatchObject({shown: true, note: walk.note, executions: [{outcome: 'succeeded', verdict: 'succeeded'}], verifications: [{reached: true, summary: walk.verifySummary}]});
    expect(act.dryRuns).toHaveLength(1);
    expect(report.steps.find((s) => s.id === walk.last)).toMatchObject({status: 'not-reached', shown: true});
    expect(report.undone.map((u) => u.id)).toEqual(report.steps.filter((s) => s.status !== 'done').map((s) => s.id));
    expect(report.undone.find((u) => u.id === walk.skip)?.status).toBe('skipped');

    const offsets = report.timeline.map((t) => t.offsetMs);
    expect(offsets[0]).toBe(0);
    expect(offsets.every((ms, i) => i === 0 || ms > offsets[i - 1]!)).toBe(true);
    expect(report.timeline.at(-1)).toMatchObject({type: 'session-end', offsetMs: 3_725_000});

    const executed = report.commands.filter((c) => c.kind === 'execute');
    expect(executed).toEqual([{stepId: walk.act, kind: 'execute', command: act.executions[0]!.command, verdict: 'succeeded', at: '2026-11-25T12:02:56.000Z'}]);
    // The command runs in the event's own region (the scenarios are in several).
    const region = (scenarioById(walk.scenario)!.event as {awsRegion: string}).awsRegion;
    expect(executed[0]!.command).toMatch(new RegExp(`^aws ec2 [a-z-]+ .*--region ${region}$`));
    expect(executed[0]!.command).not.toContain('--dry-run');
    expect(report.commands.map((c) => c.kind)).toEqual(['dry-run', 'dry-run', 'execute']);
    expect(report.notes).toEqual([{stepId: walk.act, text: walk.note}]);
    expect(report.warnings).toEqual([]);
  });

  it('lists the findings of the record with their step', () => {
    const report = json(walkedSession('CreateVpcPeeringConnection').entries, builtInRunbook('CreateVpcPeeringConnection'));
    expect(report.findings[0]).toEqual({
      id: 'peering-cross-account', severity: 'high', title: expect.any(String) as string, evidence: 'requestParameters.peerOwnerId = 444455556666', stepId: 'delete-peering', source: 'event', resolved: true,
    });
  });

  it('binds step titles and commands with the operator\'s answers', () => {
    const report = json(walkedSession('CreateNetworkInterface').entries, builtInRunbook('CreateNetworkInterface'));
    expect(report.commands.at(-1)?.command).toContain('--groups sg-0aaaaaaaaaaaaaaaa');
    expect(report.timeline.find((t) => t.type === 'answer')?.text).toBe('Gave quarantineGroupId = sg-0aaaaaaaaaaaaaaaa');
  });
});

describe('report warnings', () => {
  it('a call sent without a recorded outcome is "unknown", in the step, the commands and the warnings', () => {
    const start = sgSession.entries.find((e) => e.type === 'execute-start')!;
    const entries = sgSession.entries.filter((e) => e.type !== 'execute' && e.type !== 'verify' && e.type !== 'session-end');
    const report = json(entries);
    expect(report.commands.at(-1)).toMatchObject({kind: 'execute', at: start.at, verdict: expect.stringContaining('outcome not recorded') as string});
    expect(report.steps.find((s) => s.id === 'revoke-open-ingress')?.executions).toMatchObject([{outcome: 'unknown'}]);
    expect(report.session.endedAt).toBeNull();
    expect(report.warnings).toEqual([
      'The session has no session-end: it is unfinished (still running, or it stopped unexpectedly).',
      'RevokeSecurityGroupIngress (step revoke-open-ingress) was sent at +2:56 but no outcome was recorded: look at the account before doing anything else.',
    ]);
  });

  it('an outcomeUnknown answer is unknown too', () => {
    const entries = sgSession.entries.map((e) => (e.type === 'execute' ? {...e, result: {ok: false, code: 'RequestTimeout', message: 'no answer in 30 s', outcomeUnknown: true}} as const : e));
    const report = json(entries);
    expect(report.commands.at(-1)?.verdict).toMatch(/^outcome unknown: RequestTimeout/);
    expect(report.warnings.some((w) => w.includes('its outcome is unknown'))).toBe(true);
  });

  it('another track starts the marks over, and says so', () => {
    const report = json(withLines([[300, {type: 'track', track: 'console'}], [301, {type: 'step', stepId: 'describe-group', status: 'shown'}], [320, {type: 'session-end', reason: 'quit'}]]));
    expect(report.track).toBe('console');
    // No mark survives the change; the CLI track's calls on steps the Console track shares still show.
    expect(report.steps.filter((s) => s.status !== 'not-reached').map((s) => [s.id, s.status])).toEqual([['describe-group', 'dry-run-only'], ['revoke-open-ingress', 'executed']]);
    expect(report.commands).toHaveLength(3);
    expect(report.notes).toHaveLength(1);
    expect(report.warnings[0]).toBe('At +5:00 the track changed from CLI to Console: step marks are those of the Console track; earlier calls and notes are kept.');
  });

  it('a mark taken back is not done; an emptied note is gone', () => {
    const report = json(withLines([[300, {type: 'step', stepId: 'describe-group', status: 'pending'}], [301, {type: 'note', stepId: 'revoke-open-ingress', text: ''}], [302, {type: 'session-end', reason: 'summary'}]]));
    // Its dry-run still stands: it was reached, just no longer marked.
    expect(report.steps.find((s) => s.id === 'describe-group')?.status).toBe('dry-run-only');
    expect(report.undone.find((u) => u.id === 'describe-group')).toMatchObject({status: 'dry-run-only'});
    expect(report.notes).toEqual([]);
    expect(report.timeline.at(-2)?.text).toBe('Removed the note');
  });

  it('leaves out lines of another session, and says so', () => {
    const other = stamp('another-session', [[5, {type: 'track', track: 'sdk'}]]);
    const report = json([...sgSession.entries, ...other]);
    expect(report.track).toBe('cli');
    expect(report.warnings).toEqual(['1 journal line before the session-start or of another session was left out.']);
  });

  it('without a runbook: no steps, the journal still reported', () => {
    const report = buildReport(sgSession.entries, null, {generatedAt});
    expect(report.steps).toEqual([]);
    expect(report.commands).toHaveLength(3);
    expect(report.warnings).toContain('No runbook for CreateSecurityGroup: the report has no steps, only what the journal recorded.');
  });

  it('names a runbook version other than the one walked', () => {
    const entries = sgSession.entries.map((e) => (e.type === 'session-start' ? {...e, runbook: {eventName: 'CreateSecurityGroup', version: '2'}} : e));
    expect(json(entries).warnings).toContain('The session walked version 2 of the runbook; this report lists the steps of version 1.');
  });

  it('refuses a journal without a session-start', () => {
    expect(() => buildReport(sgSession.entries.slice(1), sgSession.runbook, {generatedAt})).toThrow(ReportError);
  });
});

describe('hostile strings', () => {
  const rawControl = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
  const hostile = scenarioById('sg-hostile-strings')!;
  const entries = sgSession.entries.map((e) => (e.type === 'session-start' ? {...e, event: {...e.event, record: hostile.event}} : e));
  const withNote = [...entries.slice(0, -1), ...stamp(session, [[300, {type: 'note', stepId: 'describe-group', text: 'pipe | and ``` fence \u202e'}]])];

  it('stay inert in Markdown, and cannot break a table or a fence', () => {
    const md = reportText(withNote, sgSession.runbook, {format: 'md', redact: false, generatedAt});
    expect(md).not.toMatch(rawControl);
    expect(md).toContain('\\x1b[2J');
    expect(md).toContain('pipe \\| and ``` fence \\u202e');
  });
  it('stay lossless but escaped in JSON', () => {
    const text = reportText(withNote, sgSession.runbook, {format: 'json', redact: false, generatedAt});
    expect(text).not.toMatch(rawControl);
    const report = JSON.parse(text) as Report;
    expect(report.context.errorMessage ?? JSON.stringify(report.context)).toContain('\u001B');
    expect(report.notes.at(-1)?.text).toBe('pipe | and ``` fence \u202e');
  });
});
