// A "hard" built-in scenario needs evidence that only a read of the account gives. Two checks over
// the built-in data: each hard scenario's decisive values (the IDs its containment acts on that
// only a Describe returns) are in its account and nowhere in what the trainee is shown before
// reading (the event, the title, the brief); and no hard scenario can be contained by carrying out,
// in the sandbox, every change the runbook can make from the event's values alone (on any track).
import {factsFor, findingsFor, isResolved} from '../helpers/engine.js';
import {describe, expect, it} from 'vitest';
import {isMutating} from '../../src/aws/action.js';
import {completeAction} from '../../src/aws/bound-action.js';
import {createSandboxExecutor} from '../../src/aws/sandbox/executor.js';
import {accountFor} from '../../src/aws/sandbox/seeds.js';
import {parseRecord} from '../../src/events/parse-record.js';
import {bindParameters} from '../../src/runbooks/bind.js';
import {bindSteps} from '../../src/runbooks/bind-steps.js';
import {builtInRunbook} from '../../src/runbooks/registry.js';
import {tracks} from '../../src/runbooks/tracks.js';
import {scenarios, type Scenario} from '../../src/scenarios/index.js';

/**
 * Per hard scenario: the values its containment needs that only the account holds. The public
 * interface is attached (deleting it fails with InvalidNetworkInterface.InUse) and has an Elastic IP:
 * detaching needs the attachment ID, isolating it needs the quarantine group's ID, removing the
 * address needs the association ID.
 */
const decisive: Readonly<Record<string, readonly string[]>> = {
  'eni-public-group-unusual-principal': ['eni-attach-008f34b831a52d34c', 'sg-0ca967d1109528065', 'eipassoc-0481808aec4b582c1'],
};

const hard = scenarios.filter((s) => s.difficulty === 'hard');

/** Carry out every change the runbook can make from the event alone (no value typed or picked), twice over, and say whether the incident is then contained. */
async function containedFromEventAlone(scenario: Scenario): Promise<boolean> {
  const record = parseRecord(scenario.event, scenario.id, 'event');
  const runbook = builtInRunbook(record.eventName);
  if (runbook === undefined) throw new Error(`no runbook for ${record.eventName}`);
  const facts = factsFor(record);
  const sandbox = createSandboxExecutor(accountFor(scenario, record));
  const before = findingsFor(record, facts, sandbox.account().snapshot);
  const bindings = bindParameters(runbook, facts, {region: record.awsRegion, accountId: record.recipientAccountId}, {});
  const changes = tracks.flatMap((track) => bindSteps(runbook, bindings, track).flatMap((step) => {
    const action = step.action && completeAction(step.action);
    return action && isMutating(action) ? [action] : [];
  }));
  for (const action of [...changes, ...changes]) await sandbox.execute(action, {region: record.awsRegion});
  const state = sandbox.account().snapshot;
  const after = findingsFor(record, facts, state);
  const resolved = (id: string) => {
    const finding = before.find((f) => f.id === id);
    return finding !== undefined && (!after.some((f) => f.id === id) || isResolved(finding, record, facts, state));
  };
  return scenario.contained.every(resolved);
}

describe('hard built-in scenarios', () => {
  it('exist, and each names its decisive values here', () => {
    expect(hard.length).toBeGreaterThan(0);
    expect(hard.map((s) => s.id).sort()).toEqual(Object.keys(decisive).sort());
  });

  it.each(hard.map((s) => [s.id, s] as const))('%s: the decisive values are in the account only, not in the event, title or brief', (id, scenario) => {
    const shown = JSON.stringify([scenario.event, scenario.title, scenario.brief]);
    const account = JSON.stringify(scenario.state);
    for (const value of decisive[id] ?? []) {
      expect(account, `${value} is in the account`).toContain(value);
      expect(shown, `${value} is not given away before a read`).not.toContain(value);
    }
  });

  it.each(hard.map((s) => [s.id, s] as const))('%s: cannot be contained from the event alone', async (_id, scenario) => {
    expect(await containedFromEventAlone(scenario)).toBe(false);
  });
});

describe('a risky built-in scenario that the event alone contains', () => {
  // The route scenario was "hard" and solved in 10 s with → and X: DeleteRoute takes the table and
  // the destination, both in the event. It is medium now.
  it.each(scenarios.filter((s) => s.kind === 'risky').map((s) => [s.id, s] as const))('%s: is not rated hard', async (_id, scenario) => {
    if (await containedFromEventAlone(scenario)) expect(scenario.difficulty).not.toBe('hard');
  });

  it('includes the route through an interface, which the check can tell apart', async () => {
    expect(await containedFromEventAlone(scenarios.find((s) => s.id === 'route-all-traffic-to-an-eni')!)).toBe(true);
  });
});
