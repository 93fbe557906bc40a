import {describe, expect, it} from 'vitest';
import {sessionFile, sessionsDir} from '../../src/journal/state-dir.js';

describe('sessionsDir', () => {
  it.each<[string, Record<string, string | undefined>, string | undefined, string]>([
    ['--state-dir wins over everything', {XDG_STATE_HOME: '/xdg'}, '/srv/tg', '/srv/tg/sessions'],
    ['XDG_STATE_HOME when absolute', {XDG_STATE_HOME: '/xdg/state'}, undefined, '/xdg/state/trailguide/sessions'],
    ['a relative XDG_STATE_HOME is ignored', {XDG_STATE_HOME: 'state'}, undefined, '/home/alice/.local/state/trailguide/sessions'],
    ['an empty XDG_STATE_HOME is ignored', {XDG_STATE_HOME: ''}, undefined, '/home/alice/.local/state/trailguide/sessions'],
    ['the home default', {}, undefined, '/home/alice/.local/state/trailguide/sessions'],
  ])('%s', (_, env, override, expected) => {
    expect(sessionsDir(env, '/home/alice', override)).toBe(expected);
  });

  it('refuses an empty --state-dir rather than writing somewhere unexpected', () => {
    expect(() => sessionsDir({}, '/home/alice', ' ')).toThrow('--state-dir is empty');
  });

  it('names a session file after its ID', () => {
    expect(sessionFile('/d', '20261125T120000Z-c562f6fb-3f9a')).toBe('/d/20261125T120000Z-c562f6fb-3f9a.jsonl');
  });
});
