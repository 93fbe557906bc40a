// Named expressions (vars): evaluated in order, each seeing the ones before it as $name.
import type {JSONValue} from '@jmespath-community/jmespath';
import {evaluate} from './expression.js';
import type {Vars} from './specs.js';

export type Scope = Readonly<Record<string, JSONValue>>;

export function withVars(vars: Vars | undefined, data: unknown, scope: Scope = {}): Scope {
  let out: Record<string, JSONValue> = {...scope};
  for (const [name, expression] of Object.entries(vars ?? {})) {
    const value = evaluate(expression, data, out);
    out = {...out, [name]: (value ?? null) as JSONValue};
  }
  return out;
}
