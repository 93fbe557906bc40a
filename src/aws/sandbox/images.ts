// AMIs in the sandbox: DescribeImages, the launch permission (DescribeImageAttribute, ModifyImageAttribute,
// ResetImageAttribute) and the Region's block public access for AMIs. As EC2: an image with an encrypted disk
// cannot be made public, a grant removed that is not there changes nothing, and while block-new-sharing is on
// a new public grant is refused. An image's Public flag follows its launch permission.
import type {Image, LaunchPermission} from '@aws-sdk/client-ec2';
import type {SandboxSnapshot} from './account.js';
import {applyFilters, type FilterFields} from './filters.js';
import type {Handler} from './handler.js';
import {byIds, fail, optString, optStrings, reqString, type ParamRecord} from './params.js';
import {permissionModifications, withGrants, type Grant} from './sharing-params.js';

const fields: FilterFields<Image> = {
  'image-id': (i) => [i.ImageId],
  'owner-id': (i) => [i.OwnerId],
  name: (i) => [i.Name],
  state: (i) => [i.State],
  'is-public': (i) => [i.Public ?? false],
  'block-device-mapping.snapshot-id': (i) => (i.BlockDeviceMappings ?? []).map((m) => m.Ebs?.SnapshotId),
};

const imageNotFound = (id: string): never => fail('InvalidAMIID.NotFound', `The image id '[${id}]' does not exist`);

function imageOf(state: SandboxSnapshot, id: string): Image {
  return (state.Images ?? []).find((i) => i.ImageId === id) ?? imageNotFound(id);
}

function permissionsOf(state: SandboxSnapshot, id: string): readonly LaunchPermission[] {
  return (state.ImageAttributes ?? []).find((a) => a.ImageId === id)?.LaunchPermissions ?? [];
}

function withPermissions(state: SandboxSnapshot, id: string, permissions: readonly LaunchPermission[]): SandboxSnapshot {
  const others = (state.ImageAttributes ?? []).filter((a) => a.ImageId !== id);
  const isPublic = permissions.some((p) => p.Group === 'all');
  const images = (state.Images ?? []).map((image) => (image.ImageId === id ? {...image, Public: isPublic} : image));
  return {...state, Images: images, ImageAttributes: [...others, {ImageId: id, LaunchPermissions: permissions}]};
}

const readable = ['description', 'kernel', 'ramdisk', 'launchPermission', 'productCodes', 'blockDeviceMapping', 'sriovNetSupport', 'bootMode', 'tpmSupport', 'uefiData', 'lastLaunchedTime', 'imdsSupport', 'deregistrationProtection'];

const describeImages: Handler = (state, params, context) => {
  const ids = optStrings(params, 'ImageIds');
  const owners = (optStrings(params, 'Owners') ?? []).map((owner) => (owner === 'self' ? context.accountId : owner));
  const all = state.Images ?? [];
  const found = ids === undefined ? all : byIds(all, ids, (i) => i.ImageId, imageNotFound);
  const owned = owners.length === 0 ? found : found.filter((i) => owners.includes(i.OwnerId ?? ''));
  return {output: {Images: applyFilters(owned, params, fields, 'DescribeImages')}};
};

const describeImageAttribute: Handler = (state, params) => {
  const id = reqString(params, 'ImageId');
  const attribute = reqString(params, 'Attribute');
  if (!readable.includes(attribute)) fail('InvalidRequest', `Value (${attribute}) for parameter attribute is invalid.`);
  const image = imageOf(state, id);
  if (attribute === 'launchPermission') return {output: {ImageId: id, LaunchPermissions: permissionsOf(state, id)}};
  if (attribute === 'blockDeviceMapping') return {output: {ImageId: id, BlockDeviceMappings: image.BlockDeviceMappings ?? []}};
  if (attribute === 'description') return {output: {ImageId: id, Description: image.Description === undefined ? {} : {Value: image.Description}}};
  return fail('UnsupportedOperation', `the sandbox does not simulate the ${attribute} attribute of DescribeImageAttribute`);
};

