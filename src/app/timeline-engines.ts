// The engines of the actor's timeline (t in the TUI), for the event on screen, chosen where the
// `actor` command chooses its own (src/timeline/engines/choose.ts): the events the app loaded (or,
// for a training scenario, the scenario's CloudTrail history, which its sandbox answers LookupEvents
// from) first, then what the command's flags add (--files; --lake and --athena once choose.ts takes
// them), then engines that depend on the event (LookupEvents in its Region, when connected).
import type {CloudTrailRecord} from '../events/record.js';
import {parseRecord} from '../events/parse-record.js';
import {timelineEngines, type TimelineEngineOptions} from '../timeline/engines/choose.js';
import type {SourcedRecord} from '../timeline/records-engine.js';
import type {TimelineEngine} from '../timeline/types.js';
import type {Candidate} from '../walkthrough/state.js';
import type {Services} from './services.js';

export interface TuiTimelineOptions {
  /** What the command's flags add beside the loaded events (files, and the query engines once choose.ts takes them). */
  readonly flags?: Omit<TimelineEngineOptions, 'own'> | undefined;
  /** Engines made for the event itself, listed after those (e.g. LookupEvents in the event's Region when connected). */
  readonly forEvent?: ((record: CloudTrailRecord) => readonly TimelineEngine[]) | undefined;
}

/** A training scenario's history: its earlier events (checked when the scenario was loaded) and its own event. */
function scenarioTrail(candidate: Candidate): readonly SourcedRecord[] {
  const scenario = candidate.scenario;
  const earlier = (scenario?.trail ?? []).map((item, i) => ({record: parseRecord(item, scenario?.source ?? 'scenario', `trail[${i}]`), origin: `scenario trail[${i}]`}));
  return [...earlier, {record: candidate.record, origin: 'the scenario event'}];
}

/** The loaded events, as the first engine searches them. */
function ownRecords(record: CloudTrailRecord, candidates: readonly Candidate[]): NonNullable<TimelineEngineOptions['own']> {
  const own = candidates.find((c) => c.record === record);
  if (own?.scenario) return {records: scenarioTrail(own), label: "the training sandbox's CloudTrail history"};
  // The open event is searched even when it came from elsewhere (a row opened from a timeline is not a candidate).
  const records = own ? candidates : [...candidates, {id: 'open', record}];
  return {records: records.map((c, i) => ({record: c.record, origin: `loaded event #${i + 1}`})), label: `the loaded events (${records.length})`};
}

/** The default for Services.timelineEngines. */
export function defaultTimelineEngines(options: TuiTimelineOptions = {}): NonNullable<Services['timelineEngines']> {
  return (record, candidates) => [...timelineEngines({...options.flags, own: ownRecords(record, candidates)}), ...(options.forEvent?.(record) ?? [])];
}
