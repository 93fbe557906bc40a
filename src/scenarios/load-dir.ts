// --scenarios DIR: a trainer's own scenario files (*.json, *.yaml, *.yml; not recursive), each
// checked as the built-in ones are. Strict: one bad file stops the load with its name, the place
// in it and what is wrong, so a class never starts with a scenario silently missing.
import {readdir, readFile, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {parse as parseYaml, YAMLParseError} from 'yaml';
import {InputError} from '../events/input-error.js';
import {parseJson} from '../events/json-error.js';
import {parseScenario} from './parse.js';
import type {Scenario} from './scenario.js';

const extensions = /\.(json|ya?ml)$/i;
/** Larger than any real scenario by far; refuses a log file given by mistake before reading it. */
const maxBytes = 2 * 1024 * 1024;

function dataOf(text: string, file: string): unknown {
  if (file.toLowerCase().endsWith('.json')) {
    const parsed = parseJson(text);
    if (!parsed.ok) throw new InputError(file, `line ${parsed.error.line}, column ${parsed.error.column}`, `not valid JSON: ${parsed.error.problem}`);
    return parsed.value;
  }
  try {
    return parseYaml(text) as unknown;
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '';
    throw new InputError(file, where, `not valid YAML: ${error instanceof Error ? (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '') : String(error)}`);
  }
}

async function filesIn(dir: string): Promise<string[]> {
  let info;
  try {
    info = await stat(dir);
  } catch (error) {
    throw new InputError(dir, '', (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : 'cannot read this directory');
  }
  if (!info.isDirectory()) throw new InputError(dir, '', 'not a directory (--scenarios takes a directory of scenario files)');
  const names = (await readdir(dir)).filter((name) => extensions.test(name)).sort();
  if (names.length === 0) throw new InputError(dir, '', 'no scenario files in this directory (*.json, *.yaml or *.yml)');
  return names.map((name) => join(dir, name));
}

async function readScenario(file: string): Promise<Scenario> {
  let text: string;
  try {
    if ((await stat(file)).size > maxBytes) throw new InputError(file, '', `larger than ${maxBytes / 1024 / 1024} MB: not a scenario file`);
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(file, '', 'cannot read this file');
  }
  return parseScenario(dataOf(text, file), file);
}

/** The scenarios of DIR, in file-name order; `taken` are the IDs already in use (the built-in ones). */
export async function loadScenarioDir(dir: string, taken: readonly Scenario[]): Promise<Scenario[]> {
  const loaded: Scenario[] = [];
  for (const file of await filesIn(dir)) {
    const scenario = await readScenario(file);
    const clash = [...taken, ...loaded].find((other) => other.id === scenario.id);
    if (clash) throw new InputError(file, 'id', `${scenario.id} is already the id of ${clash.source === 'built-in' ? 'a built-in scenario' : clash.source}`);
    loaded.push(scenario);
  }
  return loaded;
}
