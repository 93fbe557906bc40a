// Adding an event is a file, not TypeScript: outside the tests and the sandbox (which simulates per
// resource kind and seeds scenarios per event), no source file names an event a runbook answers.
import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parse} from 'yaml';

const root = new URL('../../', import.meta.url).pathname;
const runbooksDir = join(root, 'src/runbooks');

/** The event names every built-in and example runbook answers, from the files themselves. */
function eventNames(): string[] {
  const dirs = [runbooksDir, join(root, 'examples/runbooks')];
  return dirs.flatMap((dir) => {
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
    } catch {
      return [];
    }
    return files.flatMap((f) => (parse(readFileSync(join(dir, f), 'utf8')) as {events: {names: string[]}}).events.names);
  });
}

function sources(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Where an event name may appear: the sandbox, and the action model's tables of API operations — what
 * each operation is (operations.ts) and the API reference's constraints on it (api-rules.ts) — where it
 * names an operation, not an event.
 */
const allowed = [/^src\/aws\/sandbox\//, /^src\/aws\/operations\.ts$/, /^src\/aws\/api-rules\.ts$/];

/** Quoted string literals that are exactly one of the names. */
function named(text: string, names: ReadonlySet<string>): string[] {
  return [...text.matchAll(/(['"`])([A-Za-z0-9]+)\1/g)].map((m) => m[2] ?? '').filter((s) => names.has(s));
}

describe('no TypeScript names a specific event', () => {
  const names = new Set(eventNames());

  it('reads the event names of the runbook files', () => {
    expect(names.size).toBeGreaterThanOrEqual(5);
    expect(names).toContain('CreateRoute');
  });

  it('no source file outside the sandbox has one as a string', () => {
    const files = sources(join(root, 'src')).map((file) => relative(root, file)).filter((file) => !allowed.some((pattern) => pattern.test(file)));
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.flatMap((file) => named(readFileSync(join(root, file), 'utf8'), names).map((name) => `${file}: '${name}'`));
    expect(offenders).toEqual([]);
  });

  it('the check bites: a file that names one is caught', () => {
    expect(named("if (record.eventName === 'CreateRoute') return;", names)).toEqual(['CreateRoute']);
  });
});
