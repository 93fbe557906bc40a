// `trailguide runbooks lint FILE|DIR…`: checks runbook and library files without loading them into a
// walk. A directory gives its *.yaml, *.yml and *.json files as runbooks and those of its library/
// folder as library files; a file inside a folder named library is a library file. A runbook's use:
// finds library/<file>.yaml next to it first, then the built-in library. Exit 0 when no file has an
// error (warnings allowed), 3 otherwise, an unreadable path included.
import {readdir, readFile, stat} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {loadSdkModels} from '../aws/sdk/sdk-models.js';
import {exitCodes} from '../exit-codes.js';
import type {LibraryLookup} from '../runbooks/include.js';
import {builtInLibrary} from '../runbooks/library/index.js';
import {lintText, type FileKind, type LintProblem} from '../runbooks/lint.js';
import {libraryLookup} from '../runbooks/parse-library.js';
import {maxRunbookBytes} from '../runbooks/read-yaml.js';
import {lintCounts, lintReportJson, lintReportText, type LintedFile} from './lint-output.js';

const extensions = /\.(ya?ml|json)$/i;

interface Target {
  readonly file: string;
  readonly kind: FileKind;
}

const cannot = (file: string, problem: string): LintedFile => ({file, problems: [{severity: 'error', field: '', problem}]});

async function filesOf(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => extensions.test(name)).sort().map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/** The files a path stands for, or what is wrong with the path. */
async function targetsOf(path: string): Promise<Target[] | LintedFile> {
  let info;
  try {
    info = await stat(path);
  } catch (failure) {
    return cannot(path, (failure as NodeJS.ErrnoException).code === 'ENOENT' ? 'cannot read: no such file or directory' : 'cannot read this path');
  }
  if (!info.isDirectory()) return [{file: path, kind: basename(dirname(path)) === 'library' ? 'library' : 'runbook'}];
  const targets: Target[] = [
    ...(await filesOf(path)).map((file): Target => ({file, kind: basename(path) === 'library' ? 'library' : 'runbook'})),
    ...(basename(path) === 'library' ? [] : (await filesOf(join(path, 'library'))).map((file): Target => ({file, kind: 'library'}))),
  ];
  return targets.length > 0 ? targets : cannot(path, 'no runbook files in this directory (*.yaml, *.yml or *.json)');
}

/** use: library/<file>.yaml from a runbook in dir: dir/library/<file>.yaml when it exists, else the built-in one. */
async function libraryFor(dir: string, cache: Map<string, LibraryLookup>): Promise<LibraryLookup> {
  let lookup = cache.get(dir);
  if (!lookup) {
    const texts: Record<string, string> = {};
    for (const file of await filesOf(join(dir, 'library'))) {
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (text !== undefined) texts[`library/${basename(file)}`] = text;
    }
    const local = libraryLookup(texts, (name) => join(dir, name));
    lookup = (name) => local(name) ?? builtInLibrary(name);
    cache.set(dir, lookup);
  }
  return lookup;
}

async function lintTarget(target: Target, libraries: Map<string, LibraryLookup>): Promise<LintedFile> {
  let text: string;
  try {
    // A log file given by mistake is refused unread, as a load refuses it.
    if ((await stat(target.file)).size > maxRunbookBytes) return cannot(target.file, `larger than ${maxRunbookBytes / 1024 / 1024} MB: not a runbook file`);
    text = await readFile(target.file, 'utf8');
  } catch {
    return cannot(target.file, 'cannot read this file');
  }
  const problems: LintProblem[] = await lintText(text, target.file, {kind: target.kind, library: await libraryFor(dirname(target.file), libraries), models: loadSdkModels});
  return {file: target.file, problems};
}

export async function runbooksLint(paths: readonly string[], format: 'text' | 'json', write: (text: string) => void): Promise<number> {
  const linted: LintedFile[] = [];
  const libraries = new Map<string, LibraryLookup>();
  for (const path of paths) {
    const targets = await targetsOf(path);
    if (!Array.isArray(targets)) linted.push(targets);
    else for (const target of targets) linted.push(await lintTarget(target, libraries));
  }
  write(format === 'json' ? lintReportJson(linted) : lintReportText(linted));
  return lintCounts(linted).errors > 0 ? exitCodes.badInput : exitCodes.ok;
}
