// The report as JSON (2-space): lossless, and still inert in a terminal (src/text/inert-json.ts),
// as `trailguide plan`'s JSON is.
import type {Report} from './model.js';
import {inertJson} from '../text/inert-json.js';

export function reportJson(report: Report): string {
  return inertJson(report);
}
