// Why a CloudTrail Lake or Athena query stopped, as the one line a TimelineError carries: no
// permission, the event data store / table / workgroup not found, the query failed (with the reason
// the service gave), throttled, credentials, network, cancelled. SDK errors are read by the same
// interpreter as every other AWS call. Error names are the services' own (botocore's cloudtrail
// 2013-11-01 and athena 2017-05-18 models; AccessDeniedException is the generic one both send).
import {callProblem, errorCode} from '../../aws/interpret-error.js';
import {safeLine} from '../../text/safe-text.js';
import {TimelineError} from '../types.js';
import {failureOfProblem} from './failure-kinds.js';

const denied = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnauthorizedOperation',
  'OperationNotPermittedException',
  'InsufficientIAMAccessPermissionException',
  'NoManagementAccountSLRExistsException',
  'CloudTrailAccessNotEnabledException',
]);
const notFound = new Set(['EventDataStoreNotFoundException', 'EventDataStoreARNInvalidException', 'InactiveEventDataStoreException', 'ResourceNotFoundException', 'QueryIdNotFoundException', 'MetadataException']);
const busy = new Set(['MaxConcurrentQueriesException', 'TooManyRequestsException', 'ThrottlingException']);
const invalid = new Set(['InvalidQueryStatementException', 'InvalidParameterException', 'InvalidMaxResultsException', 'InvalidNextTokenException', 'UnsupportedOperationException']);

const kinds = failureOfProblem;

/** Athena's failure reasons that mean a missing table, database or workgroup, or missing S3/Glue access. */
const missing = /TABLE_NOT_FOUND|SCHEMA_NOT_FOUND|does not exist|not found|EntityNotFound/i;
const refused = /Access ?Denied|not authorized|Insufficient (permissions|Lake Formation)/i;

function firstLine(text: string): string {
  return safeLine(text.split('\n')[0] ?? '', 240);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'string' ? error : '';
}

export interface QueryService {
  /** "CloudTrail Lake eds-…" or "Athena db.table". */
  readonly where: string;
  /** The IAM actions the engine needs, for the permission line. */
  readonly needs: string;
}

/** A query the service ran and reported FAILED (or TIMED_OUT), with the reason it gave. */
export function queryFailed(service: QueryService, state: string, reason: string | undefined): TimelineError {
  const why = firstLine(reason ?? '') || 'no reason given';
  if (state === 'TIMED_OUT') return new TimelineError('timeout', `${service.where}: the query timed out at the service: ${why}`);
  if (missing.test(why)) return new TimelineError('not-found', `${service.where}: not found: ${why}`);
  if (refused.test(why)) return new TimelineError('permission', `${service.where}: the query was refused: ${why} (the caller needs ${service.needs})`);
  return new TimelineError('failed', `${service.where}: the query failed: ${why}`);
}

/** An SDK error as a TimelineError; `aborted`: the search's signal fired, whatever the error says. */
export function queryFailure(error: unknown, service: QueryService, aborted: boolean): TimelineError {
  if (error instanceof TimelineError) return error;
  if (aborted) return new TimelineError('cancelled', `${service.where}: cancelled`);
  const code = errorCode(error) ?? 'Error';
  const message = firstLine(messageOf(error));
  if (denied.has(code)) return new TimelineError('permission', `${service.where}: refused (${safeLine(code, 60)}): the caller needs ${service.needs}`);
  if (notFound.has(code)) return new TimelineError('not-found', `${service.where}: not found (${safeLine(code, 60)}): ${message}`);
  if (busy.has(code)) return new TimelineError('throttled', `${service.where}: too many requests or queries at once (${safeLine(code, 60)}); try again in a moment`);
  // Athena answers a missing workgroup or a bad output location with InvalidRequestException and says which in the message.
  if (code === 'InvalidRequestException') {
    if (missing.test(message)) return new TimelineError('not-found', `${service.where}: not found: ${message}`);
    return new TimelineError('failed', `${service.where}: the request was refused as invalid: ${message}`);
  }
  if (invalid.has(code)) return new TimelineError('failed', `${service.where}: the query was refused as invalid (${safeLine(code, 60)}): ${message}`);
  // The SDK's own words when no Region is configured anywhere.
  if (/Region is missing/i.test(message)) return new TimelineError('bad-input', `${service.where}: no AWS Region to query in: name the Region of the store or workgroup (or set AWS_REGION)`);
  const problem = callProblem(error);
  if (problem !== undefined) return new TimelineError(kinds[problem.kind], `${service.where}: ${safeLine(problem.message)}`);
  return new TimelineError('failed', `${service.where}: ${safeLine(code, 60)}: ${message}`);
}
