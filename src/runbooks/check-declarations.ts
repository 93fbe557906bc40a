// What a runbook declares besides its procedures, checked against the whole runbook (its library
// procedures in place): facts, state reads and findings each have their id once (a finding's variants,
// one after another, share theirs), a state read is read-only, and every step a finding or actorSteps
// names is a step of the runbook. Pure.
import {checkReadOnly} from './check-operations.js';
import {RunbookError} from './runbook-error.js';
import type {Runbook} from './schema.js';

/**
 * Throws at the second of two items with the same id, naming the first. With variants, an item may
 * repeat the id of the one just before it: variants of one finding (one severity and title without
 * the state, another with it) follow each other.
 */
function once(ids: readonly string[], field: (index: number) => string, file: string, variants = false): void {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const first = seen.get(id);
    const isVariant = variants && ids[i - 1] === id;
    if (first !== undefined && !isVariant) {
      throw new RunbookError(file, field(i), `${id} is used twice${variants ? ' (variants of one finding follow each other)' : ''}`, {first: field(first)});
    }
    seen.set(id, first ?? i);
  });
}

export function checkDeclarations(runbook: Runbook, file: string): void {
  once(runbook.facts.map((f) => f.key), (i) => `facts[${i}].key`, file);
  once(runbook.state.map((r) => r.id), (i) => `state[${i}].id`, file);
  once(runbook.findings.map((f) => f.id), (i) => `findings[${i}].id`, file, true);
  runbook.state.forEach((read, i) => checkReadOnly(read.service, read.operation, file, `state[${i}].operation`, 'a state read'));
  const steps = new Set(runbook.procedures.flatMap((p) => p.steps.map((s) => s.id)));
  const missing = (id: string) => `${id} is not a step of this runbook (its procedures with the library's in place)`;
  runbook.findings.forEach((finding, i) => {
    if (finding.step !== undefined && !steps.has(finding.step)) throw new RunbookError(file, `findings[${i}].step`, missing(finding.step));
  });
  for (const [role, id] of Object.entries(runbook.actorSteps)) {
    if (id !== undefined && !steps.has(id)) throw new RunbookError(file, `actorSteps.${role}`, missing(id));
  }
}
