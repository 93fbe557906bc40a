// The runbook file src/runbooks/CreateSecurityGroup.yaml gives what the TypeScript readers of
// CreateSecurityGroup gave (facts, findings, isResolved, the Now query, lines and gone line), on every
// record, state and DescribeSecurityGroups answer of test/fixtures/engine/CreateSecurityGroup.expected.json
// (recorded from that TypeScript by scripts/record-CreateSecurityGroup-expected.ts).
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {Action} from '../../src/aws/action.js';
import type {NowLine} from '../../src/engine/now-line.js';
import {documentOf, type Snapshot} from '../../src/engine/document.js';
import {factMap, factsOf} from '../../src/engine/facts.js';
import {isRunbookFindingResolved, runbookFindings} from '../../src/engine/findings.js';
import {goneLines, nowLines} from '../../src/engine/now.js';
import {kindByDescribe} from '../../src/engine/resource-kinds.js';
import {stateCall} from '../../src/engine/state.js';
import {parseRecord} from '../../src/events/parse-record.js';
import type {Fact, JsonObject} from '../../src/events/record.js';
import type {Finding} from '../../src/findings/finding.js';
import {parseRunbook} from '../../src/runbooks/parse.js';

interface Case {
  readonly name: string;
  readonly record: JsonObject;
  readonly facts: readonly Fact[];
  /** null: the state is not known. */
  readonly states: readonly (Snapshot | null)[];
  /** By state: the event's own findings. */
  readonly findings: readonly (readonly Finding[])[];
  /** By state (null for no state): finding id → isResolved. */
  readonly resolved: readonly (Readonly<Record<string, boolean>> | null)[];
  readonly query: Action | null;
  readonly answers: readonly unknown[];
  /** By answer: the Now panel's lines. */
  readonly now: readonly (readonly NowLine[])[];
  /** By code of the fixture's codes: the gone line, or null. */
  readonly gone: readonly (readonly NowLine[] | null)[];
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/engine/CreateSecurityGroup.expected.json', import.meta.url), 'utf8')) as {codes: string[]; cases: Case[]};
const file = new URL('../../src/runbooks/CreateSecurityGroup.yaml', import.meta.url);
const runbook = parseRunbook(readFileSync(file, 'utf8'), file.pathname);
const notFound = kindByDescribe('DescribeSecurityGroups')?.notFound ?? [];

/** The snapshot the app makes of a DescribeSecurityGroups answer: its groups, when it lists them. */
function snapshotOfAnswer(answer: unknown): Snapshot | undefined {
  const groups = typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>)['SecurityGroups'] : undefined;
  return Array.isArray(groups) ? {SecurityGroups: groups as unknown[]} : undefined;
}

const stub = (id: string): Finding => ({id, severity: 'info', title: '', evidence: ''});

describe('CreateSecurityGroup: the runbook file gives what the TypeScript readers gave', () => {
  const {cases, codes} = fixture;

  it('compares every kind of result, on enough inputs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(cases.flatMap((c) => c.states.filter((s) => s !== null)).length).toBeGreaterThanOrEqual(1500);
    const raised = new Set(cases.flatMap((c) => c.findings.flat().map((f) => `${f.id} ${f.severity}`)));
    expect([...raised].sort()).toEqual([
      'sg-imitates-standard-group medium', 'sg-in-default-vpc medium', 'sg-open-all-ports critical', 'sg-open-database critical',
      'sg-open-ingress low', 'sg-open-ingress medium', 'sg-open-rdp critical', 'sg-open-ssh critical',
    ]);
    expect(cases.filter((c) => c.query !== null).length).toBeGreaterThanOrEqual(50);
    expect(cases.flatMap((c) => c.now).length).toBeGreaterThanOrEqual(600);
    expect(new Set(cases.flatMap((c) => c.now.flat().map((line) => line.tone)))).toEqual(new Set(['ok', 'bad', 'warn', 'info']));
    expect(cases.flatMap((c) => c.gone.filter((lines) => lines !== null)).length).toBeGreaterThanOrEqual(2 * cases.length);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const record = parseRecord(c.record, 'fixture', '');
    expect(factsOf(runbook.facts, record)).toEqual(c.facts);

    c.states.forEach((state, i) => {
      const doc = documentOf(record, c.facts, state ?? undefined);
      expect(runbookFindings(runbook, doc), `findings on state ${i}`).toEqual(c.findings[i]);
      const resolved = c.resolved[i];
      if (resolved === null || resolved === undefined) return;
      const engine = Object.fromEntries(Object.keys(resolved).map((id) => [id, isRunbookFindingResolved(runbook, stub(id), doc)]));
      expect(engine, `isResolved on state ${i}`).toEqual(resolved);
    });

    const read = runbook.state[0];
    expect(read === undefined ? null : (stateCall(read, {event: c.record, facts: factMap(c.facts), state: null}) ?? null)).toEqual(c.query);
    c.answers.forEach((answer, i) => {
      expect(nowLines(runbook, documentOf(record, c.facts, snapshotOfAnswer(answer))), `Now lines of answer ${i}`).toEqual(c.now[i]);
    });
    codes.forEach((code, i) => {
      const gone = notFound.includes(code) ? goneLines(runbook, documentOf(record, c.facts, undefined)) : undefined;
      expect(gone ?? null, code).toEqual(c.gone[i]);
    });
  });
});
