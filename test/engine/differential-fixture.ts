// The recorded behaviour of an event's TypeScript readers (facts, findings, Now panel), which its
// runbook's declarations must reproduce: test/fixtures/engine/<Event>.expected.json, written once by
// scripts/engine-expected/<Event>.ts while that TypeScript still existed.
import {readFileSync} from 'node:fs';
import type {Action} from '../../src/aws/action.js';
import type {NowLine} from '../../src/engine/now-line.js';
import type {Snapshot} from '../../src/engine/document.js';
import type {Fact, JsonObject} from '../../src/events/record.js';
import type {Finding, FindingsConfig} from '../../src/findings/finding.js';
import type {RecordEdit} from './record-variants.js';

export interface FixtureBase {
  readonly record: JsonObject;
  /** States only this record's account has (the sandbox's), by name. */
  readonly states: Readonly<Record<string, Snapshot>>;
  /** Describe answers only this record's account gives (the sandbox's), by name. */
  readonly answers: Readonly<Record<string, unknown>>;
}

/** What several inputs (by name) all give: each distinct result once; the commonest one says 'others'. */
export type Grouped<T> = T & {readonly names: readonly string[] | 'others'};

export interface NowExpected {
  /** The first read; null when the event names no valid ID (then nothing else is read). */
  readonly query: Action | null;
  /** By answer: the panel's lines and the reads that follow. */
  readonly answers: readonly Grouped<{readonly lines: readonly NowLine[]; readonly followUps: readonly Action[]}>[];
  /** By error code of the first read: the lines saying the resource is gone, or null. */
  readonly errors: Readonly<Record<string, readonly NowLine[] | null>>;
}

export interface FixtureCase {
  readonly name: string;
  readonly base: string;
  readonly edits: readonly RecordEdit[];
  readonly facts: readonly Fact[];
  /** By "<state>|<config>" ("none" for no state): the event's own findings. */
  readonly findings: readonly Grouped<{readonly found: readonly Finding[]}>[];
  /** By id of each finding raised on any state: the states that show its risk gone (on every other state it is not). */
  readonly resolved: Readonly<Record<string, readonly string[]>>;
  readonly now: NowExpected;
}

export interface DifferentialFixture {
  readonly eventName: string;
  readonly bases: Readonly<Record<string, FixtureBase>>;
  /** States every case is also compared on, by name. */
  readonly states: Readonly<Record<string, Snapshot>>;
  readonly answers: Readonly<Record<string, unknown>>;
  /** The answers a variant's Now panel is compared on (a record as it is: every answer). */
  readonly variantAnswers: readonly string[];
  readonly configs: Readonly<Record<string, FindingsConfig>>;
  readonly errorCodes: readonly string[];
  readonly cases: readonly FixtureCase[];
}

export function fixturePath(eventName: string): URL {
  return new URL(`../fixtures/engine/${eventName}.expected.json`, import.meta.url);
}

/** Each distinct value once, with the names that give it; the commonest value stands for all the others. */
export function grouped<T extends object>(byName: Readonly<Record<string, T>>): Grouped<T>[] {
  const groups = new Map<string, {value: T; names: string[]}>();
  for (const [name, value] of Object.entries(byName)) {
    const key = JSON.stringify(value);
    groups.set(key, {value, names: [...(groups.get(key)?.names ?? []), name]});
  }
  const all = [...groups.values()];
  const commonest = all.reduce<(typeof all)[number] | undefined>((best, group) => (best === undefined || group.names.length > best.names.length ? group : best), undefined);
  return all.map((group) => ({...group.value, names: group === commonest ? 'others' : group.names}));
}

/** The value the fixture gives for this name. */
export function expectedFor<T extends object>(groups: readonly Grouped<T>[], name: string): T | undefined {
  return groups.find((group) => group.names !== 'others' && group.names.includes(name)) ?? groups.find((group) => group.names === 'others');
}

export function readFixture(eventName: string): DifferentialFixture {
  return JSON.parse(readFileSync(fixturePath(eventName), 'utf8')) as DifferentialFixture;
}
