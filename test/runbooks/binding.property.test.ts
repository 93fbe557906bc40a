// Resource IDs and CIDRs from events are validated before they enter any action (issue 6). Each
// runbook's real record gets generated values in every ID, CIDR, account and Region field its facts
// read; the walkthrough then binds it on every track. Hostile values (near-miss and look-alike IDs,
// wrong prefixes, unparsable CIDRs, injected options and commands, non-strings, huge strings) must
// become placeholders that stop d, c and X; valid ones (EC2's grammar) must enter the actions exactly
// as the event wrote them. The Now panel's read-only call is held to the same rule. Seeds are fixed;
// TRAILGUIDE_LONG=1 runs 20 times more cases.
import {nowReaderFor} from '../helpers/engine.js';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {CloudTrailRecord, Fact} from '../../src/events/record.js';
import {builtInEventNames, builtInRunbookFiles, runbookFileOf} from '../../src/runbooks/catalog.js';
import {builtInRunbook} from '../../src/runbooks/registry.js';
import type {Runbook, Step} from '../../src/runbooks/schema.js';
import {tracks} from '../../src/runbooks/tracks.js';
import {bindingsOf, stepsOf} from '../../src/walkthrough/selectors.js';
import {expectStepKeys, walkthrough} from '../walkthrough/step-keys.js';
import {campaignEventNames, fieldsByEvent, hostileRecord, sampledEventNames, validRecord} from './event-fields.js';
import {expectBindings, expectStepBound} from './expect-bound.js';

const scale = process.env['TRAILGUIDE_LONG'] === '1' ? 20 : 1;
const runs = (n: number): number => n * scale;
const longTimeout = 60_000 * scale;

function runbookOf(eventName: string): Runbook {
  const runbook = builtInRunbook(eventName);
  if (!runbook) throw new Error(`no runbook for ${eventName}`);
  return runbook;
}

const stepsById = (runbook: Runbook): ReadonlyMap<string, Step> => new Map(runbook.procedures.flatMap((p) => p.steps).map((s) => [s.id, s]));

const ec2Id = /^[a-z]+(-[a-z]+)*-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** The Now panel's read, the other call an event's IDs go into, holds only valid IDs the facts give exactly. */
function expectNowQuery(record: CloudTrailRecord, facts: readonly Fact[]): void {
  const given = new Set(facts.flatMap((fact) => fact.value));
  const query = nowReaderFor(record.eventName)?.query(facts, record);
  // A filter's values are IDs as much as an ID list is (Filters: [{Name, Values}]).
  const values = Object.entries(query?.params ?? {}).flatMap(([key, value]) =>
    key === 'Filters' || key === 'Filter' ? (Array.isArray(value) ? value : []).flatMap((f: unknown) => (typeof f === 'object' && f !== null && Array.isArray((f as {Values?: unknown}).Values) ? (f as {Values: unknown[]}).Values : [f])) : [value].flat(),
  );
  for (const value of values) {
    expect(typeof value === 'string' && ec2Id.test(value) && given.has(value), `Now query: ${JSON.stringify(value)}`).toBe(true);
  }
}

/** Binds the record on every track and checks every parameter, every action, and d/c/X on every action step. */
function checkRecord(runbook: Runbook, record: CloudTrailRecord, keys: boolean, allValid = false): {placeholders: number; complete: number} {
  const byId = stepsById(runbook);
  const counts = {placeholders: 0, complete: 0};
  for (const track of tracks) {
    const state = walkthrough(record, track);
    const bindings = bindingsOf(state);
    if (track === 'console') {
      expectBindings(runbook, state.incident?.facts ?? [], record, bindings, allValid);
      expectNowQuery(record, state.incident?.facts ?? []);
    }
    stepsOf(state).forEach((bound, index) => {
      const step = byId.get(bound.id);
      if (!step) throw new Error(`no step ${bound.id}`);
      expectStepBound(runbook, step, bound, bindings);
      if (bound.action) counts[bound.missing.length > 0 ? 'placeholders' : 'complete'] += 1;
      if (keys) expectStepKeys(state, index);
    });
  }
  return counts;
}

describe('binding campaign: every runbook has its event fields', () => {
  it('covers every event a built-in runbook answers, each with fields to fill', () => {
    expect([...campaignEventNames].sort()).toEqual([...builtInEventNames].sort());
    expect(campaignEventNames.filter((name) => (fieldsByEvent.get(name) ?? []).length === 0)).toEqual([]);
  });
  it('fills one event of every runbook file in a default run, every event with --long', () => {
    expect(new Set(sampledEventNames(false).map((name) => runbookFileOf(name)))).toEqual(new Set(builtInRunbookFiles));
    expect(sampledEventNames(true)).toEqual(campaignEventNames);
  });
});

describe.each(sampledEventNames().map((name) => [name, campaignEventNames.indexOf(name)] as const))('%s', (eventName, i) => {
  const runbook = runbookOf(eventName);

  it('hostile IDs, CIDRs, accounts and Regions never enter an action: they become placeholders that stop d, c and X', () => {
    let seen = {placeholders: 0, complete: 0};
    fc.assert(
      fc.property(hostileRecord(eventName), fc.boolean(), (record, keys) => {
        const counts = checkRecord(runbook, record, keys);
        seen = {placeholders: seen.placeholders + counts.placeholders, complete: seen.complete + counts.complete};
      }),
      {seed: 6_060_100 + i, numRuns: runs(60)},
    );
    // Both outcomes were exercised: the campaign is not vacuous.
    expect(seen.placeholders).toBeGreaterThan(0);
    expect(seen.complete).toBeGreaterThan(0);
  }, longTimeout);

  it('valid IDs and CIDRs (EC2\'s grammar) enter the actions exactly as the event wrote them', () => {
    fc.assert(
      fc.property(validRecord(eventName), fc.boolean(), (record, keys) => void checkRecord(runbook, record, keys, true)),
      {seed: 6_060_200 + i, numRuns: runs(40)},
    );
  }, longTimeout);
});
