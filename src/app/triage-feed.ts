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
        // The picker shows four lines: the three most severe findings, then where the record is.
        const findings = match.findings.slice(0, 3).map((f) => `${f.severity}: ${f.title}`).join('\n') || 'no findings';
        const badge = match.findings[0]?.severity.toUpperCase() ?? '-';
        if (record) candidates.push({id: `${match.file}#${match.index}`, record, badge, summary: `${findings}\nRecords[${match.index}] in ${match.file}`});
      }
      return {candidates, feed: {title: `triage: ${progressLine(progress)}`, emptyText: emptyText(progress), isRunning: !progress.isDone}};
    },
    subscribe: (listener) => scan.subscribe(listener),
    stop: () => scan.stop(),
  };
}
