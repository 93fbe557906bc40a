// The report as JSON (2-space). Lossless, and still inert in a terminal: JSON.stringify escapes C0
// controls; DEL, C1 controls and Unicode format characters (bidi overrides) are escaped here too,
// as plan/plan-json.ts does for `trailguide plan`.
import type {Report} from './model.js';

const unsafe = /[\u007F-\u009F\p{Cf}\u2028\u2029]/gu;

/** \uXXXX per UTF-16 code unit, so a format character beyond U+FFFF (tags) becomes a valid surrogate pair. */
const escaped = (char: string): string => Array.from({length: char.length}, (_u, i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');

export function reportJson(report: Report): string {
  return JSON.stringify(report, null, 2).replace(unsafe, escaped);
}
