// A runbook's patterns run on what the operator types and on what the event says, so no pattern may
// take long: the app waits for it. Two bounds. A value longer than maxValueLength is refused before
// its pattern runs. And when a runbook loads, each pattern whose shape does not show it is quick
// (pattern-shape.ts) is tried on values made to be slow for a backtracking pattern: runs of a letter,
// a digit, a separator… that fail at their last character ("aaaa…!"), growing up to that length; a
// pattern that takes over slowMs on one of them is refused. The lengths grow slowly once a try takes
// long enough to matter (nextLength). A heuristic: a pattern that is slow only after a long fixed
// prefix can get through. Each pattern text is judged once per process.
import {isSimplePattern} from './pattern-shape.js';

/** The longest value a runbook pattern is run on (the longest AWS ID or ARN a runbook takes is shorter). */
export const maxValueLength = 512;

/** A pattern slower than this on one value is refused. */
const slowMs = 50;

/**
 * The character that ends each try, one the repeated part cannot take, so the whole must fail: "!",
 * or "ÿ" for a pattern that takes "!" (it names it, or a range from the space).
 */
const terminatorOf = (pattern: string): string => (pattern.includes('!') || pattern.includes(' -') ? '\u00FF' : '!');

/** Runs of a letter, a digit, a space, a letter or digit with a separator, and of the punctuation the pattern names. */
function units(pattern: string): string[] {
  const named = [...new Set(pattern.replace(/\\(.)/g, '$1').replace(/[\w\s^$()[\]{}|?*+.-]/g, ''))].filter((c) => c > ' ' && c <= '~').slice(0, 3);
  return ['a', 'A', '0', ' ', 'a-', '0.', ...named.flatMap((c) => [c, `a${c}`])];
}

/**
 * The next length to try after one whose tries took `ms`. Below 40 characters, as far as a pattern
 * that grows 4 times per character could go and take at most 4 × slowMs (an exponential pattern
 * shows there); from 40, as far as one that grows with the 4th power of the length could (a
 * polynomial one). At least one more, at most twice as many.
 */
function nextLength(length: number, ms: number): number {
  const budget = (4 * slowMs) / Math.max(ms, 0.001);
  const next = length < 40 ? length + Math.floor(Math.log(budget) / Math.log(4)) : Math.floor(length * budget ** (1 / 4));
  return Math.min(2 * length, Math.max(length + 1, next));
}

/** The first try slower than slowMs, measured twice (one slow run can be the garbage collector). */
function slowTry(regex: RegExp, pattern: string): {value: string; ms: number} | undefined {
  const all = units(pattern);
  const terminator = terminatorOf(pattern);
  // Every unit at one length (the terminator makes it maxValueLength at most), then a longer length.
  for (let length = 1, isLast = false; !isLast; ) {
    const began = performance.now();
    let previous = began;
    for (const unit of all) {
      const value = unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + terminator;
      regex.test(value);
      const now = performance.now();
      if (now - previous > slowMs) {
        const again = performance.now();
        regex.test(value);
        const ms = performance.now() - again;
        if (ms > slowMs) return {value, ms};
      }
      previous = performance.now();
    }
    isLast = length === maxValueLength - 1;
    length = Math.min(maxValueLength - 1, nextLength(length, performance.now() - began));
  }
  return undefined;
}

const verdicts = new Map<string, string | undefined>();

/** Why the pattern may hang the app (it backtracks catastrophically), or undefined when it stays quick. */
export function backtrackingProblem(pattern: string): string | undefined {
  if (verdicts.has(pattern)) return verdicts.get(pattern);
  const slow = isSimplePattern(pattern) ? undefined : slowTry(new RegExp(pattern), pattern);
  const shown = slow === undefined ? '' : `${JSON.stringify(slow.value.slice(0, 12))}… (${slow.value.length} characters)`;
  const problem = slow === undefined ? undefined : `backtracks catastrophically: testing ${shown} took ${Math.round(slow.ms)} ms; avoid a repetition inside a repetition such as (a+)+, and repetitions side by side that take the same characters`;
  verdicts.set(pattern, problem);
  return problem;
}
