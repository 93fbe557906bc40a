// One schema for every runbook: the built-ins and, later, users' own files.
import {z} from 'zod';
import {cliOutputs} from '../aws/action.js';
import {serviceNames} from '../aws/operations.js';

import {tracks} from './tracks.js';
import {expressionProblem} from './expression.js';
import {callerKinds} from './caller.js';

export {tracks, type Track} from './tracks.js';

const paramValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.array(paramValue), z.record(z.string(), paramValue)]),
);

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case words joined by "-"');

export const actionSchema = z.strictObject({
  service: z.enum(serviceNames),
  operation: z.string().regex(/^[A-Z][A-Za-z0-9]+$/, 'an API operation name such as RevokeSecurityGroupIngress'),
  params: z.record(z.string().regex(/^[A-Z][A-Za-z0-9]*$/, 'API-cased parameter names such as GroupId'), paramValue).default({}),
  /** The Region the call must go to when it is not the event's: a Region name, or {{parameter}} (checked as a Region name when bound). */
  region: z.string().regex(/^(\{\{\s*[a-z][A-Za-z0-9]*\s*\}\}|[a-z]{2}(-[a-z]+)+-\d)$/, "a Region name such as eu-west-1, or one parameter such as '{{peerRegion}}'").optional(),
  /** How the AWS CLI shows the answer (--query, --output): on the CLI track only, never sent. */
  cli: z.strictObject({
    query: z.string().min(1).superRefine((text, ctx) => {
      const problem = expressionProblem(text);
      if (problem !== undefined) ctx.addIssue({code: 'custom', message: `not a JMESPath expression: ${problem}`});
    }).optional(),
    output: z.enum(cliOutputs).optional(),
  }).optional(),
});

export const stepSchema = z.strictObject({
  id,
  title: z.string().min(1),
  /** What to do and why, in the runbook's own words. May use {{parameter}}. */
  text: z.string().min(1),
  /** manual: a thing to do by hand; action: one AWS call; check: one read-only call and what to look for. */
  kind: z.enum(['manual', 'action', 'check']),
  action: actionSchema.optional(),
  /** For a check: what the operator should see in the result. */
  expect: z.string().optional(),
  /** How to do this step in the AWS console, shown on the Console track (the action's console link is added to it). */
  console: z.string().optional(),
  /** A console page for a manual step (https://…console.aws.amazon.com/…, may use {{region}}). */
  link: z.string().regex(/^https:\/\/([a-z0-9{}-]+\.)?console\.aws\.amazon\.com\//, 'a console URL').optional(),
  /** A correction of the seed: what was wrong or dangerous there and what this step does instead. */
  note: z.string().optional(),
  /** Limit the step to some tracks (default: every track the procedure has). */
  tracks: z.array(z.enum(tracks)).min(1).optional(),
  /** Only when the event's call failed (nothing was created) or only when it succeeded; default: always. */
  when: z.enum(['failed', 'succeeded']).optional(),
  /** Only for these of the runbook's events (a runbook answering several); default: every one the procedure is for. */
  events: z.array(z.string().min(1)).min(1).optional(),
  /** Only when the event's caller is of one of these kinds (caller.ts); default: any caller. Without a record, every kind. */
  caller: z.array(z.enum(callerKinds)).min(1).optional(),
  /** For an action: what fresh state must show once it is done (default: the library's verification of its operation). */
  verify: z.lazy(() => verifySchema).optional(),
});

export const procedureSchema = z.strictObject({
  id,
  title: z.string().min(1),
  /** Why this procedure exists, shown on its first step. */
  summary: z.string().optional(),
  /**
   * The section of the walk: containment acts on this event's own resources; investigation looks at
   * the caller and what else it did; hardening keeps it from happening again (a guardrail, an alarm);
   * seed hardens too, with a general procedure from the source runbook.
   */
  kind: z.enum(['containment', 'investigation', 'hardening', 'seed']),
  tracks: z.array(z.enum(tracks)).min(1).optional(),
  /** Only for these of the runbook's events (a runbook answering several); default: all of them. */
  events: z.array(z.string().min(1)).min(1).optional(),
  note: z.string().optional(),
  steps: z.array(stepSchema).min(1),
});

const expression = z.string().min(1).superRefine((text, ctx) => {
  const problem = expressionProblem(text);
  if (problem !== undefined) ctx.addIssue({code: 'custom', message: `not a JMESPath expression: ${problem}`});
});

/** Where a read's answer offers the values of a parameter the event does not give (a pick list). */
export const choicesSchema = z.strictObject({
  /** The read step(s) whose answer lists the candidates (the latest answer of any of them counts). */
  steps: z.array(id).min(1),
  /** JMESPath over the answer: the candidates, a list of objects. Parameters are $name. */
  items: expression,
  /** JMESPath over one candidate: its value (a string). */
  value: expression,
  /** JMESPath over one candidate: true when it is the likely one (picked to start with). */
  preselect: expression.optional(),
});

export const parameterSchema = z.strictObject({
  name: z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'camelCase such as groupId'),
  description: z.string().min(1),
  /** Allowed pattern (anchored regular expression). A value that fails it never enters an action. */
  pattern: z.string().min(1),
  /** The fact of the event that gives the value (see src/events/facts). */
  from: z.string().optional(),
  /** Where the event does not know the value: ask the operator (true) or show a marked placeholder (false). */
  ask: z.boolean().default(true),
  /** The event may not name this value and the action is complete without it: leave the API parameter out. */
  optional: z.boolean().default(false),
  /** integer: the value enters an action as a number (a port, a rule number); its pattern must allow digits only.
   *  boolean: it enters as true or false (a network ACL entry's Egress); its pattern must allow only those two words. */
  type: z.enum(['string', 'integer', 'boolean']).default('string'),
  /** A list of values (each matching pattern), e.g. security group IDs. */
  list: z.boolean().default(false),
  /** Shown in the input prompt to describe the form, e.g. "sg- followed by 8 or 17 hex digits". */
  format: z.string().optional(),
  /** A read that lists the candidates: e offers them as a pick list (free typing stays possible). */
  choices: choicesSchema.optional(),
});

