// CreateNetworkInterface's runbook declarations give what its TypeScript readers gave: the same
// facts, findings (ids, severities, titles, evidence, steps), resolutions, Now reads and lines, on
// every record of the event in the repository and variants of them, with and without state. The
// expected side is recorded (scripts/engine-expected/CreateNetworkInterface.ts) while the
// TypeScript existed, so this test stays as the regression test once it is gone.
import {describe, expect, it} from 'vitest';
import type {Action} from '../../src/aws/action.js';
import {documentOf, type Snapshot} from '../../src/engine/document.js';
import {factsOf} from '../../src/engine/facts.js';
import {isRunbookFindingResolved, runbookFindings} from '../../src/engine/findings.js';
import {goneLines, nowLines} from '../../src/engine/now.js';
import {kindByDescribe} from '../../src/engine/resource-kinds.js';
import {snapshotOf} from '../../src/engine/snapshot.js';
import {stateCall} from '../../src/engine/state.js';
import {parseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord, Fact} from '../../src/events/record.js';
import {builtInRunbook} from '../../src/runbooks/registry.js';
import {expectedFor, readFixture, type FixtureCase} from './differential-fixture.js';
import {recordVariant} from './record-variants.js';

const eventName = 'CreateNetworkInterface';
const fixture = readFixture(eventName);
const found = builtInRunbook(eventName);
if (found === undefined) throw new Error(`no built-in runbook for ${eventName}`);
const runbook = found;

function recordOf(c: FixtureCase): CloudTrailRecord {
  const base = fixture.bases[c.base];
  if (base === undefined) throw new Error(`no base record ${c.base}`);
  return parseRecord(recordVariant(base.record, c.edits), c.name, '');
}

function statesOf(c: FixtureCase): Record<string, Snapshot | undefined> {
  return {none: undefined, ...fixture.states, ...fixture.bases[c.base]?.states};
}

/** The Describe answers this case's Now panel is compared on. */
function answersOf(c: FixtureCase): [string, unknown][] {
  const all = Object.entries({...fixture.answers, ...fixture.bases[c.base]?.answers});
  return c.edits.length === 0 ? all : all.filter(([name]) => fixture.variantAnswers.includes(name));
}

/** The reads after the first, each over the answers so far (as the Now panel makes them). */
function followUps(record: CloudTrailRecord, facts: readonly Fact[], output: unknown): Action[] {
  const doc = documentOf(record, facts, snapshotOf(output));
  return runbook.state.slice(1).flatMap((spec) => stateCall(spec, doc) ?? []);
}

const cases = fixture.cases;
const variants = cases.filter((c) => c.edits.length > 0);

describe(`${eventName}: the runbook gives what the TypeScript gave`, () => {
  it('compares every record of the repository and its variants, with and without state', () => {
    expect(Object.keys(fixture.bases).length).toBeGreaterThanOrEqual(14);
    expect(variants.length).toBeGreaterThanOrEqual(100);
    expect(Object.keys(fixture.states).length).toBeGreaterThanOrEqual(12);
    // Enough of each kind of outcome that the comparison means something.
    expect(cases.filter((c) => c.facts.length > 0).length).toBeGreaterThan(100);
    expect(cases.filter((c) => c.findings.some((g) => g.found.length > 0)).length).toBeGreaterThan(100);
    expect(cases.filter((c) => c.now.query !== null).length).toBeGreaterThan(50);
    const ids = new Set(cases.flatMap((c) => c.findings.flatMap((g) => g.found.map((f) => `${f.id} ${f.severity}`))));
    expect([...ids].sort()).toEqual([
      'eni-foreign-subnet high', 'eni-foreign-subnet low', 'eni-open-security-group high', 'eni-public-ip medium',
      'eni-requester-managed info', 'eni-requester-managed low', 'eni-unusual-principal medium',
    ]);
  });

  it.each(cases)('facts: $name', (c) => {
    expect(factsOf(runbook.facts, recordOf(c))).toEqual(c.facts);
  });

  it.each(cases)('findings and their resolution: $name', (c) => {
    const record = recordOf(c);
    const facts = factsOf(runbook.facts, record);
    const states = statesOf(c);
    let compared = 0;
    for (const [stateName, state] of Object.entries(states)) {
      for (const [configName, config] of Object.entries(fixture.configs)) {
        const key = `${stateName}|${configName}`;
        expect(runbookFindings(runbook, documentOf(record, facts, state, config)), key).toEqual(expectedFor(c.findings, key)?.found);
        compared += 1;
      }
    }
    expect(compared).toBe(Object.keys(states).length * Object.keys(fixture.configs).length);
    const raised = new Map(c.findings.flatMap((g) => g.found).map((f) => [f.id, f]));
    expect([...raised.keys()].sort()).toEqual(Object.keys(c.resolved).sort());
    for (const [id, finding] of raised) {
      for (const [stateName, state] of Object.entries(states)) {
        if (state === undefined) continue;
        const isResolved = isRunbookFindingResolved(runbook, finding, documentOf(record, facts, state));
        expect(isResolved, `${id} on ${stateName}`).toBe(c.resolved[id]?.includes(stateName) ?? false);
      }
    }
  });

  it.each(cases)('Now panel: $name', (c) => {
    const record = recordOf(c);
    const facts = factsOf(runbook.facts, record);
    const [first] = runbook.state;
    expect(first).toBeDefined();
    if (first === undefined) return;
    expect(stateCall(first, documentOf(record, facts, undefined)) ?? null).toEqual(c.now.query);
    if (c.now.query === null) return;
    const answers = answersOf(c);
    expect(answers.length).toBeGreaterThanOrEqual(4);
    for (const [name, output] of answers) {
      const expected = expectedFor(c.now.answers, name);
      expect(nowLines(runbook, documentOf(record, facts, snapshotOf(output))), name).toEqual(expected?.lines);
      expect(followUps(record, facts, output), name).toEqual(expected?.followUps);
    }
    const kind = kindByDescribe(c.now.query.operation);
    for (const [code, lines] of Object.entries(c.now.errors)) {
      const isGone = kind?.notFound.includes(code) === true;
      expect(isGone ? goneLines(runbook, documentOf(record, facts, undefined)) : undefined, code).toEqual(lines ?? undefined);
    }
    expect(Object.keys(c.now.errors)).toEqual(fixture.errorCodes);
  });
});
