// Runs the runbook-load and session-lookup effects the way the app's effect runner does (no journal:
// no session to resume), so reducer tests read like a session.
import {builtInLoad} from '../../src/runbooks/registry.js';
import {reducer} from '../../src/walkthrough/reducer.js';
import type {State} from '../../src/walkthrough/state.js';

export function settle(state: State): State {
  return state.requests.reduce((s, r) => {
    if (r.kind === 'find-session') return reducer(s, {type: 'session-found', requestId: r.id, record: r.record, offer: null});
    if (r.kind !== 'load-runbook') return s;
    return reducer(s, {type: 'runbook-loaded', requestId: r.id, eventName: r.eventName, load: builtInLoad(r.eventName)});
  }, state);
}
