// The scenario's network interfaces and the instances they and its routes name, created in moto;
// an interface attached to an instance is attached to a moto instance at the same device index (a
// device 0 interface is the instance's own primary one). An interface attached to no instance (an
// ELB's, an EFS mount target's) is attached to a stand-in instance, so its attachment exists. Every
// scenario also gets a workload instance with a volume and a snapshot, and an encrypted volume and
// snapshot, so steps about instances, volumes and snapshots read something that exists.
import {AttachNetworkInterfaceCommand, CreateNetworkInterfaceCommand, CreateSnapshotCommand, CreateVolumeCommand, DescribeImagesCommand, RunInstancesCommand, type Instance, type NetworkInterface} from '@aws-sdk/client-ec2';
import {keepId, mapId, motoId, type SeedContext} from './seed-context.js';

const motoImage = 'ami-12c6146b';

async function imageOf(context: SeedContext): Promise<string> {
  if (context.imageId !== undefined) return context.imageId;
  // One of the AMIs moto holds in every Region (moto/ec2/resources/amis.json; its own tests' EXAMPLE_AMI_ID):
  // asked for by ID, as listing every Amazon AMI costs seconds.
  const {Images: images = []} = await context.ec2.send(new DescribeImagesCommand({ImageIds: [motoImage]}));
  const imageId = images[0]?.ImageId;
  if (imageId === undefined) throw new Error(`moto does not hold ${motoImage} in ${context.region}`);
  context.imageId = imageId;
  keepId(context, imageId);
  return imageId;
}

/** A running moto instance in this subnet (its primary interface with these groups and address). */
async function launch(context: SeedContext, subnetId: string | undefined, primary?: NetworkInterface): Promise<Instance> {
  const groups = (primary?.Groups ?? []).map((g) => motoId(context, g.GroupId));
  const answer = await context.ec2.send(new RunInstancesCommand({
    ImageId: await imageOf(context), InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, ...(subnetId === undefined ? {} : {SubnetId: subnetId}),
    ...(groups.length > 0 ? {SecurityGroupIds: groups} : {}), ...(primary?.PrivateIpAddress === undefined ? {} : {PrivateIpAddress: primary.PrivateIpAddress}),
  }));
  const instance = answer.Instances?.[0];
  if (instance?.InstanceId === undefined) throw new Error('moto launched no instance');
  for (const mapping of instance.BlockDeviceMappings ?? []) keepId(context, mapping.Ebs?.VolumeId);
  return instance;
}

/** The scenario's instances named by an interface attached at device 0: launched with it as their primary interface. */
async function seedPrimaryInterfaces(context: SeedContext): Promise<void> {
  for (const eni of context.state.NetworkInterfaces ?? []) {
    const instanceId = eni.Attachment?.InstanceId;
    if (instanceId === undefined || eni.Attachment?.DeviceIndex !== 0 || context.ids.has(instanceId)) continue;
    const instance = await launch(context, motoId(context, eni.SubnetId), eni);
    const primary = instance.NetworkInterfaces?.find((n) => n.Attachment?.DeviceIndex === 0);
    mapId(context, instanceId, instance.InstanceId);
    mapId(context, eni.NetworkInterfaceId, primary?.NetworkInterfaceId);
    mapId(context, eni.Attachment.AttachmentId, primary?.Attachment?.AttachmentId);
  }
}

