// Records what the TypeScript readers of CreateVpcPeeringConnection (facts, findings, isResolved, the
// Now query, lines and gone line) give on every record, state, config and Describe answer we have, into
// test/fixtures/engine/CreateVpcPeeringConnection.expected.json: the expected side of
// test/engine/CreateVpcPeeringConnection.differential.test.ts, which runs the runbook file's
// declarations over the same inputs. Run once, before the TypeScript readers are deleted (and delete
// this script with them):
//   npx tsx scripts/engine-expected/CreateVpcPeeringConnection.ts
import {readFileSync, writeFileSync} from 'node:fs';
import fc from 'fast-check';
import {createVpcPeeringConnectionNow} from '../../src/aws/now/CreateVpcPeeringConnection.js';
import {eventContext} from '../../src/events/context.js';
import {createVpcPeeringConnectionFacts} from '../../src/events/facts/CreateVpcPeeringConnection.js';
import {parseRecord} from '../../src/events/parse-record.js';
import {createVpcPeeringConnectionRules} from '../../src/findings/CreateVpcPeeringConnection.js';
import {finding, type Finding, type FindingsConfig} from '../../src/findings/finding.js';
import {answers, baseRecords, codes, configs, findingStates, mutations, resolvedStates, type Mutation} from './CreateVpcPeeringConnection-inputs.js';

const event = 'CreateVpcPeeringConnection';
const out = new URL(`../../test/fixtures/engine/${event}.expected.json`, import.meta.url);
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null)) as T;

// Records: the repository's, then fast-check variants of them (fields removed, nulled, emptied,
// renamed to PascalCase, wrapped, given the wrong type), each once.
const sampled = fc.sample(fc.record({base: fc.nat(), changes: fc.array(fc.tuple(fc.nat(), fc.constantFrom<Mutation>(...Object.keys(mutations) as Mutation[])), {minLength: 1, maxLength: 3})}), {seed: 14, numRuns: 120});
const seen = new Set<string>();
const bases = baseRecords(readJson);
const records = [...bases, ...sampled.map(({base, changes}, n) => {
  const from = bases[base % bases.length] ?? bases[0];
  if (from === undefined) throw new Error('no records');
  let raw = structuredClone(from.raw);
  for (const [at, change] of changes) raw = mutations[change](raw, at);
  return {name: `variant ${n} of ${from.name}: ${changes.map(([, c]) => c).join(', ')}`, raw, isVariant: true};
})].filter((r) => {
  const key = JSON.stringify(r.raw);
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
});

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as unknown;
}

const probe = finding('peering-cross-account', 'high', 'probe', 'probe', 'delete-peering');
const states = findingStates(readJson);
// Each finding once; a case names its findings by their index here.
const found: Finding[] = [];
const indexOf = (f: Finding): number => {
  const at = found.findIndex((other) => JSON.stringify(other) === JSON.stringify(f));
  return at >= 0 ? at : found.push(f) - 1;
};
const answerOutputs: Record<string, Record<string, unknown>> = {};
const resolvedSnapshots: Record<string, Record<string, unknown>> = {};

const cases = records.map(({name, raw, isVariant}) => {
  const record = parseRecord(raw, 'expected', '');
  const facts = createVpcPeeringConnectionFacts(record);
  const context = eventContext(record);
  const input = (state: unknown, config: FindingsConfig) => ({record, facts, context, state: plain(state) as never, config});
  const findings = (state: unknown, config: FindingsConfig) => createVpcPeeringConnectionRules.rules.flatMap((rule) => rule(input(state, config)) ?? []);
  const stateNames = isVariant ? ['none', 'cross-account scenario', 'Production-Core tag'] : Object.keys(states);
  const configNames = isVariant ? ['none', 'known peer', 'sensitive by id', 'sensitive by name'] : Object.keys(configs);
  const id = facts.find((fact) => fact.key === 'vpcPeeringConnectionId')?.value;
  const pcx = typeof id === 'string' ? id : 'pcx-0123456789abcdef0';
  const answerNames = isVariant ? ['pending acceptance', 'active with more blocks', 'failed'] : Object.keys(answers);
  const outputs = (answerOutputs[pcx] ??= {});
  const snapshots = (resolvedSnapshots[pcx] ??= resolvedStates(pcx));
  return {
    name,
    raw,
    facts,
    findings: Object.fromEntries(stateNames.map((s) => [s, Object.fromEntries(configNames.map((c) => [c, findings(states[s], configs[c] ?? {}).map(indexOf)]))])),
    resolved: Object.fromEntries(Object.entries(snapshots).map(([s, state]) => [s, createVpcPeeringConnectionRules.isResolved?.(probe, {...input(state, {}), state: plain(state) as never}) ?? false])),
    query: createVpcPeeringConnectionNow.query(facts, record) ?? null,
    answersOf: pcx,
    now: Object.fromEntries(answerNames.map((a) => {
      const output = answers[a]?.(pcx);
      outputs[a] = plain(output);
      return [a, createVpcPeeringConnectionNow.interpret(output, facts, record)];
    })),
    gone: Object.fromEntries(codes.map((code) => [code, createVpcPeeringConnectionNow.whenError(code, facts) ?? null])),
  };
});

writeFileSync(out, `${JSON.stringify({event, states, configs, findings: found, answers: answerOutputs, resolvedStates: resolvedSnapshots, cases})}\n`);
console.log(`${cases.length} records written to ${out.pathname}`);
