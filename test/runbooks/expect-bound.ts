// The binding campaign's assertions. A value from the event enters an action only when it is valid
// (value-kinds.ts) and matches its parameter's pattern, and then exactly as the event wrote it;
// otherwise the parameter is missing (the operator is asked) and every action that uses it holds a
// placeholder, so the action is incomplete and the step lists the parameter as missing.
import {expect} from 'vitest';
import {unmetRequirements} from '../../src/aws/api-rules.js';
import {completeAction} from '../../src/aws/bound-action.js';
import {hasPlaceholder, Placeholder, type RenderValue} from '../../src/aws/placeholder.js';
import type {CloudTrailRecord, Fact} from '../../src/events/record.js';
import {allParameters, type Binding, type Value} from '../../src/runbooks/bind.js';
import type {BoundStep} from '../../src/runbooks/bind-steps.js';
import type {Parameter, Runbook, Step} from '../../src/runbooks/schema.js';
import {templateNames} from '../../src/runbooks/template.js';
import {callerOf} from '../../src/runbooks/caller.js';
import {isValidFor, kindOf} from './value-kinds.js';

/** Every string the record holds, and every number or boolean as text: where an event value may come from. */
function leaves(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (typeof value === 'number' || typeof value === 'boolean') into.add(String(value));
  else if (Array.isArray(value)) for (const item of value) leaves(item, into);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) leaves(item, into);
  return into;
}

/** What the event gives for a parameter: the record's Region/account, or the fact it is bound from. */
function fromEvent(param: Parameter, facts: readonly Fact[], record: CloudTrailRecord): Value | undefined {
  if (param.name === 'region') return record.awsRegion;
  if (param.name === 'accountId') return record.recipientAccountId ?? record.userIdentity.accountId;
  if (param.name === 'eventName') return record.eventName;
  if (param.name === 'eventTime') return record.eventTime;
  if (param.name === 'errorCode') return record.errorCode;
  // The Region as S3's bucket location: none in us-east-1, which refuses it.
  if (param.name === 'locationConstraint') return record.awsRegion === 'us-east-1' ? undefined : record.awsRegion;
  // Who made the call: its kind and names as caller.ts reads them from userIdentity.
  const caller = callerOf(record);
  if (param.name === 'callerType') return caller.kind;
  if (param.name === 'callerUserName') return caller.userName;
  if (param.name === 'callerAccessKeyId') return caller.longTermKeyId;
  if (param.name === 'callerRoleName') return caller.roleName;
  if (param.name === 'callerInstanceId') return caller.instanceId;
  return param.from === undefined ? undefined : facts.find((fact) => fact.key === param.from)?.value;
}

function isAcceptable(param: Parameter, value: Value): boolean {
  const k = kindOf(param);
  if (k === undefined) throw new Error(`the campaign does not know the kind of ${param.name}: add it to test/runbooks/value-kinds.ts`);
  const items = typeof value === 'string' ? [value] : value;
  if (!param.list && typeof value !== 'string') return false;
  const pattern = new RegExp(param.pattern);
  return items.length > 0 && items.every((item) => isValidFor(k, item) && pattern.test(item));
}

/**
 * Each parameter the event gives is bound exactly as written when acceptable, and asked for otherwise.
 * allValid: the record holds valid values only, so every one it gives must be bound (no false rejection,
 * whatever the pattern says).
 */
export function expectBindings(runbook: Runbook, facts: readonly Fact[], record: CloudTrailRecord, bindings: ReadonlyMap<string, Binding>, allValid = false): void {
  const written = leaves(record.raw);
  for (const param of allParameters(runbook)) {
    const given = fromEvent(param, facts, record);
    const binding = bindings.get(param.name);
    if (given === undefined) {
      expect(binding?.state, param.name).not.toBe('event');
      continue;
    }
    if (allValid || isAcceptable(param, given)) {
      expect(binding, `${param.name} = ${JSON.stringify(given).slice(0, 80)}`).toEqual({state: 'event', value: given});
      // The caller's kind is read from userIdentity's shape, not copied from it: every other value is the record's own.
      if (param.name !== 'callerType') for (const item of typeof given === 'string' ? [given] : given) expect(written.has(item), `${param.name}: ${item} is not in the record`).toBe(true);
    } else {
      expect(binding, `${param.name} = ${JSON.stringify(given).slice(0, 80)}`).toMatchObject({state: 'missing', ask: true});
    }
  }
}

const isGiven = (b: Binding | undefined): b is Extract<Binding, {value: Value}> => b?.state === 'event' || b?.state === 'operator';
const wholeName = (template: unknown): string | undefined => {
  if (typeof template !== 'string') return undefined;
  return /^\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}$/.exec(template)?.[1];
};
/** Left out of the call: a whole {{name}} left out, or an object every field of which is (CreateBucketConfiguration in us-east-1). */
const isOmitted = (template: unknown, bindings: ReadonlyMap<string, Binding>): boolean => {
  if (template !== null && typeof template === 'object' && !Array.isArray(template)) {
    const values = Object.values(template);
    return values.length > 0 && values.every((v) => isOmitted(v, bindings));
  }
  const name = wholeName(template);
  return name !== undefined && bindings.get(name)?.state === 'omitted';
};

