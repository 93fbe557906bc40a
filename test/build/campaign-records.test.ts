// The hostile-input campaigns walk the fixture records of test/fixtures/events/: every event a built-in runbook
// answers has records there (a refused call among each runbook's), and a default run (not --long) still walks
// every runbook file, while --long walks every record.
import {describe, expect, it} from 'vitest';
import {builtInEventNames, builtInRunbookFiles, runbookFileOf} from '../../src/runbooks/catalog.js';
import {baseRecords, campaignRecords} from '../helpers/hostile-records.js';

describe('the campaigns’ records', () => {
  it('include records of every event a built-in runbook answers', () => {
    expect(builtInEventNames.filter((name) => !baseRecords.some((r) => r.eventName === name))).toEqual([]);
  });

  it('include a refused call (failed.json) for every runbook file', () => {
    const withFailed = new Set(baseRecords.filter((r) => r.name.endsWith('/failed')).map((r) => runbookFileOf(r.eventName)));
    expect(builtInRunbookFiles.filter((file) => !withFailed.has(file))).toEqual([]);
  });

  it('walk one record of each runbook file by default, and all of them with --long', () => {
    const sample = campaignRecords(baseRecords, false);
    // The events without a runbook of their own take turns as one group: the general runbook's.
    expect(sample.map((r) => runbookFileOf(r.eventName) ?? 'general').sort()).toEqual([...builtInRunbookFiles, 'general'].sort());
    expect(campaignRecords(baseRecords, true)).toEqual(baseRecords);
  });

  it('take turns over a runbook file’s records, so different kinds of record are walked', () => {
    expect(new Set(campaignRecords(baseRecords, false).map((r) => r.name.split('/')[1])).size).toBeGreaterThan(1);
  });
});
