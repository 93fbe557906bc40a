// The engines of the actor's timeline (t in the TUI), for the event on screen: the events the app
// loaded (or, for a training scenario, the scenario's CloudTrail history, which is what its sandbox
// answers LookupEvents from), then whatever the command adds from its flags (the input files,
// LookupEvents when connected, CloudTrail Lake with --lake, Athena with --athena).
import type {CloudTrailRecord} from '../events/record.js';
import {parseRecord} from '../events/parse-record.js';
import {createMemoryEngine, type MemoryRecord} from '../timeline/engines/memory.js';
import type {TimelineEngine} from '../timeline/types.js';
import type {Candidate} from '../walkthrough/state.js';
import type {Services} from './services.js';

export interface TimelineEngineOptions {
  /** More engines for an event, in the order they are listed (made by the command from its flags; each may be absent). */
  readonly extra?: ((record: CloudTrailRecord) => readonly TimelineEngine[]) | undefined;
}

/** A training scenario's history: its earlier events (checked when the scenario was loaded) and its own event. */
function scenarioTrail(candidate: Candidate): readonly MemoryRecord[] {
  const scenario = candidate.scenario;
  const earlier = (scenario?.trail ?? []).map((item, i) => ({record: parseRecord(item, scenario?.source ?? 'scenario', `trail[${i}]`), origin: `scenario trail #${i + 1}`}));
  return [...earlier, {record: candidate.record, origin: 'the scenario event'}];
}

/** The default for Services.timelineEngines. */
export function defaultTimelineEngines(options: TimelineEngineOptions = {}): NonNullable<Services['timelineEngines']> {
  return (record, candidates) => {
    const own = candidates.find((c) => c.record === record);
    const first: TimelineEngine = own?.scenario
      ? createMemoryEngine("the training sandbox's CloudTrail history", scenarioTrail(own))
      : createMemoryEngine(`the loaded events (${candidates.length})`, candidates.map((c, i) => ({record: c.record, origin: `loaded event #${i + 1}`})));
    return [first, ...(options.extra?.(record) ?? [])];
  };
}
