// A runbook + parameter bindings + the chosen track → the steps the operator walks, with every
// {{parameter}} replaced by its value or by a marked placeholder.
import type {VerifySpec} from '../engine/specs.js';
import {isRegionName} from '../aws/action.js';
import type {BoundAction} from '../aws/bound-action.js';
import {Placeholder, type RenderParams, type RenderValue} from '../aws/placeholder.js';
import type {Binding} from './bind.js';
import {templateNames} from './template.js';
import {unmetRequirements} from '../aws/api-rules.js';
import type {ActionSpec, Procedure, Runbook, Step} from './schema.js';
import type {Track} from './tracks.js';
import {sectionOrder} from './sections.js';

export interface BoundStep {
  readonly id: string;
  readonly kind: Step['kind'];
  readonly title: string;
  readonly text: string;
  readonly procedure: {readonly id: string; readonly title: string; readonly kind: Procedure['kind']; readonly summary?: string | undefined; readonly note?: string | undefined};
  readonly console?: string | undefined;
  readonly expect?: string | undefined;
  readonly link?: string | undefined;
  readonly note?: string | undefined;
  readonly action?: BoundAction | undefined;
  /** The step's own verification (else the library's for its operation). */
  readonly verify?: VerifySpec | undefined;
  /** Parameters without a value that this step needs (in text or action); the names of `missingOneOf` too. */
  readonly missing: readonly string[];
  /**
   * Alternatives among `missing`: groups of parameters of which any one value completes the call (a route's
   * destination: its IPv4 CIDR, IPv6 CIDR or prefix list). A name outside every group is needed itself.
   */
  readonly missingOneOf?: readonly (readonly string[])[] | undefined;
  /** Every parameter the step uses (in text or action), in order of first use. */
  readonly uses: readonly string[];
}

const template = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;
const whole = /^\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}$/;

const OMIT = Symbol('omit');

function valueText(binding: Binding | undefined, name: string): string {
  if (binding && (binding.state === 'event' || binding.state === 'operator')) {
    return typeof binding.value === 'string' ? binding.value : binding.value.join(', ');
  }
  return `<${name}>`;
}

export function interpolate(text: string, bindings: ReadonlyMap<string, Binding>): string {
  return text.replace(template, (_m, name: string) => valueText(bindings.get(name), name));
}

/** The parameters that enter a call as a number or a boolean rather than as text, by name. */
type ParamTypes = ReadonlyMap<string, 'integer' | 'boolean'>;

function typed(type: 'integer' | 'boolean' | undefined, value: string): string | number | boolean {
  if (type === 'integer') return Number(value);
  return type === 'boolean' ? value === 'true' : value;
}

function bindValue(value: unknown, bindings: ReadonlyMap<string, Binding>, types: ParamTypes): RenderValue | typeof OMIT {
  if (typeof value === 'string') {
    const exact = whole.exec(value);
    if (exact?.[1]) {
      const name = exact[1];
      const b = bindings.get(name);
      if (b?.state === 'omitted') return OMIT;
      if (!b || (b.state !== 'event' && b.state !== 'operator')) return new Placeholder(name);
      const type = types.get(name);
      if (type === undefined) return b.value;
      return typeof b.value === 'string' ? typed(type, b.value) : b.value.map((v) => typed(type, v));
    }
    const missing = templateNames(value).find((n) => {
      const b = bindings.get(n);
      return !b || (b.state !== 'event' && b.state !== 'operator');
    });
    return missing ? new Placeholder(missing) : interpolate(value, bindings);
  }
  if (Array.isArray(value)) {
    return value.map((v) => bindValue(v, bindings, types)).filter((v): v is RenderValue => v !== OMIT);
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, bindValue(v, bindings, types)] as const);
    const kept = entries.filter(([, v]) => v !== OMIT);
    // An object whose every field was left out is left out too (CreateBucketConfiguration in us-east-1).
    if (entries.length > 0 && kept.length === 0) return OMIT;
    return Object.fromEntries(kept) as RenderParams;
  }
  return value as RenderValue;
}

/** An action's parameters, bound; a call whose every parameter was left out has none ({}). */
function bindParams(params: ActionSpec['params'], bindings: ReadonlyMap<string, Binding>, types: ParamTypes): RenderParams {
  const bound = bindValue(params, bindings, types);
  return bound === OMIT ? {} : (bound as RenderParams);
}

/**
 * The runbook parameters that would give a value the call cannot go without (a route's destination…)
 * when the bound call holds none of them: the step asks for them, whatever the API model says. One group
 * per unmet rule, any one of its names being enough (a placeholder meets the rule: its value is asked anyway).
 */
function neededByAction(step: Step, action: BoundAction | undefined, bindings: ReadonlyMap<string, Binding>): string[][] {
  if (!step.action || !action) return [];
  const raw: Readonly<Record<string, unknown>> = step.action.params;
  const unset = (name: string): boolean => {
    const b = bindings.get(name);
    return b === undefined || b.state === 'omitted' || b.state === 'missing';
  };
  return unmetRequirements(action).flatMap((rule) => {
    const open = [...new Set((rule.requiresOneOf ?? []).flatMap((key) => templateNames(raw[key])))].filter(unset);
    return open.length ? [open] : [];
  });
}

