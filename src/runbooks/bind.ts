// Facts of the event + the operator's answers → each parameter's value, validated by its pattern.
// A value that fails its pattern never enters an action: the parameter counts as missing instead.
import type {CloudTrailRecord, Fact} from '../events/record.js';
export {hasFailed} from '../events/context.js';
import {maxValueLength} from './pattern-safety.js';
import {contextParameters} from './template.js';
import {callerKinds, callerOf} from './caller.js';
import type {Parameter, Runbook} from './schema.js';

export type Value = string | readonly string[];

export type Binding =
  | {readonly state: 'event' | 'operator'; readonly value: Value}
  | {readonly state: 'missing'; readonly ask: boolean; readonly rejected?: {readonly value: string; readonly problem: string}}
  | {readonly state: 'omitted'};

export interface EventContextValues {
  readonly region?: string | undefined;
  readonly accountId?: string | undefined;
  readonly eventName?: string | undefined;
  readonly eventTime?: string | undefined;
  readonly errorCode?: string | undefined;
  /** The caller's kind (caller.ts) and the names its containment acts on. */
  readonly callerType?: string | undefined;
  readonly callerUserName?: string | undefined;
  readonly callerAccessKeyId?: string | undefined;
  readonly callerRoleName?: string | undefined;
  readonly callerInstanceId?: string | undefined;
}

/** The values a record gives every runbook: its Region, account, call, time and error, and who called. */
export function contextOf(record: CloudTrailRecord): EventContextValues {
  const caller = callerOf(record);
  return {
    region: record.awsRegion, accountId: record.recipientAccountId ?? record.userIdentity.accountId, eventName: record.eventName,
    eventTime: record.eventTime, errorCode: record.errorCode,
    callerType: caller.kind, callerUserName: caller.userName, callerAccessKeyId: caller.longTermKeyId, callerRoleName: caller.roleName, callerInstanceId: caller.instanceId,
  };
}

const iamName = '^[A-Za-z0-9+=,.@_-]{1,64}$';

