// Triage streams each file once and computes each record's findings as it goes: the input's findings
// come from the records of the same file read so far.
import {fileURLToPath} from 'node:url';
import {expect, it} from 'vitest';
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
