// What an input's records say together, for the findings of each: refused-call bursts by identity and
// the addresses instance credentials were called from. inputContext reads a whole input once (the TUI's
// and plan's loaded file); inputTracker is fed record by record while a file streams (triage), and then
// knows only the records seen so far.
import type {CloudTrailRecord} from '../events/record.js';
import type {InputContext} from './finding.js';
import {InstanceAddresses} from './instance-sessions.js';
import {RefusalBursts} from './refusal-bursts.js';

export interface InputTracker extends InputContext {
  add(record: CloudTrailRecord): void;
}

export function inputTracker(): InputTracker {
  const bursts = new RefusalBursts();
  const addresses = new InstanceAddresses();
  return {
    add(record) {
      bursts.add(record);
      addresses.add(record);
    },
    refusalBurstOf: (record) => bursts.burstOf(record),
    instanceAddressesOf: (record) => addresses.addressesOf(record),
  };
}

/** The context of a whole input; undefined for fewer than two records (one record says nothing more about itself). */
export function inputContext(records: readonly CloudTrailRecord[]): InputContext | undefined {
  if (records.length < 2) return undefined;
  const tracker = inputTracker();
  for (const record of records) tracker.add(record);
  return tracker;
}
