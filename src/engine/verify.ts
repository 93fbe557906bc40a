// After a call that changes the account was carried out: the read-only call that shows whether it
// took effect and the judgement of its answer, both declared (a step's verify:, or the library's
// verification of its operation). Pure. The read is never a mutating call, whatever the file says.
import type {Action} from '../aws/action.js';
import {isMutating} from '../aws/action.js';
import {evaluate} from './expression.js';
import {asParams, checkedIds} from './ids.js';
import {kindByDescribe} from './resource-kinds.js';
import {withVars} from './scope.js';
import type {VerifySpec} from './specs.js';
import {fill} from './template.js';
import {isTruthy} from './truthy.js';

export interface VerifyCheck {
  /** true: the account shows the call's effect; false: it does not; null: the answer cannot tell. */
  readonly reached: boolean | null;
  readonly summary: string;
}

export interface Verification {
  readonly read: Action;
  /** Judge the read's answer: the SDK output, or {code, problem} when the read failed. */
  readonly check: (answer: unknown) => VerifyCheck;
}

const cannotTell = (summary: string): VerifyCheck => ({reached: null, summary});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function verificationOf(spec: VerifySpec, action: Action): Verification | undefined {
  const params = JSON.parse(JSON.stringify(action.params)) as unknown;
  const base = {params};
  // The vars are known before the read too (answer is null there): when, read and gone may use them.
  const before = withVars(spec.vars, base);
  if (spec.when !== undefined && !isTruthy(evaluate(spec.when, base, before))) return undefined;
  const readParams = asParams(evaluate(spec.read.params, base, before));
  const checked = readParams === undefined ? undefined : checkedIds(readParams);
  const read = {service: spec.read.service, operation: spec.read.operation};
  if (checked === undefined || isMutating(read)) return undefined;
  return {
    read: {...read, params: checked},
    check(answer) {
      if (!isRecord(answer)) return cannotTell('the check gave no answer');
      const code = answer['code'];
      if (typeof code === 'string') {
        const gone = spec.gone;
        // The codes that say the resource does not exist: the gone's own, else those of the read's resource kind.
        const goneCodes = gone?.codes ?? kindByDescribe(read.operation)?.notFound ?? [];
        if (gone !== undefined && goneCodes.includes(code) && (gone.when === undefined || isTruthy(evaluate(gone.when, base, before)))) {
          return {reached: gone.reached, summary: fill(gone.summary, base, before)};
        }
        const problem = typeof answer['problem'] === 'string' ? answer['problem'] : undefined;
        return cannotTell(problem === undefined ? `the check could not be read (${code})` : `the check could not be read: ${problem}`);
      }
      const data = {params, answer: JSON.parse(JSON.stringify(answer)) as unknown};
      const scope = withVars(spec.vars, data);
      const outcome = spec.outcomes.find((o) => isTruthy(evaluate(o.when, data, scope)));
      return outcome === undefined ? cannotTell('the answer is not what this check expects') : {reached: outcome.reached, summary: fill(outcome.summary, data, scope)};
    },
  };
}
