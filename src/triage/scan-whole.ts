// A file that is not {"Records": [...]} but another shape the app accepts (one record as the console
// shows it, an EventBridge envelope, a JSON array, lookup-events output): read whole, through the
// same ingest as `trailguide EVENT`. Only for files up to maxWholeBytes: such files are single events
// or small exports, and a large one of these shapes cannot be streamed.
import {InputError} from '../events/input-error.js';
import {parseEvents} from '../events/parse-events.js';
import {readInput} from '../events/read-input.js';
import type {FileSink} from './file-sink.js';

export const maxWholeBytes = 64 * 1024 * 1024;

/** The number of records read. */
export async function scanWhole(file: string, sink: FileSink): Promise<number> {
  try {
    const {text} = await readInput(file, {maxBytes: maxWholeBytes});
    const parsed = parseEvents(text, file);
    for (const skip of parsed.skipped) sink.onSkip(`${skip.place}: ${skip.problem}`);
    parsed.records.forEach((record, index) => sink.onRecord(record, JSON.stringify(record.raw), index));
    return parsed.records.length;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    sink.onSkip(error.place === '' ? error.problem : `${error.place}: ${error.problem}`);
    return 0;
  }
}
