// Users' runbooks for tests: copies of the built-ins that answer other events (or the same, under another
// title), written into a directory as --runbooks reads them, and records of those events.
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import type {JsonObject} from '../../src/events/record.js';
import {runbookFileOf} from '../../src/runbooks/catalog.js';

/** The text of the built-in runbook file that answers this event. */
export const builtInText = (eventName: string): string => readFileSync(new URL(`../../src/runbooks/${runbookFileOf(eventName) ?? eventName}.yaml`, import.meta.url), 'utf8');

/**
 * A built-in runbook's text that answers `names` instead of its own events, under another title. Procedures and
 * steps limited to some of the built-in's events (`events: [...]`) are for all of the new ones.
 */
export function renamedRunbook(eventName: string, names: readonly string[], title: string): string {
  const text = builtInText(eventName)
    .replace(/^ {2}names: \[.*\]$/m, `  names: [${names.join(', ')}]`)
    .replace(/^title: .*$/m, `title: ${title}`)
    .replace(/^ {4,}events: \[.*\]\n/gm, '');
  if (!text.includes(`names: [${names.join(', ')}]`) || !text.includes(`title: ${title}`)) throw new Error(`${eventName}.yaml no longer has the lines renamedRunbook replaces`);
  return text;
}

/** A new directory holding these files (paths relative to it, e.g. library/x.yaml). */
export function runbookDir(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'trailguide-runbooks-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), {recursive: true});
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** A fixture record of a built-in event (test/fixtures/events/<Event>/<kind>.json), renamed to another event. */
export function renamedRecord(eventName: string, newName: string, kind: 'risky' | 'benign' | 'failed' = 'risky'): JsonObject {
  const record = JSON.parse(readFileSync(new URL(`../fixtures/events/${eventName}/${kind}.json`, import.meta.url), 'utf8')) as JsonObject;
  return {...record, eventName: newName};
}
