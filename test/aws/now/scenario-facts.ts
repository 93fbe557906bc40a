// The record and facts of a built-in training scenario, as the app has them once the event is open.
import {factsFor} from '../../helpers/engine.js';
import {parseRecord} from '../../../src/events/parse-record.js';
import type {CloudTrailRecord, Fact, JsonObject} from '../../../src/events/record.js';
import {scenarioById} from '../../../src/scenarios/index.js';

export interface Opened {
  readonly record: CloudTrailRecord;
  readonly facts: readonly Fact[];
}

export function openScenario(id: string): Opened {
  const scenario = scenarioById(id);
  if (scenario === undefined) throw new Error(`no scenario ${id}`);
  return openRecord(scenario.event);
}

export function openRecord(raw: JsonObject): Opened {
  const record = parseRecord(raw, 'test', 'record');
  return {record, facts: factsFor(record)};
}

/** The scenario's raw record with some top-level fields replaced (e.g. a hostile responseElements). */
export function scenarioWith(id: string, fields: JsonObject): Opened {
  const scenario = scenarioById(id);
  if (scenario === undefined) throw new Error(`no scenario ${id}`);
  return openRecord({...scenario.event, ...fields});
}

/** Odd outputs every reader must survive without throwing. */
export const oddOutputs: readonly unknown[] = [
  undefined, null, 0, 'text', [], {}, {$metadata: {}}, [{}], new Date(0),
];
