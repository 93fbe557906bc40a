// The event's findings as the event screen shows them: sorted by severity, each marked resolved
// when the account's current state (the Now panel's answer) shows the risk is gone.
import {findingsFor, isResolved} from '../findings/index.js';
import {bySeverity, type Finding} from '../findings/finding.js';
import type {State} from './state.js';

export interface FindingView {
  readonly finding: Finding;
  readonly isResolved: boolean;
}

let memo: {incident: State['incident']; now: State['now']; config: State['findingsConfig']; seen: State['findingsSeen']; views: readonly FindingView[]} | undefined;

export function findingsView(state: State): readonly FindingView[] {
  const {incident, now, findingsConfig: config, findingsSeen: seen} = state;
  if (!incident) return [];
  if (memo && memo.incident === incident && memo.now === now && memo.config === config && memo.seen === seen) return memo.views;
  const snapshot = now.status === 'done' ? now.snapshot : undefined;
  const current = findingsFor(incident.record, incident.facts, snapshot, config, incident.engine);
  // Raised earlier from the account's state, no longer raised now: the remediation removed the risk.
  const gone = snapshot ? seen.filter((f) => !current.some((c) => c.id === f.id)) : [];
  const views = bySeverity([...current, ...gone]).map((finding) => ({
    finding,
    isResolved: snapshot !== undefined && (gone.includes(finding) || isResolved(finding, incident.record, incident.facts, snapshot, incident.engine)),
  }));
  memo = {incident, now, config, seen, views};
  return views;
}
