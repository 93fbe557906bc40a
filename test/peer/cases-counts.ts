// How many cases each runbook has on each track: the peer tier prints it, so a run says what it proved.
import {tracks, type Track} from '../../src/runbooks/tracks.js';
import type {PeerCase} from './case.js';

export type CaseCounts = ReadonlyMap<string, Readonly<Record<Track, number>>>;

/** Cases per runbook file and track, runbooks in the order their first case comes. */
export function caseCounts(cases: readonly Pick<PeerCase, 'runbook' | 'track'>[]): CaseCounts {
  const counts = new Map<string, Record<Track, number>>();
  for (const item of cases) {
    const row = counts.get(item.runbook) ?? (Object.fromEntries(tracks.map((track) => [track, 0])) as Record<Track, number>);
    row[item.track] += 1;
    counts.set(item.runbook, row);
  }
  return counts;
}

/** One line per runbook: `file  console N  cli N  sdk N`. */
export function countLines(counts: CaseCounts): string[] {
  const width = Math.max(0, ...[...counts.keys()].map((file) => file.length));
  return [...counts].map(([file, row]) => `${file.padEnd(width)}  ${tracks.map((track) => `${track} ${row[track]}`).join('  ')}`);
}
