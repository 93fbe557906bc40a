// Which engines an actor's timeline is searched with, from what the operator has, in this order: the
// event's own input (always, first), trail files and folders (--files), CloudTrail LookupEvents
// (--cloudtrail), CloudTrail Lake (--lake EDS) and Athena (--athena DB.TABLE). The one place the
// command and the TUI get their engines from. Making an engine sends nothing (the AWS engines load
// their SDK at the first search); a malformed ID or name is refused here with a TimelineError.
import {createRecordsEngine, type SourcedRecord} from '../records-engine.js';
import type {TimelineEngine} from '../types.js';
import {createAthenaEngine, type AthenaEngineOptions} from './athena.js';
import {createFilesEngine} from './files.js';
import {createLakeEngine, type LakeEngineOptions} from './lake.js';
import type {LookupEngineOptions} from './lookup.js';
import {safeLine} from '../../text/safe-text.js';

export interface TimelineEngineOptions {
  /** The event's own input, already read: searched first. */
  readonly own?: {readonly records: readonly SourcedRecord[]; readonly label: string} | undefined;
  /** --files: trail log files and folders. */
  readonly files?: readonly string[] | undefined;
  /** A file (or a record in it) that could not be read: reported, the search goes on. */
  readonly onSkip?: ((path: string, reason: string) => void) | undefined;
  /** --cloudtrail: CloudTrail event history (LookupEvents) in one Region. */
  readonly lookup?: LookupEngineOptions | undefined;
  /** --lake EDS: a CloudTrail Lake event data store. */
  readonly lake?: LakeEngineOptions | undefined;
  /** --athena DB.TABLE --workgroup W [--output-location s3://…]: the organisation trail's Athena table. */
  readonly athena?: AthenaEngineOptions | undefined;
}

export function timelineEngines(options: TimelineEngineOptions): TimelineEngine[] {
  const engines: TimelineEngine[] = [];
  if (options.own !== undefined && options.own.records.length > 0) engines.push(createRecordsEngine(options.own.records, options.own.label));
  if (options.files !== undefined && options.files.length > 0) engines.push(createFilesEngine(options.files, {onSkip: options.onSkip}));
  if (options.lookup !== undefined) engines.push(lazyLookupEngine(options.lookup));
  if (options.lake !== undefined) engines.push(createLakeEngine(options.lake));
  if (options.athena !== undefined) engines.push(createAthenaEngine(options.athena));
  return engines;
}

/**
 * The LookupEvents engine, its module loaded at the first search: it reaches the CloudTrail SDK, which
 * the interactive view must not load before its first frame (test/build/startup-graph.test.ts).
 */
function lazyLookupEngine(options: LookupEngineOptions): TimelineEngine {
  return {
    kind: 'lookup',
    label: `CloudTrail LookupEvents in ${safeLine(options.region, 40)}`,
    async *search(filter, signal) {
      const {createLookupEngine} = await import('./lookup.js');
      yield* createLookupEngine(options).search(filter, signal);
    },
  };
}
