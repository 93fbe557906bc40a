// A chosen event → what the event screen and the walkthrough need. The runbook (YAML parser, schema,
// expressions) is loaded by an effect, so none of it is on the startup path; the event's facts come
// with it, from the runbook's declarations.
import type {CloudTrailRecord} from '../events/record.js';
import type {Runbook} from '../runbooks/schema.js';
import type {Evaluate} from '../runbooks/expression.js';
import type {RunbookEngine} from '../engine/engine-types.js';
import type {Incident} from './state.js';

/** Every event loads a runbook: its own, or else the general one (the caller and how to stop them). */
export function openIncident(record: CloudTrailRecord): Incident {
  return {record, facts: [], runbook: null, isLoading: true};
}

export interface RunbookLoad {
  readonly runbook?: Runbook | undefined;
  /** A broken built-in runbook: it fails loudly with the file and the field. */
  readonly error?: string | undefined;
  /** The runbooks' expression language (pick lists of values from reads), loaded with them. */
  readonly evaluate?: Evaluate | undefined;
  /** The runbook's declarations, ready to evaluate. */
  readonly engine?: RunbookEngine | undefined;
}

export function withRunbook(incident: Incident, load: RunbookLoad): Incident {
  const engine = load.engine !== undefined && load.engine.answers(incident.record) ? load.engine : undefined;
  return {
    ...incident,
    runbook: load.runbook ?? null,
    evaluate: load.evaluate,
    engine,
    facts: engine === undefined ? incident.facts : engine.facts(incident.record),
    isLoading: false,
    runbookError: load.error === undefined ? undefined : `the runbook is broken: ${load.error}`,
  };
}
