// A chosen event → what the event screen and the walkthrough need: its facts and its runbook.
import {factsFor} from '../events/facts/index.js';
import type {CloudTrailRecord} from '../events/record.js';
import {RunbookError} from '../runbooks/parse.js';
import {builtInRunbook} from '../runbooks/registry.js';
import type {Incident} from './state.js';

export function openIncident(record: CloudTrailRecord): Incident {
  const facts = factsFor(record);
  try {
    return {record, facts, runbook: builtInRunbook(record.eventName) ?? null};
  } catch (error) {
    if (error instanceof RunbookError) return {record, facts, runbook: null, runbookError: `the runbook is broken: ${error.message}`};
    throw error;
  }
}
