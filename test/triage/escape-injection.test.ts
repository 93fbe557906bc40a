// The terminal-escape injection campaign on `trailguide triage` (issue 6): a trail log file holding every
// fixture record with a payload in every field (one rotation per file, every payload across them), triaged
// and written as Markdown (every field it lists shown escaped) and JSON (valid, inert and lossless).
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {runTriage} from '../../src/triage/run-triage.js';
import {triageJson} from '../../src/triage/triage-json.js';
import {triageMarkdown} from '../../src/triage/triage-md.js';
import {payloads} from '../helpers/escape-payloads.js';
import {baseRecords, variant, type Group, type InjectedField} from '../helpers/hostile-records.js';
import {jsonProblems, textProblems} from '../helpers/inert-output.js';

const dir = mkdtempSync(join(tmpdir(), 'trailguide-triage-escape-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** Triage of one log file holding the records; both outputs. */
async function triage(name: string, records: readonly unknown[]): Promise<{md: string; json: string}> {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify({Records: records}));
  const result = await runTriage([path], {filter: {names: [], isAll: true}, limit: 1000, jobs: 1});
  return {md: triageMarkdown(result), json: triageJson(result)};
}

describe.each<Group>(['fields', 'event'])('triage of records with a payload in their %s fields', (group) => {
  it('lists every field escaped (md) and keeps it exactly (json), with every payload', async () => {
    const problems: string[] = [];
    // The baseline (markers, no payload) is the same file whatever the rotation: it is triaged once.
    const before = await triage(`baseline-${group}`, baseRecords.map((base) => variant(base, group, 0, true).raw));
    for (const offset of payloads.map((_p, i) => i)) {
      const hostile = baseRecords.map((base) => variant(base, group, offset));
      // A marker names a leaf by its place in its record, so records share markers: the checks hold for each (marker, payload).
      const fields: InjectedField[] = hostile.flatMap((v) => v.fields);
      const after = await triage(`hostile-${group}-${offset}`, hostile.map((v) => v.raw));
      problems.push(...textProblems(fields, after.md, before.md, `md (rotation ${offset})`));
      problems.push(...jsonProblems(fields, after.json, before.json, `json (rotation ${offset})`));
    }
    expect([...new Set(problems)]).toEqual([]);
  }, 120_000);
});
