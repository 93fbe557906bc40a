// One place that reads what AWS answered to a call and turns it into a verdict. EC2 answers a
// permitted dry-run with the *error* DryRunOperation (HTTP 412) and a denied one with
// UnauthorizedOperation (403) carrying an encoded authorization message (stack-notes §4.1). A call
// carried out for real fails either for sure (AWS refused it, or it never left) or with its
// outcome unknown (sent, but no usable answer came back).
import type {Action} from './action.js';
import type {ExecuteResult, Verdict} from './executors/executor.js';

interface ErrorLike {
  readonly name?: unknown;
  readonly Code?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly $metadata?: {readonly httpStatusCode?: unknown} | undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * The AWS error code of an SDK error (name, Code, or a Node error code), if any. The node-http-handler
 * names every socket error TimeoutError and keeps the socket's code: that code (ECONNRESET,
 * ETIMEDOUT) is the one that says what happened.
 */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as ErrorLike;
  const socket = str(e.name) === 'TimeoutError' ? str(e.code) : undefined;
  return socket ?? str(e.Code) ?? (str(e.name) !== 'Error' ? str(e.name) : undefined) ?? str(e.code);
}

const denied = new Set(['UnauthorizedOperation', 'AccessDenied', 'AccessDeniedException', 'UnauthorizedAccess', 'Client.UnauthorizedOperation']);
/** Whether an AWS error code says the caller lacks the permission for the call. */
export function isDeniedCode(code: string): boolean {
  return denied.has(code);
}

const throttled = new Set(['RequestLimitExceeded', 'Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestThrottled', 'SlowDown']);
const credentials = new Set([
  'AuthFailure', 'RequestExpired', 'ExpiredToken', 'ExpiredTokenException', 'InvalidClientTokenId', 'UnrecognizedClientException',
  'CredentialsProviderError', 'SignatureDoesNotMatch', 'IncompleteSignature', 'MissingAuthenticationToken', 'OptInRequired',
]);
const expired = new Set(['RequestExpired', 'ExpiredToken', 'ExpiredTokenException']);
const network = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'NetworkingError']);
const cut = new Set(['ECONNRESET', 'EPIPE']);
/** What the SDK throws when an answer is not the XML/JSON AWS sends: a cut-off body, a proxy's HTML page. */
const unreadableCodes = new Set(['SyntaxError', 'Unknown', 'UnknownError']);
const unreadableMessage = /XML parse error|Deserialization error|is not valid JSON/;
const wouldFail = /(NotFound|Malformed|Duplicate|InUse|LimitExceeded|Mismatch)$|^(Invalid|MissingParameter|DependencyViolation|IncorrectState|UnsupportedOperation|OperationNotPermitted|InvalidParameter|CannotDelete)/;

export const encodedMessagePattern = /Encoded authorization failure message: ([A-Za-z0-9_-]+)/;

function firstLine(text: string, max = 300): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

export function verdictForError(error: unknown, action: Pick<Action, 'service' | 'operation'>): Verdict {
  const code = errorCode(error) ?? 'Error';
  const message = firstLine(typeof error === 'object' && error !== null ? (str((error as ErrorLike).message) ?? code) : String(error));
  if (code === 'DryRunOperation') return {outcome: 'would-succeed'};
  if (denied.has(code)) {
    const encoded = encodedMessagePattern.exec(typeof error === 'object' && error !== null ? (str((error as ErrorLike).message) ?? '') : '')?.[1];
    return {outcome: 'denied', permission: `${action.service}:${action.operation}`, encodedMessage: encoded};
  }
  const problem = callProblem(error);
  if (problem) return {outcome: 'error', ...problem};
  if (wouldFail.test(code)) return {outcome: 'would-fail', code, message};
  return {outcome: 'error', kind: 'other', message: code === 'Error' ? message : `${code}: ${message}`};
}

export type ProblemKind = Extract<Verdict, {outcome: 'error'}>['kind'];

/**
 * What kept a call from getting a usable answer, in plain words: cancelled, throttled, timed out,
 * connection reset, no network, credentials expired or rejected, an answer that could not be read.
 * Undefined when AWS answered about the call itself (denied, not found, a server error…).
 */
