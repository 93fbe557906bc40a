// Variants of a record for a differential fixture: fast-check picks a few edits (remove a field,
// null it, give it a value of the wrong type, PascalCase an object, wrap the request or response,
// reshape a list) among the paths the record really has, plus edits the event's rules care about.
import fc from 'fast-check';
import type {JsonObject, JsonValue} from '../../src/events/record.js';
import type {ListShape, RecordEdit} from '../../test/engine/record-variants.js';

type Path = readonly (string | number)[];

const sides = ['requestParameters', 'responseElements', 'userIdentity'] as const;

/** Every path under the record's request, response and identity (objects and list items). */
export function pathsOf(record: JsonObject): Path[] {
  const out: Path[] = [];
  const walk = (value: JsonValue | undefined, path: Path) => {
    out.push(path);
    if (Array.isArray(value)) (value as readonly JsonValue[]).forEach((item, index) => walk(item, [...path, index]));
    else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  for (const side of sides) if (Object.hasOwn(record, side)) walk(record[side], [side]);
  return out;
}

const oddValues: readonly JsonValue[] = [null, '', 0, 7, true, false, [], {}, 'x', 'true', 'eni-1', 'sg-0123456789abcdef0', ' \n '];
const shapes: readonly ListShape[] = ['bare', 'items', 'item', 'lone', 'empty'];

function editOf(record: JsonObject, special: readonly RecordEdit[]): fc.Arbitrary<RecordEdit> {
  const paths = pathsOf(record);
  const objects = paths.filter((path) => {
    let node: JsonValue | undefined = record;
    for (const key of path) node = node === null || typeof node !== 'object' ? undefined : (node as Record<string, JsonValue>)[key];
    return typeof node === 'object' && node !== null && !Array.isArray(node);
  });
  const lists = paths.filter((path) => /Set$/.test(String(path.at(-1))));
  const path = fc.constantFrom(...paths);
  const options: fc.Arbitrary<RecordEdit>[] = [
    path.map((p) => ({op: 'remove', path: p}) as const),
    fc.tuple(path, fc.constantFrom(...oddValues)).map(([p, value]) => ({op: 'set', path: p, value}) as RecordEdit),
    fc.constantFrom('requestParameters', 'responseElements').map((side) => ({op: 'wrap', side}) as const),
  ];
  if (objects.length > 0) options.push(fc.constantFrom(...objects).map((p) => ({op: 'pascal', path: p}) as const));
  if (lists.length > 0) options.push(fc.tuple(fc.constantFrom(...lists), fc.constantFrom(...shapes)).map(([p, shape]) => ({op: 'list', path: p, shape}) as const));
  if (special.length > 0) options.push(fc.constantFrom(...special));
  return fc.oneof(...options);
}

/** count variants of the bases (by name), each one to three edits, the same for the same seed. */
export function sampleVariants(bases: Readonly<Record<string, JsonObject>>, special: readonly RecordEdit[], count: number, seed: number): {base: string; edits: RecordEdit[]}[] {
  const names = Object.keys(bases);
  const arbitrary = fc.constantFrom(...names).chain((base) =>
    fc.array(editOf(bases[base] ?? {}, special), {minLength: 1, maxLength: 3}).map((edits) => ({base, edits})));
  return fc.sample(arbitrary, {seed, numRuns: count});
}
