// The Now panel's readers, one per event name (the same events as events/facts). A record whose
// call failed created nothing: its panel says so first, since what it shows was not made by it.
import type {CloudTrailRecord} from '../../events/record.js';
import {associateVpcCidrBlockNow} from './AssociateVpcCidrBlock.js';
import {createNetworkInterfaceNow} from './CreateNetworkInterface.js';
import {createRouteNow} from './CreateRoute.js';
import {createSecurityGroupNow} from './CreateSecurityGroup.js';
import {createVpcPeeringConnectionNow} from './CreateVpcPeeringConnection.js';
import {line, type NowLine, type NowReader} from './now.js';

export type {NowLine, NowReader, NowTone} from './now.js';

const byEvent: readonly (readonly [string, NowReader])[] = [
  ['CreateSecurityGroup', createSecurityGroupNow],
  ['CreateVpcPeeringConnection', createVpcPeeringConnectionNow],
  ['AssociateVpcCidrBlock', associateVpcCidrBlockNow],
  ['CreateRoute', createRouteNow],
  ['CreateNetworkInterface', createNetworkInterfaceNow],
];

const readers: ReadonlyMap<string, NowReader> = new Map(byEvent.map(([name, reader]) => [name, withFailedCallNote(reader)]));

/** Event names with a Now reader, in a stable order. */
export const nowEventNames: readonly string[] = [...readers.keys()];

export function nowReaderFor(eventName: string): NowReader | undefined {
  return readers.get(eventName);
}

function failedCallNote(record: CloudTrailRecord): readonly NowLine[] {
  if (record.errorCode === undefined) return [];
  return [line('info', `the event's call failed (${record.errorCode}): what follows was not made by it`)];
}

function withFailedCallNote(reader: NowReader): NowReader {
  return {
    ...reader,
    query: (facts, record) => reader.query(facts, record),
    interpret: (output, facts, record) => {
      const lines = reader.interpret(output, facts, record);
      return lines.length === 0 ? lines : [...failedCallNote(record), ...lines];
    },
    whenError: (code, facts) => reader.whenError(code, facts),
  };
}
