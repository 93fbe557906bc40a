// Bursts of refused calls: many AccessDenied/UnauthorizedOperation answers to one identity in a short
// window is what probing stolen credentials looks like (enumerating what they may do), where one
// refusal is routine. Records are added one at a time, in any order, so the same tracker serves a
// whole input (added first, asked after) and a file streamed by triage (asked as it goes).
import type {CloudTrailRecord} from '../events/record.js';
import type {RefusalBurst} from './finding.js';
import {isCalledByAwsService} from './instance-sessions.js';
import {isRefusedCode} from './refused.js';

/** At least this many refused calls… */
export const burstCalls = 10;
/** …within this many minutes, from one identity. */
export const burstMinutes = 10;

const windowMs = burstMinutes * 60_000;
// Past this many refused calls from one identity the burst is certain; more would only cost time.
const maxTimes = 2_000;

/** The identity a call is counted against: its ARN (user, role session, root), else its key or principal ID. */
export function identityOf(record: CloudTrailRecord): string | undefined {
  const {arn, accessKeyId, principalId} = record.userIdentity;
  return [arn, accessKeyId, principalId].find((value) => value !== undefined && value !== '');
}

interface Seen {
  /** Times (epoch ms) of the identity's refused calls, sorted. */
  readonly times: number[];
  readonly rawTimes: Map<number, string>;
  readonly codes: Set<string>;
  best: {count: number; first: number; last: number} | undefined;
}

export class RefusalBursts {
  private readonly seen = new Map<string, Seen>();

  add(record: CloudTrailRecord): void {
    const code = record.errorCode;
    // Most records were not refused: nothing else is read for them.
    if (!isRefusedCode(code) || isCalledByAwsService(record)) return;
    const who = identityOf(record);
    const at = Date.parse(record.eventTime ?? '');
    if (who === undefined || Number.isNaN(at)) return;
    let entry = this.seen.get(who);
    if (entry === undefined) {
      entry = {times: [], rawTimes: new Map(), codes: new Set(), best: undefined};
      this.seen.set(who, entry);
    }
    if (entry.codes.size < 3) entry.codes.add(code);
    if (entry.times.length >= maxTimes) return;
    entry.times.splice(upperBound(entry.times, at), 0, at);
    if (!entry.rawTimes.has(at)) entry.rawTimes.set(at, record.eventTime ?? '');
    entry.best = densest(entry.times, at, entry.best);
  }

  /** The burst of the record's identity, when its densest window holds enough refused calls. */
  burstOf(record: CloudTrailRecord): RefusalBurst | undefined {
    const who = identityOf(record);
    const entry = who === undefined ? undefined : this.seen.get(who);
    const best = entry?.best;
    if (entry === undefined || best === undefined || best.count < burstCalls) return undefined;
    return {
      count: best.count,
      firstTime: entry.rawTimes.get(best.first) ?? '',
      lastTime: entry.rawTimes.get(best.last) ?? '',
      spanMs: best.last - best.first,
      codes: [...entry.codes],
    };
  }
}

/** The first index whose time is greater than `at`. */
function upperBound(times: readonly number[], at: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((times[middle] ?? 0) <= at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The fullest window of windowMs that holds the new time, if it beats the best so far (only those windows changed). */
function densest(times: readonly number[], at: number, best: Seen['best']): Seen['best'] {
  let result = best;
  const from = upperBound(times, at - windowMs - 1);
  for (let start = from; start < times.length && (times[start] ?? Infinity) <= at; start++) {
    const first = times[start] ?? at;
    const end = upperBound(times, first + windowMs) - 1;
    const count = end - start + 1;
    if (result === undefined || count > result.count) result = {count, first, last: times[end] ?? first};
  }
  return result;
}
