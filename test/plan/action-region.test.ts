// An action's own Region in the plan: shown where the call goes, rendered on every track, and a bound value
// that is not a Region name stays a placeholder, so the step cannot be dry-run.
import {describe, expect, it} from 'vitest';
import {buildPlan, dryRunnable, planSteps} from '../../src/plan/build-plan.js';
import type {Parameter, Runbook} from '../../src/runbooks/schema.js';
import type {Incident} from '../../src/walkthrough/state.js';
import {scenario} from '../helpers/candidates.js';
import {loadedIncident} from '../helpers/incident.js';

const base = loadedIncident(scenario('sg-default-ssh-in-default-vpc').record);

const param = (name: string, extra: Partial<Parameter>): Parameter => ({
  name, description: name, pattern: '^.+$', ask: true, optional: false, type: 'string', list: false, ...extra,
});

/** The scenario's runbook with the delete-group step sent to `region`. */
function withRegion(region: string, parameters: readonly Parameter[] = []): Incident {
  const runbook = base.runbook;
  if (!runbook) throw new Error('the scenario has no runbook');
  const procedures = runbook.procedures.map((p) => ({
    ...p,
    steps: p.steps.map((s) => (s.id === 'delete-group' && s.action ? {...s, action: {...s.action, region}} : s)),
  }));
  const changed: Runbook = {...runbook, procedures, parameters: [...runbook.parameters, ...parameters]};
  return {...base, runbook: changed};
}

const deleteStep = (incident: Incident) => {
  const step = buildPlan(incident, 'cli', {}).steps.find((s) => s.id === 'delete-group');
  if (!step?.action) throw new Error('no delete-group step');
  return step;
};
const canDryRun = (incident: Incident) => dryRunnable(planSteps(incident, 'cli')).some((d) => d.stepId === 'delete-group');

describe("the plan of an action with its own Region", () => {
  it('says where the call goes and renders it there on every track', () => {
    const incident = withRegion('eu-west-1');
    const {action} = deleteStep(incident);
    expect(action?.region).toBe('eu-west-1');
    expect(action?.cli).toBe('aws ec2 delete-security-group --group-id sg-0123456789abcdef0 --region eu-west-1');
    expect(action?.python).toContain('region_name="eu-west-1"');
    expect(action?.javascript).toContain('{region: "eu-west-1"}');
    expect(canDryRun(incident)).toBe(true);
    expect(dryRunnable(planSteps(incident, 'cli')).find((d) => d.stepId === 'delete-group')?.action.region).toBe('eu-west-1');
  });

  it('takes it from a parameter, and asks for it while the event does not give it', () => {
    const incident = withRegion('{{peerRegion}}', [param('peerRegion', {pattern: '^[a-z]{2}(-[a-z]+)+-\\d$'})]);
    const step = deleteStep(incident);
    expect(step.missing).toContain('peerRegion');
    expect(step.action?.cli).toContain('--region <peerRegion>');
    expect(canDryRun(incident)).toBe(false);
  });

  it('keeps a bound value that is not a Region name out of every request', () => {
    // The parameter's own pattern lets the group ID through; as a Region it is refused.
    const incident = withRegion('{{notARegion}}', [param('notARegion', {from: 'groupId'})]);
    const step = deleteStep(incident);
    expect(step.action?.region).toBe('<notARegion>');
    expect(buildPlan(incident, 'cli', {}).parameters).toContainEqual({name: 'notARegion', state: 'event', value: 'sg-0123456789abcdef0'});
    expect(step.action?.cli).toContain('--region <notARegion>');
    expect(canDryRun(incident)).toBe(false);
  });
});
