// What the rest of the app asks of a runbook's declarations, once loaded. The implementation
// (engine/runbook-engine.ts) is loaded with the runbooks, never on the startup path: screens and
// the reducer hold this interface only.
import type {Action} from '../aws/action.js';
import type {NowLine} from './now-line.js';
import type {CloudTrailRecord, Fact} from '../events/record.js';
import type {Finding, FindingsConfig} from '../findings/finding.js';
import type {Snapshot} from './document.js';
import type {ActorSteps} from './specs.js';

export interface RunbookEngine {
  /** The runbook answers this record (its event source and one of its event names). */
  answers(record: CloudTrailRecord): boolean;
  readonly actorSteps: ActorSteps;
  facts(record: CloudTrailRecord): readonly Fact[];
  /** The runbook's own findings (the caller adds the ones every event shares, and skips these for a failed call). */
  findings(record: CloudTrailRecord, facts: readonly Fact[], state: Snapshot | undefined, config: FindingsConfig | undefined): readonly Finding[];
  isResolved(finding: Finding, record: CloudTrailRecord, facts: readonly Fact[], state: Snapshot): boolean;
  /** The state reads in order: each built over the event, its facts and the answers so far (undefined: not made). */
  readonly readCount: number;
  /** The operation of the index-th read as declared (e.g. DescribeSecurityGroups). */
  readOperation(index: number): string | undefined;
  read(index: number, record: CloudTrailRecord, facts: readonly Fact[], state: Snapshot | undefined): Action | undefined;
  nowLines(record: CloudTrailRecord, facts: readonly Fact[], state: Snapshot | undefined): readonly NowLine[];
  /** The line(s) when the first read failed with this code and the code says its resource no longer exists; else undefined. */
  goneLines(record: CloudTrailRecord, facts: readonly Fact[], operation: string, code: string): readonly NowLine[] | undefined;
}
