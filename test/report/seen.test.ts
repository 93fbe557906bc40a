// The report tells what the operator saw and did, as it was: the findings as last seen (the account's
// state included), the state at the end, the training debrief, and a failed execution as failed
// (never a change). A journal written before trailguide recorded these says what it cannot know.
import {describe, expect, it} from 'vitest';
import {reportText} from '../../src/commands/report.js';
import type {JournalEntry} from '../../src/journal/entry.js';
import type {Report} from '../../src/report/model.js';
import {walkedSession} from './journals.js';

const generatedAt = new Date('2026-11-25T14:00:00.000Z');
const {entries, runbook} = walkedSession('CreateSecurityGroup');
const md = (lines: readonly JournalEntry[]): string => reportText(lines, runbook, {format: 'md', redact: false, generatedAt});
const json = (lines: readonly JournalEntry[]): Report => JSON.parse(reportText(lines, runbook, {format: 'json', redact: false, generatedAt})) as Report;

/** The session as if the revoke had been refused: AWS answered with an error, nothing changed, the step left unmarked. */
const failed: JournalEntry[] = entries.flatMap((e): JournalEntry[] => {
  if (e.type === 'execute') return [{...e, result: {ok: false, code: 'InvalidPermission.NotFound', message: 'The specified rule does not exist in this security group.'}}];
  if (e.type === 'verify' || (e.type === 'step' && e.stepId === 'revoke-open-ingress' && e.status === 'done')) return [];
  if (e.type === 'debrief') return [{...e, objectives: e.objectives.map((o) => ({...o, status: 'open'})), changes: 0, stillOpen: ['sg-open-ssh'], mistakes: ['a mistake the debrief named']}];
  return [e];
});

describe('what the operator saw', () => {
  it('JSON: the findings as last seen, with those only the account state raised, and the state at the end', () => {
    const report = json(entries);
    expect(report.findingsSeenAt).toBe('2026-11-25T12:03:00.100Z');
    expect(report.findings.find((f) => f.id === 'sg-open-ssh')).toMatchObject({severity: 'critical', source: 'state', resolved: true, stepId: 'revoke-open-ingress'});
    expect(report.findings.find((f) => f.id === 'sg-imitates-standard-group')).toMatchObject({source: 'event', resolved: false});
    expect(report.accountState).toEqual({at: '2026-11-25T12:03:00.000Z', status: 'done', operation: 'DescribeSecurityGroupRules', lines: [{tone: 'ok', text: 'no inbound rule of sg-0123456789abcdef0 is open to 0.0.0.0/0'}]});
  });

  it('JSON: the training debrief as last shown', () => {
    expect(json(entries).debrief).toEqual({
      at: '2026-11-25T13:02:04.000Z', objectives: [{text: 'Close SSH (22) to the internet', status: 'met'}], findingsResolved: 1, findingsTotal: 4,
      changes: 1, mistakes: [], stillOpen: [], timeTakenMs: 3_686_000,
    });
  });

  it('Markdown: a debrief section, the findings with where they came from and whether they are open, the state at the end', () => {
    const text = md(entries);
    expect(text).toContain('## Debrief\n\nAs shown at +1:02:04: contained · time taken 1 h 1 min · 1 of 4 findings resolved · 1 change made\n\nObjectives (1 of 1 met):\n\n- ✓ met: Close SSH (22) to the internet\n\nMistakes: none.');
    expect(text).toContain('As last seen, at +3:00, with the account\'s state.');
    expect(text).toMatch(/\| CRITICAL \| resolved \| SSH \(22\) open to the internet .* \| account state \| `revoke-open-ingress` \|/);
    expect(text).toContain('## State at the end\n\nAs last read, at +3:00 with `DescribeSecurityGroupRules`:\n\n- ✓ no inbound rule of sg-0123456789abcdef0 is open to 0.0.0.0/0');
    expect(text).toContain('- `revoke-open-ingress` at +2:59: intended state reached: no inbound rule');
  });
});

describe('a failed execution', () => {
  it('is failed in the step, the commands and the headline, and the step is left undone', () => {
    const report = json(failed);
    const act = report.steps.find((s) => s.id === 'revoke-open-ingress')!;
    expect(act).toMatchObject({status: 'executed', executions: [{outcome: 'failed', verdict: 'failed: InvalidPermission.NotFound: The specified rule does not exist in this security group. (nothing changed)'}]});
    expect(report.undone).toContainEqual({id: 'revoke-open-ingress', title: act.title, status: 'executed'});
    expect(report.commands.at(-1)).toMatchObject({kind: 'execute', verdict: expect.stringMatching(/^failed: InvalidPermission.NotFound/) as string});
    expect(report.debrief).toMatchObject({changes: 0, stillOpen: ['sg-open-ssh']});
    const text = md(failed);
    expect(text.split('\n')[2]).toContain('1 done, 1 skipped, 1 executed but not marked, ');
    expect(text.split('\n')[2]).toContain('· 2 dry-runs · 1 execution (1 failed)');
    expect(text).toContain('Executed without success, not marked:\n\n- `revoke-open-ingress` Remove inbound rules open to the internet');
    expect(text).toContain('**not contained**: still open: `sg-open-ssh`');
    expect(text).toContain('0 changes made');
    expect(text).toContain('Mistakes (1):\n\n- ✗ a mistake the debrief named');
    expect(text).toContain('- ○ open: Close SSH (22) to the internet');
  });

  it('an outcome unknown is told apart too', () => {
    const unknown = entries.map((e): JournalEntry => (e.type === 'execute' ? {...e, result: {ok: false, code: 'TimeoutError', message: 'no answer in 30 s', outcomeUnknown: true}} : e));
    expect(md(unknown).split('\n')[2]).toContain('1 execution (1 outcome unknown)');
  });
});

describe('a dry-run or a look without a mark', () => {
  it('is "dry-run only" or "looked at", never "not reached"', () => {
    const unmarked = entries.filter((e) => !(e.type === 'step' && e.stepId === 'describe-group' && e.status === 'done'));
    const report = json(unmarked);
    expect(report.steps.find((s) => s.id === 'describe-group')?.status).toBe('dry-run-only');
    const text = md(unmarked);
    expect(text).toContain('Dry-run only, not marked:\n\n- `describe-group` Look at the new group');
    expect(text).toContain('Looked at, not marked:\n\n- `delete-group` Delete the group if nothing uses it');
    expect(text.slice(text.indexOf('Not reached:'))).not.toContain('`delete-group`');
  });
});

describe('a journal written before the findings, the state and the debrief were recorded', () => {
  const old = entries.filter((e) => e.type !== 'findings' && e.type !== 'now' && e.type !== 'debrief');
  it('gives the event\'s findings, no state, no debrief, and warns', () => {
    const report = json(old);
    expect(report.findingsSeenAt).toBeNull();
    expect(report.findings.every((f) => f.source === 'event' && !f.resolved)).toBe(true);
    expect(report.findings.some((f) => f.id === 'sg-open-ssh')).toBe(false);
    expect(report.accountState).toBeNull();
    expect(report.debrief).toBeNull();
    expect(report.warnings).toEqual([
      'The findings are the event\'s alone: this journal does not record what the account\'s state raised or resolved (written by an older trailguide).',
      'No debrief was recorded: the session stopped before its summary, or its journal was written by an older trailguide.',
    ]);
    const text = md(old);
    expect(text).toContain('From the event alone: this journal does not record what the account\'s state showed.');
    expect(text).toContain('## Debrief\n\nNone recorded');
    expect(text).toContain('## State at the end\n\nThe account was never read in this session');
  });
});
