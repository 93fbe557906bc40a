// Markdown building blocks that keep untrusted text inert and in its place: control characters are
// shown escaped (text/safe-text.ts), a table cell cannot end early at a "|", a code span or fence
// cannot be closed by the backticks it holds.
import {safeLine, safeText} from './safe-text.js';

const longestRun = (text: string): number => Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));

/** One line, safe to put anywhere in a paragraph or list item. */
export const line = (text: string, max?: number): string => safeLine(text, max);

/** Inline code that no backtick inside can close. */
export function code(text: string, max?: number): string {
  const inner = safeLine(text, max);
  const ticks = '`'.repeat(longestRun(inner) + 1);
  const pad = inner.startsWith('`') || inner.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${inner}${pad}${ticks}`;
}

/** A table cell: one line, pipes escaped (GitHub tables honour "\|", in code spans too). */
export const cell = (text: string, max?: number): string => safeLine(text, max).replace(/\|/g, '\\|');
export const codeCell = (text: string, max?: number): string => (text === '' ? '' : code(text, max).replace(/\|/g, '\\|'));

/** A fenced code block longer than any backtick run inside it. */
export function fence(text: string, language: string): string[] {
  const body = safeText(text);
  const ticks = '`'.repeat(Math.max(3, longestRun(body) + 1));
  return [`${ticks}${language}`, body, ticks];
}

export function table(head: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('left' | 'right')[]): string[] {
  const rule = head.map((_h, i) => (align?.[i] === 'right' ? '---:' : '---'));
  return [head, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`);
}

export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
