// Ink 6.8 wraps text with wrap-ansi's `trim: false`: when a word ends exactly at the edge, the space
// after it moves to the start of the next line, which then reads as indented by one. This decides,
// line by line, which leading spaces come from the wrap (dropped) and which the text itself holds
// (an indented line after a newline: kept).

/** Colour codes Ink's Text puts around each line (SGR only: everything else was made inert before). */
const sgr = /\u001B\[[0-9;]*m/g;
const leadingWrapSpaces = /^((?:\u001B\[[0-9;]*m)*) +/;

/**
 * One line of `source` as Ink drew it (possibly coloured), without the spaces a wrap put in front of it.
 * A line that starts where the source starts, or right after one of its newlines, is left as it is.
 */
export function withoutWrapSpace(line: string, source: string): string {
  const plain = line.replace(sgr, '');
  if (!plain.startsWith(' ') || plain.trim() === '') return line;
  if (source.startsWith(plain) || source.includes(`\n${plain}`)) return line;
  return line.replace(leadingWrapSpaces, '$1');
}
