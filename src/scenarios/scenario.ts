// A built-in training scenario: one realistic CloudTrail record and what a trainer should point at.
import type {JsonObject} from '../events/record.js';

/** risky: worth an incident; benign: normal change; failed: the call was refused; hostile: injection demo. */
export type ScenarioKind = 'risky' | 'benign' | 'failed' | 'hostile';

export interface Scenario {
  /** kebab-case, unique across all scenarios */
  readonly id: string;
  readonly eventName: string;
  readonly kind: ScenarioKind;
  /** one line */
  readonly title: string;
  /** one or two sentences: what a trainer should notice */
  readonly summary: string;
  /** the record exactly as CloudTrail would write it (parse it with parseRecord) */
  readonly record: JsonObject;
}
