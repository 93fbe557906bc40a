// Records what the TypeScript verifications (src/aws/verify.ts and verify/*.ts) give, into
// test/fixtures/engine/verify.expected.json: the expected side of test/engine/verify.differential.test.ts,
// which runs the declared ones (src/runbooks/library/verifications.yaml) over the same actions and
// answers. For every verified operation: the actions and answers of the verification tests, the
// sandbox's answers before and after each action runs, and fast-check generated parameters and
// answers; each with every failed-read code that matters. Run it while the TypeScript exists (delete it with it):
//   node --import ./scripts/yaml-as-text.mjs --import tsx scripts/record-verify-expected.ts          writes the fixture
//   node --import ./scripts/yaml-as-text.mjs --import tsx scripts/record-verify-expected.ts --check  exits 1 when the fixture differs
import {readFileSync, writeFileSync} from 'node:fs';
import fc from 'fast-check';
import type {Action} from '../src/aws/action.js';
import {createSandboxExecutor} from '../src/aws/sandbox/executor.js';
import {verificationFor, verifiedOperations, verifyInput} from '../src/aws/verify.js';
import {resourceKinds} from '../src/engine/resource-kinds.js';
import {fixture} from '../test/aws/sandbox/fixture.js';
import {derivedAnswers} from './verify-expected/derived-answers.js';
import {answersFor} from './verify-expected/generated-answers.js';
import {paramsFor} from './verify-expected/generated.js';
import {faultAnswers, handCases, wellFormed, type HandCase} from './verify-expected/hand-cases.js';

const out = new URL('../test/fixtures/engine/verify.expected.json', import.meta.url);
const plain = (value: unknown): unknown => (value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown));
const here = {region: 'us-east-1'};

// Failed reads: every not-found code of the table and of the checks, other failures, a code that is not text.
const codes = [...new Set([...resourceKinds.flatMap((k) => k.notFound), 'InvalidKeyPair.NotFound', 'InvalidAddress.NotFound', 'InvalidAllocationID.NotFound', 'InvalidPermission.NotFound', 'UnauthorizedOperation', 'InvalidParameterValue'])];
const failures: unknown[] = [...codes.map((code) => ({code})), ...faultAnswers, {code: 'InvalidGroup.NotFound', problem: 'The security group does not exist'}, {code: 5, SecurityGroupRules: []}, null, 'done', []];

/** The case again with the short IDs of the tests written well-formed (when it has any). */
function wellFormedVariant(hand: HandCase): HandCase | undefined {
  let text = JSON.stringify({action: hand.action, answers: hand.answers.map(plain)});
  for (const [short, long] of Object.entries(wellFormed)) text = text.replaceAll(JSON.stringify(short), JSON.stringify(long));
  const parsed = JSON.parse(text) as {action: Action; answers: unknown[]};
  return JSON.stringify(parsed.action) === JSON.stringify(hand.action) ? undefined : {name: `${hand.name} (IDs well-formed)`, ...parsed};
}

/** The sandbox's answers to the verification's read before the action runs and after. */
async function sandboxAnswers(action: Action): Promise<unknown[]> {
  const read = verificationFor(action)?.read;
  if (read === undefined) return [];
  const sandbox = createSandboxExecutor(fixture(), () => new Date('2025-03-16T02:00:00Z'));
  const before = verifyInput(await sandbox.read(read, here));
  await sandbox.execute(action, here);
  return [before, verifyInput(await sandbox.read(read, here))];
}

const ec2 = (operation: string, params: Action['params']): Action => ({service: 'ec2', operation, params});
const hands = handCases().flatMap((hand) => [hand, wellFormedVariant(hand)].filter((c) => c !== undefined));
const generated = verifiedOperations.flatMap((operation, n) => {
  const seen = new Set<string>();
  const samples = fc.sample(paramsFor[operation] ?? fc.constant({}), {seed: 1400 + n, numRuns: 50}).filter((p) => !seen.has(JSON.stringify(p)) && Boolean(seen.add(JSON.stringify(p))));
  return samples.map((params, i): HandCase => ({name: `generated ${operation} #${i}`, action: ec2(operation, params), answers: []}));
});
const answersByOperation = new Map(verifiedOperations.map((operation, n) => [operation, fc.sample(answersFor[operation] ?? fc.constant({}), {seed: 2800 + n, numRuns: 40})]));

const answerTable: unknown[] = [];
const answerIndex = new Map<string, number>();
const summaryTable: string[] = [];
const summaryIndex = new Map<string, number>();
const indexOf = <T>(table: T[], index: Map<string, number>, value: T): number => {
  const key = JSON.stringify(value);
  const found = index.get(key);
  if (found !== undefined) return found;
  table.push(value);
  index.set(key, table.length - 1);
  return table.length - 1;
};

let threw = 0;
const cases = [];
for (const hand of [...hands, ...generated]) {
  const verification = verificationFor(hand.action);
  const answers = verification === undefined ? [] : [...hand.answers, ...derivedAnswers(hand.action), ...(answersByOperation.get(hand.action.operation) ?? []), ...(await sandboxAnswers(hand.action)), ...failures].map(plain);
  const checks: [number, boolean | null, number][] = [];
  for (const answer of new Map(answers.map((a) => [JSON.stringify(a), a])).values()) {
    try {
      const {reached, summary} = verification?.check(answer) ?? {reached: null, summary: ''};
      checks.push([indexOf(answerTable, answerIndex, answer), reached, indexOf(summaryTable, summaryIndex, summary)]);
    } catch {
      threw += 1; // the TypeScript check threw on this answer (a null item…): nothing to compare
    }
  }
  cases.push({name: hand.name, action: hand.action, read: verification?.read ?? null, checks});
}

const recorded = `${JSON.stringify({verifiedOperations, answers: answerTable, summaries: summaryTable, cases})}\n`;
if (process.argv.includes('--check')) {
  const same = readFileSync(out, 'utf8') === recorded;
  console.log(same ? 'the fixture is what the TypeScript gives' : 'the fixture differs from what the TypeScript gives');
  process.exit(same ? 0 : 1);
}
writeFileSync(out, recorded);
const checked = cases.reduce((sum, c) => sum + c.checks.length, 0);
console.log(`${cases.length} cases (${cases.filter((c) => c.read !== null).length} with a read), ${checked} checks, ${answerTable.length} answers; ${threw} checks threw and are left out`);
