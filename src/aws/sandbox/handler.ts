// What one simulated EC2 operation is: the current snapshot and the request in, the new snapshot
// (for a call that changes something) and the SDK-shaped output out, or a thrown SandboxFault.
import type {SandboxSnapshot} from './account.js';
import type {ParamRecord} from './params.js';

export interface HandlerContext {
  /** The account the sandbox plays: the caller's own account. */
  readonly accountId: string;
  readonly region: string;
}

export interface HandlerResult {
  /** Absent when nothing changed (Describe*). */
  readonly snapshot?: SandboxSnapshot | undefined;
  readonly output: Readonly<Record<string, unknown>>;
}

export type Handler = (snapshot: SandboxSnapshot, params: ParamRecord, context: HandlerContext) => HandlerResult;

/** The object without its undefined fields (SDK outputs leave absent members out). */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
