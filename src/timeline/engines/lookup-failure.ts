// Why a LookupEvents search stopped, as the one line a TimelineError carries: refused (no
// cloudtrail:LookupEvents), throttled after the SDK's retries, credentials, network, a request
// CloudTrail called invalid, or cancelled. SDK errors are read by the same interpreter as every other
// AWS call, so the words match the rest of the app.
import {LookupError} from '../../aws/cloudtrail/lookup.js';
import {callProblem, errorCode} from '../../aws/interpret-error.js';
import {safeLine} from '../../text/safe-text.js';
import {TimelineError} from '../types.js';
import {failureOfProblem} from './failure-kinds.js';

const denied = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'OperationNotPermittedException']);
/** LookupEvents' own client faults (the API reference): the request was wrong, so asking again will not help. */
const invalid = new Set([
  'InvalidTimeRangeException',
  'InvalidLookupAttributesException',
  'InvalidMaxResultsException',
  'InvalidNextTokenException',
  'InvalidEventCategoryException',
  'UnsupportedOperationException',
]);

const kinds = failureOfProblem;

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return safeLine(message.split('\n')[0] ?? '', 200);
}

/** The error as a TimelineError; `aborted`: the search's signal fired, whatever the error says. */
export function lookupFailure(error: unknown, region: string, aborted: boolean): TimelineError {
  if (error instanceof TimelineError) return error;
  const where = `CloudTrail event history in ${safeLine(region, 40)}`;
  if (aborted) return new TimelineError('cancelled', `cancelled: no more requests were sent to ${where}`);
  if (error instanceof LookupError) return new TimelineError('bad-input', `${where} cannot be asked this: ${safeLine(error.problem)}`);
  const code = errorCode(error) ?? 'Error';
  if (denied.has(code)) {
    return new TimelineError('permission', `${where} refused the read (${safeLine(code, 60)}): the caller needs cloudtrail:LookupEvents`);
  }
  if (invalid.has(code)) return new TimelineError('bad-input', `${where} refused the request as invalid (${safeLine(code, 60)}): ${firstLine(error)}`);
  const problem = callProblem(error);
  if (problem !== undefined) {
    const hint = problem.kind === 'throttled' ? ' (a shorter time window needs fewer requests)' : '';
    return new TimelineError(kinds[problem.kind], `${where} could not be read: ${safeLine(problem.message)}${hint}`);
  }
  return new TimelineError('failed', `${where} could not be read: ${safeLine(code, 60)}: ${firstLine(error)}`);
}
