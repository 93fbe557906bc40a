// Records what the TypeScript of AssociateVpcCidrBlock (facts, Now reader, findings) gives on every
// input of ./AssociateVpcCidrBlock-inputs.ts, into test/fixtures/engine/AssociateVpcCidrBlock.expected.json:
// the expected side of test/engine/AssociateVpcCidrBlock.differential.test.ts, which runs the runbook's
// declarations on the same inputs. Run once (and again only while that TypeScript still exists):
//   npx tsx scripts/engine-expected/AssociateVpcCidrBlock.ts
import {mkdirSync, writeFileSync} from 'node:fs';
import fc from 'fast-check';
import type {AccountSnapshot} from '../../src/aws/account-snapshot.js';
import {associateVpcCidrBlockNow} from '../../src/aws/now/AssociateVpcCidrBlock.js';
import {eventContext} from '../../src/events/context.js';
import {factsFor} from '../../src/events/facts/index.js';
import {parseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord, Fact} from '../../src/events/record.js';
import {associateVpcCidrBlockRules} from '../../src/findings/AssociateVpcCidrBlock.js';
import {finding, type FindingsConfig, type RuleInput} from '../../src/findings/finding.js';
import {baseRecords, derivedArb, handOutputs, handStates, type Named} from './AssociateVpcCidrBlock-inputs.js';

const derivedCount = 150;
const seed = 14;
const errorCodes = ['InvalidVpcID.NotFound', 'InvalidVpcID.Malformed', 'UnauthorizedOperation', ''];
const configs: readonly FindingsConfig[] = [{}, {knownAccounts: ['111122223333'], sensitiveVpcs: ['vpc-0abcdef0123456789', 'production']}];

const states: {name: string; state: unknown}[] = [];
const outputs: {name: string; output: unknown}[] = [];
const add = <T>(table: T[], item: T): number => table.push(item) - 1;

function findingsOf(record: CloudTrailRecord, facts: readonly Fact[], state: AccountSnapshot | undefined, config: FindingsConfig) {
  const input: RuleInput = {record, facts, context: eventContext(record), state, config};
  const found = associateVpcCidrBlockRules.rules.flatMap((rule) => {
    try {
      return rule(input) ?? [];
    } catch {
      return [];
    }
  });
  let resolved: boolean | null = null;
  if (state !== undefined) {
    try {
      // isResolved reads the state, not the finding: one answer holds for every finding of this event.
      resolved = associateVpcCidrBlockRules.isResolved?.(finding('cidr-public-range', 'high', 't', 'e'), {...input, state}) ?? false;
    } catch {
      resolved = false;
    }
  }
  return {findings: found, resolved};
}

function caseOf(named: Named<unknown>, stateIds: readonly number[], outputIds: readonly number[]) {
  const record = parseRecord(named.value, 'expected', named.name);
  const facts = factsFor(record);
  const reader = associateVpcCidrBlockNow;
  return {
    name: named.name,
    record: named.value,
    facts,
    query: reader.query(facts, record) ?? null,
    gone: errorCodes.map((code) => reader.whenError(code, facts) ?? null),
    runs: stateIds.map((state, i) => {
      const config = i % 2;
      const value = states[state]?.state as AccountSnapshot | null | undefined;
      return {state, config, ...findingsOf(record, facts, value ?? undefined, configs[config] ?? {})};
    }),
    now: outputIds.map((output) => ({output, lines: reader.interpret(outputs[output]?.output, facts, record)})),
  };
}

const handStateIds = handStates.map((s) => add(states, {name: s.name, state: s.value}));
const handOutputIds = handOutputs.map((o) => add(outputs, {name: o.name, output: o.value}));
const cases = baseRecords.map((named) => caseOf(named, handStateIds, handOutputIds));

const derived = fc.sample(derivedArb, {numRuns: derivedCount, seed});
derived.forEach(([named, someStates, someOutputs], n) => {
  const stateIds = someStates.map((state, i) => add(states, {name: `derived ${n}.${i}`, state}));
  const outputIds = someOutputs.map((output, i) => add(outputs, {name: `derived ${n}.${i}`, output}));
  cases.push(caseOf({name: `${n}: ${named.name}`, value: named.value}, stateIds, outputIds));
});

const head = {event: 'AssociateVpcCidrBlock', recordedBy: 'scripts/engine-expected/AssociateVpcCidrBlock.ts', errorCodes, configs};
// One table row per line: a regenerated fixture diffs line by line.
const rows = (key: string, items: readonly unknown[]) => `${JSON.stringify(key)}: [\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]`;
const text = `{\n${[...Object.entries(head).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`), rows('states', states), rows('outputs', outputs), rows('cases', cases)].join(',\n')}\n}\n`;
const target = new URL('../../test/fixtures/engine/AssociateVpcCidrBlock.expected.json', import.meta.url);
mkdirSync(new URL('.', target), {recursive: true});
writeFileSync(target, text);
console.log(`${cases.length} records, ${states.length} states, ${outputs.length} answers → ${target.pathname}`);
