// What a finding is, and what every rule reads. A finding is one risk the event (and, when known,
// the account's current state) shows, with the field that proves it and the runbook step that
// addresses it. Pure: the state is plain data (SDK shapes, types only).
import type {AccountSnapshot} from '../aws/account-snapshot.js';
import type {EventContext} from '../events/context.js';
import type {CloudTrailRecord, Fact} from '../events/record.js';
import type {ActorSteps} from '../engine/specs.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export interface Finding {
  /** Stable kebab-case id, e.g. 'sg-open-ssh'. */
  readonly id: string;
  readonly severity: Severity;
  /** One line (≤ 90 characters) that says the risk and why. May quote record strings: sanitize before display. */
  readonly title: string;
  /** The exact field and value, e.g. 'userIdentity.type = Root'. */
  readonly evidence: string;
  /** The step of the event's runbook that addresses it. */
  readonly stepId?: string;
}

export interface FindingsConfig {
  /** Accounts the organisation owns or trusts (12 digits). */
  readonly knownAccounts?: readonly string[];
  /** VPC ids, or Name-tag substrings (case-insensitive). */
  readonly sensitiveVpcs?: readonly string[];
  /** IPs or CIDRs the calls are expected from. */
  readonly allowedSourceIps?: readonly string[];
  /** User-agent substrings of the organisation's own tools. */
  readonly allowedUserAgents?: readonly string[];
  /** Regions the organisation does not use: a call recorded in one is a finding. */
  readonly unusedRegions?: readonly string[];
  /** The only Regions the organisation uses: a call recorded in any other is a finding (when given). */
  readonly usedRegions?: readonly string[];
  /** What the loaded input says beyond one record (bursts, addresses): set by the command that loaded it, never by the config file. */
  readonly input?: InputContext | undefined;
}

/** The densest run of refused calls by one identity in the input. */
export interface RefusalBurst {
  readonly count: number;
  /** eventTime of the run's first and last refused call, as written. */
  readonly firstTime: string;
  readonly lastTime: string;
  readonly spanMs: number;
  /** The error codes seen in the identity's refused calls (at most three). */
  readonly codes: readonly string[];
}

/**
 * What the records of one input say together. Built once per input (findings/input-context.ts), or
 * record by record while a file streams by (triage): then it holds what was seen so far.
 */
export interface InputContext {
  /** The burst of refused calls by this record's identity, when there is one. */
  refusalBurstOf(record: CloudTrailRecord): RefusalBurst | undefined;
  /** Every non-AWS address the record's instance credentials (same session, same issue) were called from. */
  instanceAddressesOf(record: CloudTrailRecord): readonly string[];
}

/** Everything a rule may read; state is undefined when the account's current state is not known. */
export interface RuleInput {
  readonly record: CloudTrailRecord;
  readonly facts: readonly Fact[];
  readonly context: EventContext;
  readonly state: AccountSnapshot | undefined;
  readonly config: FindingsConfig;
  /** The runbook's steps that deal with the caller (none without a runbook). */
  readonly actorSteps?: ActorSteps;
}

/** One check: at most one finding, always under the same id. */
export type Rule = (input: RuleInput) => Finding | undefined;

export interface EventRules {
  readonly rules: readonly Rule[];
  /** True when the state shows the finding's risk is gone; absent or false: still there, or unknown. */
  readonly isResolved?: (finding: Finding, input: RuleInput & {readonly state: AccountSnapshot}) => boolean;
}

export const severities: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Critical first; findings of one severity keep their order. */
export function bySeverity(findings: readonly Finding[]): readonly Finding[] {
  return findings
    .map((finding, index) => ({finding, index}))
    .sort((a, b) => severities.indexOf(a.finding.severity) - severities.indexOf(b.finding.severity) || a.index - b.index)
    .map(({finding}) => finding);
}

const maxTitle = 90;

// Only ordinary whitespace is folded into one space: any other control or format character (\r, \v, a line
// separator, a BOM…) stays in the title, so the screen's sanitizer shows it escaped instead of it vanishing.
const foldable = /[ \t\n]+/g;

/** A finding; a title over 90 characters is cut with "…", and a stepId only when there is one. */
export function finding(id: string, severity: Severity, title: string, evidence: string, stepId?: string): Finding {
  const line = title.replace(foldable, ' ').replace(/^ | $/g, '');
  const cut = line.length > maxTitle ? `${line.slice(0, maxTitle - 1)}…` : line;
  return {id, severity, title: cut, evidence, ...(stepId === undefined ? {} : {stepId})};
}

/** A record string for a title: one line, at most `max` characters. */
export function quote(value: string, max = 24): string {
  const line = value.replace(foldable, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The fact's value when it is one string. */
export function factText(facts: readonly Fact[], key: string): string | undefined {
  const value = facts.find((fact) => fact.key === key)?.value;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The fact's values: a list fact as is, a one-string fact as a list of one. */
export function factTexts(facts: readonly Fact[], key: string): readonly string[] {
  const value = facts.find((fact) => fact.key === key)?.value;
  if (typeof value === 'string') return value === '' ? [] : [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item !== '') : [];
}
