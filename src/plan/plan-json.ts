// The plan as JSON: lossless, and still inert in a terminal (src/text/inert-json.ts).
import type {Plan} from './build-plan.js';
import {inertJson} from '../text/inert-json.js';
import {version} from '../version.js';

export function planJson(plan: Plan): string {
  return inertJson({trailguide: version, format: 1, ...plan});
}
