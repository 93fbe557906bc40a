// JSON that is lossless and still inert in a terminal: JSON.stringify escapes C0 controls; DEL, C1
// controls, Unicode format characters (bidi overrides) and line/paragraph separators are escaped
// here too, one \uXXXX per UTF-16 code unit (so a format character beyond U+FFFF stays valid JSON).
const unsafe = /[\u007F-\u009F\p{Cf}\u2028\u2029]/gu;

const escaped = (char: string): string => Array.from({length: char.length}, (_u, i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');

/** The JSON text of value (2-space indent), with every character a terminal could act on escaped. */
export function inertJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(unsafe, escaped);
}
