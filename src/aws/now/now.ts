// The "Now" panel's model: what the event's resources look like now, compared with the event.
// Pure (STYLE.md §7.2): a reader builds the read-only Describe* call from the facts, and turns
// that call's SDK output (or its AWS error code) into short lines with a tone. It never runs
// anything, never sanitizes (screens do) and never throws, whatever shape the output has.
import type {CloudTrailRecord, Fact} from '../../events/record.js';
import type {Action} from '../action.js';

/** ok: the risk is gone; bad: the risk is still there; warn: changed or unclear; info: context. */
export type NowTone = 'ok' | 'bad' | 'warn' | 'info';

export interface NowLine {
  readonly tone: NowTone;
  readonly text: string;
}

export interface NowReader {
  /** The read-only call that fetches the current state (an EC2 Describe* Action), or undefined when the facts lack the ID. */
  query(facts: readonly Fact[], record: CloudTrailRecord): Action | undefined;
  /** What changed since the event, from the SDK output of that call (e.g. DescribeSecurityGroupsCommandOutput). */
  interpret(output: unknown, facts: readonly Fact[], record: CloudTrailRecord): readonly NowLine[];
  /** The call failed with an AWS error code: a line when the code says the resource is gone, else undefined (the caller shows the error). */
  whenError(code: string, facts: readonly Fact[]): readonly NowLine[] | undefined;
  /**
   * Read-only calls that complete the picture the findings need, built from the first answer (e.g.
   * the subnets a route table serves, the groups an interface has). Their answers feed the findings
   * only; a failed one leaves its part unknown.
   */
  followUps?(output: unknown, facts: readonly Fact[]): readonly Action[];
}

export function line(tone: NowTone, text: string): NowLine {
  return {tone, text};
}

/** The same ID patterns the runbooks use (runbooks/*.yaml `pattern:`): a value that fails never enters a call. */
export const idPatterns = {
  groupId: /^sg-[0-9a-f]{8}([0-9a-f]{9})?$/,
  vpcPeeringConnectionId: /^pcx-[0-9a-f]{8}([0-9a-f]{9})?$/,
  vpcId: /^vpc-[0-9a-f]{8}([0-9a-f]{9})?$/,
  routeTableId: /^rtb-[0-9a-f]{8}([0-9a-f]{9})?$/,
  networkInterfaceId: /^eni-[0-9a-f]{8}([0-9a-f]{9})?$/,
  subnetId: /^subnet-[0-9a-f]{8}([0-9a-f]{9})?$/,
} as const satisfies Readonly<Record<string, RegExp>>;

/** A single-valued fact's value; undefined when absent or a list. */
export function factText(facts: readonly Fact[], key: string): string | undefined {
  const value = facts.find((fact) => fact.key === key)?.value;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A fact's values as a list (a single value becomes a list of one). */
export function factTexts(facts: readonly Fact[], key: string): readonly string[] {
  const value = facts.find((fact) => fact.key === key)?.value;
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value.filter((item) => typeof item === 'string' && item !== '');
}

/** The fact's value when it matches the ID pattern of that key, else undefined (no query with a bad ID). */
export function validId(facts: readonly Fact[], key: keyof typeof idPatterns): string | undefined {
  const value = factText(facts, key);
  return value !== undefined && idPatterns[key].test(value) ? value : undefined;
}

/** The line for an answer that does not mention the resource at all: never a false all-clear. */
export function unknownState(what: string): NowLine {
  return line('warn', `the answer does not mention ${what}: its current state is unknown`);
}

/** "1 rule" / "3 rules". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** A comma-separated list, or the fallback when empty. */
export function listText(items: readonly string[], empty = 'none'): string {
  return items.length === 0 ? empty : items.join(', ');
}
