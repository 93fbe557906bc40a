// CloudTrail Lake's GetQueryResults rows as timeline rows. A row is a list of one-entry maps,
// {alias: text}, one per column; a NULL column is missing or empty. Pure: plain shapes, no SDK types.
import {timelineRow} from './query-rows.js';
import type {TimelineRow} from './types.js';

export type LakeRow = readonly Readonly<Record<string, string>>[];

export function lakeRows(rows: readonly LakeRow[]): readonly TimelineRow[] {
  const out: TimelineRow[] = [];
  for (const row of rows) {
    const values = new Map<string, string>();
    for (const cell of row) for (const [key, value] of Object.entries(cell)) values.set(key.toLowerCase(), value);
    const made = timelineRow((alias) => {
      const value = values.get(alias);
      return value === '' ? undefined : value;
    }, 'CloudTrail Lake');
    if (made) out.push(made);
  }
  return out;
}
