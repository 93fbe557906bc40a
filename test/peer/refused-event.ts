// A failed event (its record has an error code or message) created nothing, so the ID of what it would have made is
// one no account holds: the peer tier gives it a sample, never one of moto's resources of the same kind
// (that would aim a step at the VPC's primary block or another interface), and AWS's NotFound for a call
// naming it is the right answer (test/peer/verdict.ts counts it apart).
import {hasFailed} from '../../src/events/context.js';
import type {Incident} from '../../src/walkthrough/state.js';
import type {Parameter} from '../../src/runbooks/schema.js';

/**
 * The kind of ID each event's call creates, as its response would name it (EC2 API reference: the
 * AssociationId of AssociateVpcCidrBlock, the VpcPeeringConnectionId of CreateVpcPeeringConnection, the
 * NetworkInterfaceId of CreateNetworkInterface, the GroupId of CreateSecurityGroup). CreateRoute makes no ID.
 */
const createdKind: Readonly<Record<string, string>> = {
  AssociateVpcCidrBlock: 'vpc-cidr-assoc-',
  CreateVpcPeeringConnection: 'pcx-',
  CreateNetworkInterface: 'eni-',
  CreateSecurityGroup: 'sg-',
  CreateInternetGateway: 'igw-',
  CreateTrafficMirrorSession: 'tms-',
  CreateTrafficMirrorTarget: 'tmt-',
  CreateTrafficMirrorFilterRule: 'tmfr-',
};

/**
 * Whether the parameter names what this failed event would have created: the event failed, the
 * parameter comes from one of its facts (left without a value) and takes an ID of the kind the call creates.
 */
export function namesWhatFailedEventMade(incident: Pick<Incident, 'record'>, param: Pick<Parameter, 'pattern' | 'from'>): boolean {
  if (!hasFailed(incident.record) || param.from === undefined) return false;
  const kind = createdKind[incident.record.eventName];
  return kind !== undefined && new RegExp(param.pattern).test(`${kind}0123456789abcdef0`);
}
