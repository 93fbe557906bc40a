// Word wrap done here rather than by Ink, where a screen must know how many lines a text takes
// before drawing it (to leave room for it). Breaks at spaces, which it drops; a word longer than
// the width is cut. Widths count code points (one column each).

export function wrapWords(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  let line: string[] = [];
  for (const word of text.split(' ')) {
    let chars = [...word];
    if (line.length > 0 && line.length + 1 + chars.length <= w) {
      line.push(' ', ...chars);
      continue;
    }
    if (line.length > 0) lines.push(line.join(''));
    while (chars.length > w) {
      lines.push(chars.slice(0, w).join(''));
      chars = chars.slice(w);
    }
    line = chars;
  }
  lines.push(line.join(''));
  return lines;
}
