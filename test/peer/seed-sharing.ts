// A scenario's snapshots and AMIs, created in moto: each volume; each AMI made from a running instance (moto
// snapshots its root disk, which stands for the AMI's disk in the state); each other snapshot taken from its
// volume (or from a new one when the state's volume is a placeholder such as vol-ffffffff); then the grants of
// the state's permission answers added, as the event left them. IDs are mapped to moto's.
import {CreateImageCommand, CreateSnapshotCommand, CreateVolumeCommand, DescribeImagesCommand, ModifyImageAttributeCommand, ModifySnapshotAttributeCommand, RunInstancesCommand} from '@aws-sdk/client-ec2';
import {keepId, mapId, motoId, type SeedContext} from './seed-context.js';

/** One of the AMIs moto holds in every Region (moto/ec2/resources/amis.json), the source of the instances. */
const motoImage = 'ami-12c6146b';

async function volumeFor(context: SeedContext, encrypted: boolean, size: number): Promise<string> {
  const made = await context.ec2.send(new CreateVolumeCommand({AvailabilityZone: `${context.region}a`, Size: size, Encrypted: encrypted}));
  if (made.VolumeId === undefined) throw new Error('moto made no volume');
  return made.VolumeId;
}

async function seedImages(context: SeedContext): Promise<void> {
  for (const image of context.state.Images ?? []) {
    const launched = await context.ec2.send(new RunInstancesCommand({ImageId: motoImage, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1}));
    const instanceId = launched.Instances?.[0]?.InstanceId;
    keepId(context, instanceId);
    const made = await context.ec2.send(new CreateImageCommand({InstanceId: instanceId, Name: image.Name ?? image.ImageId ?? 'image', Description: image.Description}));
    mapId(context, image.ImageId, made.ImageId);
    const described = await context.ec2.send(new DescribeImagesCommand({ImageIds: [made.ImageId ?? '']}));
    const disks = described.Images?.[0]?.BlockDeviceMappings ?? [];
    for (const [index, mapping] of (image.BlockDeviceMappings ?? []).entries()) mapId(context, mapping.Ebs?.SnapshotId, disks[index]?.Ebs?.SnapshotId);
  }
}

async function seedSnapshots(context: SeedContext): Promise<void> {
  for (const volume of context.state.Volumes ?? []) mapId(context, volume.VolumeId, await volumeFor(context, volume.Encrypted === true, volume.Size ?? 8));
  for (const snapshot of context.state.Snapshots ?? []) {
    if (snapshot.SnapshotId !== undefined && context.ids.has(snapshot.SnapshotId)) continue;
    const known = snapshot.VolumeId !== undefined && context.ids.has(snapshot.VolumeId);
    const volumeId = known ? motoId(context, snapshot.VolumeId) : await volumeFor(context, snapshot.Encrypted === true, snapshot.VolumeSize ?? 8);
    const made = await context.ec2.send(new CreateSnapshotCommand({VolumeId: volumeId, Description: snapshot.Description}));
    mapId(context, snapshot.SnapshotId, made.SnapshotId);
  }
}

async function seedGrants(context: SeedContext): Promise<void> {
  for (const attribute of context.state.SnapshotAttributes ?? []) {
    const permissions = attribute.CreateVolumePermissions ?? [];
    const userIds = permissions.flatMap((p) => p.UserId ?? []);
    const groups = permissions.flatMap((p) => p.Group ?? []);
    if (userIds.length + groups.length === 0) continue;
    await context.ec2.send(new ModifySnapshotAttributeCommand({
      SnapshotId: motoId(context, attribute.SnapshotId), Attribute: 'createVolumePermission', OperationType: 'add',
      ...(userIds.length > 0 ? {UserIds: userIds} : {}), ...(groups.length > 0 ? {GroupNames: groups} : {}),
    }));
  }
  for (const attribute of context.state.ImageAttributes ?? []) {
    const launchPermissions = attribute.LaunchPermissions ?? [];
    if (launchPermissions.length === 0) continue;
    await context.ec2.send(new ModifyImageAttributeCommand({ImageId: motoId(context, attribute.ImageId), LaunchPermission: {Add: [...launchPermissions]}}));
  }
}

/** The scenario's images, volumes, snapshots and their grants. */
export async function seedSharing(context: SeedContext): Promise<void> {
  await seedImages(context);
  await seedSnapshots(context);
  await seedGrants(context);
}
