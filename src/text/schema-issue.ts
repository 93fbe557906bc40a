// The first problem zod found (or, for lint, every one), as the field path a user can find in their file and one short
// sentence (enum choices listed, unknown keys named).
import type {z} from 'zod';

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

type Issue = z.core.$ZodIssue;

/** Inside a union, the alternative that got furthest (its first problem is deepest) says the most. */
function deepest(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const best = issue.errors.map((alternative) => alternative[0]).filter((i) => i !== undefined).sort((a, b) => b.path.length - a.path.length)[0];
  return best === undefined ? issue : deepest({...best, path: [...issue.path, ...best.path]});
}

function wording(issue: Issue): string {
  if (issue.code === 'invalid_value' && 'values' in issue) return `must be one of: ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_union') return 'does not match any accepted form';
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) return `missing: a required field (${issue.expected})`;
  return issue.message;
}

export function firstIssue(error: z.ZodError, fallback: string): {field: string; problem: string} {
  const first = error.issues[0];
  if (!first) return {field: '', problem: fallback};
  const issue = deepest(first);
  return {field: fieldPath(issue.path), problem: wording(issue)};
}

/** Inside a union, every problem of the alternative that got furthest. */
function spread(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const best = issue.errors.filter((alternative) => alternative.length > 0).sort((a, b) => (b[0]?.path.length ?? 0) - (a[0]?.path.length ?? 0))[0];
  return best === undefined ? [issue] : best.flatMap((inner) => spread({...inner, path: [...issue.path, ...inner.path]}));
}

/** Every problem zod found (for lint), worded as firstIssue words one; an unknown field is named in the path. */
export function everyIssue(error: z.ZodError): Array<{field: string; problem: string}> {
  return error.issues.flatMap(spread).flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({field: fieldPath([...issue.path, key]), problem: 'unknown field'}))
      : [{field: fieldPath(issue.path), problem: wording(issue)}],
  );
}
