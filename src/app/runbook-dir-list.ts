// Which users' runbook directories to read: TRAILGUIDE_RUNBOOKS (colon-separated, as PATH is) first,
// then each --runbooks, each directory once. Light on purpose: cli.tsx imports it at startup.
import {resolve} from 'node:path';

export function runbookDirList(envValue: string | undefined, flagDirs: readonly string[] = []): string[] {
  const seen = new Set<string>();
  return [...(envValue ?? '').split(':'), ...flagDirs].filter((dir) => {
    if (dir.trim() === '') return false;
    const absolute = resolve(dir);
    if (seen.has(absolute)) return false;
    seen.add(absolute);
    return true;
  });
}
