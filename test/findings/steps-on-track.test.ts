// Every finding names a step the operator can reach on the track they chose: for each built-in
// scenario (its event, and its account as the sandbox sees it), on each of the three tracks.
import {findingsFor} from '../helpers/engine.js';
import {describe, expect, it} from 'vitest';
import {accountFor} from '../../src/aws/sandbox/seeds.js';
import {tracks} from '../../src/runbooks/tracks.js';
import {stepsFor} from '../../src/walkthrough/selectors.js';
import {scenarioList} from '../helpers/candidates.js';
import {loadedIncident} from '../helpers/incident.js';

describe.each(scenarioList.map((c) => [c.id, c] as const))('%s', (_id, candidate) => {
  const incident = loadedIncident(candidate.record);
  const account = accountFor(candidate.scenario, candidate.record);
  const findings = [...findingsFor(candidate.record, incident.facts), ...findingsFor(candidate.record, incident.facts, account.snapshot)];
  const named = findings.filter((f) => f.stepId !== undefined);

  it.each(tracks)('on the %s track, every step a finding names is there', (track) => {
    const ids = new Set(stepsFor(incident, track).map((s) => s.id));
    expect(named.filter((f) => !ids.has(f.stepId ?? '')).map((f) => `${f.id} → ${f.stepId ?? ''}`)).toEqual([]);
  });
});

it('the scenarios raise findings that name steps (the check above is not empty)', () => {
  const total = scenarioList.flatMap((c) => findingsFor(c.record, loadedIncident(c.record).facts)).filter((f) => f.stepId !== undefined);
  expect(total.length).toBeGreaterThan(10);
});
