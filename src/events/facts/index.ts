// Facts per event: the resources and values a record names, under the exact keys the runbooks
// bind to (runbooks/*.yaml `from:`). One file per event name; EC2 events only.
import type {CloudTrailRecord, Fact} from '../record.js';
import {associateVpcCidrBlockFacts} from './AssociateVpcCidrBlock.js';
import {createNetworkInterfaceFacts} from './CreateNetworkInterface.js';
import {createRouteFacts} from './CreateRoute.js';
import {createSecurityGroupFacts} from './CreateSecurityGroup.js';
import {createVpcPeeringConnectionFacts} from './CreateVpcPeeringConnection.js';

type FactReader = (record: CloudTrailRecord) => readonly Fact[];

/** The event source all of these events come from (API Gateway has its own "CreateRoute"). */
export const factsEventSource = 'ec2.amazonaws.com';

const readers: ReadonlyMap<string, FactReader> = new Map<string, FactReader>([
  ['CreateSecurityGroup', createSecurityGroupFacts],
  ['CreateVpcPeeringConnection', createVpcPeeringConnectionFacts],
  ['AssociateVpcCidrBlock', associateVpcCidrBlockFacts],
  ['CreateRoute', createRouteFacts],
  ['CreateNetworkInterface', createNetworkInterfaceFacts],
]);

/** Event names that have facts, in a stable order. */
export const factEventNames: readonly string[] = [...readers.keys()];

export function hasFacts(eventName: string): boolean {
  return readers.has(eventName);
}

/** The record's facts; an empty list for an event without facts or from another service. */
export function factsFor(record: CloudTrailRecord): readonly Fact[] {
  const reader = readers.get(record.eventName);
  if (reader === undefined || record.eventSource !== factsEventSource) return [];
  return reader(record);
}