/** A template: text with {{ expression }} parts (JMESPath over the same data as the expressions beside it). */
const template = z.string().min(1);

/** Named expressions evaluated in order before the rest; later ones and the others read them as $name. */
const vars = z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'camelCase such as table'), expression);

/** The event names a runbook answers, and the service that logs them. */
export const eventsSchema = z
  .strictObject({
    source: z.string().regex(/^([a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com|\*)$/, "an event source such as ec2.amazonaws.com (or '*' for the general runbook)").default('ec2.amazonaws.com'),
    names: z.array(z.string().regex(/^([A-Z][A-Za-z0-9]+|\*)$/, "an API call name such as CreateSecurityGroup (or '*' for the general runbook)")).min(1),
  })
  // '*' is the general runbook's (any event without a runbook of its own): all or nothing, never beside names.
  .refine((events) => !events.names.includes('*') || (events.names.length === 1 && events.source === '*'), {path: ['names'], message: "the general runbook answers any event: source '*' and names ['*'], nothing else"})
  .refine((events) => events.source !== '*' || events.names.includes('*'), {path: ['source'], message: "source '*' is for the general runbook: give names ['*']"});

/** The general runbook's events: any event that has no runbook of its own. */
export const anyEvent = '*';

/** Whether a runbook is the general one (answers any event that has no runbook of its own). */
export function isGeneral(events: {readonly names: readonly string[]}): boolean {
  return events.names.includes(anyEvent);
}

/** One fact: a label and an expression over {event} (the record as written) giving a string or, with list, strings. */
export const factSchema = z.strictObject({
  key: z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'camelCase such as groupId'),
  label: z.string().min(1),
  value: expression,
  list: z.boolean().default(false),
});

/** One read-only call that shows the event's resources now. Its operation must be read-only (the action model decides). */
export const stateReadSchema = z.strictObject({
  id,
  service: z.enum(serviceNames).default('ec2'),
  operation: z.string().regex(/^[A-Z][A-Za-z0-9]+$/),
  /** JMESPath over {event, facts, state} giving the call's parameters (an object). IDs are checked against their kind's pattern. */
  params: expression,
  /** Skip the read unless this holds (default: always). */
  when: expression.optional(),
});

export const nowLineSchema = z.strictObject({
  tone: z.enum(['ok', 'bad', 'warn', 'info']),
  when: expression.optional(),
  text: template,
});

/** Lines repeated for each item of a list (e.g. each rule of a group), the item read as $item. */
export const nowEachSchema = z.strictObject({
  each: expression,
  lines: z.array(nowLineSchema).min(1),
});

/** The Now panel: lines over {event, facts, state, context} once the first read answered; gone: when it said the resource no longer exists. */
export const nowSchema = z.strictObject({
  vars: vars.optional(),
  lines: z.array(z.union([nowLineSchema, nowEachSchema])).default([]),
  gone: template.optional(),
});

export const findingSchema = z.strictObject({
  id,
  /** A level, or a template that fills to one ("{{ $isLow && 'low' || 'medium' }}"); another value raises nothing. */
  severity: z.union([z.enum(['critical', 'high', 'medium', 'low', 'info']), z.string().regex(/\{\{.+\}\}/, 'a severity (critical, high, medium, low, info) or a {{ }} template giving one')]),
  vars: vars.optional(),
  /** The finding is raised when this is true (JMESPath truthiness). */
  when: expression,
  title: template,
  evidence: template,
  /** The step that addresses it. */
  step: id.optional(),
  /** True on fresh state when the risk is gone (default: the runbook's resolved). */
  resolved: expression.optional(),
});

