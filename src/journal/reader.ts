// Reads a session journal back. Never throws on content: a line it cannot use is skipped with a
// warning that names the line, and a last line cut short by a crash is expected and said so.
import {readFileSync} from 'node:fs';
import type {JournalEntry} from './entry.js';
import {entryProblem} from './validate.js';

export interface JournalRead {
  readonly entries: JournalEntry[];
  readonly warnings: string[];
}

export function readJournal(text: string, path: string): JournalRead {
  const entries: JournalEntry[] = [];
  const warnings: string[] = [];
  const lines = text.split('\n');
  // A complete file ends with a newline: the split leaves one empty string after it.
  if (lines.at(-1) === '') lines.pop();
  const last = lastNonBlank(lines);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${path}: line ${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      warnings.push(
        index === last
          ? `${where}: the last line is cut short (the process stopped while writing it); ignored`
          : `${where}: not JSON; skipped`,
      );
      return;
    }
    const problem = entryProblem(value);
    if (problem === null) entries.push(value as JournalEntry);
    else warnings.push(`${where}: not a journal entry (${problem}); skipped`);
  });
  return {entries, warnings};
}

/** Reads a journal file (throws only when the file cannot be read). */
export function readJournalFile(path: string): JournalRead {
  return readJournal(readFileSync(path, 'utf8'), path);
}

function lastNonBlank(lines: readonly string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]?.trim() !== '') return i;
  return -1;
}
