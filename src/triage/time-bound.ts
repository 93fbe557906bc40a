// "--since 24h" or "--since 2023-07-10T12:00Z": a point in time, in epoch milliseconds. Pure.
// Durations are read as aws/cloudtrail/since.ts reads them, but log files on disk can be of any
// age, so they have no upper bound here (LookupEvents keeps 90 days). A date-time without a zone
// is UTC, as CloudTrail's eventTime is.
import {durationMs} from '../aws/cloudtrail/since.js';

export type TimeBoundResult = {readonly ok: true; readonly ms: number} | {readonly ok: false; readonly problem: string};

const iso = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** '24h' (before nowMs) or an ISO 8601 date / date-time → epoch ms; anything else → one sentence. */
export function parseTimeBound(text: string, nowMs: number): TimeBoundResult {
  const ago = durationMs(text);
  if (ago !== undefined) return {ok: true, ms: nowMs - ago};
  const match = iso.exec(text);
  const hasTime = match !== null && text.length > 10;
  const ms = match === null ? Number.NaN : Date.parse(hasTime && match[1] === undefined ? `${text}Z` : text);
  if (Number.isNaN(ms)) return {ok: false, problem: `${JSON.stringify(text.slice(0, 40))} is not a time: use a duration (90m, 24h, 7d) or an ISO date (2023-07-10, 2023-07-10T12:05Z)`};
  return {ok: true, ms};
}
