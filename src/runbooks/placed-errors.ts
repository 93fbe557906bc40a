// A file's errors placed at their line and column. Every check names the field it refuses by its
// path (`procedures[2].steps[0].action.operation`); this finds that field in the file the error is
// about. Errors about another file (a library file a `use:` reads) are placed by their own parser. Pure.
import type {z} from 'zod';
import {firstIssue} from '../text/schema-issue.js';
import {fieldSegments} from './field-position.js';
import type {YamlSource} from './read-yaml.js';
import {RunbookError} from './runbook-error.js';

/** Run the checks of `file`; a RunbookError they raise for it leaves with its position. */
export function withPositions<T>(source: YamlSource, file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof RunbookError && error.file === file) throw error.placed((field) => source.positionOf(field));
    throw error;
  }
}

const unknownFields = 'unknown field(s): ';

/** The first problem the schema found, placed in the file: an unknown field at its own key. */
export function shapeError(error: z.ZodError, file: string, source: YamlSource, fallback: string): RunbookError {
  const {field, problem} = firstIssue(error, fallback);
  const segments = fieldSegments(field);
  const key = problem.startsWith(unknownFields) ? problem.slice(unknownFields.length).split(', ')[0] : undefined;
  return new RunbookError(file, field, problem, {position: source.positionOf(key === undefined ? segments : [...segments, key])});
}
