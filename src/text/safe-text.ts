// Event fields are written by whoever made the API call. Before any of them reaches a terminal,
// every control character becomes visible text ("\x1b", "\u202e"), so an injection attempt is
// shown, never executed. Escaping the introducer (ESC, C1 CSI/OSC) is enough to make a whole
// sequence inert. Ink 6.8 strips some sequences but keeps OSC (title, clipboard, links), \r, \b,
// BEL and bidi overrides (stack-notes §8.2), so this runs on every untrusted string.

// C0 controls except \n and \t, DEL, C1 controls, Unicode format characters (bidi overrides,
// zero-width, BOM…) and the Unicode line/paragraph separators.
const controlClass = '[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\p{Cf}\\u2028\\u2029]';
const controls = new RegExp(controlClass, 'gu');
const anyControl = new RegExp(controlClass, 'u');

function visible(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export const maxDisplayLength = 4000;

/** Make an untrusted string inert for display: every control character is shown escaped; long text is cut. */
export function safeText(value: string, maxLength = maxDisplayLength): string {
  const escaped = value.replace(controls, visible);
  return escaped.length > maxLength ? `${escaped.slice(0, maxLength)}… (${escaped.length - maxLength} more characters)` : escaped;
}

/** Single line: also shows newlines and tabs as escapes (table cells, titles, list rows). */
export function safeLine(value: string, maxLength = 200): string {
  return safeText(value.replace(/\n/g, '\\n').replace(/\t/g, '\\t'), maxLength);
}

/** A table cell of a fixed width: one inert line cut to `width` characters, the cut shown by a final "…". */
export function safeCell(value: string, width: number): string {
  const line = safeLine(value, Number.MAX_SAFE_INTEGER);
  return line.length > width ? `${line.slice(0, Math.max(0, width - 1))}…` : line;
}

/** True when the string holds no character that safeText would escape. */
export function isInert(value: string): boolean {
  return !anyControl.test(value);
}
