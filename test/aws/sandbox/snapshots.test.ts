// EBS snapshots in the sandbox, as the ModifySnapshotAttribute runbook drives them: the permission read, the
// grants taken back (flat UserIds/GroupNames or the CreateVolumePermission structure), reset, block public
// access, and EC2's refusals with its error codes.
import {describe, expect, it} from 'vitest';
import {sandboxAccount, type SandboxAccount} from '../../../src/aws/sandbox/account.js';
import {failure, list, ok} from './fixture.js';

const snap = 'snap-0aaaaaaaaaaaaaaa1';
const sealed = 'snap-0aaaaaaaaaaaaaaa2';
const foreign = '444455556666';
const partner = '777788889999';

function account(state: 'unblocked' | 'block-all-sharing' = 'unblocked'): SandboxAccount {
  return sandboxAccount({
    snapshot: {
      Snapshots: [
        {SnapshotId: snap, VolumeId: 'vol-0aaaaaaaaaaaaaaa1', OwnerId: '111122223333', Encrypted: false, State: 'completed'},
        {SnapshotId: sealed, VolumeId: 'vol-0aaaaaaaaaaaaaaa2', OwnerId: '111122223333', Encrypted: true, State: 'completed'},
      ],
      Volumes: [{VolumeId: 'vol-0aaaaaaaaaaaaaaa1', Attachments: [{InstanceId: 'i-0aaaaaaaaaaaaaaa1', Device: '/dev/xvda', State: 'attached'}]}],
      SnapshotAttributes: [{SnapshotId: snap, CreateVolumePermissions: [{Group: 'all'}, {UserId: foreign}, {UserId: partner}]}],
      SnapshotBlockPublicAccess: [{State: state}],
    },
    accountId: '111122223333',
    region: 'eu-west-1',
  });
}

const grants = (acc: SandboxAccount, id = snap) => ok('DescribeSnapshotAttribute', {SnapshotId: id, Attribute: 'createVolumePermission'}, acc).output['CreateVolumePermissions'];

describe('DescribeSnapshots and DescribeVolumes', () => {
  it('lists a snapshot by ID, and an unknown one is InvalidSnapshot.NotFound', () => {
    expect(list<{SnapshotId: string}>(ok('DescribeSnapshots', {SnapshotIds: [snap]}, account()).output, 'Snapshots').map((s) => s.SnapshotId)).toEqual([snap]);
    expect(failure('DescribeSnapshots', {SnapshotIds: ['snap-0bbbbbbbbbbbbbbb1']}, account()).code).toBe('InvalidSnapshot.NotFound');
  });
  it('filters by encryption and owner (self is the caller)', () => {
    const ids = (params: Parameters<typeof ok>[1]) => list<{SnapshotId: string}>(ok('DescribeSnapshots', params, account()).output, 'Snapshots').map((s) => s.SnapshotId);
    expect(ids({Filters: [{Name: 'encrypted', Values: ['true']}]})).toEqual([sealed]);
    expect(ids({OwnerIds: ['self']})).toEqual([snap, sealed]);
    expect(ids({OwnerIds: [foreign]})).toEqual([]);
  });
  it('shows the volume a snapshot came from, attached to its instance', () => {
    const [volume] = list<{Attachments: {InstanceId: string}[]}>(ok('DescribeVolumes', {VolumeIds: ['vol-0aaaaaaaaaaaaaaa1']}, account()).output, 'Volumes');
    expect(volume?.Attachments[0]?.InstanceId).toBe('i-0aaaaaaaaaaaaaaa1');
    expect(failure('DescribeVolumes', {VolumeIds: ['vol-0aaaaaaaaaaaaaaa2']}, account()).code).toBe('InvalidVolume.NotFound');
  });
});

describe('DescribeSnapshotAttribute', () => {
  it('answers the grants, with the snapshot ID', () => {
    expect(ok('DescribeSnapshotAttribute', {SnapshotId: snap, Attribute: 'createVolumePermission'}, account()).output).toEqual({
      SnapshotId: snap, CreateVolumePermissions: [{Group: 'all'}, {UserId: foreign}, {UserId: partner}],
    });
    expect(grants(account(), sealed)).toEqual([]);
  });
  it('refuses an unknown snapshot or attribute', () => {
    expect(failure('DescribeSnapshotAttribute', {SnapshotId: 'snap-0bbbbbbbbbbbbbbb1', Attribute: 'createVolumePermission'}, account()).code).toBe('InvalidSnapshot.NotFound');
    expect(failure('DescribeSnapshotAttribute', {SnapshotId: snap, Attribute: 'launchPermission'}, account()).code).toBe('InvalidParameterValue');
  });
});

