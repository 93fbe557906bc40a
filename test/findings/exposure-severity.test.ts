// Issue 16's bar, over the real-shaped records of test/fixtures/events/: a successful exposure (a snapshot or
// an AMI shared outside the account, a sensitive port opened to the internet, flow logs deleted) raises a
// finding of its runbook of high or critical severity with its evidence; a refused or failed call of any
// runbook's event raises none of those (only the findings every event shares may speak of the caller).
import {describe, expect, it} from 'vitest';
import {anyEventIds} from '../../src/findings/any-event.js';
import {parseRecord} from '../../src/events/parse-record.js';
import {baseRecords} from '../helpers/hostile-records.js';
import {findings} from './helpers.js';

const exposures = ['AuthorizeSecurityGroupIngress', 'ModifySnapshotAttribute', 'ModifyImageAttribute', 'DeleteFlowLogs'];
const serious = new Set(['high', 'critical']);
const own = (name: string, raw: unknown) => findings(parseRecord(raw, name, 'record')).filter((f) => !anyEventIds.has(f.id));

describe.each(exposures)('%s that succeeded', (eventName) => {
  const risky = baseRecords.filter((r) => r.eventName === eventName && r.name.endsWith('/risky'));
  it('has a risky record to prove it on', () => expect(risky.length).toBeGreaterThan(0));
  it.each(risky.map((r) => [r.name, r] as const))('%s raises a high or critical finding with its evidence', (_name, record) => {
    const raised = own(record.name, record.raw).filter((f) => serious.has(f.severity));
    expect(raised.length).toBeGreaterThan(0);
    for (const finding of raised) expect(finding.evidence.length).toBeGreaterThan(0);
  });
});

describe('a call that was refused or failed', () => {
  const failed = baseRecords.filter((r) => r.name.endsWith('/failed'));
  it('has records of every exposure event to prove it on', () => {
    expect(exposures.filter((name) => !failed.some((r) => r.eventName === name))).toEqual([]);
  });
  it.each(failed.map((r) => [r.name, r] as const))('%s raises no high or critical finding of its runbook', (_name, record) => {
    expect(own(record.name, record.raw).filter((f) => serious.has(f.severity)).map((f) => `${f.severity} ${f.id}: ${f.title}`)).toEqual([]);
  });
});
