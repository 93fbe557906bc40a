// The values the operator gives: typed, or picked from what a read listed. `e` opens the first value
// the step still needs, or, when it needs none, the first one the operator already gave (to correct
// it); Tab goes on to the step's next value. A changed value drops the dry-runs it made stale.
import {allParameters, validateValue} from '../runbooks/bind.js';
import type {Parameter} from '../runbooks/schema.js';
import {choicesFor} from './choices.js';
import {bindingsOf, currentStep, stepsFor, stepsOf} from './selectors.js';
import {currentDryRuns} from './stale.js';
import type {PickList, State} from './state.js';

function parameter(state: State, name: string | null): Parameter | undefined {
  return state.incident?.runbook && name !== null ? allParameters(state.incident.runbook).find((p) => p.name === name) : undefined;
}

/** The values `e` can open on the current step: those still needed, then those the operator gave. */
export function valueTargets(state: State): readonly string[] {
  const step = currentStep(state);
  if (!step || !state.progress) return [];
  const bindings = bindingsOf(state);
  const given = step.uses.filter((name) => bindings.get(name)?.state === 'operator');
  const askable = step.missing.filter((name) => {
    const b = bindings.get(name);
    return b?.state !== 'missing' || b.ask;
  });
  return [...askable, ...given.filter((name) => !askable.includes(name))];
}

/** Why `e` has nothing to open here, or undefined. */
export function valueBlocker(state: State): string | undefined {
  return valueTargets(state).length ? undefined : 'this step uses no value you give (the event gives them all)';
}

function pickList(state: State, param: Parameter): PickList | undefined {
  const progress = state.progress;
  const choices = progress && choicesFor(param, progress, bindingsOf(state), state.incident?.evaluate);
  if (!choices) return undefined;
  const current = progress.answers[param.name];
  const given = current === undefined ? [] : current.split(/[\s,]+/).filter(Boolean);
  if (choices.status === 'no-answer') {
    const steps = stepsOf(state);
    const where = choices.steps.map((id) => steps.findIndex((s) => s.id === id)).filter((i) => i >= 0)[0];
    const read = where === undefined ? 'the read that lists them' : `the read of step ${where + 1} (${steps[where]?.title ?? ''})`;
    return {param: param.name, candidates: [], picked: given, cursor: 0, empty: `nothing listed yet: run ${read} first, or type a value`};
  }
  if (choices.status === 'failed') {
    const number = stepsOf(state).findIndex((s) => s.id === choices.step);
    return {param: param.name, candidates: [], picked: given, cursor: 0, empty: `no candidates: the read of step ${number + 1} did not answer`, note: choices.reason};
  }
  const likely = choices.candidates.filter((c) => c.isLikely).map((c) => c.value);
  // What was given before stays picked where the read lists it; a value it does not list is named, not kept hidden.
  const listed = new Set(choices.candidates.map((c) => c.value));
  const kept = given.filter((v) => listed.has(v));
  const unlisted = given.filter((v) => !listed.has(v));
  const picked = kept.length ? kept : param.list ? likely : likely.slice(0, 1);
  const cursor = Math.max(0, choices.candidates.findIndex((c) => picked.includes(c.value)));
  const empty = choices.candidates.length ? undefined : 'the read listed no candidates: type a value';
  const note = unlisted.length ? `now: ${unlisted.join(' ')} (not in this listing)` : undefined;
  return {param: param.name, candidates: choices.candidates, picked, cursor, empty, note};
}

/** Open the prompt for one value: its pick list when a read lists candidates for it, else the text prompt. */
export function openValue(state: State, name: string | undefined = valueTargets(state)[0]): State {
  const param = parameter(state, name ?? null);
  if (!param) return state;
  const pick = pickList(state, param);
  const draft = state.progress?.answers[param.name] ?? '';
  return {...state, overlay: pick ? 'pick' : 'input', inputParam: param.name, pick: pick ?? null, draft, inputError: null};
}

/** Tab: the step's next value (after the last, the first again). */
export function nextValue(state: State): State {
  const targets = valueTargets(state);
  if (targets.length < 2) return {...state, inputError: 'this step has no other value'};
  const at = targets.indexOf(state.inputParam ?? '');
  return openValue(state, targets[(at + 1) % targets.length]);
}

/** From the pick list to the text prompt, with what was typed so far. */
export function typeInstead(state: State, text: string): State {
  return {...state, overlay: 'input', pick: null, draft: text, inputError: null};
}

export function movePick(state: State, delta: number): State {
  const pick = state.pick;
  if (!pick || !pick.candidates.length) return state;
  return {...state, pick: {...pick, cursor: Math.max(0, Math.min(pick.candidates.length - 1, pick.cursor + delta))}};
}

export function togglePick(state: State): State {
  const pick = state.pick;
  const value = pick?.candidates[pick.cursor]?.value;
  if (!pick || value === undefined) return state;
  const param = parameter(state, pick.param);
  const picked = pick.picked.includes(value) ? pick.picked.filter((v) => v !== value) : param?.list ? [...pick.picked, value] : [value];
  return {...state, pick: {...pick, picked}};
}

/** Enter on the pick list: the picked values (a single value: the one under the cursor). */
export function acceptPick(state: State): State {
  const pick = state.pick;
  const param = parameter(state, pick?.param ?? null);
  if (!pick || !param) return {...state, overlay: null, pick: null};
  const under = pick.candidates[pick.cursor]?.value;
  const values = param.list ? pick.picked : under === undefined ? [] : [under];
  if (!values.length) return {...state, inputError: param.list ? 'nothing picked: Space picks the row under the cursor, or type a value' : 'nothing to pick: type a value'};
  return setValue(state, param, values.join(' '));
}

/** Enter on the text prompt. */
export function acceptTyped(state: State): State {
  const param = parameter(state, state.inputParam);
  if (!param) return {...state, overlay: null};
  return setValue(state, param, state.draft);
}

function setValue(state: State, param: Parameter, raw: string): State {
  const checked = validateValue(param, raw);
  if (!checked.ok || !state.progress || !state.incident?.runbook) return {...state, inputError: checked.ok ? 'no walkthrough' : checked.problem};
  // Kept as given (trimmed), as the journal records it; the binding splits a list again.
  const value = raw.trim();
  const before = state.progress.answers[param.name];
  const answers = {...state.progress.answers, [param.name]: value};
  // Results made with the old value no longer speak for the step's call.
  const steps = stepsFor(state.incident, state.progress.track, answers);
  const dryRuns = currentDryRuns(steps, state.progress.dryRuns);
  const dropped = Object.keys(state.progress.dryRuns).length - Object.keys(dryRuns).length;
  const changed = before !== undefined && before !== value;
  const status = `${param.name} ${changed ? 'changed' : 'set'}${dropped ? ` · ${dropped} dry-run${dropped === 1 ? '' : 's'} made with the old value dropped: run again` : ''}`;
  const next: State = {...state, overlay: null, pick: null, inputParam: null, inputError: null, draft: '', status, progress: {...state.progress, answers, dryRuns}};
  // Still a value missing on this step: straight on to it.
  return currentStep(next)?.missing.length ? openValue(next, currentStep(next)?.missing[0]) : next;
}
