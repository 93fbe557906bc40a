// Most severe first (by each event's highest finding), then newest first; at most `limit` kept,
// so memory stays bounded however many events match. Pure.
import {severities} from '../findings/finding.js';
import type {TriageMatch} from './triage-match.js';

function severityRank(match: TriageMatch): number {
  const top = match.findings.reduce((best, f) => Math.min(best, severities.indexOf(f.severity)), severities.length);
  return top;
}

function timeOf(match: TriageMatch): number {
  const ms = Date.parse(match.eventTime ?? '');
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** Negative when a ranks before b; ties are broken by file and place, so the order does not depend on which file was read first. */
export function compareMatches(a: TriageMatch, b: TriageMatch): number {
  return severityRank(a) - severityRank(b) || timeOf(b) - timeOf(a) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.index - b.index;
}

/** The best `limit` matches seen so far, in rank order. */
export class TopMatches {
  readonly #items: TriageMatch[] = [];
  constructor(private readonly limit: number) {}

  /** true: the match is now among the best `limit`. */
  add(match: TriageMatch): boolean {
    let low = 0;
    let high = this.#items.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareMatches(this.#items[mid] as TriageMatch, match) <= 0) low = mid + 1;
      else high = mid;
    }
    if (low >= this.limit) return false;
    this.#items.splice(low, 0, match);
    if (this.#items.length > this.limit) this.#items.pop();
    return true;
  }

  get items(): readonly TriageMatch[] {
    return this.#items;
  }
}
