// `trailguide triage PATH...` without a screen: scan → filter → findings → rank → result.
import {factsFor} from '../events/facts/index.js';
import type {CloudTrailRecord} from '../events/record.js';
import {findingsFor} from '../findings/index.js';
import {passes} from './filter.js';
import {TopMatches} from './rank.js';
import {scanPaths} from './scan-files.js';
import {matchOf, type TriageFilter, type TriageMatch} from './triage-match.js';

export interface TriageSummary {
  readonly files: number;
  readonly bytes: number;
  readonly events: number;
  readonly matched: number;
  /** Matches listed (at most the limit). */
  readonly shown: number;
  readonly skipped: readonly {readonly path: string; readonly reason: string}[];
  /** Skips beyond the listed ones. */
  readonly skippedNotListed: number;
}

export interface TriageResult {
  readonly matches: readonly TriageMatch[];
  readonly summary: TriageSummary;
  /** No command-line path could be read at all. */
  readonly hasNoReadablePath: boolean;
  /** The record a listed match came from (to open it in the walkthrough). */
  recordOf(match: TriageMatch): CloudTrailRecord | undefined;
}

export interface TriageOptions {
  readonly filter: TriageFilter;
  /** How many matches to list, best first. */
  readonly limit: number;
  readonly maxRecordBytes?: number;
  readonly maxSkipsListed?: number;
}

export async function runTriage(paths: readonly string[], options: TriageOptions): Promise<TriageResult> {
  const top = new TopMatches(options.limit);
  // Weak: a match pushed out of the top N takes its record with it, so memory stays bounded.
  const records = new WeakMap<TriageMatch, CloudTrailRecord>();
  const skipped: {path: string; reason: string}[] = [];
  const maxSkips = options.maxSkipsListed ?? 1000;
  let matched = 0;
  let notListed = 0;
  const stats = await scanPaths(
    paths,
    {
      onRecord(record, file) {
        if (!passes(record, options.filter)) return;
        matched++;
        const match = matchOf(record, file, findingsFor(record, factsFor(record)));
        records.set(match, record);
        top.add(match);
      },
      onSkip(path, reason) {
        if (skipped.length < maxSkips) skipped.push({path, reason});
        else notListed++;
      },
    },
    options.maxRecordBytes,
  );
  const matches = top.items;
  return {
    matches,
    summary: {files: stats.files, bytes: stats.bytes, events: stats.events, matched, shown: matches.length, skipped, skippedNotListed: notListed},
    hasNoReadablePath: stats.readablePaths === 0,
    recordOf: (match) => records.get(match),
  };
}
