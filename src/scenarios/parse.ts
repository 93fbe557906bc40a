// Scenario data (already read from JSON or YAML) → a checked Scenario, or an InputError naming the
// file, the field and what is wrong. Beyond the schema: the event must be a CloudTrail record with
// a runbook; every reference in the account state must resolve (a subnet's VPC, a rule's group, an
// interface's subnet and groups …) and no ID may be used twice; and every finding the objectives
// or `contained` name must be one this scenario raises, or the trainee could never meet them.
import {accountFor} from '../aws/sandbox/seeds.js';
import {InputError} from '../events/input-error.js';
import {parseRecord} from '../events/parse-record.js';
import {findingsFor} from '../findings/index.js';
import {builtInEngine} from '../runbooks/registry.js';
import {builtInEventNames, hasRunbook} from '../runbooks/catalog.js';
import {firstIssue} from '../text/schema-issue.js';
import {scenarioOf, type Scenario, type ScenarioFile} from './scenario.js';
import {scenarioSchema, stateSchema} from './schema.js';
import type {z} from 'zod';

type State = z.infer<typeof stateSchema>;

interface Reference {
  readonly at: string;
  readonly id: string | undefined;
  readonly among: ReadonlySet<string>;
  readonly what: string;
}

function idsOf<T>(items: readonly T[] | undefined, key: (item: T) => string): ReadonlySet<string> {
  return new Set((items ?? []).map(key));
}

function references(state: State): Reference[] {
  const vpcs = idsOf(state.Vpcs, (v) => v.VpcId);
  const subnets = idsOf(state.Subnets, (s) => s.SubnetId);
  const groups = idsOf(state.SecurityGroups, (g) => g.GroupId);
  const refs: Reference[] = [];
  (state.Subnets ?? []).forEach((s, i) => refs.push({at: `state.Subnets[${i}].VpcId`, id: s.VpcId, among: vpcs, what: 'VPC'}));
  (state.SecurityGroups ?? []).forEach((g, i) => refs.push({at: `state.SecurityGroups[${i}].VpcId`, id: g.VpcId, among: vpcs, what: 'VPC'}));
  (state.SecurityGroupRules ?? []).forEach((r, i) => refs.push({at: `state.SecurityGroupRules[${i}].GroupId`, id: r.GroupId, among: groups, what: 'security group'}));
  (state.RouteTables ?? []).forEach((t, i) => {
    refs.push({at: `state.RouteTables[${i}].VpcId`, id: t.VpcId, among: vpcs, what: 'VPC'});
    t.Associations.forEach((a, j) => refs.push({at: `state.RouteTables[${i}].Associations[${j}].SubnetId`, id: a.SubnetId, among: subnets, what: 'subnet'}));
  });
  (state.NetworkInterfaces ?? []).forEach((e, i) => {
    refs.push({at: `state.NetworkInterfaces[${i}].SubnetId`, id: e.SubnetId, among: subnets, what: 'subnet'});
    e.Groups.forEach((g, j) => refs.push({at: `state.NetworkInterfaces[${i}].Groups[${j}].GroupId`, id: g.GroupId, among: groups, what: 'security group'}));
  });
  (state.NatGateways ?? []).forEach((n, i) => refs.push({at: `state.NatGateways[${i}].SubnetId`, id: n.SubnetId, among: subnets, what: 'subnet'}));
  return refs;
}

function duplicates(state: State): {at: string; id: string} | undefined {
  const lists: readonly [string, readonly string[]][] = [
    ['Vpcs', (state.Vpcs ?? []).map((v) => v.VpcId)], ['Subnets', (state.Subnets ?? []).map((s) => s.SubnetId)],
    ['SecurityGroups', (state.SecurityGroups ?? []).map((g) => g.GroupId)], ['SecurityGroupRules', (state.SecurityGroupRules ?? []).map((r) => r.SecurityGroupRuleId)],
    ['RouteTables', (state.RouteTables ?? []).map((t) => t.RouteTableId)], ['VpcPeeringConnections', (state.VpcPeeringConnections ?? []).map((p) => p.VpcPeeringConnectionId)],
    ['NetworkInterfaces', (state.NetworkInterfaces ?? []).map((e) => e.NetworkInterfaceId)], ['NatGateways', (state.NatGateways ?? []).map((n) => n.NatGatewayId)],
  ];
  for (const [name, ids] of lists) {
    const index = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (index >= 0) return {at: `state.${name}[${index}]`, id: ids[index] ?? ''};
  }
  return undefined;
}

function checkState(state: State, file: string): void {
  const twice = duplicates(state);
  if (twice) throw new InputError(file, twice.at, `${twice.id} is listed twice`);
  const broken = references(state).find((ref) => ref.id !== undefined && !ref.among.has(ref.id));
  if (broken) throw new InputError(file, broken.at, `${broken.id ?? ''} is not a ${broken.what} of this scenario's state`);
}

function checkFindings(file: ScenarioFile, source: string): void {
  const record = parseRecord(file.event, source, 'event');
  const engine = builtInEngine(record.eventName);
  const raised = new Set(findingsFor(record, engine?.facts(record) ?? [], accountFor(file, record).snapshot, undefined, engine).map((f) => f.id));
  const named = [
    ...file.objectives.flatMap((o, i) => ('resolves' in o ? o.resolves.map((id, j) => ({at: `objectives[${i}].resolves[${j}]`, id})) : [])),
    ...file.contained.map((id, i) => ({at: `contained[${i}]`, id})),
  ];
  const missing = named.find((n) => !raised.has(n.id));
  if (missing) throw new InputError(source, missing.at, `this scenario does not raise the finding ${missing.id} (it raises: ${[...raised].join(', ') || 'none'})`);
}

/** A checked scenario from data read out of `source` (a file path). */
export function parseScenario(data: unknown, source: string): Scenario {
  const result = scenarioSchema.safeParse(data);
  if (!result.success) {
    const {field, problem} = firstIssue(result.error, 'not a scenario');
    throw new InputError(source, field, problem);
  }
  const file = result.data as ScenarioFile;
  const record = parseRecord(file.event, source, 'event');
  if (!hasRunbook(record.eventName)) throw new InputError(source, 'event.eventName', `no runbook for ${record.eventName}; scenarios are for: ${builtInEventNames.join(', ')}`);
  if (result.data.state) checkState(result.data.state, source);
  (file.trail ?? []).forEach((item, i) => parseRecord(item, source, `trail[${i}]`));
  checkFindings(file, source);
  return scenarioOf(file, source);
}
