// Session IDs: sortable by time, tied to the event, and a file name that is safe on every OS.
import {randomBytes} from 'node:crypto';

/** Letters, digits and hyphens only, starting with a letter or digit: no path separators, no dots, no spaces. */
export const sessionIdPattern = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

/** 4 random hex digits. */
export function randomSuffix(): string {
  return randomBytes(2).toString('hex');
}

/**
 * `20261125T120000Z-c562f6fb-3f9a`: the UTC second, the first 8 characters of the eventID kept to [a-z0-9]
 * (`noevent` when there are none), and 4 hex digits from `random`.
 */
export function newSessionId(now: Date, eventId: string | undefined, random: () => string): string {
  const time = now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
  const event = (eventId ?? '').toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 8) || 'noevent';
  const suffix = random().toLowerCase().replace(/[^0-9a-f]/g, '').slice(0, 4);
  if (suffix.length < 4) throw new Error(`a session ID needs 4 random hex digits, got ${JSON.stringify(suffix)}`);
  return `${time}-${event}-${suffix}`;
}
