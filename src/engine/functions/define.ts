// Registering a named function with the expression library. Functions are pure: they read their
// arguments and return JSON; one that throws makes its expression fail ("cannot tell"), never the app.
import {registerFunction, type JSONValue} from '@jmespath-community/jmespath';

export type Arg = JSONValue;

/** Argument kinds, as the library checks them before the call. */
export const T = {any: 1, number: 0, string: 2, array: 3, object: 4, boolean: 5, null: 7} as const;
type ArgKind = (typeof T)[keyof typeof T];

export interface FunctionDoc {
  readonly name: string;
  readonly args: string;
  readonly says: string;
}

/** Every function defined here, with its arguments and what it answers (for `runbooks lint` and the docs). */
export const functionDocs: FunctionDoc[] = [];

/**
 * Define `name(args…)`. Each argument lists the kinds it accepts (null included where absence is
 * fine); optional arguments come last.
 */
export function define(name: string, args: readonly {readonly kinds: readonly ArgKind[]; readonly optional?: boolean; readonly label: string}[], says: string, body: (args: readonly Arg[]) => Arg): void {
  registerFunction(name, (resolved) => body(resolved as Arg[]), args.map((arg) => ({types: [...arg.kinds], ...(arg.optional ? {optional: true} : {})})), {override: true});
  functionDocs.push({name, args: args.map((a) => (a.optional ? `[${a.label}]` : a.label)).join(', '), says});
}

/** A string argument ('' counts as absent). */
export function str(value: Arg | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function isObject(value: Arg | undefined): value is {[key: string]: JSONValue} {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
