// Verifying instance and volume changes: an instance's state after stop/start/terminate (a state on
// the way counts: the call took effect), an attribute read back with DescribeInstanceAttribute, its
// metadata options, a volume's attachments, EBS encryption by default, a key pair deleted.
import type {Instance, InstanceMetadataOptionsResponse, Reservation, Volume} from '@aws-sdk/client-ec2';
import type {ActionParams} from '../action.js';
import {ec2, listIn, notReached, reached, sameSet, scalar, str, strs, struct, unexpected, verification, type Builder, type Output, type VerifyCheck} from './check.js';

function instancesIn(output: Output): readonly Instance[] | undefined {
  return listIn<Reservation>(output, 'Reservations')?.flatMap((r) => r.Instances ?? []);
}

/** Stop, start, terminate: every instance is in one of the states the call leads to. */
function instanceState(states: readonly string[], whenGone: (id: string) => VerifyCheck): Builder {
  return (params) => {
    const ids = strs(params, 'InstanceIds');
    if (ids === undefined) return undefined;
    return verification(ec2('DescribeInstances', {InstanceIds: ids}), {
      errors: {'InvalidInstanceID.NotFound': whenGone(ids.join(', '))},
      output(output) {
        const instances = instancesIn(output);
        if (instances === undefined) return unexpected;
        const lines = ids.map((id) => ({id, state: instances.find((i) => i.InstanceId === id)?.State?.Name}));
        const off = lines.filter((l) => l.state !== undefined && !states.includes(l.state));
        const text = lines.map((l) => `${l.id} ${l.state ?? 'not listed'}`).join(', ');
        if (off.length > 0) return notReached(text);
        return lines.some((l) => l.state === undefined) ? whenGone(lines.filter((l) => l.state === undefined).map((l) => l.id).join(', ')) : reached(text);
      },
    });
  };
}

/** ModifyInstanceAttribute's structure parameters, and DescribeInstanceAttribute's name for each. */
const attributes: ReadonlyArray<readonly [param: string, attribute: string]> = [
  ['SourceDestCheck', 'sourceDestCheck'], ['DisableApiTermination', 'disableApiTermination'], ['DisableApiStop', 'disableApiStop'],
  ['InstanceType', 'instanceType'], ['InstanceInitiatedShutdownBehavior', 'instanceInitiatedShutdownBehavior'], ['EbsOptimized', 'ebsOptimized'], ['EnaSupport', 'enaSupport'],
];

const modifyInstanceAttribute: Builder = (params) => {
  const id = str(params, 'InstanceId');
  if (id === undefined) return undefined;
  const groups = strs(params, 'Groups');
  if (groups !== undefined) {
    return verification(ec2('DescribeInstanceAttribute', {InstanceId: id, Attribute: 'groupSet'}), {
      output(output) {
        const now = listIn<{GroupId?: string}>(output, 'Groups');
        if (now === undefined) return unexpected;
        const text = now.map((g) => g.GroupId ?? '?').join(', ') || 'none';
        return sameSet(now.map((g) => g.GroupId), groups) ? reached(`${id}'s security groups are ${text}`) : notReached(`${id}'s security groups are ${text}, not ${groups.join(', ')}`);
      },
    });
  }
  const found = attributes.map(([param, attribute]) => ({param, attribute, value: scalar(struct(params, param)?.['Value'])})).find((a) => a.value !== undefined);
  if (found === undefined) return undefined;
  const {param, attribute, value} = found;
  return verification(ec2('DescribeInstanceAttribute', {InstanceId: id, Attribute: attribute}), {
    output(output) {
      const now = output[param];
      const current = typeof now === 'object' && now !== null ? scalar((now as {Value?: unknown}).Value) : undefined;
      if (current === undefined) return unexpected;
      return current === value ? reached(`${id}'s ${param} is ${current}`) : notReached(`${id}'s ${param} is ${current}, not ${value}`);
    },
  });
};

const metadataKeys = ['HttpTokens', 'HttpEndpoint', 'HttpPutResponseHopLimit', 'HttpProtocolIpv6', 'InstanceMetadataTags'] as const;

