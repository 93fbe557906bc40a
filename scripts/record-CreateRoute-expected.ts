// Records what the TypeScript readers of CreateRoute (facts, findings, isResolved, the Now query,
// follow-up read, lines and gone line) give on every record, state and DescribeRouteTables answer we
// have, into test/fixtures/engine/CreateRoute.expected.json: the expected side of
// test/engine/CreateRoute.differential.test.ts, which runs the runbook file's declarations over the same
// inputs (the records are in the fixture; the states and answers are built from each record's facts by
// test/engine/create-route-states.ts). Run it while the TypeScript readers exist (delete it with them):
//   npx tsx scripts/record-CreateRoute-expected.ts          writes the fixture
//   npx tsx scripts/record-CreateRoute-expected.ts --check  exits 1 when the fixture differs from what they give now
import {readFileSync, writeFileSync} from 'node:fs';
import fc from 'fast-check';
import {createRouteNow} from '../src/aws/now/CreateRoute.js';
import type {NowLine} from '../src/aws/now/now.js';
import {eventContext} from '../src/events/context.js';
import {createRouteFacts} from '../src/events/facts/CreateRoute.js';
import {parseRecord} from '../src/events/parse-record.js';
import type {JsonObject} from '../src/events/record.js';
import {createRouteRules} from '../src/findings/CreateRoute.js';
import {finding, type Finding, type FindingsConfig} from '../src/findings/finding.js';
import {answers, findingStates, routeOf, scenarioStates} from '../test/engine/create-route-states.js';
import {baseRecords, mutations} from './record-CreateRoute-inputs.js';

const out = new URL('../test/fixtures/engine/CreateRoute.expected.json', import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')) as unknown;
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null)) as T;

// Records: the repository's, then fast-check variants of them (one to three edits each), each once.
const bases = baseRecords(readJson);
const names = Object.keys(mutations);
const sampled = fc.sample(fc.record({base: fc.nat(), edits: fc.array(fc.tuple(fc.nat(), fc.nat()), {minLength: 1, maxLength: 3})}), {seed: 14, numRuns: 160});
const variants = sampled.map(({base, edits}, n) => {
  const from = bases[base % bases.length] ?? bases[0];
  if (from === undefined) throw new Error('no records');
  let raw: JsonObject = structuredClone(from.raw);
  const applied = edits.map(([which, at]) => {
    const name = names[which % names.length] ?? '';
    raw = mutations[name]?.(raw, at) ?? raw;
    return name;
  });
  return {name: `variant ${n} of ${from.name}: ${applied.join(', ')}`, raw, isVariant: true};
});
const seen = new Set<string>();
const records = [...bases.map((b) => ({...b, isVariant: false})), ...variants].filter(({raw}) => !seen.has(JSON.stringify(raw)) && Boolean(seen.add(JSON.stringify(raw))));

const scenarios = scenarioStates(readJson);
const variantStates = ['none', 'no tables', 'private subnets', 'public subnets', 'named private', 'main table', 'wider local and default', 'wide blocks', 'the route still there', 'the route deleted', 'the route written another way'];
const variantAnswers = ['still there', 'a blackhole', 'replaced with a NAT gateway', 'deleted', 'through an instance, main table', 'the destination in upper case', 'odd associations', 'null'];
const codes = ['InvalidRouteTableID.NotFound', 'InvalidRouteTableId.Malformed', 'UnauthorizedOperation'];

// Findings and Now lines once each; a case names them by their index.
const table = <T>() => {
  const items: T[] = [];
  return {items, at: (item: T) => {
    const found = items.findIndex((other) => JSON.stringify(other) === JSON.stringify(item));
    return found >= 0 ? found : items.push(item) - 1;
  }};
};
const findings = table<Finding>();
const lines = table<NowLine>();

const cases = records.map(({name, raw, isVariant}) => {
  const record = parseRecord(raw, 'expected', '');
  const facts = createRouteFacts(record);
  const route = routeOf(facts);
  const allStates = findingStates(route, scenarios);
  const allAnswers = answers(route);
  const stateNames = isVariant ? variantStates : Object.keys(allStates);
  const answerNames = isVariant ? variantAnswers : Object.keys(allAnswers);
  const input = (state: unknown, config: FindingsConfig) => ({record, facts, context: eventContext(record), state: (state ?? undefined) as never, config});
  const raised = (state: unknown, config: FindingsConfig) => createRouteRules.rules.flatMap((rule) => {
    try {
      return rule(input(plain(state), config)) ?? [];
    } catch {
      return [];
    }
  });
  const probe = finding('route-via-peering', 'high', 'probe', 'probe');
  return {
    name, raw, facts,
    // The rules read no config: the findings are those of the empty one.
    findings: Object.fromEntries(stateNames.map((s) => [s, raised(allStates[s], {}).map(findings.at)])),
    resolved: Object.fromEntries(stateNames.filter((s) => allStates[s] !== null).map((s) => [s, createRouteRules.isResolved?.(probe, {...input(plain(allStates[s]), {}), state: plain(allStates[s]) as never}) ?? false])),
    query: createRouteNow.query(facts, record) ?? null,
    // The follow-up read each answer leads to; an answer not listed leads to none.
    followUps: Object.fromEntries(answerNames.flatMap((a) => {
      const calls = createRouteNow.followUps?.(allAnswers[a], facts) ?? [];
      if (calls.length > 1) throw new Error('more than one follow-up');
      return calls.map((call) => [a, call]);
    })),
    now: Object.fromEntries(answerNames.map((a) => [a, createRouteNow.interpret(allAnswers[a], facts, record).map(lines.at)])),
    gone: Object.fromEntries(codes.map((code) => [code, createRouteNow.whenError(code, facts)?.map(lines.at) ?? null])),
  };
});

// One line per case, so a change shows as the cases it touches.
const head = JSON.stringify({event: 'CreateRoute', findings: findings.items, lines: lines.items});
const text = `${head.slice(0, -1)},"cases":[\n${cases.map((c) => JSON.stringify(c)).join(',\n')}\n]}\n`;
if (process.argv.includes('--check')) {
  const same = readFileSync(out, 'utf8') === text;
  process.stdout.write(same ? 'the fixture is what the TypeScript readers give\n' : 'the fixture differs from what the TypeScript readers give\n');
  process.exitCode = same ? 0 : 1;
} else {
  writeFileSync(out, text);
  process.stdout.write(`${cases.length} records, ${findings.items.length} findings, ${lines.items.length} lines: ${out.pathname}\n`);
}
