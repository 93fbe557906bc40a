// The operator's own values (e on a step that needs one) pass the same check as the event's: typed
// through the real reducer into the value prompt, an invalid value is refused with a message and
// changes nothing (the step still cannot be dry-run, copied or executed); a valid one is taken, trimmed,
// and enters the step's action exactly. Every parameter a step of a built-in runbook asks for first
// is tried, on every track. Seeds are fixed; TRAILGUIDE_LONG=1 runs 20 times more cases.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {allParameters} from '../../src/runbooks/bind.js';
import {builtInEventNames, builtInRunbookFiles} from '../../src/runbooks/catalog.js';
import {builtInRunbook} from '../../src/runbooks/registry.js';
import type {Parameter, Runbook, Step} from '../../src/runbooks/schema.js';
import {tracks} from '../../src/runbooks/tracks.js';
import {reducer, type Message} from '../../src/walkthrough/reducer.js';
import {bindingsOf, currentStep, stepsOf} from '../../src/walkthrough/selectors.js';
import type {State} from '../../src/walkthrough/state.js';
import {recordWith} from '../runbooks/event-fields.js';
import {expectStepBound} from '../runbooks/expect-bound.js';
import {badByKind, huge, lookAlike, validValue, wrapped} from '../runbooks/value-arbitraries.js';
import {isValidFor, kindOf} from '../runbooks/value-kinds.js';
import {atStep, expectStepKeys, walkthrough} from './step-keys.js';

const scale = process.env['TRAILGUIDE_LONG'] === '1' ? 20 : 1;
const longTimeout = 60_000 * scale;

const key = (name: string, text = name): Message => ({type: 'key', name, text});

interface Prompt {
  readonly runbook: Runbook;
  readonly step: Step;
  readonly param: Parameter;
  /** The walkthrough at the step, its value prompt open (e pressed). */
  readonly state: State;
}

/** Every step (of every runbook, on every track) that needs a value, with its prompt open on the first one. */
const prompts: readonly Prompt[] = builtInEventNames.flatMap((eventName) => {
  const runbook = builtInRunbook(eventName);
  if (!runbook) throw new Error(`no runbook for ${eventName}`);
  const record = recordWith(eventName, [], []);
  const steps = new Map(runbook.procedures.flatMap((p) => p.steps).map((s) => [s.id, s]));
  return tracks.flatMap((track) => {
    const start = walkthrough(record, track);
    return stepsOf(start).flatMap((bound, index) => {
      const name = bound.missing[0];
      const param = allParameters(runbook).find((p) => p.name === name);
      const step = steps.get(bound.id);
      if (!param || !step) return [];
      // A value a read lists opens as a pick list: '/' goes to the text prompt, which this campaign is about.
      const opened = reducer(atStep(start, index), key('e'));
      return [{runbook, step, param, state: opened.overlay === 'pick' ? reducer(opened, key('/')) : opened}];
    });
  });
});

/** Values matching the parameter's own pattern (fast-check reads the regular expression), or of its kind. */
function validTyped(param: Parameter): fc.Arbitrary<string> {
  const k = kindOf(param);
  const pattern = new RegExp(param.pattern);
  // fast-check cannot generate from a lookahead such as (?!sg-): generate without it, keep what matches.
  const generating = new RegExp(param.pattern.replace(/\(\?[=!][^)]*\)/g, ''));
  const one = k ? validValue(k) : fc.stringMatching(generating).filter((v) => pattern.test(v));
  const spaced = fc.tuple(fc.constantFrom('', ' ', '  '), one, fc.constantFrom('', ' ', '\u00a0')).map(([a, v, b]) => `${a}${v}${b}`);
  return param.list ? fc.tuple(fc.array(one, {minLength: 1, maxLength: 3}), fc.constantFrom(',', ', ', ' ')).map(([items, sep]) => items.join(sep)) : spaced;
}

function hostileTyped(param: Parameter): fc.Arbitrary<string> {
  const k = kindOf(param);
  const valid = validTyped(param);
  return fc.oneof(wrapped(valid), valid.chain(lookAlike), huge(valid), fc.string({unit: 'binary', maxLength: 30}), ...(k ? [badByKind(k)] : []));
}

/** What the prompt must accept: the draft (as shown) trimmed, each list item split at commas and spaces, each valid. */
function expected(param: Parameter, draft: string): readonly string[] | undefined {
  const items = param.list ? draft.split(/[\s,]+/).filter(Boolean) : [draft.trim()];
  const k = kindOf(param);
  const pattern = new RegExp(param.pattern);
  const ok = items.length > 0 && items.every((item) => item !== '' && pattern.test(item) && (k === undefined || isValidFor(k, item)));
  return ok ? items : undefined;
}

/** The names of keys in the value prompt: typed as one chunk they would be the key, not text. */
const promptKeys = new Set(['enter', 'escape', 'backspace']);
const prompt = fc.constantFrom(...prompts);
const typedFor = (p: Prompt): fc.Arbitrary<string> => fc.oneof(validTyped(p.param), hostileTyped(p.param)).filter((t) => !/[\r\n]/.test(t) && !promptKeys.has(t));

describe('the value prompt (e) checks what the operator types with the parameter\'s pattern', () => {
  it('finds steps that need a value on every runbook', () => {
    expect(new Set(prompts.map((p) => p.runbook.events.names[0]))).toEqual(new Set(builtInRunbookFiles));
    for (const p of prompts) {
      expect(p.state.overlay).toBe('input');
      expect(p.state.inputParam).toBe(p.param.name);
    }
  });

  it('refuses an invalid value with a message, and takes a valid one into the action exactly', () => {
    let taken = 0;
    let refused = 0;
    fc.assert(
      fc.property(prompt.chain((p) => fc.tuple(fc.constant(p), typedFor(p))), ([p, typed]) => {
        const typedIn = reducer(p.state, key(typed));
        const entered = reducer(typedIn, key('enter', ''));
        const items = expected(p.param, typedIn.draft);
        const name = p.param.name;
        if (items === undefined) {
          refused += 1;
          expect(entered.overlay, typed).toBe('input');
          expect(entered.inputError?.trim(), typed).toBeTruthy();
          expect(entered.progress?.answers[name], typed).toBeUndefined();
          expect(currentStep(entered)?.missing, typed).toContain(name);
          expectStepKeys({...entered, overlay: null}, entered.progress?.index ?? 0);
          return;
        }
        taken += 1;
        expect(entered.inputError, typed).toBeNull();
        expect(entered.progress?.answers[name], typed).toBe(typedIn.draft.trim());
        const bindings = bindingsOf(entered);
        expect(bindings.get(name), typed).toEqual({state: 'operator', value: p.param.list ? items : items[0]});
        const step = currentStep(entered);
        if (!step) throw new Error('no step');
        expect(step.missing, typed).not.toContain(name);
        expectStepBound(p.runbook, p.step, step, bindings);
        expectStepKeys({...entered, overlay: null}, entered.progress?.index ?? 0);
      }),
      {seed: 6_060_300, numRuns: 400 * scale},
    );
    expect(taken).toBeGreaterThan(40 * scale);
    expect(refused).toBeGreaterThan(40 * scale);
  }, longTimeout);
});