export function callProblem(error: unknown): {readonly kind: ProblemKind; readonly message: string} | undefined {
  const code = errorCode(error) ?? 'Error';
  const e: ErrorLike = typeof error === 'object' && error !== null ? error : {};
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  if (code === 'AbortError') return {kind: 'cancelled', message: 'cancelled'};
  if (throttled.has(code)) return {kind: 'throttled', message: `AWS is throttling requests (${code}); try again in a moment`};
  if (code === 'TimeoutError' || code === 'ETIMEDOUT' || code === 'RequestTimeout') return {kind: 'timeout', message: 'no answer from AWS in time'};
  if (expired.has(code)) return {kind: 'credentials', message: `the AWS credentials have expired (${code}): renew them (e.g. aws sso login) and try again`};
  if (code === 'CredentialsProviderError') return {kind: 'credentials', message: `no AWS credentials found: ${firstLine(str(e.message) ?? code, 120)}`};
  if (credentials.has(code)) return {kind: 'credentials', message: `AWS rejected the credentials (${code}): renew them (e.g. aws sso login) or check the profile`};
  if (cut.has(code)) return {kind: 'network', message: `the connection to AWS was reset before it answered (${code})`};
  if (network.has(code)) return {kind: 'network', message: `cannot reach AWS (${code})`};
  if (unreadableCodes.has(code) || unreadableMessage.test(str(e.message) ?? '')) {
    return {kind: 'unreadable', message: `AWS's answer could not be read${status === undefined ? '' : ` (HTTP ${status})`}: cut off or not from AWS (a proxy in between?)`};
  }
  return undefined;
}

/** Errors that prove a request never left: no connection was ever made, or there were no credentials to sign it. */
const neverSent = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'CredentialsProviderError']);
/** @smithy/node-http-handler's connectionTimeout message: the socket never connected. */
const neverConnected = /did not establish a connection/;

function whyUnknown(error: unknown, code: string, status: number | undefined): string {
  if (code === 'AbortError') return 'cancelled while the call was in flight';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'the connection was cut before AWS answered';
  if (code === 'TimeoutError' || code === 'ETIMEDOUT' || code === 'RequestTimeout') return 'no answer from AWS in time';
  if (throttled.has(code)) return `AWS answered that it is throttling requests (${code})`;
  if (status !== undefined && callProblem(error)?.kind === 'unreadable') return `AWS's answer could not be read (HTTP ${status})`;
  if (status !== undefined && status >= 500) return `AWS answered with a server error (${code})`;
  if (status !== undefined) return `AWS's answer could not be read (${code})`;
  return `the call ended without an answer (${code})`;
}

/**
 * A call carried out for real that threw: definite when AWS answered 4xx (it refused: nothing
 * changed) or the request provably never left; otherwise outcomeUnknown (timeout, reset, 5xx,
 * cancelled in flight, an unreadable answer), with a message that says so.
 */
export function executeFailure(error: unknown, action: Pick<Action, 'service' | 'operation'>): Extract<ExecuteResult, {ok: false}> {
  const e: ErrorLike = typeof error === 'object' && error !== null ? error : {};
  const code = errorCode(error) ?? 'Error';
  const message = firstLine(str(e.message) ?? (typeof error === 'string' ? error : code));
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  if (status !== undefined && status >= 400 && status < 500) {
    // AWS refused it: nothing changed. Expired credentials or throttling say so in plain words.
    const problem = callProblem(error);
    return {ok: false, code, message: problem?.kind === 'credentials' || problem?.kind === 'throttled' ? `${problem.message}; nothing was changed` : message};
  }
  if (status === undefined && (neverSent.has(code) || neverConnected.test(message))) return {ok: false, code, message: `nothing was sent: ${message}`};
  return {
    ok: false,
    code,
    message: `${whyUnknown(error, code, status)}: ${action.operation} may or may not have happened. Do not run it again: run the read-only check to see what the account looks like now.`,
    outcomeUnknown: true,
  };
}
