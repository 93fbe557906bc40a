// The functions an expression calls, for `trailguide runbooks lint`: JMESPath compiles a call to a
// function nobody defined, and the expression then fails on every record ("cannot tell"), so lint
// names it instead. Known: JMESPath's own functions and trailguide's named ones (./functions). Pure.
import {compile, isRegistered} from '@jmespath-community/jmespath';
import './functions/index.js';

/** Every function name called anywhere in a compiled expression tree (its nodes are plain objects). */
function calls(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) calls(item, into);
  } else if (node !== null && typeof node === 'object') {
    const {type, name} = node as {type?: unknown; name?: unknown};
    if (type === 'Function' && typeof name === 'string') into.add(name);
    for (const value of Object.values(node)) calls(value, into);
  }
  return into;
}

/** The functions the expression calls that are not defined, each once, in order; throws when it does not compile. */
export function unknownFunctions(text: string): string[] {
  return [...calls(compile(text), new Set())].filter((name) => !isRegistered(name));
}

/** The compiled tree of an expression, as plain data ({type, name, children…}); throws when it does not compile. */
export function expressionTree(text: string): unknown {
  return compile(text);
}
