// The runbook file's declarations for CreateVpcPeeringConnection (facts, state read, Now lines,
// findings, resolved) give what the TypeScript readers gave, on every record, state, config and
// Describe answer of test/fixtures/engine/CreateVpcPeeringConnection.expected.json (recorded from
// them by scripts/record-CreateVpcPeeringConnection-expected.ts).
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
import type {Fact, JsonObject} from '../../src/events/record.js';
import {finding, type Finding, type FindingsConfig} from '../../src/findings/finding.js';
import {builtInRunbook} from '../../src/runbooks/registry.js';

interface Case {
  readonly name: string;
  readonly raw: JsonObject;
  readonly facts: readonly Fact[];
  /** state name → config name → indexes into expected.findings. */
  readonly findings: Readonly<Record<string, Readonly<Record<string, readonly number[]>>>>;
  /** resolved-state name → whether the findings count as resolved. */
  readonly resolved: Readonly<Record<string, boolean>>;
  readonly query: Action | null;
  /** The connection ID the answers of this case are about (a key of expected.answers and expected.resolvedStates). */
  readonly answersOf: string;
  /** answer name → Now lines. */
  readonly now: Readonly<Record<string, readonly NowLine[]>>;
  /** error code → the gone line(s), null when the code does not say the connection is gone. */
  readonly gone: Readonly<Record<string, readonly NowLine[] | null>>;
}

interface Expected {
  readonly states: Readonly<Record<string, Snapshot | null>>;
  readonly configs: Readonly<Record<string, FindingsConfig>>;
  readonly findings: readonly Finding[];
  readonly answers: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly resolvedStates: Readonly<Record<string, Readonly<Record<string, Snapshot>>>>;
  readonly cases: readonly Case[];
}

const expected = JSON.parse(readFileSync(new URL('../fixtures/engine/CreateVpcPeeringConnection.expected.json', import.meta.url), 'utf8')) as Expected;
const runbook = builtInRunbook('CreateVpcPeeringConnection');
if (runbook === undefined) throw new Error('no built-in runbook for CreateVpcPeeringConnection');
const spec = runbook;
const read = spec.state[0];

const opened = expected.cases.map((c) => {
  const record = parseRecord(c.raw, 'fixture', '');
  return {c, record, facts: factsOf(spec.facts, record)};
});
const pairs = <T>(table: Readonly<Record<string, T>>) => Object.entries(table);
const at = <T>(table: Readonly<Record<string, T>> | undefined, key: string): T => {
  const value = table?.[key];
  if (value === undefined) throw new Error(`the fixture has no ${key}`);
  return value;
};

const foundAt = (index: number): Finding => {
  const found = expected.findings[index];
  if (found === undefined) throw new Error(`the fixture has no finding ${index}`);
  return found;
};

describe('CreateVpcPeeringConnection: the runbook file gives what the TypeScript gave', () => {
  it('covers the repository\'s records and their variants', () => {
    expect(opened.length).toBeGreaterThanOrEqual(130);
    expect(opened.filter(({c}) => c.query !== null).length).toBeGreaterThanOrEqual(50);
    const raised = new Set(opened.flatMap(({c}) => pairs(c.findings).flatMap(([, byConfig]) => pairs(byConfig).flatMap(([, ids]) => ids))));
    expect(raised.size).toBe(expected.findings.length);
    expect(new Set(expected.findings.map((f) => f.id))).toEqual(new Set(['peering-cross-account', 'peering-cross-region', 'peering-sensitive-vpc']));
  });

  it.each(opened)('facts: $c.name', ({c, facts}) => {
    expect(facts).toEqual(c.facts);
  });

  it.each(opened)('findings over every state and config: $c.name', ({c, record, facts}) => {
    let compared = 0;
    for (const [stateName, byConfig] of pairs(c.findings)) {
      const state = at(expected.states, stateName) ?? undefined;
      for (const [configName, ids] of pairs(byConfig)) {
        const doc = documentOf(record, facts, state, at(expected.configs, configName));
        expect(runbookFindings(spec, doc), `${stateName}, ${configName}`).toEqual(ids.map(foundAt));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(12);
  });

  it.each(opened)('resolved: $c.name', ({c, record, facts}) => {
    const probe = finding('peering-cross-account', 'high', 'probe', 'probe', 'delete-peering');
    const snapshots = at(expected.resolvedStates, c.answersOf);
    const resolved = pairs(c.resolved);
    expect(resolved.length).toBeGreaterThanOrEqual(16);
    for (const [stateName, isResolved] of resolved) {
      expect(isRunbookFindingResolved(spec, probe, documentOf(record, facts, at(snapshots, stateName))), stateName).toBe(isResolved);
    }
  });

  it.each(opened)('the Now read: $c.name', ({c, record, facts}) => {
    expect(spec.state).toHaveLength(1); // the TypeScript reader had no follow-up reads
    if (read === undefined) return;
    expect(stateCall(read, documentOf(record, facts, undefined)) ?? null).toEqual(c.query);
  });

  it.each(opened)('Now lines for each answer: $c.name', ({c, record, facts}) => {
    const outputs = at(expected.answers, c.answersOf);
    const answers = pairs(c.now);
    expect(answers.length).toBeGreaterThanOrEqual(3);
    for (const [answer, lines] of answers) {
      const doc = documentOf(record, facts, snapshotOf(outputs[answer]));
      expect(nowLines(spec, doc), answer).toEqual(lines);
    }
  });

  it.each(opened)('the gone line for each error code: $c.name', ({c, record, facts}) => {
    const codes = pairs(c.gone);
    expect(codes.length).toBeGreaterThanOrEqual(4);
    for (const [code, lines] of codes) {
      const gone = goneSnapshot(read?.operation ?? '', code) === undefined ? null : goneLines(spec, documentOf(record, facts, undefined));
      expect(gone ?? null, code).toEqual(lines);
    }
  });
});