function grantOf(permission: LaunchPermission): Grant {
  if (permission.Group !== undefined) return {kind: 'group', value: permission.Group};
  if (permission.OrganizationArn !== undefined) return {kind: 'organization', value: permission.OrganizationArn};
  if (permission.OrganizationalUnitArn !== undefined) return {kind: 'organizational-unit', value: permission.OrganizationalUnitArn};
  return {kind: 'account', value: permission.UserId ?? ''};
}

function asPermission(grant: Grant): LaunchPermission {
  if (grant.kind === 'group') return {Group: 'all'};
  if (grant.kind === 'organization') return {OrganizationArn: grant.value};
  if (grant.kind === 'organizational-unit') return {OrganizationalUnitArn: grant.value};
  return {UserId: grant.value};
}

function isLaunchPermission(params: ParamRecord): boolean {
  const attribute = optString(params, 'Attribute');
  return attribute === undefined || attribute === 'launchPermission';
}

const modifyImageAttribute: Handler = (state, params) => {
  const id = reqString(params, 'ImageId');
  if (!isLaunchPermission(params)) return fail('UnsupportedOperation', 'the sandbox simulates only the launchPermission attribute of ModifyImageAttribute');
  const image = imageOf(state, id);
  const changes = permissionModifications(params, {
    structure: 'LaunchPermission', groups: 'UserGroups', kinds: ['group', 'account', 'organization', 'organizational-unit'], invalidCode: 'InvalidAMIAttributeItemValue',
  });
  const addsPublic = changes.add.some((grant) => grant.kind === 'group');
  if (addsPublic && (image.BlockDeviceMappings ?? []).some((m) => m.Ebs?.Encrypted === true)) {
    fail('InvalidParameterValue', 'Images with encrypted snapshots cannot be made public.');
  }
  if (addsPublic && state.ImageBlockPublicAccess?.[0]?.ImageBlockPublicAccessState === 'block-new-sharing') {
    fail('OperationNotPermitted', 'Block public access for AMIs is enabled in this Region: the image cannot be made public.');
  }
  const next = withGrants(permissionsOf(state, id).map(grantOf), changes);
  return {snapshot: withPermissions(state, id, next.map(asPermission)), output: {}};
};

const resetImageAttribute: Handler = (state, params) => {
  const id = reqString(params, 'ImageId');
  const attribute = reqString(params, 'Attribute');
  if (attribute !== 'launchPermission') fail('InvalidParameterValue', `Value (${attribute}) for parameter attribute is invalid. Valid values: launchPermission`);
  imageOf(state, id);
  return {snapshot: withPermissions(state, id, []), output: {}};
};

const getImageBlockPublicAccessState: Handler = (state) => ({
  output: {ImageBlockPublicAccessState: state.ImageBlockPublicAccess?.[0]?.ImageBlockPublicAccessState ?? 'unblocked'},
});

const enableImageBlockPublicAccess: Handler = (state, params) => {
  const value = reqString(params, 'ImageBlockPublicAccessState');
  if (value !== 'block-new-sharing') fail('InvalidParameterValue', `Value (${value}) for parameter ImageBlockPublicAccessState is invalid. Valid values: block-new-sharing`);
  return {snapshot: {...state, ImageBlockPublicAccess: [{ImageBlockPublicAccessState: value}]}, output: {ImageBlockPublicAccessState: value}};
};

export const imagesHandlers: ReadonlyArray<readonly [string, Handler]> = [
  ['DescribeImages', describeImages],
  ['DescribeImageAttribute', describeImageAttribute],
  ['ModifyImageAttribute', modifyImageAttribute],
  ['ResetImageAttribute', resetImageAttribute],
  ['GetImageBlockPublicAccessState', getImageBlockPublicAccessState],
  ['EnableImageBlockPublicAccess', enableImageBlockPublicAccess],
];
