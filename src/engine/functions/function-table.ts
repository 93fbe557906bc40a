// The table of the named functions runbook expressions may call, for docs/writing-runbooks.md: made from
// their definitions (functionDocs), so the doc cannot drift. `npm run docs:functions` writes it between
// the doc's markers; test/engine/function-table.test.ts fails when the doc is stale.
import {functionDocs} from './index.js';

export const tableStart = '<!-- functions:start -->';
export const tableEnd = '<!-- functions:end -->';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** One row per function, by name: `name(arguments)` ([optional] ones in brackets) and what it gives. */
export function functionTableMarkdown(): string {
  const rows = [...functionDocs].sort((a, b) => a.name.localeCompare(b.name)).map((doc) => `| \`${cell(`${doc.name}(${doc.args})`)}\` | ${cell(doc.says)} |`);
  return ['| function | gives |', '| --- | --- |', ...rows].join('\n');
}

/** The document with the current table between its markers; throws when it has no markers. */
export function withFunctionTable(markdown: string): string {
  const start = markdown.indexOf(tableStart);
  const end = markdown.indexOf(tableEnd);
  if (start < 0 || end < start) throw new Error(`the document has no ${tableStart} … ${tableEnd} markers`);
  return `${markdown.slice(0, start + tableStart.length)}\n${functionTableMarkdown()}\n${markdown.slice(end)}`;
}
