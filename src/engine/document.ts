// The data every runbook expression reads: the event as written, its facts by key, its context,
// the account's state as known now (null when unknown) and the operator's config.
import {eventContext} from '../events/context.js';
import type {CloudTrailRecord, Fact} from '../events/record.js';
import type {FindingsConfig} from '../findings/finding.js';
import {factMap} from './facts.js';

export type Snapshot = Readonly<Record<string, readonly unknown[] | undefined>>;

export interface Document {
  readonly event: unknown;
  readonly facts: Readonly<Record<string, string | readonly string[]>>;
  readonly context: unknown;
  readonly state: Snapshot | null;
  readonly config: FindingsConfig;
}

export function documentOf(record: CloudTrailRecord, facts: readonly Fact[], state: Snapshot | undefined, config: FindingsConfig = {}): Document {
  // JSON-clean copies: the expression library reads plain JSON only (no undefined fields).
  const context = JSON.parse(JSON.stringify(eventContext(record))) as unknown;
  return {event: record.raw, facts: factMap(facts), context, state: state ?? null, config: JSON.parse(JSON.stringify(config)) as FindingsConfig};
}