/** What the step lacks: its needed names, then each unmet rule's alternatives (a group of one is a plain need). */
function missingOf(needed: readonly string[], groups: readonly (readonly string[])[]): Pick<BoundStep, 'missing' | 'missingOneOf'> {
  const missing = [...needed];
  const oneOf: string[][] = [];
  for (const group of groups) {
    const fresh = group.filter((name) => !missing.includes(name));
    missing.push(...fresh);
    if (fresh.length > 1) oneOf.push(fresh);
  }
  return {missing, missingOneOf: oneOf};
}

/** The action's own Region, bound: a Region name, or a placeholder while it is missing or not a Region name. */
function bindRegion(region: string, bindings: ReadonlyMap<string, Binding>): string | Placeholder | undefined {
  const value = bindValue(region, bindings, new Map());
  // An optional parameter left out: the call goes to the event's Region (a peering's accepter in the same Region).
  if (value === OMIT) return undefined;
  if (value instanceof Placeholder) return value;
  if (typeof value === 'string' && isRegionName(value)) return value;
  return new Placeholder(templateNames(region)[0] ?? 'region');
}

/** What an action carries besides its parameters: its own Region and the CLI's output options. */
function boundExtras(spec: ActionSpec, bindings: ReadonlyMap<string, Binding>): Pick<BoundAction, 'region' | 'cli'> {
  const region = spec.region === undefined ? undefined : bindRegion(spec.region, bindings);
  return {...(region === undefined ? {} : {region}), ...(spec.cli === undefined ? {} : {cli: spec.cli})};
}

export function stepTracks(procedure: Procedure, step: Step): readonly Track[] {
  return step.tracks ?? procedure.tracks ?? ['console', 'cli', 'sdk'];
}

/** Whether a step limited to some kinds of caller (`caller`) is for this event's; when the caller is not known, every kind is. */
function isForCaller(step: Step, bindings: ReadonlyMap<string, Binding>): boolean {
  const caller = bindings.get('callerType');
  if (step.caller === undefined || caller?.state !== 'event') return true;
  return (step.caller as readonly string[]).includes(typeof caller.value === 'string' ? caller.value : '');
}

/** Whether a procedure or step limited to some events (`events`) is for this one; without an event name, every one is. */
const isForEvent = (events: readonly string[] | undefined, eventName: string | undefined): boolean => events === undefined || eventName === undefined || events.includes(eventName);

/**
 * The steps of one track, section by section; `hasFailed`: the event's call failed (its walk investigates first);
 * `eventName`: which of the runbook's events this is (steps limited to others are left out).
 */
export function bindSteps(runbook: Runbook, bindings: ReadonlyMap<string, Binding>, track: Track, hasFailed = false, eventName?: string): BoundStep[] {
  const types: ParamTypes = new Map(runbook.parameters.flatMap((p) => (p.type === 'string' ? [] : [[p.name, p.type] as const])));
  const order = sectionOrder(hasFailed);
  const procedures = [...runbook.procedures].filter((p) => isForEvent(p.events, eventName)).sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  return procedures.flatMap((procedure) =>
    procedure.steps
      .filter((step) => stepTracks(procedure, step).includes(track))
      .filter((step) => isForEvent(step.events, eventName))
      .filter((step) => isForCaller(step, bindings))
      .filter((step) => step.when === undefined || step.when === (hasFailed ? 'failed' : 'succeeded'))
      .map((step): BoundStep => {
        const used = new Set(templateNames([step.title, step.text, step.console ?? '', step.expect ?? '', step.link ?? '', step.action?.params ?? {}, step.action?.region ?? '']));
        // Needed: a value the action cannot go without, or one the operator is asked for. A value the
        // runbook never asks for (ask: false) and only its text mentions is not something to give.
        const inAction = new Set(templateNames([step.action?.params ?? {}, step.action?.region ?? '']));
        const missing = [...used].filter((name) => {
          const b = bindings.get(name);
          return b?.state === 'missing' && (b.ask || inAction.has(name));
        });
        const action = step.action ? {service: step.action.service, operation: step.action.operation, params: bindParams(step.action.params, bindings, types), ...boundExtras(step.action, bindings)} : undefined;
        return {
          id: step.id,
          kind: step.kind,
          title: interpolate(step.title, bindings),
          text: interpolate(step.text, bindings),
          procedure: {id: procedure.id, title: procedure.title, kind: procedure.kind, summary: procedure.summary, note: procedure.note},
          console: step.console === undefined ? undefined : interpolate(step.console, bindings),
          expect: step.expect === undefined ? undefined : interpolate(step.expect, bindings),
          link: step.link === undefined ? undefined : interpolate(step.link, bindings),
          note: step.note,
          ...(step.verify === undefined ? {} : {verify: step.verify}),
          action,
          ...missingOf(missing, neededByAction(step, action, bindings)),
          uses: [...used],
        };
      }),
  );
}
