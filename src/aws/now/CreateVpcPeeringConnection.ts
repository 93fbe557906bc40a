// Now panel for CreateVpcPeeringConnection: is the connection still pending or active (risk), or
// gone (deleted, rejected, expired, failed)? Plus who is on the other side now and which CIDRs.
import type {
  CidrBlock,
  DescribeVpcPeeringConnectionsResult,
  Ipv6CidrBlock,
  VpcPeeringConnection,
  VpcPeeringConnectionOptionsDescription,
  VpcPeeringConnectionStateReason,
  VpcPeeringConnectionVpcInfo,
} from '@aws-sdk/client-ec2';
import type {Fact} from '../../events/record.js';
import {factText, line, listText, unknownState, validId, type NowLine, type NowReader} from './now.js';
import {child, findById, flag, text, texts, time} from './output.js';

export const createVpcPeeringConnectionNow: NowReader = {
  query(facts) {
    const id = validId(facts, 'vpcPeeringConnectionId');
    return id === undefined ? undefined : {service: 'ec2', operation: 'DescribeVpcPeeringConnections', params: {VpcPeeringConnectionIds: [id]}};
  },

  interpret(output, facts) {
    const id = validId(facts, 'vpcPeeringConnectionId');
    if (id === undefined) return [];
    const connection = findById<DescribeVpcPeeringConnectionsResult, VpcPeeringConnection>(output, 'VpcPeeringConnections', 'VpcPeeringConnectionId', id);
    if (connection === undefined) return [unknownState(`the peering connection ${id}`)];
    const accepter = child<VpcPeeringConnection>(connection, 'AccepterVpcInfo');
    const requester = child<VpcPeeringConnection>(connection, 'RequesterVpcInfo');
    return [
      ...statusLines(connection, id, {
        requester: text<VpcPeeringConnectionVpcInfo>(requester, 'OwnerId'),
        accepter: text<VpcPeeringConnectionVpcInfo>(accepter, 'OwnerId') ?? factText(facts, 'peerOwnerId'),
      }),
      ...accepterLines(accepter, facts),
      ...cidrLines(requester, accepter, facts),
      ...dnsLines(requester),
    ];
  },

  whenError(code, facts) {
    if (code !== 'InvalidVpcPeeringConnectionID.NotFound') return undefined;
    return [line('ok', `the peering connection ${validId(facts, 'vpcPeeringConnectionId') ?? 'of the event'} no longer exists`)];
  },
};

interface Owners {
  readonly requester: string | undefined;
  readonly accepter: string | undefined;
}

function statusLines(connection: unknown, id: string, owners: Owners): NowLine[] {
  const status = child<VpcPeeringConnection>(connection, 'Status');
  const code = text<VpcPeeringConnectionStateReason>(status, 'Code');
  const subject = `the peering connection ${id}`;
  switch (code) {
    case 'pending-acceptance': {
      // Only the accepter's owner can reject; the requester's owner (the event's account) deletes.
      const sameAccount = owners.accepter !== undefined && owners.accepter === owners.requester;
      const by = owners.accepter === undefined || sameAccount ? '' : ` by ${owners.accepter}`;
      const expires = time<VpcPeeringConnection>(connection, 'ExpirationTime');
      return [
        line('bad', `${subject} is still waiting to be accepted${by}: ${sameAccount ? 'reject it' : 'delete it'}`),
        ...(expires === undefined ? [] : [line('info', `the request expires at ${expires}`)]),
      ];
    }
    case 'initiating-request':
      return [line('bad', `${subject} is still being requested: delete it before it is accepted`)];
    case 'provisioning':
      return [line('bad', `${subject} was accepted and is being set up: traffic can flow soon`)];
    case 'active':
      return [line('bad', `${subject} is active: traffic can flow`)];
    case 'deleting':
      return [line('ok', `${subject} is being deleted`)];
    case 'deleted':
      return [line('ok', `${subject} is already deleted`)];
    case 'rejected':
      return [line('ok', `${subject} was rejected`)];
    case 'expired':
      return [line('ok', `${subject} expired without being accepted`)];
    case 'failed': {
      const message = text<VpcPeeringConnectionStateReason>(status, 'Message');
      return [line('ok', `${subject} failed: it never carried traffic`), ...(message === undefined ? [] : [line('info', `AWS says: ${message}`)])];
    }
    case undefined:
      return [line('warn', `${subject} has no status in the answer: its current state is unknown`)];
    default:
      return [line('warn', `${subject} has status ${code}`)];
  }
}

function accepterLines(accepter: unknown, facts: readonly Fact[]): NowLine[] {
  const now = {
    account: text<VpcPeeringConnectionVpcInfo>(accepter, 'OwnerId'),
    vpc: text<VpcPeeringConnectionVpcInfo>(accepter, 'VpcId'),
    region: text<VpcPeeringConnectionVpcInfo>(accepter, 'Region'),
  };
  const then = {account: factText(facts, 'peerOwnerId'), vpc: factText(facts, 'accepterVpcId'), region: factText(facts, 'peerRegion')};
  if (now.account === undefined && now.vpc === undefined && now.region === undefined) return [];
  const parts = [
    now.account === undefined ? undefined : `account ${now.account}`,
    now.vpc === undefined ? undefined : `VPC ${now.vpc}`,
    now.region === undefined ? undefined : `Region ${now.region}`,
  ].filter((part) => part !== undefined);
  const changed = (Object.keys(now) as (keyof typeof now)[]).filter((key) => now[key] !== undefined && then[key] !== undefined && now[key] !== then[key]);
  if (changed.length === 0) return [line('info', `accepter: ${parts.join(', ')}`)];
  const was = changed.map((key) => then[key]).join(', ');
  return [line('warn', `accepter now: ${parts.join(', ')} (the event named ${was})`)];
}

function cidrsOf(info: unknown): string[] {
  const blocks = [
    text<VpcPeeringConnectionVpcInfo>(info, 'CidrBlock'),
    ...texts<VpcPeeringConnectionVpcInfo, CidrBlock>(info, 'CidrBlockSet', 'CidrBlock'),
    ...texts<VpcPeeringConnectionVpcInfo, Ipv6CidrBlock>(info, 'Ipv6CidrBlockSet', 'Ipv6CidrBlock'),
  ].filter((block) => block !== undefined);
  return [...new Set(blocks)];
}

function cidrLines(requester: unknown, accepter: unknown, facts: readonly Fact[]): NowLine[] {
  const lines: NowLine[] = [];
  const requesterNow = cidrsOf(requester);
  const requesterThen = factText(facts, 'requesterCidrBlock');
  if (requesterNow.length > 0) {
    const grew = requesterThen !== undefined && requesterNow.some((block) => block !== requesterThen);
    lines.push(grew
      ? line('warn', `requester CIDRs now: ${listText(requesterNow)} (at the event: ${requesterThen})`)
      : line('info', `requester CIDRs: ${listText(requesterNow)}`));
  }
  const accepterNow = cidrsOf(accepter);
  // AWS returns the accepter's CIDRs only once the connection is active.
  if (accepterNow.length > 0) lines.push(line('info', `accepter CIDRs: ${listText(accepterNow)}`));
  return lines;
}

function dnsLines(requester: unknown): NowLine[] {
  const options = child<VpcPeeringConnectionVpcInfo>(requester, 'PeeringOptions');
  const allowed = flag<VpcPeeringConnectionOptionsDescription>(options, 'AllowDnsResolutionFromRemoteVpc');
  return allowed === true ? [line('warn', 'the accepter VPC resolves the requester VPC\'s public DNS names to private IP addresses')] : [];
}
