// The plan as JSON. Lossless, and still inert in a terminal: JSON.stringify escapes C0 controls;
// DEL, C1 controls and Unicode format characters (bidi overrides) are escaped here too.
import type {Plan} from './build-plan.js';
import {version} from '../version.js';

const unsafe = /[\u007F-\u009F\p{Cf}\u2028\u2029]/gu;

export function planJson(plan: Plan): string {
  const text = JSON.stringify({trailguide: version, format: 1, ...plan}, null, 2);
  return text.replace(unsafe, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}
