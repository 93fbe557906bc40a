// The scan behind triage: worker threads give exactly what reading in this thread gives; progress
// counts add up; stop() ends a scan that is waiting for bytes and keeps what was read.
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {startTriage, type TriageProgress} from '../../src/triage/triage-scan.js';
import {inWorkers, outOfMemoryReason} from '../../src/triage/scan-engine.js';
import type {ScanEvent} from '../../src/triage/scan-events.js';

const workerUrl = new URL('../../dist/triage-worker.js', import.meta.url);
const generator = new URL('../../scripts/gen-trail.mjs', import.meta.url).pathname;
const filter = {names: [], isAll: false};

function trail(args: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'trailguide-scan-'));
  spawnSync(process.execPath, [generator, dir, ...args], {stdio: 'ignore'});
  return dir;
}

describe('startTriage', () => {
  // 24,000 records in 24 files, about 17 MB: above the size from which worker threads are used.
  const bucket = trail(['--records', '24000', '--per-file', '1000', '--seed', '7']);

  it.runIf(existsSync(workerUrl))('reads with two worker threads exactly what it reads in this thread', async () => {
    // With a findings configuration, which the workers receive as data.
    const findingsConfig = {knownAccounts: ['444455556666']};
    const here = await startTriage([bucket], {filter, limit: 50, jobs: 1, workerUrl, findingsConfig}).done;
    const workers = await startTriage([bucket], {filter, limit: 50, jobs: 2, workerUrl, findingsConfig}).done;
    expect(here.summary.matched).toBeGreaterThan(100);
    expect(workers.summary).toEqual(here.summary);
    expect(workers.matches).toEqual(here.matches);
    const first = workers.matches[0];
    expect(first && workers.recordOf(first)?.eventID).toBe(first?.eventID);
  });

  it.runIf(existsSync(workerUrl))('a worker that runs out of memory costs only the files it held: they are reported, the others read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trailguide-oom-'));
    const record = JSON.parse(readFileSync(new URL('../fixtures/events/CreateSecurityGroup/risky.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    // 1.9 MB of small objects: under the record size limit, far over this test's 20 MB worker heap once parsed (a worker
    // holding the 12 built-in runbooks needs about 14 MB; 12 MB was enough for five).
    const heavy = {...record, requestParameters: {items: Array.from({length: 150_000}, (_, i) => ({a: i}))}};
    writeFileSync(join(dir, 'a-heavy.json'), JSON.stringify({Records: [heavy]}));
    for (const name of ['b.json', 'c.json', 'd.json']) writeFileSync(join(dir, name), JSON.stringify({Records: [record]}));
    const events: ScanEvent[] = [];
    const files = ['a-heavy.json', 'b.json', 'c.json', 'd.json'].map((name) => join(dir, name));
    await inWorkers({filter: {names: [], isAll: true}, limit: 10}, workerUrl, 1, {maxOldGenerationSizeMb: 20, maxYoungGenerationSizeMb: 1}).run(files, (e) => events.push(e), new AbortController().signal);
    const skips = events.filter((e) => e.type === 'skip');
    expect(skips.map((e) => e.path)).toContain(files[0]);
    expect(skips.find((e) => e.path === files[0])).toMatchObject({reason: outOfMemoryReason});
    expect(events.filter((e) => e.type === 'file-done').map((e) => e.path).sort()).toEqual(files);
    // The small files were read, by the first worker or by its replacement.
    expect(events.filter((e) => e.type === 'match').length).toBeGreaterThanOrEqual(2);
  });

  it('reports progress as it goes, ending at every file and byte', async () => {
    const scan = startTriage([bucket], {filter, limit: 10, jobs: 1});
    const seen: TriageProgress[] = [];
    scan.subscribe(() => seen.push(scan.progress()));
    const result = await scan.done;
    const last = seen.at(-1);
    expect(last).toMatchObject({isDone: true, isStopped: false, files: 24, filesTotal: 24, events: 24000});
    expect(last?.bytes).toBe(last?.bytesTotal);
    expect(seen.filter((p) => !p.isDone && !p.isListing && p.files > 0 && p.files < 24).length).toBeGreaterThan(5);
    expect(result.summary).toMatchObject({files: 24, events: 24000, bytes: last?.bytes, isStopped: false});
  });

  it('stop() ends a scan waiting on a pipe, and keeps the records read before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trailguide-fifo-'));
    const fifo = join(dir, 'slow.json');
    spawnSync('mkfifo', [fifo]);
    const record = readFileSync(new URL('../fixtures/events/CreateSecurityGroup/risky.json', import.meta.url), 'utf8');
    // The writer sends one record, then keeps the pipe open without ending the JSON.
    const writer = spawn('sh', ['-c', `exec 3>"$1"; printf '%s' "$0" >&3; sleep 30`, `{"Records":[${JSON.stringify(JSON.parse(record))},`, fifo], {stdio: 'ignore'});
    try {
      const scan = startTriage([fifo], {filter, limit: 10, jobs: 1});
      await new Promise<void>((resolve) => {
        const unsubscribe = scan.subscribe(() => {
          if (scan.progress().events === 1) {
            unsubscribe();
            resolve();
          }
        });
      });
      scan.stop();
      const result = await scan.done;
      expect(result.summary).toMatchObject({isStopped: true, events: 1, matched: 1, skipped: []});
      expect(result.matches[0]?.eventName).toBe('CreateSecurityGroup');
    } finally {
      writer.kill();
    }
  });
});
