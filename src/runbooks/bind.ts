// Facts of the event + the operator's answers → each parameter's value, validated by its pattern.
// A value that fails its pattern never enters an action: the parameter counts as missing instead.
import type {Fact} from '../events/record.js';
import {contextParameters} from './template.js';
import type {Parameter, Runbook} from './schema.js';

export type Value = string | readonly string[];

export type Binding =
  | {readonly state: 'event' | 'operator'; readonly value: Value}
  | {readonly state: 'missing'; readonly ask: boolean; readonly rejected?: {readonly value: string; readonly problem: string}}
  | {readonly state: 'omitted'};

export interface EventContextValues {
  readonly region?: string | undefined;
  readonly accountId?: string | undefined;
}

const builtIn: Record<(typeof contextParameters)[number], Parameter> = {
  region: {name: 'region', description: 'AWS Region of the event', pattern: '^[a-z]{2}(-[a-z]+)+-\\d$', ask: true, optional: false, list: false, type: 'string', format: 'a Region code such as eu-west-1'},
  accountId: {name: 'accountId', description: 'AWS account of the event', pattern: '^[0-9]{12}$', ask: true, optional: false, list: false, type: 'string', format: '12 digits'},
};

/** Every parameter the runbook can use, built-ins first. */
export function allParameters(runbook: Runbook): readonly Parameter[] {
  return [builtIn.region, builtIn.accountId, ...runbook.parameters];
}

const control = /[\u0000-\u001F\u007F-\u009F]/;

/** Check one value (or, for a list parameter, each item) against the parameter's pattern. */
export function validateValue(param: Parameter, raw: string): {ok: true; value: Value} | {ok: false; problem: string} {
  const items = param.list ? raw.split(/[\s,]+/).filter(Boolean) : [raw.trim()];
  if (items.length === 0 || items[0] === '') return {ok: false, problem: 'a value is needed'};
  const pattern = new RegExp(param.pattern);
  for (const item of items) {
    if (control.test(item)) return {ok: false, problem: 'contains control characters'};
    if (!pattern.test(item)) return {ok: false, problem: `${JSON.stringify(item.slice(0, 60))} is not ${param.format ?? `of the form ${param.pattern}`}`};
  }
  return {ok: true, value: param.list ? items : (items[0] ?? '')};
}

function factValue(facts: readonly Fact[], key: string | undefined): Value | undefined {
  return key === undefined ? undefined : facts.find((f) => f.key === key)?.value;
}

function bindOne(param: Parameter, fromEvent: Value | undefined, answer: string | undefined): Binding {
  if (answer !== undefined) {
    const checked = validateValue(param, answer);
    if (checked.ok) return {state: 'operator', value: checked.value};
  }
  let rejected: {value: string; problem: string} | undefined;
  if (fromEvent !== undefined) {
    const raw = typeof fromEvent === 'string' ? fromEvent : fromEvent.join(',');
    if (!param.list && typeof fromEvent !== 'string') rejected = {value: raw, problem: 'the event gives several values'};
    else {
      const checked = validateValue(param, raw);
      if (checked.ok) return {state: 'event', value: checked.value};
      rejected = {value: raw, problem: checked.problem};
    }
  }
  if (param.optional && !rejected) return {state: 'omitted'};
  return rejected ? {state: 'missing', ask: true, rejected} : {state: 'missing', ask: param.ask};
}

export function bindParameters(
  runbook: Runbook,
  facts: readonly Fact[],
  context: EventContextValues,
  answers: Readonly<Record<string, string>>,
): ReadonlyMap<string, Binding> {
  const known: Record<string, Value | undefined> = {region: context.region, accountId: context.accountId};
  return new Map(
    allParameters(runbook).map((param) => {
      const fromEvent = param.name in known ? known[param.name] : factValue(facts, param.from);
      return [param.name, bindOne(param, fromEvent, answers[param.name])] as const;
    }),
  );
}
