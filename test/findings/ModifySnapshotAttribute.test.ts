// The snapshot-sharing findings on the real-shaped records of test/fixtures/events/ModifySnapshotAttribute/ and
// on small variants: who the snapshot went to, whether it is encrypted, and when the risk is gone.
import {readFileSync} from 'node:fs';
import type {Snapshot} from '@aws-sdk/client-ec2';
import {describe, expect, it} from 'vitest';
import type {AccountSnapshot} from '../../src/aws/account-snapshot.js';
import {parseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord} from '../../src/events/record.js';
import {expectRow, findingOf, findings, otherAccount, resolved, type RuleRow} from './helpers.js';

const snapshotId = 'snap-0a1b2c3d4e5f67890';
const fixture = (name: string): CloudTrailRecord => {
  const raw: unknown = JSON.parse(readFileSync(new URL(`../fixtures/events/ModifySnapshotAttribute/${name}.json`, import.meta.url), 'utf8'));
  return parseRecord(raw, name, 'fixture');
};
const toForeign = fixture('risky');
const toEveryone = fixture('public');
const removed = fixture('benign');
const refused = fixture('failed');

const snapshot = (fields: Partial<Snapshot>, shared: AccountSnapshot['SnapshotAttributes'] = undefined, block = 'unblocked'): AccountSnapshot => ({
  Snapshots: [{SnapshotId: snapshotId, VolumeId: 'vol-0123456789abcdef0', OwnerId: '111122223333', ...fields}],
  SnapshotAttributes: shared ?? [{SnapshotId: snapshotId, CreateVolumePermissions: [{UserId: otherAccount}]}],
  SnapshotBlockPublicAccess: [{State: block}],
});
const plain = snapshot({Encrypted: false});
const encrypted = snapshot({Encrypted: true, KmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'});

describe.each<[string, RuleRow[]]>([
  [
    'snapshot-made-public',
    [
      {name: 'group all added', record: toEveryone, severity: 'critical', evidence: 'requestParameters.createVolumePermission.add.items[0].group = all'},
      {name: 'an account added', record: toForeign, severity: null},
      {name: 'a share removed', record: removed, severity: null},
      {name: 'the call refused', record: refused, severity: null},
    ],
  ],
  [
    'snapshot-shared-foreign-account',
    [
      {name: 'an account not ours', record: toForeign, severity: 'high', evidence: `requestParameters.createVolumePermission.add.items[0].userId = ${otherAccount}`},
      {name: 'the account is a known one', record: toForeign, config: {knownAccounts: [otherAccount]}, severity: null},
      {name: 'made public only', record: toEveryone, severity: null},
      {name: 'a share removed', record: removed, severity: null},
    ],
  ],
  [
    'snapshot-shared-known-account',
    [
      {name: 'a known account', record: toForeign, config: {knownAccounts: [otherAccount]}, severity: 'low'},
      {name: 'an unknown account', record: toForeign, severity: null},
    ],
  ],
  [
    'snapshot-shared-unencrypted',
    [
      {name: 'unencrypted, to a foreign account', record: toForeign, state: plain, severity: 'high', evidence: `Snapshots[${snapshotId}].Encrypted = false`},
      {name: 'unencrypted, made public', record: toEveryone, state: plain, severity: 'high'},
      {name: 'encrypted', record: toForeign, state: encrypted, severity: null},
      {name: 'no state: cannot tell', record: toForeign, severity: null},
    ],
  ],
  [
    'snapshot-shared-encrypted',
    [
      {name: 'encrypted, to a foreign account: the key matters', record: toForeign, state: encrypted, severity: 'medium', evidence: 'KmsKeyId = arn:aws:kms:'},
      {name: 'unencrypted', record: toForeign, state: plain, severity: null},
    ],
  ],
])('%s', (id, rows) => {
  it.each(rows.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    expectRow(id, row);
  });
});

describe('a refused call', () => {
  it('raises none of the runbook’s findings, whatever the state', () => {
    const own = findings(refused, plain).filter((f) => f.id.startsWith('snapshot-'));
    expect(own).toEqual([]);
  });
});

describe('resolved once the grant is taken back', () => {
  const raisedFor = (id: string, record: CloudTrailRecord, state?: AccountSnapshot) => {
    const found = findingOf(id, record, state);
    if (found === undefined) throw new Error(`${id} not raised`);
    return found;
  };

  it('the foreign account: still granted, then removed, then the snapshot deleted', () => {
    const finding = raisedFor('snapshot-shared-foreign-account', toForeign);
    expect(resolved(finding, toForeign, plain)).toBe(false);
    expect(resolved(finding, toForeign, snapshot({Encrypted: false}, [{SnapshotId: snapshotId, CreateVolumePermissions: []}]))).toBe(true);
    expect(resolved(finding, toForeign, {Snapshots: []})).toBe(true);
  });

  it('public: block-all-sharing keeps it private even while the grant is listed', () => {
    const finding = raisedFor('snapshot-made-public', toEveryone);
    const publicGrant = [{SnapshotId: snapshotId, CreateVolumePermissions: [{Group: 'all' as const}]}];
    expect(resolved(finding, toEveryone, snapshot({Encrypted: false}, publicGrant))).toBe(false);
    expect(resolved(finding, toEveryone, snapshot({Encrypted: false}, publicGrant, 'block-all-sharing'))).toBe(true);
    expect(resolved(finding, toEveryone, snapshot({Encrypted: false}, publicGrant, 'block-new-sharing'))).toBe(false);
  });

  it('cannot tell without the permission read', () => {
    const finding = raisedFor('snapshot-shared-foreign-account', toForeign);
    expect(resolved(finding, toForeign, {Snapshots: [{SnapshotId: snapshotId}]})).toBe(false);
  });
});
