// Plain-text tables for the terminal (`trailguide sessions`, `trailguide scenarios`): fixed columns
// two spaces apart, the last one cut with "…" so that no line is wider than the page.

/** The width a plain-text listing is laid out in: a classic terminal, and what fits a pasted ticket. */
export const pageWidth = 80;

const gap = '  ';

/** `text` cut to `width` characters (code points), its last one "…" when anything was cut. */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  return width <= 0 ? '' : `${chars.slice(0, width - 1).join('')}…`;
}

/**
 * One line: every cell but the last padded to its width (a longer one is kept whole and pushes the
 * rest right), the last cut to what is left of `total`. Cells must already be inert (safeLine).
 */
export function columnsLine(cells: readonly string[], widths: readonly number[], total = pageWidth): string {
  let line = '';
  cells.forEach((cell, i) => {
    const isLast = i === cells.length - 1;
    const start = i === 0 ? '' : gap;
    if (isLast) line += `${start}${truncate(cell, total - [...line].length - start.length)}`;
    else line += `${start}${cell}${' '.repeat(Math.max(0, (widths[i] ?? 0) - [...cell].length))}`;
  });
  return line.trimEnd();
}

/** The width of a column: its widest cell, header included. */
export function columnWidth(header: string, cells: readonly string[]): number {
  return Math.max([...header].length, ...cells.map((c) => [...c].length));
}
