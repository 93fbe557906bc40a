// The event's findings as the event screen shows them: sorted by severity, each marked resolved
// when the account's current state (the Now panel's answer) shows the risk is gone.
import {findingsFor, isResolved} from '../findings/index.js';
import type {Finding} from '../findings/finding.js';
import type {State} from './state.js';

export interface FindingView {
  readonly finding: Finding;
  readonly isResolved: boolean;
}

let memo: {incident: State['incident']; now: State['now']; config: State['findingsConfig']; views: readonly FindingView[]} | undefined;

export function findingsView(state: State): readonly FindingView[] {
  const {incident, now, findingsConfig: config} = state;
  if (!incident) return [];
  if (memo && memo.incident === incident && memo.now === now && memo.config === config) return memo.views;
  const snapshot = now.status === 'done' ? now.snapshot : undefined;
  const views = findingsFor(incident.record, incident.facts, snapshot, config).map((finding) => ({
    finding,
    isResolved: snapshot !== undefined && isResolved(finding, incident.record, incident.facts, snapshot),
  }));
  memo = {incident, now, config, views};
  return views;
}
