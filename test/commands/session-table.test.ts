// trailguide sessions: a failed execution changed nothing, and the progress column says so.
import {expect, it} from 'vitest';
import {sessionTable} from '../../src/commands/session-table.js';
import type {SessionSummary} from '../../src/journal/sessions.js';

const session: SessionSummary = {
  id: '20261125T100000Z-c562f6fb-bbbb', path: '/tmp/x.jsonl', startedAt: '2026-11-25T10:00:00.000Z', lastAt: '2026-11-25T10:00:08.000Z',
  eventName: 'CreateSecurityGroup', digest: 'd', mode: 'sandbox', track: 'cli', ended: false, stepsDone: 1, stepsSkipped: 0, dryRuns: 2,
  executions: 3, failedExecutions: 1, isEmpty: false, warnings: [],
};

it('counts failed executions apart', () => {
  expect(sessionTable([session])).toContain('1 done, 2 dry-runs, 3 executed (1 failed)');
  expect(sessionTable([{...session, failedExecutions: 0}])).toMatch(/1 done, 2 dry-runs, 3 executed$/m);
  expect(sessionTable([{...session, stepsDone: 0, dryRuns: 0, executions: 0, failedExecutions: 0}])).toMatch(/nothing done$/m);
  for (const line of sessionTable([session]).split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
});
