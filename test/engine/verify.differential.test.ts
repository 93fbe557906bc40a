// The declared verifications (src/runbooks/library/verifications.yaml) give what the TypeScript ones
// gave: the same read for every action (or none), and the same verdict and summary for every answer,
// over the actions and answers of the verification tests, the sandbox's answers and fast-check
// generated parameters and answers (missing lists, wrong types, NextToken pages, failed-read codes).
// The expected side was recorded in test/fixtures/engine/verify.expected.json by
// scripts/record-verify-expected.ts while that TypeScript existed.
//
// One difference is by design: the engine never sends an ill-formed ID (every parameter that takes IDs
// of a known kind keeps only well-formed ones, each once), so the expected read is the recorded one
// passed through that rule, and none when an ID parameter is left with nothing.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {Action} from '../../src/aws/action.js';
import {checkedIds} from '../../src/engine/ids.js';
import {verificationFor, verifiedOperations} from '../../src/runbooks/verifications.js';

interface Case {
  readonly name: string;
  readonly action: Action;
  readonly read: Action | null;
  /** [answer index, reached, summary index] */
  readonly checks: readonly (readonly [number, boolean | null, number])[];
}

interface Fixture {
  readonly verifiedOperations: readonly string[];
  readonly answers: readonly unknown[];
  readonly summaries: readonly string[];
  readonly cases: readonly Case[];
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/engine/verify.expected.json', import.meta.url), 'utf8')) as Fixture;

function expectedRead(read: Action | null): Action | null {
  if (read === null) return null;
  const params = checkedIds(read.params);
  return params === undefined ? null : {...read, params};
}

/** What differs for one case: its read, then each answer whose verdict or summary differs. */
function differences(c: Case): string[] {
  const found = verificationFor(c.action);
  const want = expectedRead(c.read);
  const got = found?.read ?? null;
  if (JSON.stringify(got) !== JSON.stringify(want)) return [`${c.name}: read ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`];
  if (found === undefined) return [];
  return c.checks.flatMap(([answer, reached, summary]) => {
    const verdict = found.check(fixture.answers[answer]);
    const expected = {reached, summary: fixture.summaries[summary]};
    return JSON.stringify(verdict) === JSON.stringify(expected) ? [] : [`${c.name}, answer ${JSON.stringify(fixture.answers[answer])}: ${JSON.stringify(verdict)}, expected ${JSON.stringify(expected)}`];
  });
}

/**
 * The library verifications declared after the TypeScript ones were recorded (network ACL entries and
 * associations, snapshot and AMI permissions and block public access): no recorded answer exists for
 * them. Extend this list deliberately when the library declares another.
 */
const declaredSince = [
  'ReplaceNetworkAclEntry', 'DeleteNetworkAclEntry', 'ReplaceNetworkAclAssociation',
  'ModifySnapshotAttribute', 'ResetSnapshotAttribute', 'EnableSnapshotBlockPublicAccess',
  'ModifyImageAttribute', 'ResetImageAttribute', 'EnableImageBlockPublicAccess',
];

const byOperation = (operation: string) => fixture.cases.filter((c) => c.action.operation === operation);

describe('the declared verifications against the TypeScript ones', () => {
  it('verify the same operations, and those declared since the TypeScript was removed', () => {
    expect(fixture.verifiedOperations.length).toBeGreaterThan(20);
    expect([...verifiedOperations].sort()).toEqual([...fixture.verifiedOperations, ...declaredSince].sort());
  });

  it.each(fixture.verifiedOperations.map((operation) => [operation]))('%s: the same read and the same verdicts', (operation) => {
    const cases = byOperation(operation);
    const withRead = cases.filter((c) => expectedRead(c.read) !== null);
    expect(withRead.length, 'cases with a read').toBeGreaterThan(2);
    expect(withRead.reduce((sum, c) => sum + c.checks.length, 0), 'answers compared').toBeGreaterThan(40);
    expect(cases.flatMap(differences).slice(0, 5)).toEqual([]);
  });

  it('none for the actions the TypeScript gave none (creates, reads, other services, parameters it does not know)', () => {
    const others = fixture.cases.filter((c) => !fixture.verifiedOperations.includes(c.action.operation));
    expect(others.length).toBeGreaterThan(2);
    expect(others.flatMap(differences)).toEqual([]);
  });

  it('the by-design difference: an ill-formed ID never enters the read', () => {
    const refused = fixture.cases.filter((c) => c.read !== null && expectedRead(c.read) === null);
    expect(refused.length).toBeGreaterThan(0);
    for (const c of refused) expect(verificationFor(c.action), c.name).toBeUndefined();
  });
});
