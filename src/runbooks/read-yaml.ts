// YAML text → plain data, or a RunbookError naming the file and the line. Pure.
import {parse as parseYaml, YAMLParseError} from 'yaml';
import {RunbookError} from './runbook-error.js';

export function readYaml(text: string, file: string): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? `line ${error.linePos[0].line}` : '';
    throw new RunbookError(file, where, `not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}
