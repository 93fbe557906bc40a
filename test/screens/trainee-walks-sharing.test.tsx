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
  // The build user's stolen key: the same share, and the actor's containment after it (its IAM steps are
  // walked in contain-actor-walk.test.tsx).
  'actor-kali-key-shares-snapshot': {
    kind: 'risky',
    notice: [/HIGH +Snapshot snap-0b41c7e9d2a5f3806 shared with account 999988887777, not one of yours/, /Kali Linux/],
    execute: ['ModifySnapshotAttribute'],
    picked: {volumeId: /snap-0b41c7e9d2a5f3806 +vol-0e2f4a6c8b1d3e5f7/},
    notOffered: [],
    saw: ['ModifySnapshotAttribute: would succeed'],
    lastAnswer: {DescribeSnapshotAttribute: {lacks: /999988887777/}},
    resolved: [/Snapshot snap-0b41c7e9d2a5f3806 shared with account 999988887777, not one of yours/, /Shared snapshot not encrypted/],
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
    // The caller is the role of instance i-0a1b2c3d4e5f60718 (the sandbox holds its interface): the actor's
    // isolation picks its VPC and interface from the instance read.
    picked: {imageSnapshotId: /snap-[0-9a-f]{17}/, actorVpcId: /vpc-[0-9a-f]{17}/, actorInterfaceId: /eni-[0-9a-f]{17}/},
    // The trainee dry-runs the quarantine group but does
    // not create it, so no read lists one to isolate the instance with.
    notOffered: ['actorQuarantineGroupId (nothing listed)'],
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