const modifyInstanceMetadataOptions: Builder = (params) => {
  const id = str(params, 'InstanceId');
  const wanted = metadataKeys.filter((key) => params[key] !== undefined);
  if (id === undefined || wanted.length === 0) return undefined;
  return verification(ec2('DescribeInstances', {InstanceIds: [id]}), {
    output(output) {
      const options: InstanceMetadataOptionsResponse | undefined = instancesIn(output)?.find((i) => i.InstanceId === id)?.MetadataOptions;
      if (options === undefined) return unexpected;
      const off = wanted.filter((key) => scalar(options[key]) !== scalar(params[key]));
      const text = wanted.map((key) => `${key} ${scalar(options[key]) ?? 'not set'}`).join(', ');
      return off.length === 0 ? reached(`${id}: ${text}`) : notReached(`${id}: ${text}`);
    },
  });
};

function volumeAttachment(params: ActionParams, judge: (volume: Volume, id: string) => VerifyCheck, whenGone: (id: string) => VerifyCheck) {
  const id = str(params, 'VolumeId');
  if (id === undefined) return undefined;
  return verification(ec2('DescribeVolumes', {VolumeIds: [id]}), {
    errors: {'InvalidVolume.NotFound': whenGone(id)},
    output(output) {
      const volume = listIn<Volume>(output, 'Volumes')?.find((v) => v.VolumeId === id);
      return volume === undefined ? unexpected : judge(volume, id);
    },
  });
}

const detachVolume: Builder = (params) =>
  volumeAttachment(
    params,
    (volume, id) => {
      const instance = str(params, 'InstanceId');
      const held = (volume.Attachments ?? []).find((a) => (instance === undefined || a.InstanceId === instance) && a.State !== 'detached' && a.State !== 'detaching');
      return held === undefined ? reached(`${id} is ${volume.State ?? 'detached'}`) : notReached(`${id} is still ${held.State ?? 'attached'} to ${held.InstanceId ?? 'an instance'}`);
    },
    (id) => reached(`${id} no longer exists, so it is not attached`),
  );

const attachVolume: Builder = (params) => {
  const instance = str(params, 'InstanceId');
  const device = str(params, 'Device');
  if (instance === undefined) return undefined;
  return volumeAttachment(
    params,
    (volume, id) => {
      const held = (volume.Attachments ?? []).find((a) => a.InstanceId === instance && (device === undefined || a.Device === device));
      return held !== undefined && (held.State === 'attached' || held.State === 'attaching')
        ? reached(`${id} is ${held.State} to ${instance} as ${held.Device ?? '?'}`)
        : notReached(`${id} is not attached to ${instance}${device === undefined ? '' : ` as ${device}`}`);
    },
    (id) => notReached(`${id} does not exist`),
  );
};

const enableEbsEncryptionByDefault: Builder = () =>
  verification(ec2('GetEbsEncryptionByDefault', {}), {
    output: (output) => (output['EbsEncryptionByDefault'] === true ? reached('EBS encryption by default is on') : notReached('EBS encryption by default is off')),
  });

const deleteKeyPair: Builder = (params) => {
  const name = str(params, 'KeyName');
  const id = str(params, 'KeyPairId');
  const key = id ?? name;
  if (key === undefined) return undefined;
  return verification(ec2('DescribeKeyPairs', id !== undefined ? {KeyPairIds: [id]} : {KeyNames: [key]}), {
    errors: {'InvalidKeyPair.NotFound': reached(`key pair ${key} no longer exists`)},
    output(output) {
      const pairs = listIn<{KeyName?: string; KeyPairId?: string}>(output, 'KeyPairs');
      if (pairs === undefined) return unexpected;
      return pairs.some((p) => p.KeyPairId === key || p.KeyName === key) ? notReached(`key pair ${key} still exists`) : reached(`key pair ${key} no longer exists`);
    },
  });
};

export const instanceVerifications: Readonly<Record<string, Builder>> = {
  StopInstances: instanceState(['stopping', 'stopped'], (ids) => notReached(`${ids} not found`)),
  StartInstances: instanceState(['pending', 'running'], (ids) => notReached(`${ids} not found`)),
  TerminateInstances: instanceState(['shutting-down', 'terminated'], (ids) => reached(`${ids} no longer listed: terminated`)),
  ModifyInstanceAttribute: modifyInstanceAttribute,
  ModifyInstanceMetadataOptions: modifyInstanceMetadataOptions,
  DetachVolume: detachVolume,
  AttachVolume: attachVolume,
  EnableEbsEncryptionByDefault: enableEbsEncryptionByDefault,
  DeleteKeyPair: deleteKeyPair,
};