export async function seedInterfaces(context: SeedContext): Promise<void> {
  await seedPrimaryInterfaces(context);
  for (const eni of context.state.NetworkInterfaces ?? []) {
    if (eni.NetworkInterfaceId !== undefined && context.ids.has(eni.NetworkInterfaceId)) continue;
    const subnetId = motoId(context, eni.SubnetId);
    const made = await context.ec2.send(new CreateNetworkInterfaceCommand({
      SubnetId: subnetId, Description: eni.Description, Groups: (eni.Groups ?? []).map((g) => motoId(context, g.GroupId)),
      ...(eni.PrivateIpAddress === undefined ? {} : {PrivateIpAddress: eni.PrivateIpAddress}),
    }));
    const interfaceId = made.NetworkInterface?.NetworkInterfaceId;
    mapId(context, eni.NetworkInterfaceId, interfaceId);
    const attachment = eni.Attachment;
    if (attachment === undefined) continue;
    const owner = attachment.InstanceId;
    let instanceId = owner === undefined ? undefined : context.ids.get(owner);
    if (instanceId === undefined) {
      instanceId = (await launch(context, subnetId)).InstanceId;
      if (owner === undefined) keepId(context, instanceId);
      else mapId(context, owner, instanceId);
    }
    const attached = await context.ec2.send(new AttachNetworkInterfaceCommand({NetworkInterfaceId: interfaceId, InstanceId: instanceId, DeviceIndex: Math.max(1, attachment.DeviceIndex ?? 1)}));
    mapId(context, attachment.AttachmentId, attached.AttachmentId);
  }
}

/** An instance the scenario's routes name that no interface brought: launched in a subnet of the route's VPC. */
export async function seedRouteInstances(context: SeedContext): Promise<void> {
  for (const table of context.state.RouteTables ?? []) {
    for (const route of table.Routes ?? []) {
      if (route.InstanceId === undefined || context.ids.has(route.InstanceId)) continue;
      const subnet = context.state.Subnets?.find((s) => s.VpcId === table.VpcId);
      mapId(context, route.InstanceId, (await launch(context, motoId(context, subnet?.SubnetId))).InstanceId);
    }
  }
}

/**
 * The instance whose role credentials made the call (an assumed-role session named after it, i-…): launched in
 * the first subnet and mapped, so the steps that isolate it (contain the actor) act on an instance moto holds.
 */
export async function seedCallerInstance(context: SeedContext, instanceId: string | undefined): Promise<void> {
  if (instanceId === undefined || context.ids.has(instanceId)) return;
  const subnet = context.state.Subnets?.[0]?.SubnetId;
  mapId(context, instanceId, (await launch(context, subnet === undefined ? undefined : motoId(context, subnet))).InstanceId);
}

/** The stand-ins' keys in the ID map: what a dry-run-only step (create-encrypted-volume, copy-snapshot-encrypted) would have made. */
export const standInKeys = {newVolume: 'stand-in:new-volume', encryptedSnapshot: 'stand-in:encrypted-snapshot'} as const;

/**
 * A workload instance in the first subnet (else in moto's default VPC, so a scenario without subnets has one
 * too), its root volume and a snapshot of it; and stand-ins for what steps only dry-run would make: an
 * encrypted volume in the instance's zone and an encrypted snapshot of it, so the reads that wait for them
 * read something that exists. The stand-ins are mapped under standInKeys, for the filler to pick by kind.
 */
export async function seedWorkload(context: SeedContext): Promise<void> {
  const subnet = context.state.Subnets?.[0]?.SubnetId;
  const instance = await launch(context, subnet === undefined ? undefined : motoId(context, subnet));
  keepId(context, instance.InstanceId);
  const volumeId = instance.BlockDeviceMappings?.[0]?.Ebs?.VolumeId;
  if (volumeId !== undefined) keepId(context, (await context.ec2.send(new CreateSnapshotCommand({VolumeId: volumeId, Description: 'peer tier'}))).SnapshotId);
  const zone = instance.Placement?.AvailabilityZone ?? `${context.region}a`;
  const encrypted = (await context.ec2.send(new CreateVolumeCommand({AvailabilityZone: zone, Size: 8, Encrypted: true}))).VolumeId;
  mapId(context, standInKeys.newVolume, encrypted);
  const snapshot = (await context.ec2.send(new CreateSnapshotCommand({VolumeId: encrypted, Description: 'peer tier: encrypted copy stand-in'}))).SnapshotId;
  mapId(context, standInKeys.encryptedSnapshot, snapshot);
}
