// The one expression language of runbooks: JMESPath (the community edition, which has variables),
// evaluated over plain JSON. An expression can only read the data it is given: it has no access to
// anything else and runs no code. Compiled once per text. Loaded with the runbooks (never on the
// startup path): the walkthrough gets `evaluate` with the runbook it belongs to.
import {compile, TreeInterpreter, type JSONValue} from '@jmespath-community/jmespath';
import './functions/index.js';

type Compiled = ReturnType<typeof compile>;
const cache = new Map<string, Compiled>();

/** Why an expression does not parse, or undefined when it does. */
export function expressionProblem(text: string): string | undefined {
  try {
    compiled(text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function compiled(text: string): Compiled {
  let node = cache.get(text);
  if (!node) {
    node = compile(text);
    cache.set(text, node);
  }
  return node;
}

/**
 * The value of `text` over `data`, with `variables` as $name. Undefined when the expression fails on
 * this data (an unknown variable, a function given the wrong type): a runbook's expression that does
 * not fit an answer yields nothing rather than stopping the walkthrough.
 */
export type Evaluate = (text: string, data: unknown, variables?: Readonly<Record<string, JSONValue>>) => unknown;

export const evaluate: Evaluate = (text, data, variables = {}) => {
  try {
    // visit(), not search(): search() drops the variables' scope (community jmespath 1.3). visit()
    // leaves the root unset, so `$` (the root) is set here by hand, or it would read null.
    const interpreter = TreeInterpreter.withScope({...variables});
    (interpreter as unknown as {_rootValue: unknown})._rootValue = data;
    return interpreter.visit(compiled(text), data as JSONValue);
  } catch {
    return undefined;
  }
};

