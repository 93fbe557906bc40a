import {describe, expect, it} from 'vitest';
import {newSessionId, randomSuffix, sessionIdPattern} from '../../src/journal/session-id.js';

const now = new Date('2026-11-25T12:00:00.987Z');

describe('newSessionId', () => {
  it.each<[string | undefined, string]>([
    ['c562f6fb-3f9a-4c4e-9a63-0c4b3d0b7d11', '20261125T120000Z-c562f6fb-3f9a'],
    ['C5-62/F6\\FB..9', '20261125T120000Z-c562f6fb-3f9a'],
    ['../../etc/passwd', '20261125T120000Z-etcpassw-3f9a'],
    ['ab', '20261125T120000Z-ab-3f9a'],
    ['---', '20261125T120000Z-noevent-3f9a'],
    [undefined, '20261125T120000Z-noevent-3f9a'],
  ])('eventID %j → %s', (eventId, expected) => {
    const id = newSessionId(now, eventId, () => '3f9a');
    expect(id).toBe(expected);
    expect(id).toMatch(sessionIdPattern);
  });

  it('keeps 4 hex digits of the random part and refuses fewer', () => {
    expect(newSessionId(now, 'e', () => '3F9A77')).toBe('20261125T120000Z-e-3f9a');
    expect(() => newSessionId(now, 'e', () => 'xyz')).toThrow('4 random hex digits');
  });

  it('randomSuffix gives 4 hex digits', () => {
    expect(randomSuffix()).toMatch(/^[0-9a-f]{4}$/);
  });
});
