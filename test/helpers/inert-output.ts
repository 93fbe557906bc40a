// What a piece of output did wrong with the hostile fields (test/helpers/hostile-records.ts): a raw control
// character, a field shown when harmless but not when hostile, a field shown without its escape.
import {rawControlsIn} from './escape-payloads.js';
import type {InjectedField} from './hostile-records.js';

/** A title that quotes a value cuts it at a fixed length ("…"): with the payload after it, the cut can fall inside the marker. */
const isCutInMarker = (text: string, marker: string): boolean =>
  Array.from({length: marker.length - 2}, (_x, i) => `${marker.slice(0, i + 2)}…`).some((cut) => text.includes(cut));

/**
 * The fields the baseline output shows and the hostile one does not, and the fields the hostile output
 * shows anywhere without the visible escape right after the marker ("~m3~\x1b…"; a display cut in or right
 * after the marker, "…" or "...", is fine). Places are not counted: a refused value is quoted less often than a
 * merely malformed one. Without a baseline, only the second.
 */
export function hiddenOrRaw(fields: readonly InjectedField[], hostile: string, baseline: string | undefined, where: string): string[] {
  return fields.flatMap((f) => {
    const places = hostile.split(f.marker).slice(1);
    const isHidden = places.length === 0 && baseline?.includes(f.marker) === true && !isCutInMarker(hostile, f.marker);
    const isRaw = places.some((after) => !['\\', '…', '.', ''].includes(after.charAt(0)));
    return isHidden || isRaw ? [`${f.name} (${f.payload.name}) in ${where}: ${isHidden ? 'not shown' : 'not escaped'}`] : [];
  });
}

/** Text output (Markdown, a listing): no raw control character, every field shown escaped. */
export function textProblems(fields: readonly InjectedField[], hostile: string, baseline: string, where: string): string[] {
  return [...rawControlsIn(hostile).map((raw) => `raw ${raw} in ${where}`), ...hiddenOrRaw(fields, hostile, baseline, where)];
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/**
 * JSON output: valid, no raw control character in its text, and lossless: every field the baseline JSON
 * holds is in the hostile JSON with its payload exactly (a script reading it gets the real value).
 */
export function jsonProblems(fields: readonly InjectedField[], hostile: string, baseline: string, where: string): string[] {
  let values: string[];
  try {
    values = strings(JSON.parse(hostile));
  } catch (error) {
    return [`${where} is not valid JSON: ${String(error)}`];
  }
  // A value quoted in a title is cut ("…") at a fixed length: the payload's start before the cut is enough there.
  const isKept = (f: InjectedField): boolean =>
    values.some((v) => isCutInMarker(v, f.marker)) ||
    values.some((v) => v.split(f.marker).slice(1).some((after) => after.startsWith(f.payload.bytes) || Array.from({length: f.payload.bytes.length}, (_x, k) => `${f.payload.bytes.slice(0, k)}…`).some((cut) => after.startsWith(cut))));
  const lost = fields
    .filter((f) => baseline.includes(f.marker) && !isKept(f))
    .map((f) => `${f.name} (${f.payload.name}) in ${where}: not kept exactly`);
  return [...rawControlsIn(hostile).map((raw) => `raw ${raw} in ${where}`), ...lost];
}
