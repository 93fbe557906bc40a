// The input was read and is in a shape trailguide accepts, but holds no record at all (`{"Records": []}`, an
// empty list, lookup-events output with no Events): there is no event to open. Every record opens (an event
// without a runbook of its own gets the general one), so this is what exit code 4 means.
import {InputError} from './input-error.js';

export class NoRecordError extends InputError {
  readonly hasNoRecord = true;
}
