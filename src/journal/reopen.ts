// Resume: the session's existing file, opened to append (never created, never followed through a
// symlink). The session ID is the file's own name. A file killed mid-write ends in a torn line:
// the next entry starts on a line of its own, so the torn one stays the only casualty.
import {basename} from 'node:path';
import {constants, fstatSync, fsyncSync, openSync, readSync, writeSync} from 'node:fs';
import {journalSuffix} from './state-dir.js';
import {appenderFor, type Journal} from './writer.js';

const appendFlags = constants.O_APPEND | constants.O_RDWR | (constants.O_NOFOLLOW ?? 0);

function endsWithNewline(fd: number): boolean {
  const size = fstatSync(fd).size;
  if (size === 0) return true;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] === 0x0a;
}

export function reopenJournal(path: string, clock: () => Date): Journal {
  const fd = openSync(path, appendFlags);
  if (!endsWithNewline(fd)) {
    writeSync(fd, '\n');
    fsyncSync(fd);
  }
  return appenderFor(fd, path, basename(path, journalSuffix), clock);
}
