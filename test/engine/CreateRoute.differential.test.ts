// The runbook file's declarations for CreateRoute (facts, state reads, Now lines, findings, resolved)
// give what the TypeScript readers gave, on every record of test/fixtures/engine/CreateRoute.expected.json
// (recorded from those readers by scripts/record-CreateRoute-expected.ts), over the states and
// DescribeRouteTables answers create-route-states.ts builds around each record's route.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {Action} from '../../src/aws/action.js';
import type {NowLine} from '../../src/engine/now-line.js';
import {documentOf, type Snapshot} from '../../src/engine/document.js';
import {factsOf} from '../../src/engine/facts.js';
import {isRunbookFindingResolved, runbookFindings} from '../../src/engine/findings.js';
import {goneLines, nowLines} from '../../src/engine/now.js';
import {kindByDescribe} from '../../src/engine/resource-kinds.js';
import {snapshotOf} from '../../src/engine/snapshot.js';
import {stateCall} from '../../src/engine/state.js';
import {parseRecord} from '../../src/events/parse-record.js';
import type {Fact, JsonObject} from '../../src/events/record.js';
import {finding, type Finding} from '../../src/findings/finding.js';
import {builtInRunbook} from '../../src/runbooks/registry.js';
import {answers, findingStates, routeOf, scenarioStates} from './create-route-states.js';

type Indexed = Readonly<Record<string, readonly number[]>>;

interface Case {
  readonly name: string;
  readonly raw: JsonObject;
  readonly facts: readonly Fact[];
  /** state name → indexes into findings (with the empty config: the rules read none). */
  readonly findings: Indexed;
  /** state name → whether the findings count as resolved on it. */
  readonly resolved: Readonly<Record<string, boolean>>;
  readonly query: Action | null;
  /** answer name → the follow-up read it leads to (none when not listed). */
  readonly followUps: Readonly<Record<string, Action>>;
  /** answer name → indexes into lines. */
  readonly now: Indexed;
  /** error code → indexes into lines; null when the code does not say the table is gone. */
  readonly gone: Readonly<Record<string, readonly number[] | null>>;
}

interface Expected {
  readonly findings: readonly Finding[];
  readonly lines: readonly NowLine[];
  readonly cases: readonly Case[];
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as unknown;
const expected = readJson('test/fixtures/engine/CreateRoute.expected.json') as Expected;
const runbook = builtInRunbook('CreateRoute');
if (runbook === undefined) throw new Error('no built-in runbook for CreateRoute');
const spec = runbook;
const scenarios = scenarioStates(readJson);
const notFound = kindByDescribe('DescribeRouteTables')?.notFound ?? [];

const pick = <T>(table: readonly T[], indexes: readonly number[]): T[] => indexes.map((i) => {
  const item = table[i];
  if (item === undefined) throw new Error(`the fixture has no item ${i}`);
  return item;
});
const mapValues = <T, U>(table: Readonly<Record<string, T>>, f: (value: T, key: string) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(table).map(([key, value]) => [key, f(value, key)]));

/** What the runbook file gives for one case, in the fixture's shape (its indexes resolved). */
function engineSide(c: Case) {
  const record = parseRecord(c.raw, 'fixture', '');
  const facts = factsOf(spec.facts, record);
  const route = routeOf(c.facts);
  const states = findingStates(route, scenarios);
  const outputs = answers(route);
  const doc = (state: unknown) => documentOf(record, facts, (state ?? undefined) as Snapshot | undefined);
  // The TypeScript answered for all of the event's findings at once, as the runbook's one resolved does.
  const resolvedOn = (state: unknown) => isRunbookFindingResolved(spec, finding('route-via-peering', 'high', 't', 'e'), doc(state));
  return {
    facts,
    findings: mapValues(c.findings, (_found, state) => runbookFindings(spec, doc(states[state]))),
    resolved: mapValues(c.resolved, (_value, state) => resolvedOn(states[state])),
    query: (spec.state[0] && stateCall(spec.state[0], doc(undefined))) ?? null,
    followUps: Object.fromEntries(Object.keys(c.now).flatMap((answer) => {
      const call = spec.state[1] && stateCall(spec.state[1], doc(snapshotOf(outputs[answer])));
      return call === undefined ? [] : [[answer, call]];
    })),
    now: mapValues(c.now, (_lines, answer) => nowLines(spec, doc(snapshotOf(outputs[answer])))),
    gone: mapValues(c.gone, (_lines, code) => (notFound.includes(code) ? goneLines(spec, doc(undefined)) ?? null : null)),
  };
}

function expectedSide(c: Case) {
  return {
    facts: c.facts,
    findings: mapValues(c.findings, (found) => pick(expected.findings, found)),
    resolved: c.resolved,
    query: c.query,
    followUps: c.followUps,
    now: mapValues(c.now, (lines) => pick(expected.lines, lines)),
    gone: mapValues(c.gone, (lines) => (lines === null ? null : pick(expected.lines, lines))),
  };
}

// The findings of the file's route-table events (a subnet moved or taken off its table, a table created):
// each has its own resolved, and no CreateRoute record raises them (every case below says which it raises).
const tableEventFindings = new Set(['subnet-moved-to-internet-table', 'subnet-association-replaced', 'new-route-table-in-use', 'new-route-table', 'subnet-fell-back-to-main']);
const routeFindings = spec.findings.filter((f) => !tableEventFindings.has(f.id));

describe('CreateRoute: the runbook file gives what the TypeScript readers gave', () => {
  it('one resolved answers for every finding of a route, as isResolved did', () => {
    expect(spec.resolved).toBeDefined();
    expect(routeFindings.filter((f) => f.resolved !== undefined)).toEqual([]);
    expect(spec.findings.filter((f) => tableEventFindings.has(f.id) && f.resolved === undefined)).toEqual([]);
  });

  it('the fixture covers the records, findings, reads and lines', () => {
    const cases = expected.cases;
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const raised = new Set(cases.flatMap((c) => Object.values(c.findings).flat()).map((i) => expected.findings[i]?.id));
    expect([...raised].sort()).toEqual(routeFindings.map((f) => f.id).sort());
    expect(cases.filter((c) => c.query !== null).length).toBeGreaterThan(50);
    expect(cases.filter((c) => Object.keys(c.followUps).length > 0).length).toBeGreaterThan(50);
    expect(cases.filter((c) => Object.values(c.resolved).includes(true)).length).toBeGreaterThan(50);
    expect(cases.filter((c) => Object.values(c.resolved).includes(false)).length).toBeGreaterThan(50);
    expect(new Set(expected.lines.map((l) => l.tone))).toEqual(new Set(['ok', 'bad', 'warn', 'info']));
  });

  it.each(expected.cases)('$name', (c) => {
    expect(engineSide(c)).toEqual(expectedSide(c));
  });
});
