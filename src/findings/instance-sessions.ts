// Instance credentials: the role credentials EC2 hands an instance through its metadata service are a
// role session named after the instance (assumed-role/ROLE/i-…). Used anywhere else, they were stolen
// (GuardDuty's InstanceCredentialExfiltration). One record cannot say whether its address is the
// instance's own, but the input can: one issue of the credentials called from two addresses means one
// of them is not the instance. This tracks, per issue, the addresses seen.
import {isInAny, parseIp} from '../engine/cidr.js';
import {isJsonObject, own} from '../events/detect-shape.js';
import type {CloudTrailRecord} from '../events/record.js';

/** i- and 8 or 17 hex digits: an EC2 instance ID. */
const instanceId = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
/** AWS services calling on the caller's behalf (e.g. cloudformation.amazonaws.com) and "AWS Internal". */
const awsSource = /(^|\.)amazonaws\.com$|^AWS Internal$/i;

/** An AWS service made the call (for the caller, or as itself): its refusals are a misconfiguration, not someone probing. */
export function isCalledByAwsService(record: CloudTrailRecord): boolean {
  const {invokedBy, type} = record.userIdentity;
  return (invokedBy !== undefined && invokedBy !== '') || type === 'AWSService' || awsSource.test(record.sourceIPAddress ?? '');
}
// An instance that called through so many addresses is not one instance's traffic; stop counting there.
const maxAddresses = 8;

/** The instance ID a role session is named after, for an assumed-role caller; else undefined. */
export function instanceSessionOf(record: CloudTrailRecord): string | undefined {
  const {type, arn} = record.userIdentity;
  if (type !== 'AssumedRole' || arn === undefined) return undefined;
  const session = /:assumed-role\/[^/]+\/([^/]+)$/.exec(arn)?.[1];
  return session !== undefined && instanceId.test(session) ? session : undefined;
}

/** userIdentity.sessionContext.ec2RoleDelivery: the metadata service delivered these credentials (1.0: IMDSv1, 2.0: IMDSv2). */
export function roleDelivery(record: CloudTrailRecord): string | undefined {
  const identity = record.raw['userIdentity'];
  const context = isJsonObject(identity) ? own(identity, 'sessionContext') : undefined;
  const delivery = isJsonObject(context) ? own(context, 'ec2RoleDelivery') : undefined;
  return typeof delivery === 'string' && delivery !== '' ? delivery : undefined;
}

/** The caller's IP address when it called from the network itself (not an AWS service for it, not through a VPC endpoint). */
export function callerAddress(record: CloudTrailRecord): string | undefined {
  const source = record.sourceIPAddress;
  if (source === undefined || awsSource.test(source) || parseIp(source) === undefined) return undefined;
  if (record.userIdentity.invokedBy !== undefined && record.userIdentity.invokedBy !== '') return undefined;
  // Through a VPC endpoint the call came from inside a VPC: the instance's own network, most likely.
  const endpoint = record.raw['vpcEndpointId'];
  return typeof endpoint === 'string' && endpoint !== '' ? undefined : source;
}

// RFC 1918, RFC 6598 (carrier-grade NAT) and IPv6 unique local addresses.
const privateRanges = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7'];

/** A private address: CloudTrail records one for calls from inside a VPC (through an endpoint), as an instance's own calls come. */
export function isPrivateAddress(address: string): boolean {
  return isInAny(address, privateRanges);
}

/** One issue of an instance's credentials: the session, and when they were issued (else the key). */
function issueOf(record: CloudTrailRecord): string | undefined {
  if (instanceSessionOf(record) === undefined) return undefined;
  const {arn, sessionCreationDate, accessKeyId} = record.userIdentity;
  return `${arn ?? ''}\n${sessionCreationDate ?? accessKeyId ?? ''}`;
}

export class InstanceAddresses {
  private readonly byIssue = new Map<string, Set<string>>();

  add(record: CloudTrailRecord): void {
    const issue = issueOf(record);
    // Most records are no instance's: their address is not even parsed.
    const address = issue === undefined ? undefined : callerAddress(record);
    if (issue === undefined || address === undefined) return;
    const addresses = this.byIssue.get(issue) ?? new Set<string>();
    if (addresses.size < maxAddresses) addresses.add(address);
    this.byIssue.set(issue, addresses);
  }

  addressesOf(record: CloudTrailRecord): readonly string[] {
    const issue = issueOf(record);
    return issue === undefined ? [] : [...(this.byIssue.get(issue) ?? [])];
  }
}
