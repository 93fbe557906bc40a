// The sections of a walk, in the order an incident needs them: contain this event, investigate the
// caller, harden. A failed call created nothing: its walk investigates first.
import type {Procedure} from './schema.js';

export type SectionKind = Procedure['kind'];

export const sectionNames: Readonly<Record<SectionKind, {readonly short: string; readonly long: string}>> = {
  containment: {short: 'Contain', long: 'Contain this event'},
  investigation: {short: 'Investigate', long: 'Investigate the caller'},
  hardening: {short: 'Harden', long: 'Harden: keep it from happening again'},
  seed: {short: 'Harden', long: 'Harden: a general procedure from the source runbook'},
};

/** The order of the sections: containment first, unless the call failed (then there is nothing to contain yet). */
export function sectionOrder(hasFailed: boolean): readonly SectionKind[] {
  return hasFailed ? ['investigation', 'containment', 'hardening', 'seed'] : ['containment', 'investigation', 'hardening', 'seed'];
}
