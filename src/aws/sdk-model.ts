// The request shapes of a service's operations, as the AWS SDK client ships them: each client exports
// `<Operation>$`, a static schema (@smithy/types static-schemas.d.ts) — [9, namespace, name, traits,
// input, output] — whose input is a structure [3, ns, name, traits, memberNames, memberSchemas]; a list
// is [1, ns, name, traits, member], a map [2, ns, name, traits, key, value]; a reference may be a
// function returning the schema or a member [schema, traits]. Read here so `trailguide runbooks lint`
// can check operation and parameter names and the DryRun claims against the SDK. Pure: the caller
// gives the client module (aws/sdk/sdk-models.ts loads it).
import type {ServiceName} from './operations.js';

export type RequestShape =
  | {readonly kind: 'structure'; readonly name: string; readonly members: readonly string[]; readonly member: (name: string) => RequestShape | undefined}
  | {readonly kind: 'list'; readonly item: () => RequestShape}
  | {readonly kind: 'map'; readonly value: () => RequestShape}
  | {readonly kind: 'simple'};

export interface ServiceModel {
  /** Where the model comes from, for messages (@aws-sdk/client-ec2). */
  readonly source: string;
  /** The request shape of an operation, or undefined when the service has no such operation. */
  readonly request: (operation: string) => RequestShape | undefined;
}

/** The model of a service, or undefined when its SDK client is not installed. */
export type SdkModels = (service: ServiceName) => ServiceModel | undefined;

const maxHops = 20;

/** Follows functions and member wrappers down to a static schema (an array starting with its kind) or a simple id. */
function resolve(ref: unknown): unknown {
  let value = ref;
  for (let hop = 0; hop < maxHops; hop++) {
    if (typeof value === 'function') value = (value as () => unknown)();
    else if (Array.isArray(value) && value.length === 2 && typeof value[1] !== 'string') value = value[0];
    else return value;
  }
  return undefined;
}

function shapeOf(ref: unknown): RequestShape {
  const schema = resolve(ref);
  if (!Array.isArray(schema)) return {kind: 'simple'};
  const [kind, , name, , fourth, fifth] = schema as unknown[];
  if ((kind === 3 || kind === 4) && Array.isArray(fourth) && Array.isArray(fifth)) {
    const members = fourth.filter((m): m is string => typeof m === 'string');
    return {
      kind: 'structure',
      name: typeof name === 'string' ? name : '',
      members,
      member: (member) => {
        const index = members.indexOf(member);
        return index < 0 ? undefined : shapeOf(fifth[index]);
      },
    };
  }
  if (kind === 1) return {kind: 'list', item: () => shapeOf(fourth)};
  if (kind === 2) return {kind: 'map', value: () => shapeOf(fifth)};
  return {kind: 'simple'};
}

/** The model of one SDK client module (its exports). */
export function serviceModel(source: string, exports: Readonly<Record<string, unknown>>): ServiceModel {
  return {
    source,
    request: (operation) => {
      const schema = Object.hasOwn(exports, `${operation}$`) ? exports[`${operation}$`] : undefined;
      if (!Array.isArray(schema) || schema[0] !== 9 || schema[2] !== operation) return undefined;
      return shapeOf(schema[4]);
    },
  };
}
