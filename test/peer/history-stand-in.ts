// CloudTrail's event history for the execute walks, while moto has none (its LookupEvents is a known gap,
// test/peer/moto-gaps.ts, whose probe fails the tier once moto answers it). A runbook whose containment takes
// its values from the event history (the flow logs a deletion removed, from their CreateFlowLogs events) can
// only be walked when LookupEvents answers: the logging proxy answers it here from the scenario's own events
// (its trail and its record, with moto's IDs), with the training sandbox's filters (src/aws/sandbox/trail.ts)
// and in CloudTrail's JSON shape (EventTime in epoch seconds). Every such answer is logged as answered here.
import type {JsonObject} from '../../src/events/record.js';
import {parseRecord} from '../../src/events/parse-record.js';
import {lookupEvents} from '../../src/aws/sandbox/trail.js';
import {motoGaps} from './moto-gaps.js';

/** While moto lacks LookupEvents: the stand-in is used only as long as the gap is listed (and probed). */
export const motoLacksLookupEvents = motoGaps.some((gap) => gap.id === 'cloudtrail:LookupEvents is not implemented');

const epochSeconds = (value: unknown): unknown => (typeof value === 'number' ? new Date(value * 1000).toISOString() : value);

/** The HTTP status and JSON body CloudTrail would answer a LookupEvents request body with, over these records. */
export function historyAnswer(records: readonly JsonObject[], body: string): {readonly status: number; readonly body: string} {
  try {
    const request = JSON.parse(body || '{}') as Record<string, unknown>;
    // The SDK sends StartTime and EndTime as epoch seconds (CloudTrail's JSON protocol); the sandbox reads ISO text.
    const params = {...request, StartTime: epochSeconds(request['StartTime']), EndTime: epochSeconds(request['EndTime'])};
    const trail = records.map((record, i) => parseRecord(record, 'peer history', `record[${i}]`));
    const {Events} = lookupEvents(trail, JSON.parse(JSON.stringify(params)) as Parameters<typeof lookupEvents>[1]);
    return {status: 200, body: JSON.stringify({Events: Events.map((e) => ({...e, EventTime: e.EventTime === undefined ? undefined : Date.parse(e.EventTime) / 1000}))})};
  } catch (error) {
    const code = (error as {code?: unknown}).code;
    return {status: 400, body: JSON.stringify({__type: typeof code === 'string' ? code : 'InvalidParameterException', message: (error as Error).message})};
  }
}
