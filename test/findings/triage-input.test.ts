// Triage streams each file (or a query's rows) once and computes each record's findings as it goes: the input's findings
// come from the records of the same file read so far.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {expect, it} from 'vitest';
import {startQueryTriage} from '../../src/commands/query-triage.js';
import {parseEvents} from '../../src/events/parse-events.js';
import {fileReader} from '../../src/triage/scan-one.js';
import type {ScanEvent} from '../../src/triage/scan-events.js';
import type {TriageMatch} from '../../src/triage/triage-match.js';

const trail = fileURLToPath(new URL('../fixtures/findings/218007301253_CloudTrail_us-east-1_20230710T1200Z_iLj9fb7yyUG9X4Bf.json', import.meta.url));

it('triage --all ranks the burst and the stolen instance credentials from one trail file', async () => {
  const matches: TriageMatch[] = [];
  const reader = fileReader({filter: {names: [], isAll: true}, limit: 1000}, (event: ScanEvent) => {
    if (event.type === 'match') matches.push(event.match);
  });
  await reader.read(trail);
  const ids = (eventID: string) => matches.find((m) => m.eventID === eventID)?.findings.map((f) => `${f.id}:${f.severity}`) ?? [];
  const burst = matches.filter((m) => m.eventName === 'GetPasswordData' && m.findings.some((f) => f.id === 'refusal-burst'));
  // 24 refused calls: the burst is known from the tenth on.
  expect(burst).toHaveLength(15);
  // The stolen credentials' call comes after the instance's own in the file: both addresses are known by then.
  expect(ids('d3d5fd99-faa9-4959-a464-56fba613cc2e')).toContain('instance-credentials-elsewhere:high');
  // The instance's first call, before any other address: only a check.
  expect(ids('6bf8950b-f1ed-439d-8fc8-211645bfbe0f')).toContain('instance-credentials-elsewhere:medium');
});

it('triage over a query (Lake, Athena) sees the same burst among the rows returned before each', async () => {
  const records = parseEvents(readFileSync(trail, 'utf8'), 'trail').records;
  const rows = records.map((record) => ({time: record.eventTime ?? '', eventName: record.eventName, eventSource: record.eventSource, record, origin: 'CloudTrail Lake'}));
  // One page per record, as a slow query hands them over.
  const engine = {kind: 'lake' as const, label: 'CloudTrail Lake test', async *search() {
    for (const row of rows) {
      await Promise.resolve();
      yield {rows: [row]};
    }
  }};
  const scan = startQueryTriage(engine, {filter: {names: [], isAll: true}, limit: 1000, defaultSinceMs: 0});
  const {matches} = await scan.done;
  expect(matches.filter((m) => m.findings.some((f) => f.id === 'refusal-burst'))).toHaveLength(15);
});
