// The report of a session on an event without a runbook of its own (walked with the general runbook): the
// resources the event names with their kind, the runbooks for them, the parameters as a tree; masked with --redact.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildReport} from '../../src/report/model.js';
import {reportMarkdown} from '../../src/report/markdown.js';
import {redactReport} from '../../src/report/redact.js';
import {generalChecked} from '../../src/runbooks/registry.js';
import {journalVersion, type JournalEntry} from '../../src/journal/entry.js';
import type {JsonObject} from '../../src/events/record.js';
import {walkedSession} from './journals.js';

const generatedAt = new Date('2026-11-25T14:00:00.000Z');

function session(name: string): JournalEntry[] {
  const record = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'events', `${name}.json`), 'utf8')) as JsonObject;
  const text = (key: string): string => {
    const value = record[key];
    return typeof value === 'string' ? value : '';
  };
  const eventName = text('eventName');
  const at = (s: number) => new Date(Date.parse('2026-11-25T12:00:00.000Z') + s * 1000).toISOString();
  return [
    {type: 'session-start', event: {eventID: text('eventID'), eventName, eventTime: text('eventTime'), digest: 'sha256:0f3a', record},
      runbook: {eventName, version: '1'}, mode: 'plan', operator: 'oncall@ir-laptop', trailguide: '0.1.0', v: journalVersion, at: at(0), session: 's1'},
    {type: 'track', track: 'cli', v: journalVersion, at: at(10), session: 's1'},
    {type: 'session-end', reason: 'quit', v: journalVersion, at: at(20), session: 's1'},
  ] as JournalEntry[];
}

describe('report of an event without a runbook of its own', () => {
  const general = generalChecked().runbook();

  it('lists the resources, the runbooks for them and the parameters, and says the general runbook was walked', () => {
    const report = buildReport(session('CreateSnapshot/risky'), general, {generatedAt});
    expect(report.runbook?.isGeneral).toBe(true);
    expect(report.resources.map((r) => `${r.kind} ${r.value}`)).toEqual(['volume vol-049df61146c4d7901', 'snapshot snap-066877671789bd71b', 'account 111122223333']);
    const md = reportMarkdown(report);
    expect(md).toContain('## Resources named by the event\n\n- Volume: `vol-049df61146c4d7901` (request.volumeId, and 1 more place)');
    expect(md).toContain('No runbook of its own for CreateSnapshot: the session walked the general runbook (the caller, and how to stop them).');
    expect(md).toContain('- Snapshot `snap-066877671789bd71b`: ModifySnapshotAttribute (An EBS snapshot was shared with other accounts or made public)');
    expect(md).toMatch(/## The event's parameters\n\n### Request parameters\n\n```text\nvolumeId: vol-049df61146c4d7901\ndescription: backup\ntagSpecificationSet: \(empty\)\n```/);
  });

  it('with --redact, masks the account in the resources and in the parameters alike', () => {
    const report = redactReport(buildReport(session('CreateSnapshot/risky'), general, {generatedAt}));
    const md = reportMarkdown(report);
    expect(md).not.toContain('111122223333');
    expect(md).toContain('- AWS account: `ACCOUNT-1`');
    expect(md).toContain('ownerId: ACCOUNT-1');
  });

  it('a journal with no runbook at all (an old one) still says the event has none of its own', () => {
    expect(reportMarkdown(buildReport(session('CreateSnapshot/risky'), null, {generatedAt}))).toContain('No runbook of its own for CreateSnapshot.');
  });

  it('an event walked with its own runbook lists its resources and never says it has none', () => {
    const {entries, runbook} = walkedSession('CreateSecurityGroup');
    const report = buildReport(entries, runbook, {generatedAt});
    expect(report.runbook?.isGeneral).toBe(false);
    expect(report.resourceRunbooks).toEqual([]);
    const md = reportMarkdown(report);
    expect(md).toContain('## Resources named by the event\n\n- VPC: `vpc-0123456789abcdef0` (request.vpcId)');
    expect(md).not.toContain('No runbook of its own');
  });
});
