// Describe* Filters as EC2 applies them: every filter must match (AND), any of a filter's values
// may match (OR), values may hold the wildcards * and ?, and tag:<key> matches a tag's value. A
// filter the sandbox does not know is refused rather than silently ignored.
import type {Tag} from '@aws-sdk/client-ec2';
import {fail, optRecords, optStrings, type ParamRecord} from './params.js';

/** For each supported filter name, the values a resource has for it. */
export type FilterFields<T> = Readonly<Record<string, (item: T) => ReadonlyArray<string | number | boolean | undefined>>>;

function pattern(value: string): RegExp {
  const escaped = value.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

function tagValues(item: unknown, key: string): string[] {
  const tags = (item as {Tags?: readonly Tag[]}).Tags ?? [];
  return tags.filter((tag) => tag.Key === key).map((tag) => tag.Value ?? '');
}

/** The items that pass the request's Filters (all of them when there are none). */
export function applyFilters<T>(items: readonly T[], params: ParamRecord, fields: FilterFields<T>, operation: string): T[] {
  const filters = (optRecords(params, 'Filters') ?? []).map((filter) => {
    const name = typeof filter['Name'] === 'string' ? filter['Name'] : fail('InvalidParameterValue', 'Each filter needs a Name');
    const values = (optStrings(filter, 'Values') ?? []).map(pattern);
    const field = name.startsWith('tag:') ? (item: T) => tagValues(item, name.slice(4)) : Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (field === undefined) fail('UnsupportedOperation', `the sandbox does not simulate the filter '${name}' of ${operation}`);
    return {field, values};
  });
  return items.filter((item) =>
    filters.every(({field, values}) => {
      const have = field(item).filter((v) => v !== undefined).map(String);
      return have.some((value) => values.some((p) => p.test(value)));
    }),
  );
}
