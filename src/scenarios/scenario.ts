// A training scenario: one realistic CloudTrail record, the account it happened in, what the
// trainee may do there, and what a trainer wants them to achieve. Scenarios are data: one file
// each (src/scenarios/builtin/*.json, or a trainer's own with --scenarios DIR), checked by
// src/scenarios/schema.ts; this file holds only their types, so the startup path stays light.
import type {JsonObject} from '../events/record.js';

/** risky: worth an incident; benign: normal change; failed: the call was refused; hostile: injection demo. */
export type ScenarioKind = 'risky' | 'benign' | 'failed' | 'hostile';

export type Difficulty = 'easy' | 'medium' | 'hard';

/** Met when one of the named findings shows as resolved, or (noChanges) when nothing was changed. */
export type Objective =
  | {readonly text: string; readonly resolves: readonly string[]}
  | {readonly text: string; readonly noChanges: true};

/** IAM actions as policies write them: 'ec2:*', 'ec2:Describe*', 'ec2:DeleteSecurityGroup'. */
export interface ScenarioPermissions {
  readonly allow: readonly string[];
  readonly deny?: readonly string[] | undefined;
}

/** A scenario file as written (JSON or YAML). */
export interface ScenarioFile {
  /** kebab-case, unique across all scenarios */
  readonly id: string;
  /** one line */
  readonly title: string;
  readonly kind: ScenarioKind;
  readonly difficulty: Difficulty;
  /**
   * What the trainee is told before opening it (the picker): one or two sentences, the alert as an
   * on-call engineer would receive it, never the answer. Required for the built-in scenarios; a
   * trainer's file without one gets a neutral line from the event (see brief.ts).
   */
  readonly brief?: string | undefined;
  /** The trainer's notes, one to four sentences: what a trainer should notice, and the solution (shown in the debrief and `scenarios --trainer`, never before). */
  readonly summary: string;
  readonly objectives: readonly Objective[];
  /** The findings that must all show as resolved for the incident to count as contained (none for a benign event). */
  readonly contained: readonly string[];
  /** The trainee's IAM permissions in the sandbox (default: ec2:*). */
  readonly permissions?: ScenarioPermissions | undefined;
  /** The record exactly as CloudTrail would write it. */
  readonly event: JsonObject;
  /**
   * The account when the trainee arrives, in the EC2 API's shapes (what `aws ec2 describe-vpcs`,
   * `describe-subnets`, `describe-security-groups` / `describe-security-group-rules`,
   * `describe-route-tables`, `describe-vpc-peering-connections`, `describe-network-interfaces`
   * print). Absent: an account built from the event's own facts.
   */
  readonly state?: JsonObject | undefined;
  /**
   * Earlier CloudTrail records of the account (each written as `event` is), which its event history
   * (LookupEvents) answers from beside the scenario's own record: what made a resource the event deleted.
   */
  readonly trail?: readonly JsonObject[] | undefined;
}

/** A loaded scenario: the file plus where it came from and its event's name. */
export interface Scenario extends ScenarioFile {
  readonly eventName: string;
  /** 'built-in', or the file it was read from. */
  readonly source: string;
  /** Set when --seed renamed its resources (the same seed gives the same names). */
  readonly seed?: string | undefined;
}

/** The scenario a file describes (the file is trusted to have passed the schema). */
export function scenarioOf(file: ScenarioFile, source: string): Scenario {
  const eventName = file.event['eventName'];
  return {...file, eventName: typeof eventName === 'string' ? eventName : '', source};
}

/** The file a loaded scenario was read from (what a trainer would write to copy it). */
export function fileOf(scenario: Scenario): ScenarioFile {
  const {id, title, kind, difficulty, brief, summary, objectives, contained, permissions, event, state, trail} = scenario;
  return {
    id, title, kind, difficulty, ...(brief === undefined ? {} : {brief}), summary, objectives, contained, ...(permissions === undefined ? {} : {permissions}), event,
    ...(state === undefined ? {} : {state}), ...(trail === undefined ? {} : {trail}),
  };
}
