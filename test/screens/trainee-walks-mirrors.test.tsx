// The built-in scenarios of the traffic mirroring runbook (CreateTrafficMirrorSession, …Target, …FilterRule),
// finished by a trainee who reads the screens (test/helpers/trainee.ts): the session to delete comes from the
// event, and the target another account shares cannot be deleted from here. The table says what the right
// call is and what the screens show on the way; test/helpers/trainee-checks.ts holds the walk to it.
import {describe, it} from 'vitest';
import {checkTable, checkWalk, walkScenario, type Expected} from '../helpers/trainee-checks.js';

const expected: Readonly<Record<string, Expected>> = {
  // The session copies the database's interface to another account's load balancer: delete the session.
  'mirror-session-to-foreign-target': {
    kind: 'risky',
    notice: [/CRITICAL +Mirror target tmt-0f1e2d3c4b5a69788 sends copies to account 444455556666/, /copies the traffic of eni-0a1b2c3d4e5f67890/],
    execute: ['DeleteTrafficMirrorSession'],
    notOffered: [],
    saw: ['DeleteTrafficMirrorSession: would succeed'],
    lastAnswer: {DescribeTrafficMirrorSessions: {lacks: /tms-0c0ffee1234567890/}},
    resolved: [/Mirror target tmt-0f1e2d3c4b5a69788 sends copies to account 444455556666/, /Every packet of eni-0a1b2c3d4e5f67890/],
  },
  'mirror-ids-sensor-session': {
    kind: 'benign',
    notice: [/MEDIUM +Every packet of eni-0123abcd4567ef890/],
    execute: [],
    notOffered: [],
    resolved: [],
  },
  'mirror-session-refused': {
    kind: 'failed',
    notice: [/THE CALL FAILED: Client\.UnauthorizedOperation/],
    execute: [],
    // The call created no session, and the session event's walk lists none to pick from.
    notOffered: ['sessionId (nothing listed)'],
    resolved: [],
  },
};

describe('traffic mirroring: every built-in scenario, finished by a trainee who reads the screens', () => {
  it('has expectations for each scenario of this runbook, of its kind', () => checkTable('mirrors', expected));

  for (const [id, want] of Object.entries(expected)) {
    it(id, async () => checkWalk(id, want, await walkScenario(id, want)));
  }
});
