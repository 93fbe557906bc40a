// "--since 24h": how far back to look, in milliseconds. Pure.
// LookupEvents only keeps the last 90 days, so anything longer is refused rather than silently cut.
import {safeLine} from '../../text/safe-text.js';

export type SinceResult = {readonly ok: true; readonly ms: number} | {readonly ok: false; readonly problem: string};

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const unitMs: Readonly<Record<string, number>> = {m: minute, h: hour, d: day};

/** The longest look-back LookupEvents can answer: 90 days. */
export const maxSinceMs = 90 * day;

const form = 'use a whole number and a unit: 90m, 24h or 7d';

/** '90m', '24h', '7d' → milliseconds (0 for '0h'); undefined for anything else. No upper bound. */
export function durationMs(text: string): number | undefined {
  const match = /^(\d{1,9})([mhd])$/.exec(text);
  if (match === null) return undefined;
  const [, digits = '', unit = ''] = match;
  return Number(digits) * (unitMs[unit] ?? Number.NaN);
}

/** '90m', '24h', '7d' → milliseconds; anything else, zero, or more than 90 days → a one-sentence problem. */
export function parseSince(text: string): SinceResult {
  const ms = durationMs(text);
  if (ms === undefined) {
    return {ok: false, problem: text === '' ? `the duration is empty: ${form}` : `${quoted(text)} is not a duration: ${form}`};
  }
  if (!(ms > 0)) return {ok: false, problem: `${quoted(text)} is no time at all: ${form}`};
  if (ms > maxSinceMs) {
    return {ok: false, problem: `${quoted(text)} is more than 90 days: CloudTrail event history only keeps the last 90 days (at most 90d, 2160h or 129600m)`};
  }
  return {ok: true, ms};
}

/** The text may come from anywhere: quoted, control characters shown escaped, cut short. */
function quoted(text: string): string {
  return `'${safeLine(text, 40)}'`;
}