/** What fresh state must show once an action was carried out. */
export const verifySchema = z.strictObject({
  /** The read-only call; params: JMESPath over {params} (the executed call's parameters). */
  read: z.strictObject({service: z.enum(serviceNames).default('ec2'), operation: z.string().regex(/^[A-Z][A-Za-z0-9]+$/), params: expression}),
  /** Skip verification (cannot tell from the call alone) unless this holds over {params}. The vars are known here, and in read and gone (answer null). */
  when: expression.optional(),
  vars: vars.optional(),
  /** Over {params, answer}: the first outcome whose when holds decides. */
  outcomes: z.array(z.strictObject({when: expression, reached: z.boolean().nullable(), summary: template})).min(1),
  /** When the read answers that its resource does not exist: one of codes (default: the not-found codes of the read's resource kind), and when holds over {params}. */
  gone: z.strictObject({codes: z.array(z.string().regex(/^[A-Za-z0-9.]+$/)).min(1).optional(), when: expression.optional(), reached: z.boolean().nullable(), summary: template}).optional(),
});

/** A procedure from the library: `library/<file>.yaml#<procedure-id>`, its parameters renamed by with (library name: this runbook's name). */
export const useSchema = z.strictObject({
  use: z.string().regex(/^library\/[a-z0-9-]+\.yaml#[a-z0-9]+(-[a-z0-9]+)*$/, 'library/<file>.yaml#<procedure-id>'),
  with: z.record(z.string(), z.string().regex(/^[a-z][A-Za-z0-9]*$/)).optional(),
  /** The procedure's id in this runbook, for a library variant (default: the library's id). */
  as: id.optional(),
  /** Only for these of the runbook's events (a runbook answering several); default: all of them. */
  events: z.array(z.string().min(1)).min(1).optional(),
});

/** The steps of this runbook that deal with the caller, for the findings every event shares. */
export const actorStepsSchema = z.strictObject({
  actor: id.optional(),
  key: id.optional(),
  session: id.optional(),
  failed: id.optional(),
});

const runbookFields = {
  version: z.number().int().positive(),
  title: z.string().min(1),
  events: eventsSchema,
  info: z.array(z.string().min(1)).min(1),
  risks: z.array(z.strictObject({title: z.string().min(1), text: z.string().min(1)})).min(1),
  facts: z.array(factSchema).default([]),
  state: z.array(stateReadSchema).default([]),
  vars: vars.optional(),
  now: nowSchema.optional(),
  findings: z.array(findingSchema).default([]),
  /** True on fresh state when a finding's risk is gone (a finding's own resolved wins). */
  resolved: expression.optional(),
  actorSteps: actorStepsSchema.default({}),
  parameters: z.array(parameterSchema).default([]),
};

/** A runbook file as written: procedures may come from the library. */
export const runbookFileSchema = z.strictObject({
  ...runbookFields,
  procedures: z.array(z.union([useSchema, procedureSchema])).min(1),
});

/** A runbook with its library procedures in place. */
export const runbookSchema = z.strictObject({...runbookFields, procedures: z.array(procedureSchema).min(1)});

/** A library file: general procedures written once, and the parameters they use. */
export const librarySchema = z.strictObject({
  title: z.string().min(1),
  parameters: z.array(parameterSchema).default([]),
  procedures: z.array(procedureSchema).default([]),
  /** Verifications by operation, for action steps without their own verify. */
  verifications: z.array(z.strictObject({operation: z.string().regex(/^[A-Z][A-Za-z0-9]+$/), service: z.enum(serviceNames).default('ec2'), verify: verifySchema})).default([]),
});

export type ActionSpec = z.infer<typeof actionSchema>;
export type Step = z.infer<typeof stepSchema>;
export type Procedure = z.infer<typeof procedureSchema>;
export type Parameter = z.infer<typeof parameterSchema>;
export type Choices = z.infer<typeof choicesSchema>;
export type Runbook = z.infer<typeof runbookSchema>;
export type RunbookFile = z.infer<typeof runbookFileSchema>;
export type Library = z.infer<typeof librarySchema>;
export type Use = z.infer<typeof useSchema>;
export type FactSpec = z.infer<typeof factSchema>;
export type StateRead = z.infer<typeof stateReadSchema>;
export type NowSpec = z.infer<typeof nowSchema>;
export type FindingSpec = z.infer<typeof findingSchema>;
export type VerifySpec = z.infer<typeof verifySchema>;
export type ActorSteps = z.infer<typeof actorStepsSchema>;
