// Athena's GetQueryResults rows as timeline rows. The first row of the first page is the header (the
// column aliases); values come as VarCharValue, absent for NULL. Pure: plain shapes, no SDK types.
import {timelineRow} from './query-rows.js';
import type {TimelineRow} from './types.js';

export interface AthenaDatum {
  readonly VarCharValue?: string | undefined;
}
export interface AthenaRow {
  readonly Data?: readonly AthenaDatum[] | undefined;
}

/** The header's aliases, lower-cased (Athena prints them as written; the query writes them lower-case). */
export function athenaHeader(row: AthenaRow | undefined): readonly string[] {
  return (row?.Data ?? []).map((datum) => (datum.VarCharValue ?? '').toLowerCase());
}

export function athenaRows(header: readonly string[], rows: readonly AthenaRow[]): readonly TimelineRow[] {
  const out: TimelineRow[] = [];
  for (const row of rows) {
    const data = row.Data ?? [];
    const made = timelineRow((alias) => {
      const index = header.indexOf(alias);
      return index < 0 ? undefined : data[index]?.VarCharValue;
    }, 'Athena');
    if (made) out.push(made);
  }
  return out;
}
