// Lint of the calls a file names against the documented API constraints (src/aws/api-rules.ts) that
// can be judged before any value is known: a step whose call holds none of the parameters it cannot
// work without (a DeleteRoute with no destination at all) can never be completed by `e`. Pure.
import {unmetRequirements} from '../aws/api-rules.js';
import {warning, type Problem} from './lint-problem.js';
import type {CallSite} from './lint-sites.js';

export function apiRuleProblems(calls: readonly CallSite[]): Problem[] {
  return calls.flatMap((call) => {
    if (call.role !== 'step' || call.params?.kind !== 'object') return [];
    const field = call.field.replace(/\.operation$/, '.params');
    return unmetRequirements({service: call.service, operation: call.operation, params: call.params.value}).map((rule) =>
      warning(field, `${call.operation} cannot work without one of ${(rule.requiresOneOf ?? []).join(', ')}, and this step gives none: ${rule.says} (${rule.source})`),
    );
  });
}
