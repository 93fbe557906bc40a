import {readFileSync} from 'node:fs';
import {expect, it} from 'vitest';
import {functionDocs} from '../../src/engine/functions/index.js';
import {functionTableMarkdown, withFunctionTable} from '../../src/engine/functions/function-table.js';

const doc = readFileSync(new URL('../../docs/writing-runbooks.md', import.meta.url), 'utf8');

it('docs/writing-runbooks.md has the table of every named function as defined (run npm run docs:functions to refresh it)', () => {
  expect(withFunctionTable(doc)).toBe(doc);
});

it('the table has one row per function, with its arguments and what it gives', () => {
  const table = functionTableMarkdown();
  const names = [...new Set(functionDocs.map((d) => d.name))];
  expect(names.length).toBeGreaterThan(40);
  for (const name of names) expect(table, name).toMatch(new RegExp(`^\\| \`${name}\\(`, 'm'));
  // A label holding a pipe stays inside its cell.
  expect(table).toContain("imitated_group(text, 'name'\\|'description', caller)");
  expect(table).toContain('| `valid_id(value, kind)` | the value when it has the ID form of this resource kind');
});
