// Journal entries for tests: a session-start for an event, and the pieces other lines carry.
import type {DryRunResult, SentRequest} from '../../src/aws/executors/executor.js';
import type {JournalEntry, SessionStart, Unstamped} from '../../src/journal/entry.js';
import {eventDigest} from '../../src/journal/digest.js';
import type {JsonObject} from '../../src/events/record.js';

export const record: JsonObject = {
  eventID: 'c562f6fb-3f9a-4c4e-9a63-0c4b3d0b7d11',
  eventName: 'AuthorizeSecurityGroupIngress',
  eventSource: 'ec2.amazonaws.com',
  eventTime: '2026-11-25T11:58:00Z',
  requestParameters: {groupId: 'sg-0123456789abcdef0'},
};

export function sessionStart(overrides: Partial<Unstamped<SessionStart>> = {}, event: JsonObject = record): Unstamped<SessionStart> {
  return {
    type: 'session-start',
    event: {eventID: event['eventID'] as string | undefined, eventName: event['eventName'] as string, digest: eventDigest(event), record: event},
    runbook: {eventName: event['eventName'] as string, version: '1'},
    mode: 'plan',
    operator: 'alice@host',
    trailguide: '0.1.0',
    ...overrides,
  };
}

export const request: SentRequest = {service: 'ec2', operation: 'RevokeSecurityGroupIngress', params: {GroupId: 'sg-0123456789abcdef0'}, region: 'us-east-1'};

export function dryRun(outcome: 'would-succeed' | 'denied', at: string): DryRunResult {
  const verdict = outcome === 'denied' ? {outcome, permission: 'ec2:RevokeSecurityGroupIngress'} : {outcome};
  return {request, verdict, sent: true, durationMs: 120, at};
}

/** Stamps entries as the writer would, one second apart from `start`. */
export function stamp(session: string, entries: readonly Unstamped[], start = Date.parse('2026-11-25T12:00:00.000Z')): JournalEntry[] {
  return entries.map((entry, i) => ({v: 1, at: new Date(start + i * 1000).toISOString(), session, ...entry}));
}

/** The file text of stamped entries, one line each. */
export function journalText(entries: readonly JournalEntry[]): string {
  return entries.map((entry) => JSON.stringify(entry) + '\n').join('');
}
