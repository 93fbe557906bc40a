// The flags of `trailguide EVENT` that add to the actor's timeline (t): --files, --lake, --athena with --workgroup and
// --output-location. Checked before the first frame: a malformed store, table or workgroup is a usage error (exit 2).
import type {TuiTimelineOptions} from '../app/timeline-engines.js';
import {UsageError} from '../exit-codes.js';
import {timelineEngines} from '../timeline/engines/choose.js';
import {TimelineError} from '../timeline/types.js';
import {queryEngineOptions} from './actor.js';

export interface TimelineFlags {
  readonly files?: readonly string[] | undefined;
  readonly lake?: string | undefined;
  readonly athena?: string | undefined;
  readonly workgroup?: string | undefined;
  readonly outputLocation?: string | undefined;
}

/** What the actor's timeline (t) searches beside the loaded events: --files, --lake, --athena (checked now: a bad one is a usage error). */
export function timelineFlags(flags: TimelineFlags & {readonly offline?: boolean | undefined; readonly profile?: string | undefined; readonly region?: string | undefined}): TuiTimelineOptions | undefined {
  const asked = (flags.files?.length ?? 0) > 0 || flags.lake !== undefined || flags.athena !== undefined || flags.workgroup !== undefined || flags.outputLocation !== undefined;
  if (!asked) return undefined;
  if (flags.offline === true && (flags.lake !== undefined || flags.athena !== undefined)) throw new UsageError('--lake and --athena query AWS: they cannot be used with --offline');
  const {lake, athena} = queryEngineOptions(flags);
  // Malformed names are refused before the first frame (the engines check them when made).
  try {
    timelineEngines({lake, athena});
  } catch (error) {
    if (error instanceof TimelineError) throw new UsageError(error.reason);
    throw error;
  }
  return {flags: {...(flags.files?.length ? {files: flags.files} : {}), ...(lake ? {lake} : {}), ...(athena ? {athena} : {})}};
}

