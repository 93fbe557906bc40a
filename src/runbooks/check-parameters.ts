// Parameter declarations a runbook or a library file makes: each name once, each pattern an anchored
// regular expression (digits only for an integer) that stays quick on long values (pattern-safety.ts). Pure.
import {backtrackingProblem} from './pattern-safety.js';
import {RunbookError} from './runbook-error.js';
import type {Parameter} from './schema.js';
import {contextParameters} from './template.js';

/** The names a file may use in {{templates}}: the built-in context names and its parameters. Throws on a bad declaration. */
export function checkParameters(parameters: readonly Parameter[], file: string): Set<string> {
  const declared = new Set<string>(contextParameters);
  const where = new Map<string, number>();
  parameters.forEach((param, i) => {
    if (declared.has(param.name)) {
      const first = where.get(param.name);
      throw new RunbookError(file, `parameters[${i}].name`, `${param.name} is declared twice or is built in`, {first: first === undefined ? undefined : `parameters[${first}].name`});
    }
    declared.add(param.name);
    where.set(param.name, i);
    let pattern: RegExp;
    try {
      pattern = new RegExp(param.pattern);
    } catch (error) {
      const reason = error instanceof Error ? `: ${error.message}` : '';
      throw new RunbookError(file, `parameters[${i}].pattern`, `not a valid regular expression${reason}`);
    }
    if (!param.pattern.startsWith('^') || !param.pattern.endsWith('$')) throw new RunbookError(file, `parameters[${i}].pattern`, 'must be anchored with ^ and $');
    if (param.type === 'integer' && pattern.test('1a')) throw new RunbookError(file, `parameters[${i}].pattern`, 'an integer parameter must allow digits only');
    if (param.type === 'boolean' && ['1', 'yes', 'True', ''].some((v) => pattern.test(v))) throw new RunbookError(file, `parameters[${i}].pattern`, 'a boolean parameter must allow only true and false');
    const slow = backtrackingProblem(param.pattern);
    if (slow !== undefined) throw new RunbookError(file, `parameters[${i}].pattern`, slow);
  });
  return declared;
}
