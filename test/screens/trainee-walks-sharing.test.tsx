// The built-in scenarios of ModifySnapshotAttribute and ModifyImageAttribute, finished by a trainee who reads
// the screens (test/helpers/trainee.ts): the grants to take back come from the event, the snapshot behind an
// AMI from a pick list of what a read displayed. The table says what the right call is and what the screens
// show on the way; test/helpers/trainee-checks.ts holds the walk, the debrief and the report to it.
import {describe, it} from 'vitest';
import {checkTable, checkWalk, walkScenario, type Expected} from '../helpers/trainee-checks.js';

const expected: Readonly<Record<string, Expected>> = {
  // ---- ModifySnapshotAttribute: the foreign account's grant is removed, and block public access turned on.
  'snapshot-shared-with-unknown-account': {
    kind: 'risky',
    notice: [/HIGH +Snapshot snap-07e5b3c1a9d2f4e68 shared with account 444455556666, not one of yours/, /account 444455556666 can create volumes from it/],
    execute: ['ModifySnapshotAttribute'],
    picked: {volumeId: /snap-07e5b3c1a9d2f4e68 +vol-[0-9a-f]{17}/},
    notOffered: [],
    saw: ['ModifySnapshotAttribute: would succeed'],
    lastAnswer: {DescribeSnapshotAttribute: {lacks: /444455556666/}},
    resolved: [/Snapshot snap-07e5b3c1a9d2f4e68 shared with account 444455556666, not one of yours/, /Shared snapshot not encrypted/],
  },
  'snapshot-share-removed-by-backup-admin': {
    kind: 'benign',
    notice: [/the snapshot is shared with no one/],
    execute: [],
    picked: {volumeId: /vol-/},
    notOffered: [],
    resolved: [],
  },
  'snapshot-public-share-refused': {
    kind: 'failed',
    notice: [/THE CALL FAILED: Client\.UnauthorizedOperation/],
    execute: [],
    picked: {volumeId: /vol-/},
    notOffered: [],
    resolved: [],
  },
  // ---- ModifyImageAttribute: the group all is removed from the launch permission.
  'ami-made-public': {
    kind: 'risky',
    notice: [/CRITICAL +AMI ami-0f3a6c9e2b7d41a85 made public/, /the AMI is public: any AWS account can launch it/],
    execute: ['ModifyImageAttribute'],
    picked: {imageSnapshotId: /snap-[0-9a-f]{17}/},
    notOffered: [],
    saw: ['ModifyImageAttribute: would succeed'],
    lastAnswer: {DescribeImageAttribute: {lacks: /all/}},
    resolved: [/AMI ami-0f3a6c9e2b7d41a85 made public/, /The shared AMI's disk \/dev\/xvda is not encrypted/],
  },
  'ami-public-share-withdrawn': {
    kind: 'benign',
    notice: [/the AMI is shared with no one/],
    execute: [],
    picked: {imageSnapshotId: /snap-/},
    notOffered: [],
    resolved: [],
  },
  'ami-share-refused': {
    kind: 'failed',
    notice: [/THE CALL FAILED: Client\.UnauthorizedOperation/],
    execute: [],
    picked: {imageSnapshotId: /snap-/},
    notOffered: [],
    resolved: [],
  },
};

describe('sharing: every built-in scenario, finished by a trainee who reads the screens', () => {
  it('has expectations for each scenario of these runbooks, of its kind', () => checkTable('sharing', expected));

  for (const [id, want] of Object.entries(expected)) {
    it(id, async () => checkWalk(id, want, await walkScenario(id, want)));
  }
});