/** The bound value against the runbook's template: given values exactly, a placeholder for every other. */
function expectValue(template: unknown, bound: RenderValue | undefined, bindings: ReadonlyMap<string, Binding>, integers: ReadonlySet<string>, at: string, booleans: ReadonlySet<string> = new Set()): void {
  if (typeof template === 'string') {
    const names = templateNames(template);
    const whole = wholeName(template);
    if (names.length === 0) expect(bound, at).toBe(template);
    else if (whole !== undefined) {
      const b = bindings.get(whole);
      if (!isGiven(b)) expect(bound, at).toEqual(new Placeholder(whole));
      else if (integers.has(whole)) expect(bound, at).toEqual(typeof b.value === 'string' ? Number(b.value) : b.value.map(Number));
      else if (booleans.has(whole)) expect(bound, at).toEqual(typeof b.value === 'string' ? b.value === 'true' : b.value.map((v) => v === 'true'));
      else expect(bound, at).toEqual(b.value);
    } else if (names.every((n) => isGiven(bindings.get(n)))) {
      expect(typeof bound, at).toBe('string');
      for (const n of names) {
        const b = bindings.get(n);
        if (isGiven(b)) expect(bound, at).toContain(typeof b.value === 'string' ? b.value : b.value.join(', '));
      }
    } else expect(bound, at).toBeInstanceOf(Placeholder);
    return;
  }
  if (Array.isArray(template)) {
    const kept = template.filter((item) => !isOmitted(item, bindings));
    expect(Array.isArray(bound), at).toBe(true);
    const list = bound as readonly RenderValue[];
    expect(list.length, at).toBe(kept.length);
    kept.forEach((item, i) => expectValue(item, list[i], bindings, integers, `${at}[${i}]`, booleans));
    return;
  }
  if (template !== null && typeof template === 'object') {
    const entries = Object.entries(template).filter(([, v]) => !isOmitted(v, bindings));
    const record = bound as Readonly<Record<string, RenderValue>>;
    expect(Object.keys(record).sort(), at).toEqual(entries.map(([k]) => k).sort());
    for (const [k, v] of entries) expectValue(v, record[k], bindings, integers, `${at}.${k}`, booleans);
    return;
  }
  expect(bound, at).toEqual(template);
}

/** The step's action carries given values exactly and placeholders elsewhere; a placeholder makes it incomplete and the step asks. */
export function expectStepBound(runbook: Runbook, step: Step, bound: BoundStep, bindings: ReadonlyMap<string, Binding>): void {
  const integers = new Set(runbook.parameters.filter((p) => p.type === 'integer').map((p) => p.name));
  const booleans = new Set(runbook.parameters.filter((p) => p.type === 'boolean').map((p) => p.name));
  if (!step.action || !bound.action) {
    expect(bound.action, step.id).toBeUndefined();
    return;
  }
  expectValue(step.action.params, bound.action.params, bindings, integers, `${step.id}.params`, booleans);
  // The action's own Region: the bound value, none when its optional parameter is left out, else a placeholder.
  if (step.action.region !== undefined) {
    const name = wholeName(step.action.region) ?? '';
    const b = bindings.get(name);
    if (b?.state === 'omitted') expect(bound.action.region, `${step.id}.region`).toBeUndefined();
    else if (isGiven(b)) expect(bound.action.region, `${step.id}.region`).toBe(b.value);
    else expect(bound.action.region, `${step.id}.region`).toEqual(new Placeholder(name));
  }
  const placeholder = Object.values(bound.action.params).some(hasPlaceholder) || bound.action.region instanceof Placeholder;
  // A call without a value it cannot work without (src/aws/api-rules.ts: a route's destination) is incomplete
  // though no placeholder is left: the step asks for the optional parameters that would give it.
  const unmet = unmetRequirements(bound.action).length > 0;
  expect(completeAction(bound.action) === undefined, step.id).toBe(placeholder || unmet);
  if (placeholder || unmet) {
    expect(bound.missing.length, `${step.id} is incomplete but asks for nothing`).toBeGreaterThan(0);
    const asked = unmet ? ['missing', 'omitted'] : ['missing'];
    for (const name of bound.missing) expect(asked, `${step.id}: ${name}`).toContain(bindings.get(name)?.state);
  }
  expectAlternatives(step, bound);
}

/**
 * Alternatives ("needs one of") are exactly the unmet rules' parameters the step leaves without a value:
 * each group two or more names of one unmet rule, all listed as missing, and no group on a step whose
 * call meets every rule. An unmet rule with a single name left lists it as a plain need.
 */
function expectAlternatives(step: Step, bound: BoundStep): void {
  const groups = bound.missingOneOf ?? [];
  const unmet = bound.action ? unmetRequirements(bound.action) : [];
  const raw: Readonly<Record<string, unknown>> = step.action?.params ?? {};
  const namesOf = (keys: readonly string[]) => keys.flatMap((key) => templateNames(raw[key]));
  for (const group of groups) {
    expect(group.length, `${step.id}: a group of one is a plain need`).toBeGreaterThan(1);
    for (const name of group) expect(bound.missing, `${step.id}: ${name}`).toContain(name);
    const rule = unmet.find((r) => group.every((name) => namesOf(r.requiresOneOf ?? []).includes(name)));
    expect(rule?.id, `${step.id}: [${group.join(', ')}] is no unmet rule's alternatives`).toBeDefined();
  }
  for (const rule of unmet) {
    const asked = namesOf(rule.requiresOneOf ?? []).filter((name) => bound.missing.includes(name));
    expect(asked.length, `${step.id}: ${rule.id} is unmet and nothing gives it`).toBeGreaterThan(0);
    if (asked.length > 1) expect(groups, `${step.id}: ${rule.id}'s ${asked.join(', ')} are alternatives`).toContainEqual(asked);
  }
}
