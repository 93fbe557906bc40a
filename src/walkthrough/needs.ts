// What a step still needs before its call can go, as the step screen lists it and a refused key says
// it: values needed each on their own, and alternatives of which any one will do (a route's destination).
import type {BoundStep} from '../runbooks/bind-steps.js';

export type Need = {readonly kind: 'value'; readonly name: string} | {readonly kind: 'one-of'; readonly names: readonly string[]};

/** The step's needs in the order it asks them (`e` opens the first): a group where its first name stands. */
export function stepNeeds(step: Pick<BoundStep, 'missing' | 'missingOneOf'>): readonly Need[] {
  const groups = step.missingOneOf ?? [];
  const needs: Need[] = [];
  for (const name of step.missing) {
    const group = groups.find((g) => g.includes(name));
    if (!group) needs.push({kind: 'value', name});
    else if (group[0] === name) needs.push({kind: 'one-of', names: group});
  }
  return needs;
}

/** One need as the screen shows it after "needs ". */
export function needText(need: Need): string {
  return need.kind === 'value' ? need.name : `one of: ${need.names.join(', ')}`;
}

/** Why a key that needs the step's call complete is refused: "needs a value for a first (press e)", "needs one of: a, b (press e)". */
export function needsReason(step: Pick<BoundStep, 'missing' | 'missingOneOf'>): string {
  const needs = stepNeeds(step);
  const values = needs.flatMap((n) => (n.kind === 'value' ? [n.name] : []));
  const choices = needs.flatMap((n) => (n.kind === 'one-of' ? [needText(n)] : []));
  if (choices.length === 0) return `needs a value for ${values.join(', ') || 'a parameter'} first (press e)`;
  const parts = [...(values.length ? [`a value for ${values.join(', ')}`] : []), ...choices];
  return `needs ${parts.join(' and ')} (press e)`;
}
