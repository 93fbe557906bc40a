// The AssociateVpcCidrBlock runbook's declarations (facts, state read, Now lines, findings, resolved)
// give what the TypeScript gave, on every record of this event the repository holds and 150 derived
// ones, under the states and Describe answers the tests use. The expected side is recorded in
// test/fixtures/engine/AssociateVpcCidrBlock.expected.json by scripts/engine-expected/AssociateVpcCidrBlock.ts.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {Action} from '../../src/aws/action.js';
import type {NowLine} from '../../src/engine/now-line.js';
import {documentOf, type Snapshot} from '../../src/engine/document.js';
import {factsOf} from '../../src/engine/facts.js';
import {isRunbookFindingResolved, runbookFindings} from '../../src/engine/findings.js';
import {goneLines, nowLines} from '../../src/engine/now.js';
import {goneSnapshot, snapshotOf} from '../../src/engine/snapshot.js';
import {stateCall} from '../../src/engine/state.js';
import {parseRecord} from '../../src/events/parse-record.js';
import type {Fact} from '../../src/events/record.js';
import type {Finding, FindingsConfig} from '../../src/findings/finding.js';
import {builtInRunbook} from '../../src/runbooks/registry.js';

interface Case {
  readonly name: string;
  readonly record: unknown;
  readonly facts: Fact[];
  readonly query: Action | null;
  readonly gone: (NowLine[] | null)[];
  readonly runs: {readonly state: number; readonly config: number; readonly findings: Finding[]; readonly resolved: boolean | null}[];
  readonly now: {readonly output: number; readonly lines: NowLine[]}[];
}

interface Fixture {
  readonly errorCodes: string[];
  readonly configs: FindingsConfig[];
  readonly states: {readonly name: string; readonly state: Snapshot | null}[];
  readonly outputs: {readonly name: string; readonly output: unknown}[];
  readonly cases: Case[];
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/engine/AssociateVpcCidrBlock.expected.json', import.meta.url), 'utf8')) as Fixture;
const runbook = builtInRunbook('AssociateVpcCidrBlock');
if (runbook === undefined) throw new Error('no built-in runbook for AssociateVpcCidrBlock');
const [read] = runbook.state;
if (read === undefined) throw new Error('the runbook declares no state read');

const all = fixture.cases;
const runs = all.flatMap((c) => c.runs);
const lines = all.flatMap((c) => c.now.flatMap((n) => n.lines));

describe('AssociateVpcCidrBlock: the recorded cases cover the behaviour', () => {
  it('holds the repository\'s records and the derived ones', () => {
    expect(all.filter((c) => !/^\d+: derived/.test(c.name)).length).toBe(15);
    expect(all.length).toBe(165);
    expect(all.filter((c) => c.query !== null).length).toBeGreaterThan(50);
    expect(new Set(all.flatMap((c) => c.facts.map((f) => f.key)))).toEqual(new Set(['vpcId', 'cidrBlock', 'ipv6CidrBlock', 'associationId', 'amazonProvidedIpv6CidrBlock']));
  });

  it.each(['cidr-overlaps-peered-vpc/high', 'cidr-overlaps-vpc/medium', 'cidr-public-range/high', 'cidr-first-ipv6/low', 'cidr-first-ipv6/medium'])('%s is raised in some cases', (key) => {
    expect(runs.filter((run) => run.findings.some((f) => `${f.id}/${f.severity}` === key)).length).toBeGreaterThan(5);
  });

  it('both resolved answers occur, and every Now line kind', () => {
    expect(runs.filter((run) => run.resolved === true).length).toBeGreaterThan(50);
    expect(runs.filter((run) => run.resolved === false).length).toBeGreaterThan(50);
    for (const ending of ['is still associated', 'is still being associated', 'in an unknown state', 'is being disassociated', 'is disassociated', 'failed to associate', 'is no longer on the VPC', 'is pending', 'its current state is unknown']) {
      expect(lines.filter((line) => line.text.endsWith(ending)).length, ending).toBeGreaterThan(0);
    }
    expect(lines.filter((line) => line.text.startsWith('the VPC\'s other blocks: ')).length).toBeGreaterThan(50);
  });
});

describe.each(all)('AssociateVpcCidrBlock: $name', (c) => {
  const record = parseRecord(c.record, 'fixture', c.name);
  const facts = factsOf(runbook.facts, record);

  it('facts, state read and gone line', () => {
    expect(facts).toEqual(c.facts);
    expect(stateCall(read, documentOf(record, facts, undefined)) ?? null).toEqual(c.query);
    const gone = fixture.errorCodes.map((code) => (goneSnapshot(read.operation, code) === undefined ? null : goneLines(runbook, documentOf(record, facts, undefined)) ?? null));
    expect(gone).toEqual(c.gone);
  });

  it('findings and resolved, with and without state', () => {
    expect(c.runs.length).toBeGreaterThan(0);
    for (const run of c.runs) {
      const state = fixture.states[run.state]?.state ?? undefined;
      const doc = documentOf(record, facts, state, fixture.configs[run.config]);
      expect(runbookFindings(runbook, doc), `state ${run.state}`).toEqual(run.findings);
      if (run.resolved === null) continue;
      for (const spec of runbook.findings) {
        const probe: Finding = {id: spec.id, severity: 'high', title: 't', evidence: 'e'};
        expect(isRunbookFindingResolved(runbook, probe, doc), `${spec.id} resolved on state ${run.state}`).toBe(run.resolved);
      }
    }
  });

  it('Now lines for each Describe answer', () => {
    expect(c.now.length).toBeGreaterThan(0);
    for (const {output, lines: expected} of c.now) {
      const doc = documentOf(record, facts, snapshotOf(fixture.outputs[output]?.output));
      expect(nowLines(runbook, doc), `answer ${output}`).toEqual(expected);
    }
  });
});
