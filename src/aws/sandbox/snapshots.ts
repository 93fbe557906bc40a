// EBS snapshots in the sandbox: DescribeSnapshots, DescribeVolumes (where a snapshot came from), the create
// volume permission (DescribeSnapshotAttribute, ModifySnapshotAttribute, ResetSnapshotAttribute) and the
// Region's block public access for snapshots. As EC2: an encrypted snapshot cannot be made public, a remove of
// a grant that is not there changes nothing, and while block-all-sharing is on a public grant is refused.
import type {CreateVolumePermission, Snapshot, Volume} from '@aws-sdk/client-ec2';
import type {SandboxSnapshot} from './account.js';
import {applyFilters, type FilterFields} from './filters.js';
import type {Handler} from './handler.js';
import {byIds, fail, optString, optStrings, reqString, type ParamRecord} from './params.js';
import {permissionModifications, withGrants, type Grant} from './sharing-params.js';

const snapshotFields: FilterFields<Snapshot> = {
  'snapshot-id': (s) => [s.SnapshotId],
  'volume-id': (s) => [s.VolumeId],
  'owner-id': (s) => [s.OwnerId],
  status: (s) => [s.State],
  encrypted: (s) => [s.Encrypted ?? false],
  description: (s) => [s.Description],
};

const volumeFields: FilterFields<Volume> = {
  'volume-id': (v) => [v.VolumeId],
  'snapshot-id': (v) => [v.SnapshotId],
  'attachment.instance-id': (v) => (v.Attachments ?? []).map((a) => a.InstanceId),
  status: (v) => [v.State],
};

export const snapshotNotFound = (id: string): never => fail('InvalidSnapshot.NotFound', `The snapshot '${id}' does not exist.`);
const volumeNotFound = (id: string): never => fail('InvalidVolume.NotFound', `The volume '${id}' does not exist.`);

function snapshotOf(state: SandboxSnapshot, id: string): Snapshot {
  return (state.Snapshots ?? []).find((s) => s.SnapshotId === id) ?? snapshotNotFound(id);
}

function permissionsOf(state: SandboxSnapshot, id: string): readonly CreateVolumePermission[] {
  return (state.SnapshotAttributes ?? []).find((a) => a.SnapshotId === id)?.CreateVolumePermissions ?? [];
}

function withPermissions(state: SandboxSnapshot, id: string, permissions: readonly CreateVolumePermission[]): SandboxSnapshot {
  const others = (state.SnapshotAttributes ?? []).filter((a) => a.SnapshotId !== id);
  return {...state, SnapshotAttributes: [...others, {SnapshotId: id, CreateVolumePermissions: permissions}]};
}

/** Only createVolumePermission can be read or changed (productCodes only read). */
function attributeOf(params: ParamRecord, allowed: readonly string[]): string {
  const attribute = reqString(params, 'Attribute');
  if (!allowed.includes(attribute)) fail('InvalidParameterValue', `Value (${attribute}) for parameter attribute is invalid. Valid values: ${allowed.join(', ')}`);
  return attribute;
}

const describeSnapshots: Handler = (state, params, context) => {
  const ids = optStrings(params, 'SnapshotIds');
  const owners = (optStrings(params, 'OwnerIds') ?? []).map((owner) => (owner === 'self' ? context.accountId : owner));
  const all = state.Snapshots ?? [];
  const found = ids === undefined ? all : byIds(all, ids, (s) => s.SnapshotId, snapshotNotFound);
  const owned = owners.length === 0 ? found : found.filter((s) => owners.includes(s.OwnerId ?? ''));
  return {output: {Snapshots: applyFilters(owned, params, snapshotFields, 'DescribeSnapshots')}};
};

const describeVolumes: Handler = (state, params) => {
  const ids = optStrings(params, 'VolumeIds');
  const all = state.Volumes ?? [];
  const found = ids === undefined ? all : byIds(all, ids, (v) => v.VolumeId, volumeNotFound);
  return {output: {Volumes: applyFilters(found, params, volumeFields, 'DescribeVolumes')}};
};

const describeSnapshotAttribute: Handler = (state, params) => {
  const id = reqString(params, 'SnapshotId');
  const attribute = attributeOf(params, ['createVolumePermission', 'productCodes']);
  snapshotOf(state, id);
  return {output: attribute === 'productCodes' ? {SnapshotId: id, ProductCodes: []} : {SnapshotId: id, CreateVolumePermissions: permissionsOf(state, id)}};
};

function asPermission(grant: Grant): CreateVolumePermission {
  return grant.kind === 'group' ? {Group: grant.value as 'all'} : {UserId: grant.value};
}

const modifySnapshotAttribute: Handler = (state, params) => {
  const id = reqString(params, 'SnapshotId');
  if (optString(params, 'Attribute') !== undefined) attributeOf(params, ['createVolumePermission']);
  const snapshot = snapshotOf(state, id);
  const changes = permissionModifications(params, {structure: 'CreateVolumePermission', groups: 'GroupNames', kinds: ['group', 'account'], invalidCode: 'InvalidAMIAttributeItemValue'});
  const addsPublic = changes.add.some((grant) => grant.kind === 'group');
  if (addsPublic && snapshot.Encrypted === true) fail('OperationNotPermitted', 'Encrypted snapshots cannot be made public.');
  if (addsPublic && state.SnapshotBlockPublicAccess?.[0]?.State === 'block-all-sharing') {
    fail('OperationNotPermitted', 'Block public access for snapshots is enabled in this Region: public sharing is not allowed.');
  }
  const next = withGrants(permissionsOf(state, id).map((p) => (p.Group === 'all' ? {kind: 'group', value: 'all'} : {kind: 'account', value: p.UserId ?? ''})), changes);
  return {snapshot: withPermissions(state, id, next.map(asPermission)), output: {}};
};

const resetSnapshotAttribute: Handler = (state, params) => {
  const id = reqString(params, 'SnapshotId');
  attributeOf(params, ['createVolumePermission']);
  snapshotOf(state, id);
  return {snapshot: withPermissions(state, id, []), output: {}};
};

const blockStates = ['block-all-sharing', 'block-new-sharing'];

const getSnapshotBlockPublicAccessState: Handler = (state) => ({output: {State: state.SnapshotBlockPublicAccess?.[0]?.State ?? 'unblocked'}});

const enableSnapshotBlockPublicAccess: Handler = (state, params) => {
  const value = reqString(params, 'State');
  if (!blockStates.includes(value)) fail('InvalidParameterValue', `Value (${value}) for parameter State is invalid. Valid values: ${blockStates.join(', ')}`);
  return {snapshot: {...state, SnapshotBlockPublicAccess: [{State: value}]}, output: {State: value}};
};

export const snapshotsHandlers: ReadonlyArray<readonly [string, Handler]> = [
  ['DescribeSnapshots', describeSnapshots],
  ['DescribeVolumes', describeVolumes],
  ['DescribeSnapshotAttribute', describeSnapshotAttribute],
  ['ModifySnapshotAttribute', modifySnapshotAttribute],
  ['ResetSnapshotAttribute', resetSnapshotAttribute],
  ['GetSnapshotBlockPublicAccessState', getSnapshotBlockPublicAccessState],
  ['EnableSnapshotBlockPublicAccess', enableSnapshotBlockPublicAccess],
];
