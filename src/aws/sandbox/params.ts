// Reading an EC2 request's parameters in the sandbox, and failing the way EC2 fails: a handler
// throws a SandboxFault (code + message, as EC2's error response carries them) and apply() turns
// it into a result. Parameters arrive as the action holds them (API-cased, as the SDK takes them).
import type {ActionParams, ParamValue} from '../action.js';

/** An EC2 client error: its code (InvalidGroup.NotFound …) and message. */
export class SandboxFault extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

export function fail(code: string, message: string): never {
  throw new SandboxFault(code, message);
}

export type ParamRecord = {readonly [key: string]: ParamValue};

export function isRecord(value: ParamValue | undefined): value is ParamRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isList(value: ParamValue | undefined): value is readonly ParamValue[] {
  return Array.isArray(value);
}

const invalid = (name: string, value: ParamValue): never => fail('InvalidParameterValue', `Value (${JSON.stringify(value)}) for parameter ${name} is invalid.`);

/** A string parameter, or undefined when absent ("" counts as absent). */
export function optString(params: ParamRecord, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  return typeof value === 'string' ? value : invalid(name, value);
}

/** A required string parameter: MissingParameter when absent. */
export function reqString(params: ParamRecord, name: string): string {
  return optString(params, name) ?? fail('MissingParameter', `The request must contain the parameter ${name}`);
}

/** A list of strings (a lone string counts as a list of one), or undefined when absent. */
export function optStrings(params: ParamRecord, name: string): readonly string[] | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  const items = isList(value) ? value : [value];
  return items.map((item) => (typeof item === 'string' && item !== '' ? item : invalid(name, item)));
}

/** An integer parameter (a numeric string is accepted), or undefined when absent. */
export function optInteger(params: ParamRecord, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(number) ? number : invalid(name, value);
}

/** A boolean parameter, or undefined when absent. */
export function optBoolean(params: ParamRecord, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return invalid(name, value);
}

/** A list of structures (IpPermissions, Filters …); undefined when absent. */
export function optRecords(params: ParamRecord, name: string): readonly ParamRecord[] | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  const items = isList(value) ? value : [value];
  return items.map((item) => (isRecord(item) ? item : invalid(name, item)));
}

/** A structure parameter ({Value: …} attributes), or undefined when absent. */
export function optRecord(params: ParamRecord, name: string): ParamRecord | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  return isRecord(value) ? value : invalid(name, value);
}

/**
 * The items named by an ID list, in the list's order. EC2 answers a Describe by ID that names
 * something missing with that resource's NotFound error, not with a shorter list.
 */
export function byIds<T>(items: readonly T[], ids: readonly string[], idOf: (item: T) => string | undefined, notFound: (id: string) => never): T[] {
  return ids.map((id) => items.find((item) => idOf(item) === id) ?? notFound(id));
}

/** The request's parameters without DryRun (the executors add it; it changes nothing here). */
export function withoutDryRun(params: ActionParams): ParamRecord {
  return Object.fromEntries(Object.entries(params).filter(([key]) => key !== 'DryRun'));
}
