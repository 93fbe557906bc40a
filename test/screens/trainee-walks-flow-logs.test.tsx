// The built-in scenarios of the flow logs runbook, finished by a trainee who reads the screens
// (test/helpers/trainee.ts). A deleted flow log cannot be read, so what it covered comes from the pick
// lists over the CreateFlowLogs events the history read showed (the pick list shows each candidate's
// fields), never from the scenario file. The generic table check (checkWalk) wants every picked value on
// a row of a read's answer table; LookupEvents' table does not show a record's request, so these
// expectations are checked here one by one.
import {describe, expect, it} from 'vitest';
import {checkTable, walkScenario, type Expected} from '../helpers/trainee-checks.js';
import type {Walk} from '../helpers/trainee.js';

interface FlowLogsExpected extends Expected {
  /** Per parameter, the values the pick lists offered and picked. */
  readonly offered: Readonly<Record<string, readonly string[]>>;
}

// The scenarios' own IDs appear below only as expectations the screens are held to, never as input.
const expected: Readonly<Record<string, FlowLogsExpected>> = {
  // The payments VPC lost its only flow log: recreating it from its CreateFlowLogs event logs it again.
  'flowlogs-payments-vpc-blinded': {
    kind: 'risky',
    notice: [/HIGH +Flow log fl-0a1b2c3d4e5f60718 deleted: vpc-0a11b22c33d44e55f no longer logged/, /vpc-0a11b22c33d44e55f has no active flow log/],
    execute: ['CreateFlowLogs'],
    // Only the deleted log's own creation is offered, not the shared-services VPC's.
    offered: {resourceIds: ['vpc-0a11b22c33d44e55f'], resourceType: ['VPC'], trafficType: ['ALL'], logDestinationType: ['s3'], logDestination: ['arn:aws:s3:::acme-flow-logs-111122223333']},
    notOffered: [],
    saw: ['CreateFlowLogs: CreateFlowLogs executed in the sandbox · check: vpc-0a11b22c33d44e55f is logged again'],
    resolved: [/Flow log fl-0a1b2c3d4e5f60718 deleted/],
  },
  // The replacement flow log was made before the old one went: the VPC is still logged, nothing to do.
  'flowlogs-terraform-moves-to-s3': {
    kind: 'benign',
    notice: [/✓ resolved Flow log fl-0b2c4d6e8f0a1c3e5 deleted: logged again by another flow log/, /vpc-0e1f2a3b4c5d6e7f8 is logged again by fl-0c3d5e7f9a1b3c5d7/],
    execute: [],
    offered: {resourceIds: ['vpc-0e1f2a3b4c5d6e7f8'], logDestination: ['arn:aws:logs:eu-central-1:111122223333:log-group:/vpc/staging-flow-logs']},
    notOffered: [],
    resolved: [/Flow log fl-0b2c4d6e8f0a1c3e5 deleted/],
  },
  // The deletion was refused: the flow log is still there, and a recreate would be a duplicate.
  'flowlogs-refused-developer': {
    kind: 'failed',
    notice: [/THE CALL FAILED: Client\.UnauthorizedOperation/, /the flow log fl-0c1d2e3f4a5b6c7d8 still exists/],
    execute: [],
    offered: {resourceIds: ['vpc-0c1c3c5c7c9c1c3c5']},
    notOffered: [],
    resolved: [],
  },
};

function check(want: FlowLogsExpected, w: Walk): void {
  for (const notice of want.notice) expect(w.event, `the event screen shows ${notice.source}`).toMatch(notice);
  for (const [param, values] of Object.entries(want.offered)) {
    const picks = w.picks.filter((p) => p.param === param);
    expect(picks.length, `${param} was offered by a pick list`).toBeGreaterThan(0);
    for (const pick of picks) {
      expect(pick.listed, param).toEqual(values);
      expect(pick.picked, param).toEqual(values);
    }
  }
  expect(w.notOffered).toEqual(want.notOffered);
  for (const call of w.calls.filter((c) => c.kind === 'read')) expect(call.verdict, `${call.operation} answered`).toMatch(/^read \(changes nothing\): /);
  const said = w.calls.map((c) => `${c.operation}: ${c.verdict}`);
  for (const text of want.saw ?? []) expect(said.some((s) => s.startsWith(text)), `saw ${text} in:\n${said.join('\n')}`).toBe(true);
  expect(w.calls.filter((c) => c.kind === 'execute').map((c) => c.operation)).toEqual(want.execute);
  for (const frame of w.executed) expect(frame).toMatch(/Check \(\w+\): ✓/);
  for (const title of want.resolved) expect(w.eventAfter, `resolved: ${title.source}`).toMatch(new RegExp(`✓ resolved +${title.source}`));
  if (!want.resolved.length) expect(w.eventAfter).not.toContain('✓ resolved');
  expect(w.summary).toContain('✓ objective met: ');
  expect(w.summary).not.toContain('objective not met');
}

describe('flow logs: every built-in scenario, finished by a trainee who reads the screens', () => {
  it('has expectations for each scenario of this runbook, of its kind', () => checkTable('flowLogs', expected));

  for (const [id, want] of Object.entries(expected)) {
    it(id, async () => check(want, await walkScenario(id, want)));
  }
});
