// Which engines an actor's timeline is searched with, from what the operator has: the event's own
// input (always, first), trail files and folders (--files), and (once their engines are in) CloudTrail
// LookupEvents (--cloudtrail), CloudTrail Lake (--lake EDS) and Athena (--athena DB.TABLE). The one
// place the command and the TUI get their engines from.
import {createRecordsEngine, type SourcedRecord} from '../records-engine.js';
import type {TimelineEngine} from '../types.js';
import {createFilesEngine} from './files.js';

export interface TimelineEngineOptions {
  /** The event's own input, already read: searched first. */
  readonly own?: {readonly records: readonly SourcedRecord[]; readonly label: string} | undefined;
  /** --files: trail log files and folders. */
  readonly files?: readonly string[] | undefined;
  /** A file (or a record in it) that could not be read: reported, the search goes on. */
  readonly onSkip?: ((path: string, reason: string) => void) | undefined;
  // TODO(issue 17, engines of H5/H5b): --cloudtrail (engines/lookup.ts), --lake EDS (engines/lake.ts),
  // --athena DB.TABLE --workgroup W --output-location s3://… (engines/athena.ts) plug in here, each
  // with its options, and timelineEngines adds their factories after the files.
}

export function timelineEngines(options: TimelineEngineOptions): TimelineEngine[] {
  const engines: TimelineEngine[] = [];
  if (options.own !== undefined && options.own.records.length > 0) engines.push(createRecordsEngine(options.own.records, options.own.label));
  if (options.files !== undefined && options.files.length > 0) engines.push(createFilesEngine(options.files, {onSkip: options.onSkip}));
  return engines;
}
