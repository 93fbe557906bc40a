// What `trailguide runbooks lint` prints: one line per problem (file:line:column: severity: field:
// problem) and a count, or --format json for editors and CI. Field names and values come from the
// user's files, so every line is made inert before it reaches a terminal. Pure.
import type {LintProblem} from '../runbooks/lint.js';
import {safeLine} from '../text/safe-text.js';

export interface LintedFile {
  readonly file: string;
  readonly problems: readonly LintProblem[];
}

export function lintCounts(files: readonly LintedFile[]): {errors: number; warnings: number} {
  const all = files.flatMap((f) => f.problems);
  return {errors: all.filter((p) => p.severity === 'error').length, warnings: all.filter((p) => p.severity === 'warning').length};
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function line(file: string, p: LintProblem): string {
  const where = p.line === undefined ? file : `${file}:${p.line}:${p.column ?? 1}`;
  return safeLine(`${where}: ${p.severity}: ${p.field === '' ? '' : `${p.field}: `}${p.problem}`, 2000);
}

export function lintReportText(files: readonly LintedFile[]): string {
  const {errors, warnings} = lintCounts(files);
  const lines = files.flatMap(({file, problems}) => problems.map((p) => line(file, p)));
  return [...lines, `${plural(files.length, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`, ''].join('\n');
}

export function lintReportJson(files: readonly LintedFile[]): string {
  const report = {
    files: files.map(({file, problems}) => ({
      file,
      problems: problems.map((p) => ({severity: p.severity, line: p.line ?? null, column: p.column ?? null, field: p.field, problem: p.problem})),
    })),
    ...lintCounts(files),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
