// A table of untrusted cells laid out in a fixed width: every cell made inert and kept on one
// line, columns as wide as their content up to a share of the width, the widest cut first (with
// "…") until the row fits. Only the rows asked for are laid out, so a read that returned
// thousands of rows costs one page at a time.
import {safeLine} from './safe-text.js';

export interface TableLayout {
  readonly header: string;
  readonly lines: readonly string[];
}

const gap = 2;

function cut(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text.padEnd(width + text.length - chars.length);
  return width <= 1 ? '…'.slice(0, width) : `${chars.slice(0, width - 1).join('')}…`;
}

/** An AWS resource ID (sg-…, eni-attach-…, sgr-…): a cell an operator reads, copies or picks whole. */
const resourceId = /^[a-z]+(-[a-z]+)*-[0-9a-f]{8,17}$/;

/**
 * Column widths that fit `width`: each column's widest cell (header included). Columns are ordered
 * by importance, so the last ones are cut first (down to 6 characters each). Columns of resource
 * IDs are never cut (a row still too wide is cut at its end instead), so the ID an operator picks
 * is always whole on screen.
 */
export function columnWidths(columns: readonly string[], sample: readonly (readonly string[])[], width: number): number[] {
  const widths = columns.map((name, i) => Math.max([...name].length, ...sample.map((row) => [...safeLine(row[i] ?? '', 120)].length)));
  const isId = columns.map((_, i) => sample.some((row) => resourceId.test(row[i] ?? '')));
  const budget = Math.max(columns.length, width - gap * (columns.length - 1));
  let total = widths.reduce((a, b) => a + b, 0);
  for (let i = widths.length - 1; i >= 0 && total > budget; i--) {
    const current = widths[i] ?? 0;
    if (isId[i] || current <= 6) continue;
    const cut = Math.min(current - 6, total - budget);
    widths[i] = current - cut;
    total -= cut;
  }
  return widths;
}

export function layoutTable(columns: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): TableLayout {
  const line = (cells: readonly string[]) => cells.map((cell, i) => cut(safeLine(cell, 120), widths[i] ?? 4)).join(' '.repeat(gap)).trimEnd();
  return {header: line(columns), lines: rows.map(line)};
}
