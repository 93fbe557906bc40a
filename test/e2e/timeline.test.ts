// The actor's timeline in the shipped binary, in a real terminal: a training scenario, t on its event,
// the rows of the scenario's CloudTrail history for the same caller, Esc back to the event.
import {expect, it} from 'vitest';
import {spawnInTerminal} from '../helpers/pty.js';
import {scenarioList} from '../helpers/candidates.js';

const bin = new URL('../../dist/trailguide.js', import.meta.url).pathname;

it("t on a training scenario's event lists the caller's other events from the sandbox's trail", async () => {
  const at = scenarioList.findIndex((c) => c.id === 'flowlogs-payments-vpc-blinded');
  expect(at).toBeGreaterThan(0);
  const run = spawnInTerminal(process.execPath, [bin], {cols: 120, rows: 40});
  try {
    await run.waitFor('Training scenarios');
    run.type('j'.repeat(at));
    await run.waitFor('the IAM user ci-deployer called DeleteFlowLogs');
    run.type('\r');
    await run.waitFor('When and where');
    run.type('t');
    const timeline = await run.waitFor('1 of 1 engine done · 2 events');
    expect(timeline).toContain('Actor: IAMUser ci-deployer (AKIAIOSFODNN7EXAMPLE)');
    expect(timeline).toMatch(/2026-03-12 02:39:02 DescribeFlowLogs/);
    expect(timeline).toMatch(/›◆ 2026-03-12 02:41:17 DeleteFlowLogs/);
    // Another caller's calls in the same history are not this actor's.
    expect(timeline).not.toContain('CreateFlowLogs');
    run.type('\u001B');
    await run.waitFor('When and where');
    run.type('q');
    expect(await run.exited).toBe(0);
  } finally {
    run.kill();
  }
});
