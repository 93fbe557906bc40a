// A chosen event → what the event screen and the walkthrough need. The facts are ready at once;
// the runbook (YAML parser, schema) is loaded by an effect, so none of it is on the startup path.
import {factsFor} from '../events/facts/index.js';
import type {CloudTrailRecord} from '../events/record.js';
import {hasRunbook} from '../runbooks/catalog.js';
import type {Runbook} from '../runbooks/schema.js';
import type {Evaluate} from '../runbooks/expression.js';
import type {Incident} from './state.js';

export function openIncident(record: CloudTrailRecord): Incident {
  return {record, facts: factsFor(record), runbook: null, isLoading: hasRunbook(record.eventName)};
}

export interface RunbookLoad {
  readonly runbook?: Runbook | undefined;
  /** A broken built-in runbook: it fails loudly with the file and the field. */
  readonly error?: string | undefined;
  /** The runbooks' expression language (pick lists of values from reads), loaded with them. */
  readonly evaluate?: Evaluate | undefined;
}

export function withRunbook(incident: Incident, load: RunbookLoad): Incident {
  return {
    ...incident,
    runbook: load.runbook ?? null,
    evaluate: load.evaluate,
    isLoading: false,
    runbookError: load.error === undefined ? undefined : `the runbook is broken: ${load.error}`,
  };
}
