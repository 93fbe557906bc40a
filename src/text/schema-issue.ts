// The first problem zod found, as the field path a user can find in their file and one short
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

export function firstIssue(error: z.ZodError, fallback: string): {field: string; problem: string} {
  const first = error.issues[0];
  if (!first) return {field: '', problem: fallback};
  const issue = deepest(first);
  let problem = issue.message;
  if (issue.code === 'invalid_value' && 'values' in issue) problem = `must be one of: ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'unrecognized_keys') problem = `unknown field(s): ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_union') problem = 'does not match any accepted form';
  return {field: fieldPath(issue.path), problem};
}
