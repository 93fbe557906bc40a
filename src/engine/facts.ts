// The event's facts: each a label and an expression over {event} (the record as written). Strings,
// numbers and booleans become text; a list fact keeps its non-empty strings; a fact with no value
// ("", null, [], or an expression that fails on this record) is left out.
import type {CloudTrailRecord, Fact} from '../events/record.js';
import {evaluate} from './expression.js';
import {scalarText} from './functions/record.js';
import type {FactSpec} from './specs.js';

function valueOf(spec: FactSpec, raw: unknown): string | readonly string[] | undefined {
  if (spec.list) {
    const items = (Array.isArray(raw) ? raw : [raw]).flatMap((item: unknown) => {
      const text = scalarText(item as never);
      return text === undefined ? [] : [text];
    });
    return items.length === 0 ? undefined : items;
  }
  return scalarText(raw as never);
}

export function factsOf(specs: readonly FactSpec[], record: CloudTrailRecord): readonly Fact[] {
  const data = {event: record.raw};
  return specs.flatMap((spec) => {
    const value = valueOf(spec, evaluate(spec.value, data));
    return value === undefined ? [] : [{key: spec.key, label: spec.label, value}];
  });
}

/** Facts as the expressions read them: {key: value}. */
export function factMap(facts: readonly Fact[]): Readonly<Record<string, string | readonly string[]>> {
  return Object.fromEntries(facts.map((fact) => [fact.key, fact.value]));
}
