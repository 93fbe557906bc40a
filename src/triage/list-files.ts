// The log files a triage scan reads: each command-line file as given, and under each folder (the S3
// layout AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/ included) every *.json and *.json.gz,
// depth first, in name order. Symbolic links inside folders are not followed.
import {readdir, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {fsReason} from './fs-reason.js';

export interface LogFile {
  readonly path: string;
  readonly size: number;
}

export interface Listing {
  readonly files: readonly LogFile[];
  /** Command-line paths that exist and could be read. */
  readonly readablePaths: number;
}

const logFileName = /\.json(?:\.gz)?$/i;

export async function listLogFiles(paths: readonly string[], onSkip: (path: string, reason: string) => void): Promise<Listing> {
  const files: LogFile[] = [];
  let readablePaths = 0;
  for (const path of paths) {
    const info = await stat(path).catch((error: unknown) => ({error}));
    if ('error' in info) {
      onSkip(path, fsReason(info.error));
      continue;
    }
    readablePaths++;
    if (info.isDirectory()) await walk(path, files, onSkip);
    else files.push({path, size: info.size});
  }
  return {files, readablePaths};
}

async function walk(dir: string, files: LogFile[], onSkip: (path: string, reason: string) => void): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, {withFileTypes: true});
  } catch (error) {
    onSkip(dir, fsReason(error));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, files, onSkip);
    else if (entry.isFile() && logFileName.test(entry.name)) {
      const size = await stat(path).then((s) => s.size, () => 0);
      files.push({path, size});
    }
  }
}
