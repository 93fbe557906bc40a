// Parameter declarations a runbook or a library file makes: each name once, each pattern an anchored
// regular expression (digits only for an integer). Pure.
import {RunbookError} from './runbook-error.js';
import type {Parameter} from './schema.js';
import {contextParameters} from './template.js';

/** The names a file may use in {{templates}}: the built-in context names and its parameters. Throws on a bad declaration. */
export function checkParameters(parameters: readonly Parameter[], file: string): Set<string> {
  const declared = new Set<string>(contextParameters);
  parameters.forEach((param, i) => {
    if (declared.has(param.name)) throw new RunbookError(file, `parameters[${i}].name`, `${param.name} is declared twice or is built in`);
    declared.add(param.name);
    let pattern: RegExp;
    try {
      pattern = new RegExp(param.pattern);
    } catch {
      throw new RunbookError(file, `parameters[${i}].pattern`, 'not a valid regular expression');
    }
    if (!param.pattern.startsWith('^') || !param.pattern.endsWith('$')) throw new RunbookError(file, `parameters[${i}].pattern`, 'must be anchored with ^ and $');
    if (param.type === 'integer' && pattern.test('1a')) throw new RunbookError(file, `parameters[${i}].pattern`, 'an integer parameter must allow digits only');
  });
  return declared;
}
