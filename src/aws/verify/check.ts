// The pieces every verification is made of: the read-only call, the answer it got (an SDK output,
// or the error code of a failed read), and a verdict that says whether the account is now as the
// executed call meant it to be: true, false, or null when the answer cannot tell. Pure.
import type {Action, ActionParams, ParamValue} from '../action.js';

export interface VerifyCheck {
  /** true: the account shows the call's effect; false: it does not; null: the answer cannot tell. */
  readonly reached: boolean | null;
  readonly summary: string;
}

export interface Verification {
  /** The read-only call to run (executor.read). */
  readonly read: Action;
  /** Judge its answer: the SDK output, or {code} when the read failed (see verifyInput). */
  readonly check: (answer: unknown) => VerifyCheck;
}

export type Output = Readonly<Record<string, unknown>>;
export type Builder = (params: ActionParams) => Verification | undefined;

export const reached = (summary: string): VerifyCheck => ({reached: true, summary});
export const notReached = (summary: string): VerifyCheck => ({reached: false, summary});
export const cannotTell = (summary: string): VerifyCheck => ({reached: null, summary});
export const unexpected = cannotTell('the answer is not what this check expects');

export const ec2 = (operation: string, params: ActionParams): Action => ({service: 'ec2', operation, params});

function isRecord(value: unknown): value is Output {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A verification: errors maps the codes that answer the question (e.g. InvalidGroup.NotFound after
 * a delete) to their verdict; any other failed read cannot tell.
 */
export function verification(read: Action, judge: {readonly output: (output: Output) => VerifyCheck; readonly errors?: Readonly<Record<string, VerifyCheck>>}): Verification {
  return {
    read,
    check: (answer) => {
      if (!isRecord(answer)) return cannotTell('the check gave no answer');
      const code = answer['code'];
      if (typeof code !== 'string') return judge.output(answer);
      const known = judge.errors && Object.hasOwn(judge.errors, code) ? judge.errors[code] : undefined;
      // Throttled, reset, timed out, credentials expired…: said in words, as the dry-run says it.
      const problem = typeof answer['problem'] === 'string' ? answer['problem'] : undefined;
      return known ?? cannotTell(problem === undefined ? `the check could not be read (${code})` : `the check could not be read: ${problem}`);
    },
  };
}

/** The list under key (SDK-shaped), or undefined when the answer has none. */
export function listIn<T>(output: Output, key: string): readonly T[] | undefined {
  const value = output[key];
  return Array.isArray(value) ? (value as T[]) : undefined;
}

/** More pages follow: something absent from this one may still exist. */
export function isTruncated(output: Output): boolean {
  return typeof output['NextToken'] === 'string' && output['NextToken'] !== '';
}

/** A string parameter ('' counts as absent). */
export function str(params: ActionParams, key: string): string | undefined {
  const value = params[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A list of strings (a lone string counts as a list of one); undefined when absent or empty. */
export function strs(params: ActionParams, key: string): readonly string[] | undefined {
  const value = params[key];
  const items = Array.isArray(value) ? (value as readonly ParamValue[]) : value === undefined ? [] : [value];
  const texts = items.filter((item): item is string => typeof item === 'string' && item !== '');
  return texts.length > 0 && texts.length === items.length ? texts : undefined;
}

/** An integer parameter (numbers and numeric strings). */
export function int(params: ActionParams, key: string): number | undefined {
  const value = params[key];
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isInteger(number) ? number : undefined;
}

/** A boolean parameter (booleans and 'true'/'false'). */
export function bool(params: ActionParams, key: string): boolean | undefined {
  const value = params[key];
  if (typeof value === 'boolean') return value;
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/** A structure parameter ({Value: …} attributes, PortRange). */
export function struct(params: ActionParams, key: string): ActionParams | undefined {
  const value = params[key];
  return typeof value === 'object' && !Array.isArray(value) ? (value as ActionParams) : undefined;
}

/** A scalar as text (for comparing a requested value with the one read back); undefined for anything else. */
export function scalar(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** The same set of strings, order ignored. */
export function sameSet(a: readonly (string | undefined)[], b: readonly string[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((item) => left.has(item));
}
