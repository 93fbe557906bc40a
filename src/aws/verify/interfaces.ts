// Verifying network interface changes: the interface read back by ID (or by its attachment ID
// after a detach). Modify: every attribute the call set reads back as set (Groups as a set).
// Detach: no interface holds that attachment any more. Delete: the interface is gone.
import type {NetworkInterface} from '@aws-sdk/client-ec2';
import type {ActionParams} from '../action.js';
import {bool, cannotTell, ec2, isTruncated, listIn, notReached, reached, sameSet, str, strs, struct, unexpected, verification, type Builder} from './check.js';

interface Expectation {
  readonly holds: (eni: NetworkInterface) => boolean;
  readonly text: string;
}

/** What ModifyNetworkInterfaceAttribute asked for, one expectation per attribute it sets. */
function expectations(params: ActionParams): Expectation[] {
  const out: Expectation[] = [];
  const groups = strs(params, 'Groups');
  if (groups !== undefined) out.push({holds: (e) => sameSet((e.Groups ?? []).map((g) => g.GroupId), groups), text: `security groups ${groups.join(', ')}`});
  const check = struct(params, 'SourceDestCheck');
  const checkValue = check && bool(check, 'Value');
  if (checkValue !== undefined) out.push({holds: (e) => e.SourceDestCheck === checkValue, text: `source/destination check ${checkValue ? 'on' : 'off'}`});
  const description = struct(params, 'Description')?.['Value'];
  if (typeof description === 'string') out.push({holds: (e) => (e.Description ?? '') === description, text: `description "${description}"`});
  const attachment = struct(params, 'Attachment');
  const deleteOnTermination = attachment && bool(attachment, 'DeleteOnTermination');
  if (deleteOnTermination !== undefined) out.push({holds: (e) => e.Attachment?.DeleteOnTermination === deleteOnTermination, text: `delete on termination ${deleteOnTermination ? 'on' : 'off'}`});
  return out;
}

const modifyNetworkInterfaceAttribute: Builder = (params) => {
  const id = str(params, 'NetworkInterfaceId');
  const wanted = expectations(params);
  if (id === undefined || wanted.length === 0) return undefined;
  return verification(ec2('DescribeNetworkInterfaces', {NetworkInterfaceIds: [id]}), {
    errors: {'InvalidNetworkInterfaceID.NotFound': notReached(`${id} does not exist`)},
    output(output) {
      const eni = listIn<NetworkInterface>(output, 'NetworkInterfaces')?.find((e) => e.NetworkInterfaceId === id);
      if (eni === undefined) return unexpected;
      const wrong = wanted.filter((w) => !w.holds(eni));
      if (wrong.length > 0) return notReached(`${id} does not have ${wrong.map((w) => w.text).join(', ')}${groupsNow(eni, wrong.length < wanted.length)}`);
      return reached(`${id} has ${wanted.map((w) => w.text).join(', ')}`);
    },
  });
};

function groupsNow(eni: NetworkInterface, partly: boolean): string {
  const groups = (eni.Groups ?? []).map((g) => g.GroupId ?? '?').join(', ');
  return `${partly ? ' (the rest is set)' : ''}; its groups now: ${groups || 'none'}`;
}

const detachNetworkInterface: Builder = (params) => {
  const attachmentId = str(params, 'AttachmentId');
  if (attachmentId === undefined) return undefined;
  return verification(ec2('DescribeNetworkInterfaces', {Filters: [{Name: 'attachment.attachment-id', Values: [attachmentId]}]}), {
    output(output) {
      const enis = listIn<NetworkInterface>(output, 'NetworkInterfaces');
      if (enis === undefined) return unexpected;
      const eni = enis.find((e) => e.Attachment?.AttachmentId === attachmentId);
      if (eni === undefined) return isTruncated(output) ? cannotTell('the answer holds only part of the interfaces') : reached(`attachment ${attachmentId} is gone: the interface is detached`);
      const status = eni.Attachment?.Status;
      if (status === 'detaching' || status === 'detached') return reached(`${eni.NetworkInterfaceId ?? 'the interface'} is ${status}`);
      return notReached(`${eni.NetworkInterfaceId ?? 'the interface'} is still ${status ?? 'attached'} to ${eni.Attachment?.InstanceId ?? 'its instance'}`);
    },
  });
};

const deleteNetworkInterface: Builder = (params) => {
  const id = str(params, 'NetworkInterfaceId');
  if (id === undefined) return undefined;
  return verification(ec2('DescribeNetworkInterfaces', {NetworkInterfaceIds: [id]}), {
    errors: {'InvalidNetworkInterfaceID.NotFound': reached(`${id} no longer exists`)},
    output(output) {
      const enis = listIn<NetworkInterface>(output, 'NetworkInterfaces');
      if (enis === undefined) return unexpected;
      return enis.some((e) => e.NetworkInterfaceId === id) ? notReached(`${id} still exists`) : reached(`${id} no longer exists`);
    },
  });
};

export const interfaceVerifications: Readonly<Record<string, Builder>> = {
  ModifyNetworkInterfaceAttribute: modifyNetworkInterfaceAttribute,
  DetachNetworkInterface: detachNetworkInterface,
  DeleteNetworkInterface: deleteNetworkInterface,
};
