// Appends a session's journal to disk, one line per entry, each on disk before append returns.
// Synchronous on purpose: the app writes a transition's lines before it draws the new state, so
// what the screen shows is never ahead of what a crash would leave behind.
import {closeSync, constants, fsyncSync, mkdirSync, openSync, writeSync} from 'node:fs';
import {journalVersion, type JournalEntry, type Unstamped} from './entry.js';
import {newSessionId, sessionIdPattern} from './session-id.js';
import {sessionFile} from './state-dir.js';

export {newSessionId} from './session-id.js';

export interface Journal {
  readonly path: string;
  readonly sessionId: string;
  /** Stamps v, at and session, writes the entry as one line and flushes it to disk. */
  append(entry: Unstamped): JournalEntry;
  close(): void;
}

/** The session's file is already there: two sessions never share a file, so this one is not opened. */
export class JournalExistsError extends Error {
  override readonly name = 'JournalExistsError';
  constructor(readonly path: string) {
    super(`${path}: a session journal with this ID already exists; not opening it again`);
  }
}

// Never follow or reuse an existing path (a file, a symlink): O_EXCL fails on either. O_NOFOLLOW is belt and braces (not on Windows).
const createFlags = constants.O_CREAT | constants.O_EXCL | constants.O_APPEND | constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0);

/** Creates `<dir>/<sessionId>.jsonl` (dir tree 0700, file 0600) and returns its appender. */
export function openJournal(dir: string, sessionId: string, clock: () => Date): Journal {
  if (!sessionIdPattern.test(sessionId)) throw new Error(`not a session ID: ${JSON.stringify(sessionId)} (letters, digits and hyphens only)`);
  mkdirSync(dir, {recursive: true, mode: 0o700});
  const path = sessionFile(dir, sessionId);
  let fd: number;
  try {
    fd = openSync(path, createFlags, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new JournalExistsError(path);
    throw error;
  }
  syncDir(dir);
  return appenderFor(fd, path, sessionId, clock);
}

/** The appender over an open, append-only file descriptor (used by openJournal and by resume's reopen). */
export function appenderFor(descriptor: number, path: string, sessionId: string, clock: () => Date): Journal {
  let fd: number | null = descriptor;
  return {
    path,
    sessionId,
    append(entry) {
      if (fd === null) throw new Error(`${path}: the journal is closed`);
      const stamped: JournalEntry = {v: journalVersion, at: clock().toISOString(), session: sessionId, ...entry};
      // JSON.stringify escapes newlines inside strings, so one entry is always one line.
      const line = Buffer.from(JSON.stringify(stamped) + '\n', 'utf8');
      let written = writeSync(fd, line);
      while (written < line.length) written += writeSync(fd, line, written); // a short write (disk nearly full): finish the line
      fsyncSync(fd);
      return stamped;
    },
    close() {
      if (fd === null) return;
      const open = fd;
      fd = null;
      closeSync(open);
    },
  };
}

/**
 * Opens a journal under a fresh session ID for the event, trying another random suffix when the ID is taken
 * (two terminals opening the same event in the same second).
 */
export function openNewJournal(dir: string, eventId: string | undefined, clock: () => Date, random: () => string): Journal {
  for (let attempt = 1; ; attempt++) {
    try {
      return openJournal(dir, newSessionId(clock(), eventId, random), clock);
    } catch (error) {
      if (!(error instanceof JournalExistsError) || attempt >= 5) throw error;
    }
  }
}

/** Makes the new file's directory entry durable too. Best effort: not every OS lets you fsync a directory. */
function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, constants.O_RDONLY);
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows and some network file systems refuse; the file's own fsync still holds its lines.
  }
}
