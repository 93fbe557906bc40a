// Resume: the session's existing file, opened to append (never created, never followed through a
// symlink). The session ID is the file's own name.
import {basename} from 'node:path';
import {constants, openSync} from 'node:fs';
import {journalSuffix} from './state-dir.js';
import {appenderFor, type Journal} from './writer.js';

const appendFlags = constants.O_APPEND | constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0);

export function reopenJournal(path: string, clock: () => Date): Journal {
  const fd = openSync(path, appendFlags);
  return appenderFor(fd, path, basename(path, journalSuffix), clock);
}
