import {expect, it} from 'vitest';
import {parseRecord} from '../../src/events/parse-record.js';
import {factsFor} from '../../src/events/facts/index.js';
import {seedFor} from '../../src/aws/sandbox/seeds.js';
import {findingsFor} from '../../src/findings/index.js';
import {scenarios} from '../../src/scenarios/index.js';
import {training} from '../../src/scenarios/objectives.js';

it('every training scenario has a difficulty and objectives', () => {
  expect(scenarios.filter((s) => !training[s.id]?.objectives.length).map((s) => s.id)).toEqual([]);
  expect(Object.keys(training).filter((id) => !scenarios.some((s) => s.id === id))).toEqual([]);
});

it.each(scenarios.filter((s) => training[s.id]?.objectives.some((o) => 'resolves' in o)).map((s) => s.id))('%s: its objective names a finding the scenario raises', (id) => {
  const scenario = scenarios.find((s) => s.id === id)!;
  const record = parseRecord(scenario.record, id, '');
  const raised = findingsFor(record, factsFor(record), seedFor(id, record).snapshot).map((f) => f.id);
  for (const objective of training[id]!.objectives) if ('resolves' in objective) expect(objective.resolves.some((f) => raised.includes(f)), objective.text).toBe(true);
});
