// An incident with its runbook loaded, as the app has it once the load effect has run.
import type {CloudTrailRecord} from '../../src/events/record.js';
import {builtInLoad} from '../../src/runbooks/registry.js';
import {openIncident, withRunbook} from '../../src/walkthrough/open-incident.js';
import type {Incident} from '../../src/walkthrough/state.js';

export function loadedIncident(record: CloudTrailRecord): Incident {
  return withRunbook(openIncident(record), builtInLoad(record.eventName));
}
