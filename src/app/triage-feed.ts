// A triage scan as the picker's feed: its best matches as candidates (ids stable across snapshots,
// so the selection stays put), its progress as the picker's title.
import {emptyText, progressLine} from '../triage/progress-text.js';
import type {TriageScan} from '../triage/triage-scan.js';
import type {Candidate} from '../walkthrough/state.js';
import type {CandidateFeed} from './services.js';

export function triageFeed(scan: TriageScan): CandidateFeed {
  return {
    snapshot() {
      const progress = scan.progress();
      const candidates: Candidate[] = [];
      for (const match of scan.matches()) {
        const record = scan.recordOf(match);
        const findings = match.findings.map((f) => `${f.severity}: ${f.title}`).join('\n') || 'no findings';
        if (record) candidates.push({id: `${match.file}#${match.index}`, record, summary: `${findings}\n${match.file} · Records[${match.index}]`});
      }
      return {candidates, feed: {title: `triage: ${progressLine(progress)}`, emptyText: emptyText(progress), isRunning: !progress.isDone}};
    },
    subscribe: (listener) => scan.subscribe(listener),
    stop: () => scan.stop(),
  };
}
