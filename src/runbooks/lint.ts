// `trailguide runbooks lint`: every problem of one runbook or library file that can be found, each with
// its field and, where the file holds it, its line and column. First the YAML and the shape (every
// schema problem at once); past the shape: names that must lead somewhere, expressions and the
// functions they call, and the AWS calls against the SDK models; last, what a load refuses (parse),
// when the checks before did not already say it. Pure: the caller reads the file and gives the
// library lookup and the SDK models.
import type {ServiceName} from '../aws/operations.js';
import type {SdkModels} from '../aws/sdk-model.js';
import {parseJson} from '../events/json-error.js';
import {everyIssue} from '../text/schema-issue.js';
import type {LibraryLookup} from './include.js';
import {includeLibrary} from './include.js';
import {expressionProblems} from './lint-expressions.js';
import {apiRuleProblems} from './lint-api-rules.js';
import {operationProblems} from './lint-operations.js';
import {error, type LintProblem, type Problem} from './lint-problem.js';
import {libraryReferences, runbookReferences} from './lint-references.js';
import {libraryCalls, libraryExpressions, runbookCalls, runbookExpressions, type OwnProcedures} from './lint-sites.js';
import {parseLibrary} from './parse-library.js';
import {parseRunbook} from './parse.js';
import {readYamlSource, type YamlSource} from './read-yaml.js';
import {RunbookError} from './runbook-error.js';
import {librarySchema, runbookFileSchema, type RunbookFile} from './schema.js';

export type {LintProblem, Severity} from './lint-problem.js';

export type FileKind = 'runbook' | 'library';

export interface LintOptions {
  readonly kind: FileKind;
  /** Where use: finds library files. */
  readonly library: LibraryLookup;
  /** The SDK models of the services the file calls (loaded once the file's calls are known). */
  readonly models: (services: readonly ServiceName[]) => Promise<SdkModels>;
}

/**
 * A RunbookError as a problem, at its own position. One about another file (a library file a use: reads)
 * is placed at the first use: of that file (usedAt) and quotes the error, which names that file's place.
 */
function fromError(failure: RunbookError, file: string, usedAt: (otherFile: string) => string = () => ''): LintProblem {
  if (failure.file !== file) return error(usedAt(failure.file), `a library file it uses is broken: ${failure.message}`);
  const position = failure.line === undefined ? {} : {line: failure.line, column: failure.column ?? 1};
  return {...error(failure.field, failure.problem), ...position};
}

/** The field of the first use: that reads this library file (library/<file>.yaml at the end of its path). */
function placeOfUse(items: RunbookFile['procedures']): (otherFile: string) => string {
  return (otherFile) => {
    const index = items.findIndex((item) => 'use' in item && otherFile.replace(/\\/g, '/').endsWith(item.use.split('#')[0] ?? '#'));
    return index < 0 ? '' : `procedures[${index}].use`;
  };
}

/** What a load says, unless a check before said the same. */
function loadProblem(load: () => unknown, file: string, found: readonly Problem[], usedAt?: (otherFile: string) => string): LintProblem[] {
  try {
    load();
    return [];
  } catch (failure) {
    if (!(failure instanceof RunbookError)) throw failure;
    const problem = fromError(failure, file, usedAt);
    return found.some((p) => p.field === problem.field && p.problem === problem.problem) ? [] : [problem];
  }
}

/** A file whose top level is not a mapping is no runbook at all: one line says so rather than the schema's words. */
function notFields(data: unknown, kind: FileKind): LintProblem[] {
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) return [];
  const held = Array.isArray(data) ? 'a list' : data === null ? 'nothing' : `a single ${typeof data}`;
  return [error('', `not a ${kind} file: it holds ${held}, not fields such as title: and procedures:`)];
}

async function runbookProblems(data: unknown, text: string, file: string, options: LintOptions): Promise<LintProblem[]> {
  const shape = runbookFileSchema.safeParse(data);
  if (!shape.success) return everyIssue(shape.error).map(({field, problem}) => error(field, problem));
  let runbook;
  try {
    runbook = includeLibrary(shape.data, options.library, file);
  } catch (failure) {
    if (failure instanceof RunbookError) return [fromError(failure, file, placeOfUse(shape.data.procedures))];
    throw failure;
  }
  const own: OwnProcedures = shape.data.procedures.flatMap((item, index) => ('use' in item ? [] : [{index, steps: item.steps}]));
  const calls = runbookCalls(runbook, own);
  const found = [
    ...runbookReferences(runbook),
    ...expressionProblems(runbookExpressions(runbook, own, shape.data.parameters.length)),
    ...operationProblems(calls, await options.models(calls.map((c) => c.service))),
    ...apiRuleProblems(calls),
  ];
  return [...found, ...loadProblem(() => parseRunbook(text, file, options.library), file, found, placeOfUse(shape.data.procedures))];
}

async function libraryProblems(data: unknown, text: string, file: string, options: LintOptions): Promise<LintProblem[]> {
  const shape = librarySchema.safeParse(data);
  if (!shape.success) return everyIssue(shape.error).map(({field, problem}) => error(field, problem));
  const library = shape.data;
  const calls = libraryCalls(library);
  const found = [
    ...libraryReferences(library),
    ...expressionProblems(libraryExpressions(library)),
    ...operationProblems(calls, await options.models(calls.map((c) => c.service))),
    ...apiRuleProblems(calls),
  ];
  return [...found, ...loadProblem(() => parseLibrary(text, file), file, found)];
}

const byPosition = (a: LintProblem, b: LintProblem) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

/** The file's data and positions, or the problem that stops the lint at once (not YAML, not JSON, too large). */
function source(text: string, file: string): YamlSource | LintProblem {
  if (/\.json$/i.test(file)) {
    const json = parseJson(text);
    if (!json.ok) return {...error('', `not valid JSON: ${json.error.problem}`), line: json.error.line, column: json.error.column};
  }
  try {
    return readYamlSource(text, file);
  } catch (failure) {
    if (failure instanceof RunbookError) return fromError(failure, file);
    throw failure;
  }
}

/** Every problem of one file's text, in the order of the file (a problem without a position first). */
export async function lintText(text: string, file: string, options: LintOptions): Promise<LintProblem[]> {
  const read = source(text, file);
  if (!('data' in read)) return [read];
  const wrong = notFields(read.data, options.kind);
  if (wrong.length > 0) return wrong.map((p) => ({...p, line: 1, column: 1}));
  const problems = options.kind === 'runbook' ? await runbookProblems(read.data, text, file, options) : await libraryProblems(read.data, text, file, options);
  return problems.map((p): LintProblem => (p.line === undefined ? {...p, ...read.positionOf(p.field)} : p)).sort(byPosition);
}
