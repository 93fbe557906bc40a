// What the engine evaluates: the declarations of a runbook file (facts, state reads, Now lines,
// findings, verifications), as plain data. runbooks/schema.ts validates files into these shapes.
import type {ServiceName} from '../aws/operations.js';

export type Vars = Readonly<Record<string, string>>;

export interface FactSpec {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly list: boolean;
}

export interface StateReadSpec {
  readonly id: string;
  readonly service: ServiceName;
  readonly operation: string;
  readonly params: string;
  readonly when?: string | undefined;
}

export interface NowLineSpec {
  readonly tone: 'ok' | 'bad' | 'warn' | 'info';
  readonly when?: string | undefined;
  readonly text: string;
}

/** Lines repeated for each item of a list (each), the item read as $item in their when and text. */
export interface NowEachSpec {
  readonly each: string;
  readonly lines: readonly NowLineSpec[];
}

export interface NowSpec {
  readonly vars?: Vars | undefined;
  readonly lines: readonly (NowLineSpec | NowEachSpec)[];
  readonly gone?: string | undefined;
}

export interface FindingSpec {
  readonly id: string;
  /** A level, or a template that fills to one (e.g. "{{ $isLow && 'low' || 'medium' }}"). */
  readonly severity: string;
  readonly vars?: Vars | undefined;
  readonly when: string;
  readonly title: string;
  readonly evidence: string;
  readonly step?: string | undefined;
  readonly resolved?: string | undefined;
}

export interface VerifySpec {
  readonly read: {readonly service: ServiceName; readonly operation: string; readonly params: string};
  readonly when?: string | undefined;
  readonly vars?: Vars | undefined;
  readonly outcomes: readonly {readonly when: string; readonly reached: boolean | null; readonly summary: string}[];
  /** When the read fails with one of codes (default: its resource kind's not-found codes) and when holds over {params}. */
  readonly gone?: {readonly codes?: readonly string[] | undefined; readonly when?: string | undefined; readonly reached: boolean | null; readonly summary: string} | undefined;
}

export interface ActorSteps {
  readonly actor?: string | undefined;
  readonly key?: string | undefined;
  readonly session?: string | undefined;
  readonly failed?: string | undefined;
}

/** The parts of a runbook the engine reads. */
export interface RunbookSpec {
  readonly events: {readonly source: string; readonly names: readonly string[]};
  readonly facts: readonly FactSpec[];
  readonly state: readonly StateReadSpec[];
  readonly vars?: Vars | undefined;
  readonly now?: NowSpec | undefined;
  readonly findings: readonly FindingSpec[];
  readonly resolved?: string | undefined;
  readonly actorSteps: ActorSteps;
}
