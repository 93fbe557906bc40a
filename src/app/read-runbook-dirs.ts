// --runbooks DIR and TRAILGUIDE_RUNBOOKS: users' runbook directories, read from disk into the texts
// the runbook set is built from (src/runbooks/runbook-set.ts). Each directory's *.yaml, *.yml and
// *.json files (not recursive), and the *.yaml files of its library/ folder. Strict, as scenarios are:
// a missing directory or an unreadable file stops the load with its path, so a runbook never goes
// missing silently. Paths are shown from ~ when they are under the home directory.
import {readdir, readFile, stat} from 'node:fs/promises';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {InputError} from '../events/input-error.js';
import {buildRunbookSet, type RunbookDirTexts, type RunbookSet, type RunbookText} from '../runbooks/runbook-set.js';
import {homeRelative} from '../text/home-path.js';

const runbookFiles = /\.(ya?ml|json)$/i;
const libraryFiles = /\.yaml$/i;
/** Far larger than any runbook (the largest built-in is ~20 KB); refuses a log file given by mistake before reading it. */
const maxBytes = 2 * 1024 * 1024;

async function namesIn(dir: string, shown: string, pattern: RegExp, what: string): Promise<string[]> {
  let info;
  try {
    info = await stat(dir);
  } catch (error) {
    throw new InputError(shown, '', (error as NodeJS.ErrnoException).code === 'ENOENT' ? `no such directory (${what})` : 'cannot read this directory');
  }
  if (!info.isDirectory()) throw new InputError(shown, '', `not a directory (${what} takes a directory of runbook files)`);
  try {
    const entries = await readdir(dir, {withFileTypes: true});
    return entries.filter((e) => (e.isFile() || e.isSymbolicLink()) && pattern.test(e.name)).map((e) => e.name).sort();
  } catch {
    throw new InputError(shown, '', 'cannot read this directory');
  }
}

async function readText(path: string, shown: string): Promise<string> {
  try {
    if ((await stat(path)).size > maxBytes) throw new InputError(shown, '', `larger than ${maxBytes / 1024 / 1024} MB: not a runbook file`);
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(shown, '', 'cannot read this file');
  }
}

async function readDir(dir: string, home: string): Promise<RunbookDirTexts> {
  const shown = (path: string) => homeRelative(path, home);
  const names = await namesIn(dir, shown(dir), runbookFiles, '--runbooks, TRAILGUIDE_RUNBOOKS');
  if (names.length === 0) throw new InputError(shown(dir), '', 'no runbook files in this directory (*.yaml, *.yml or *.json)');
  // Read together (the order kept): with the runbooks cached, reading them is most of loading them.
  const files: RunbookText[] = await Promise.all(names.map(async (name) => ({path: shown(join(dir, name)), text: await readText(join(dir, name), shown(join(dir, name)))})));
  const libraryDir = join(dir, 'library');
  const hasLibrary = await stat(libraryDir).then((s) => s.isDirectory(), () => false);
  const library: (RunbookText & {name: string})[] = [];
  for (const name of hasLibrary ? await namesIn(libraryDir, shown(libraryDir), libraryFiles, 'a runbook library') : []) {
    const path = join(libraryDir, name);
    library.push({name: `library/${name}`, path: shown(path), text: await readText(path, shown(path))});
  }
  return {dir: shown(dir), files, library};
}

/** The texts of every directory, in order; throws InputError for a directory or file that cannot be read. */
export async function readRunbookDirs(dirs: readonly string[], home = homedir()): Promise<RunbookDirTexts[]> {
  const read: RunbookDirTexts[] = [];
  for (const dir of dirs) read.push(await readDir(dir, home));
  return read;
}

/**
 * The built-ins and the runbooks of these directories; throws InputError or UserRunbookError (exit 3),
 * nothing half-loaded. Between files it lets other work run (keys typed in the interactive view meanwhile).
 */
export async function loadRunbookSet(dirs: readonly string[], home = homedir()): Promise<RunbookSet> {
  const steps = buildRunbookSet(await readRunbookDirs(dirs, home));
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
