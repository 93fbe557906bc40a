// What a triage scan says about itself, in a line: on stderr while `trailguide triage` runs, and as
// the picker's title while it fills. Pure.
import type {TriageProgress} from './triage-scan.js';

const count = (n: number): string => n.toLocaleString('en-US');
const mb = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
const plural = (n: number, word: string): string => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

export function progressLine(p: TriageProgress): string {
  if (p.source !== undefined) return queryLine(p, p.source);
  if (p.isListing) return 'listing the log files…';
  const skipped = p.skipped > 0 ? ` · ${plural(p.skipped, 'problem')} (listed at the end)` : '';
  // A pipe has no size: only what was read is known.
  const bytes = p.bytesTotal >= p.bytes ? `${mb(p.bytes)}/${mb(p.bytesTotal)} MB` : `${mb(p.bytes)} MB`;
  const read = `${count(p.files)}/${plural(p.filesTotal, 'file')} · ${bytes} · ${plural(p.events, 'event')}`;
  if (!p.isDone) return `scanning ${read} · ${count(p.matched)} found${skipped}`;
  if (p.isStopped) return `stopped after ${read} · ${count(p.matched)} found${skipped}`;
  return `${count(p.matched)} of ${plural(p.events, 'event')} in ${plural(p.files, 'file')}, most severe first${skipped}`;
}

/** triage --lake/--athena: the query's own words while it runs, then the counts. */
function queryLine(p: TriageProgress, source: string): string {
  const found = `${count(p.matched)} of ${plural(p.events, 'event')}`;
  if (!p.isDone) return `${source}: ${p.status ?? 'query running'} · ${found} found`;
  if (p.isStopped) return `${source}: stopped · ${found} found`;
  return `${source}: ${found}, most severe first${p.status === undefined ? '' : ` · ${p.status}`}`;
}

/** What the picker shows while no event has matched. */
export function emptyText(p: TriageProgress): string {
  if (p.source !== undefined) return p.isDone ? `No matching event from ${p.source}. Try --all, an earlier --since, or fewer filters.` : `Querying ${p.source}… the matching events appear here, most severe first, as pages arrive.`;
  if (!p.isDone) return 'Scanning… the matching events appear here, most severe first, as they are found.';
  return `No matching event among ${plural(p.events, 'event')} in ${plural(p.files, 'file')}. Try --all, or fewer filters.`;
}
