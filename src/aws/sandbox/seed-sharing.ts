// Training accounts for a shared snapshot or AMI, built from the record's facts: the snapshot (unencrypted,
// taken from a volume of an instance) or the image (one unencrypted disk), with the grants the event added
// still in place. A refused call, or a remove, leaves it shared with no one. Block public access is off.
import type {CreateVolumePermission, LaunchPermission} from '@aws-sdk/client-ec2';
import {newId} from './account.js';
import {fact, factList, type EventSeeds, type SeedContext} from './seed-events.js';
import type {Parts} from './seed-parts.js';

function volumeParts(context: SeedContext, volumeId: string, instanceId: string): Parts {
  const zone = `${context.place.region}a`;
  return {
    Volumes: [{
      VolumeId: volumeId, Size: 100, AvailabilityZone: zone, State: 'in-use', VolumeType: 'gp3', Encrypted: false, CreateTime: new Date(context.at.getTime() - 90 * 24 * 3600 * 1000),
      Attachments: [{VolumeId: volumeId, InstanceId: instanceId, Device: '/dev/xvda', State: 'attached', DeleteOnTermination: true, AttachTime: new Date(context.at.getTime() - 90 * 24 * 3600 * 1000)}],
    }],
  };
}

export function snapshotSeed(context: SeedContext): Parts[] {
  const {place} = context;
  const snapshotId = fact(context, 'snapshotId') ?? newId('snap', 'event');
  const volumeId = newId('vol', snapshotId);
  const instanceId = newId('i', volumeId);
  const granted: CreateVolumePermission[] = context.failed || factList(context, 'sharedWith').length === 0 ? [] : [
    ...(fact(context, 'publicGroup') === 'all' ? [{Group: 'all' as const}] : []),
    ...factList(context, 'addedAccounts').map((UserId) => ({UserId})),
  ];
  return [
    volumeParts(context, volumeId, instanceId),
    {
      Snapshots: [{
        SnapshotId: snapshotId, VolumeId: volumeId, OwnerId: place.owner, State: 'completed', Progress: '100%', VolumeSize: 100, Encrypted: false,
        Description: `nightly backup of ${instanceId}`, StartTime: new Date(context.at.getTime() - 24 * 3600 * 1000),
      }],
      SnapshotAttributes: [{SnapshotId: snapshotId, CreateVolumePermissions: granted}],
      SnapshotBlockPublicAccess: [{State: 'unblocked'}],
    },
  ];
}

export function imageSeed(context: SeedContext): Parts[] {
  const {place} = context;
  const imageId = fact(context, 'imageId') ?? newId('ami', 'event');
  const snapshotId = newId('snap', imageId);
  const granted: LaunchPermission[] = context.failed || factList(context, 'sharedWith').length === 0 ? [] : [
    ...(fact(context, 'publicGroup') === 'all' ? [{Group: 'all' as const}] : []),
    ...factList(context, 'addedAccounts').map((UserId) => ({UserId})),
    ...factList(context, 'addedOrganizations').map((OrganizationArn) => ({OrganizationArn})),
    ...factList(context, 'addedOrganizationalUnits').map((OrganizationalUnitArn) => ({OrganizationalUnitArn})),
  ];
  return [{
    Images: [{
      ImageId: imageId, OwnerId: place.owner, Name: `app-server-${imageId.slice(4, 12)}`, Description: 'application server image', State: 'available',
      Public: granted.some((p) => p.Group === 'all'), ImageType: 'machine', Architecture: 'x86_64', RootDeviceType: 'ebs', RootDeviceName: '/dev/xvda',
      CreationDate: new Date(context.at.getTime() - 7 * 24 * 3600 * 1000).toISOString(),
      BlockDeviceMappings: [{DeviceName: '/dev/xvda', Ebs: {SnapshotId: snapshotId, VolumeSize: 30, VolumeType: 'gp3', Encrypted: false, DeleteOnTermination: true}}],
    }],
    Snapshots: [{SnapshotId: snapshotId, OwnerId: place.owner, State: 'completed', VolumeSize: 30, Encrypted: false, VolumeId: 'vol-ffffffff', Description: `Created by CreateImage for ${imageId}`}],
    SnapshotAttributes: [{SnapshotId: snapshotId, CreateVolumePermissions: []}],
    ImageAttributes: [{ImageId: imageId, LaunchPermissions: granted}],
    ImageBlockPublicAccess: [{ImageBlockPublicAccessState: 'unblocked'}],
  }];
}

export const sharingSeeds: EventSeeds = {
  ModifySnapshotAttribute: snapshotSeed,
  ModifyImageAttribute: imageSeed,
};
