// Where session journals live on disk. Pure: the caller passes the environment and the home directory.
import {isAbsolute, join} from 'node:path';

/** A journal file's name ends with this; the part before it is the session ID. */
export const journalSuffix = '.jsonl';

/**
 * The sessions directory:
 * 1. `<override>/sessions` when `--state-dir` was given (the override stands for trailguide's whole state directory);
 * 2. `$XDG_STATE_HOME/trailguide/sessions` when that variable is an absolute path (the XDG spec says to ignore a relative one);
 * 3. `<home>/.local/state/trailguide/sessions`.
 */
export function sessionsDir(env: Readonly<Record<string, string | undefined>>, home: string, override?: string): string {
  if (override !== undefined) {
    if (override.trim() === '') throw new Error('--state-dir is empty: give a directory');
    return join(override, 'sessions');
  }
  const xdg = env['XDG_STATE_HOME'];
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, 'trailguide', 'sessions');
  return join(home, '.local', 'state', 'trailguide', 'sessions');
}

/** The journal file of a session. */
export function sessionFile(dir: string, sessionId: string): string {
  return join(dir, sessionId + journalSuffix);
}
