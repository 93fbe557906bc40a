// Records what the TypeScript readers of CreateSecurityGroup (facts, findings, isResolved, the Now
// query, lines and gone line) give on every record, state and DescribeSecurityGroups answer of
// scripts/record-CreateSecurityGroup-inputs.ts, into test/fixtures/engine/CreateSecurityGroup.expected.json:
// the expected side of test/engine/CreateSecurityGroup.differential.test.ts, which runs the runbook
// file's declarations over the same inputs (all of them are in the fixture). Run it while the
// TypeScript readers exist (delete it with them):
//   npx tsx scripts/record-CreateSecurityGroup-expected.ts          writes the fixture
//   npx tsx scripts/record-CreateSecurityGroup-expected.ts --check  exits 1 when the fixture differs from what they give now
import {readFileSync, writeFileSync} from 'node:fs';
import {createSecurityGroupNow} from '../src/aws/now/CreateSecurityGroup.js';
import {eventContext} from '../src/events/context.js';
import {createSecurityGroupFacts} from '../src/events/facts/CreateSecurityGroup.js';
import {parseRecord} from '../src/events/parse-record.js';
import type {CloudTrailRecord, Fact, JsonObject} from '../src/events/record.js';
import {createSecurityGroupRules} from '../src/findings/CreateSecurityGroup.js';
import {finding, type RuleInput} from '../src/findings/finding.js';
import {baseRecords, fixedStates, generatedStates, groupId, nowTestAnswers, variants, vpcId, type Base} from './record-CreateSecurityGroup-inputs.js';

const out = new URL('../test/fixtures/engine/CreateSecurityGroup.expected.json', import.meta.url);
const ids = ['sg-open-all-ports', 'sg-open-ssh', 'sg-open-rdp', 'sg-open-database', 'sg-open-ingress', 'sg-in-default-vpc', 'sg-imitates-standard-group'];
const codes = ['InvalidGroup.NotFound', 'InvalidSecurityGroupID.NotFound', 'InvalidGroupId.Malformed', 'UnauthorizedOperation', 'RequestLimitExceeded'];
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null)) as T;

const inputOf = (record: CloudTrailRecord, facts: readonly Fact[], state: JsonObject | null): RuleInput =>
  ({record, facts, context: eventContext(record), state: (state ?? undefined), config: {}});
const factOf = (facts: readonly Fact[], key: string) => facts.find((f) => f.key === key)?.value ?? null;

function caseOf(base: Base, n: number, isVariant: boolean) {
  const record = parseRecord(base.raw, 'record', '');
  const facts = createSecurityGroupFacts(record);
  const query = createSecurityGroupNow.query(facts, record) ?? null;
  const generated = generatedStates(factOf(facts, 'groupId') ?? groupId, factOf(facts, 'vpcId') ?? vpcId, query === null ? 2 : 8, 100 + n);
  const states: (JsonObject | null)[] = [null, ...(isVariant ? [fixedStates[n % fixedStates.length] ?? {}] : fixedStates), ...(base.state ? [base.state] : []), ...generated];
  const findings = states.map((state) => plain(createSecurityGroupRules.rules.flatMap((rule) => rule(inputOf(record, facts, state)) ?? [])));
  const resolved = states.map((state) =>
    state === null ? null : Object.fromEntries(ids.map((id) => [id, createSecurityGroupRules.isResolved?.(finding(id, 'info', '', ''), {...inputOf(record, facts, state), state: state}) ?? false])));
  const answers = query === null ? [] : [...(isVariant ? [] : nowTestAnswers()), ...states.flatMap((state) => (state?.['SecurityGroups'] === undefined ? [] : [{SecurityGroups: state['SecurityGroups']}]))];
  const now = answers.map((answer) => createSecurityGroupNow.interpret(answer, facts, record));
  const gone = codes.map((code) => createSecurityGroupNow.whenError(code, facts) ?? null);
  return plain({name: base.name, record: base.raw, facts, states, findings, resolved, query, answers, now, gone});
}

const bases = baseRecords();
const seen = new Set<string>();
const all = [...bases.map((b) => ({b, isVariant: false})), ...variants(bases, 220).map((b) => ({b, isVariant: true}))]
  .filter(({b}) => !seen.has(JSON.stringify(b.raw)) && Boolean(seen.add(JSON.stringify(b.raw))));
const cases = all.map(({b, isVariant}, n) => caseOf(b, n, isVariant));
const text = `{"codes": ${JSON.stringify(codes)},\n"cases": [\n${cases.map((c) => JSON.stringify(c)).join(',\n')}\n]}\n`;

if (process.argv.includes('--check')) {
  const same = readFileSync(out, 'utf8') === text;
  process.stdout.write(same ? 'the fixture is what the TypeScript readers give\n' : 'the fixture differs from what the TypeScript readers give\n');
  process.exit(same ? 0 : 1);
}
writeFileSync(out, text);
process.stdout.write(`${cases.length} records written to ${out.pathname}\n`);