const builtIn: Record<(typeof contextParameters)[number], Parameter> = {
  region: {name: 'region', description: 'AWS Region of the event', pattern: '^[a-z]{2}(-[a-z]+)+-\\d$', ask: true, optional: false, list: false, type: 'string', format: 'a Region code such as eu-west-1'},
  accountId: {name: 'accountId', description: 'AWS account of the event', pattern: '^[0-9]{12}$', ask: true, optional: false, list: false, type: 'string', format: '12 digits'},
  eventName: {name: 'eventName', description: 'The API call the event records', pattern: '^[A-Z][A-Za-z0-9]{1,127}$', ask: false, optional: false, list: false, type: 'string', format: 'an API operation name'},
  eventTime: {name: 'eventTime', description: 'When the call was made (UTC)', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$', ask: false, optional: false, list: false, type: 'string', format: 'an ISO time such as 2026-01-02T03:04:05Z'},
  errorCode: {name: 'errorCode', description: 'The error the call met', pattern: '^[A-Za-z0-9._:-]{1,128}$', ask: false, optional: false, list: false, type: 'string', format: 'an AWS error code'},
  callerType: {name: 'callerType', description: 'The kind of identity that made the call', pattern: `^(${callerKinds.join('|')})$`, ask: false, optional: false, list: false, type: 'string', format: callerKinds.join(', ')},
  callerUserName: {name: 'callerUserName', description: 'The IAM user that made the call', pattern: iamName, ask: true, optional: false, list: false, type: 'string', format: 'an IAM user name (letters, digits and +=,.@_-)'},
  // Only a long-term key can be deactivated: temporary credentials (ASIA…) leave it to be picked from the user's keys.
  callerAccessKeyId: {name: 'callerAccessKeyId', description: "The caller's long-term access key the call was signed with", pattern: '^AKIA[A-Z0-9]{16}$', ask: true, optional: false, list: false, type: 'string', format: 'AKIA followed by 16 upper-case letters or digits'},
  callerRoleName: {name: 'callerRoleName', description: 'The IAM role whose session made the call', pattern: iamName, ask: true, optional: false, list: false, type: 'string', format: 'an IAM role name (letters, digits and +=,.@_-)'},
  callerInstanceId: {name: 'callerInstanceId', description: "The EC2 instance whose role's credentials made the call", pattern: '^i-[0-9a-f]{8}([0-9a-f]{9})?$', ask: true, optional: false, list: false, type: 'string', format: 'i- followed by 8 or 17 hexadecimal digits'},
  locationConstraint: {name: 'locationConstraint', description: "The event's Region as an S3 bucket's location (none in us-east-1)", pattern: '^(?!us-east-1$)[a-z]{2}(-[a-z]+)+-\\d$', ask: true, optional: true, list: false, type: 'string', format: 'a Region code other than us-east-1'},
};

/**
 * S3 takes a bucket's Region as CreateBucketConfiguration.LocationConstraint everywhere but in us-east-1,
 * which refuses that value (InvalidLocationConstraint): there the parameter is left out, and an object it
 * alone filled goes with it. It follows the Region's own binding, so a Region the operator gives counts
 * too; without a Region it is missing as the Region is, unless the operator typed it.
 */
function locationConstraintOf(region: Binding | undefined, answer: string | undefined): Binding {
  if (region?.state === 'event' || region?.state === 'operator') return region.value === 'us-east-1' ? {state: 'omitted'} : region;
  const typed = answer === undefined ? undefined : validateValue(builtIn.locationConstraint, answer);
  if (typed?.ok) return {state: 'operator', value: typed.value};
  return region?.state === 'missing' ? region : {state: 'missing', ask: true};
}

/** Every parameter the runbook can use, built-ins first. */
export function allParameters(runbook: Runbook): readonly Parameter[] {
  return [...contextParameters.map((name) => builtIn[name]), ...runbook.parameters];
}

const control = /[\u0000-\u001F\u007F-\u009F]/;

type Checked = {ok: true; value: Value} | {ok: false; problem: string};

function checkItems(param: Parameter, items: readonly string[]): Checked {
  if (items.length === 0 || items[0] === '') return {ok: false, problem: 'a value is needed'};
  const pattern = new RegExp(param.pattern);
  for (const item of items) {
    // A pattern never sees more than maxValueLength characters: no runbook pattern can hang the app on a long value.
    if (item.length > maxValueLength) return {ok: false, problem: `too long (${item.length} characters; at most ${maxValueLength})`};
    if (control.test(item)) return {ok: false, problem: 'contains control characters'};
    if (!pattern.test(item)) return {ok: false, problem: `${JSON.stringify(item.slice(0, 60))} is not ${param.format ?? `of the form ${param.pattern}`}`};
  }
  return {ok: true, value: param.list ? items : (items[0] ?? '')};
}

/** Check what the operator typed (trimmed; a list parameter's items split at commas and spaces) against the parameter's pattern. */
export function validateValue(param: Parameter, raw: string): Checked {
  return checkItems(param, param.list ? raw.split(/[\s,]+/).filter(Boolean) : [raw.trim()]);
}

/**
 * Check a value the event gives exactly as written: never trimmed or split, so what enters an action is
 * the event's own value or nothing (" sg-1…" or "sg-1…,sg-2…" as one ID is rejected, not repaired).
 */
function validateEventValue(param: Parameter, value: Value): Checked {
  if (!param.list && typeof value !== 'string') return {ok: false, problem: 'the event gives several values'};
  return checkItems(param, typeof value === 'string' ? [value] : value);
}

function factValue(facts: readonly Fact[], key: string | undefined): Value | undefined {
  return key === undefined ? undefined : facts.find((f) => f.key === key)?.value;
}

function bindOne(param: Parameter, fromEvent: Value | undefined, answer: string | undefined): Binding {
  if (answer !== undefined) {
    const checked = validateValue(param, answer);
    if (checked.ok) return {state: 'operator', value: checked.value};
  }
  let rejected: {value: string; problem: string} | undefined;
  if (fromEvent !== undefined) {
    const checked = validateEventValue(param, fromEvent);
    if (checked.ok) return {state: 'event', value: checked.value};
    rejected = {value: typeof fromEvent === 'string' ? fromEvent : fromEvent.join(','), problem: checked.problem};
  }
  if (param.optional && !rejected) return {state: 'omitted'};
  return rejected ? {state: 'missing', ask: true, rejected} : {state: 'missing', ask: param.ask};
}

export function bindParameters(
  runbook: Runbook,
  facts: readonly Fact[],
  context: EventContextValues,
  answers: Readonly<Record<string, string>>,
): ReadonlyMap<string, Binding> {
  const known: Record<string, Value | undefined> = {
    region: context.region, accountId: context.accountId, eventName: context.eventName, eventTime: context.eventTime, errorCode: context.errorCode,
    callerType: context.callerType, callerUserName: context.callerUserName, callerAccessKeyId: context.callerAccessKeyId,
    callerRoleName: context.callerRoleName, callerInstanceId: context.callerInstanceId,
  };
  const bindings = new Map(
    allParameters(runbook).map((param) => {
      const fromEvent = param.name in known ? known[param.name] : factValue(facts, param.from);
      return [param.name, bindOne(param, fromEvent, answers[param.name])] as const;
    }),
  );
  bindings.set('locationConstraint', locationConstraintOf(bindings.get('region'), answers['locationConstraint']));
  return bindings;
}
