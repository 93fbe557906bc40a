// `trailguide plan` on a route event whose record lacks the destination: the delete-route step needs one
// destination of three, and the plan says so once ("Needs one of"), not as three separate needs.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseRecord} from '../../src/events/parse-record.js';
import {buildPlan} from '../../src/plan/build-plan.js';
import {planMarkdown} from '../../src/plan/plan-md.js';
import {loadedIncident} from '../helpers/incident.js';

const risky = JSON.parse(readFileSync(new URL('../fixtures/events/CreateRoute/risky.json', import.meta.url), 'utf8')) as {requestParameters: Record<string, string>};
const rest = Object.fromEntries(Object.entries(risky.requestParameters).filter(([k]) => k !== 'destinationCidrBlock'));
const destinations = ['destinationCidrBlock', 'destinationIpv6CidrBlock', 'destinationPrefixListId'];

describe('a plan step that needs one value of several', () => {
  it('lists the alternatives as one need, in JSON and in Markdown', () => {
    const incident = loadedIncident(parseRecord({...risky, requestParameters: rest}, 'test', 'event'));
    const plan = buildPlan(incident, 'cli', {});
    const step = plan.steps.find((s) => s.id === 'delete-route');
    expect(step?.missingOneOf).toEqual([destinations]);
    const md = planMarkdown(plan);
    expect(md).toContain(`Needs one of: ${destinations.join(', ')} (any one completes the call; not in the event)`);
    expect(md).not.toMatch(/Needs a value for: [^\n]*destinationIpv6CidrBlock/);
  });
  it('says nothing of it when the event gives the destination', () => {
    const incident = loadedIncident(parseRecord(risky, 'test', 'event'));
    const step = buildPlan(incident, 'cli', {}).steps.find((s) => s.id === 'delete-route');
    expect(step?.missingOneOf).toEqual([]);
    expect(planMarkdown(buildPlan(incident, 'cli', {}))).not.toContain('Needs one of');
  });
});