describe('ModifySnapshotAttribute', () => {
  it('the runbook\'s remove: exactly the event\'s account and the group all; the partner stays', () => {
    const result = ok('ModifySnapshotAttribute', {SnapshotId: snap, Attribute: 'createVolumePermission', OperationType: 'remove', UserIds: [foreign], GroupNames: ['all']}, account());
    expect(result.output).toEqual({});
    expect(grants(result.account)).toEqual([{UserId: partner}]);
  });
  it('the structure form adds once, and a remove of a grant that is not there changes nothing', () => {
    const added = ok('ModifySnapshotAttribute', {SnapshotId: sealed, CreateVolumePermission: {Add: [{UserId: partner}, {UserId: partner}]}}, account()).account;
    expect(grants(added, sealed)).toEqual([{UserId: partner}]);
    const again = ok('ModifySnapshotAttribute', {SnapshotId: sealed, OperationType: 'remove', UserIds: [foreign]}, added).account;
    expect(grants(again, sealed)).toEqual([{UserId: partner}]);
  });
  it.each<[string, Record<string, unknown>, string]>([
    ['an encrypted snapshot made public', {SnapshotId: sealed, OperationType: 'add', GroupNames: ['all']}, 'OperationNotPermitted'],
    ['a group other than all (moto and EC2 name it an AMI attribute item)', {SnapshotId: snap, OperationType: 'add', GroupNames: ['everyone']}, 'InvalidAMIAttributeItemValue'],
    ['an account ID that is not 12 digits', {SnapshotId: snap, OperationType: 'remove', UserIds: ['4444']}, 'InvalidAMIAttributeItemValue'],
    ['lists without OperationType', {SnapshotId: snap, UserIds: [foreign]}, 'MissingParameter'],
    ['nothing to change', {SnapshotId: snap, OperationType: 'remove'}, 'MissingParameter'],
    ['add and remove at once', {SnapshotId: snap, CreateVolumePermission: {Add: [{UserId: partner}], Remove: [{UserId: foreign}]}}, 'InvalidParameterCombination'],
    ['an unknown snapshot', {SnapshotId: 'snap-0bbbbbbbbbbbbbbb1', OperationType: 'remove', UserIds: [foreign]}, 'InvalidSnapshot.NotFound'],
  ])('refuses %s', (_name, params, code) => {
    expect(failure('ModifySnapshotAttribute', params as Parameters<typeof ok>[1], account()).code).toBe(code);
  });
  it('refuses a new public share while block-all-sharing is on, but still removes one', () => {
    expect(failure('ModifySnapshotAttribute', {SnapshotId: snap, OperationType: 'add', GroupNames: ['all']}, account('block-all-sharing')).code).toBe('OperationNotPermitted');
    expect(grants(ok('ModifySnapshotAttribute', {SnapshotId: snap, OperationType: 'remove', GroupNames: ['all']}, account('block-all-sharing')).account)).not.toContainEqual({Group: 'all'});
  });
});

describe('ResetSnapshotAttribute and block public access', () => {
  it('reset removes every grant', () => {
    expect(grants(ok('ResetSnapshotAttribute', {SnapshotId: snap, Attribute: 'createVolumePermission'}, account()).account)).toEqual([]);
  });
  it('turns block-all-sharing on for the Region, as GetSnapshotBlockPublicAccessState then answers', () => {
    expect(ok('GetSnapshotBlockPublicAccessState', {}, account()).output).toEqual({State: 'unblocked'});
    const on = ok('EnableSnapshotBlockPublicAccess', {State: 'block-all-sharing'}, account());
    expect(on.output).toEqual({State: 'block-all-sharing'});
    expect(ok('GetSnapshotBlockPublicAccessState', {}, on.account).output).toEqual({State: 'block-all-sharing'});
    expect(failure('EnableSnapshotBlockPublicAccess', {State: 'unblocked'}, account()).code).toBe('InvalidParameterValue');
  });
});
