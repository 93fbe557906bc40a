// The scan behind triage: worker threads give exactly what reading in this thread gives; progress
// counts add up; stop() ends a scan that is waiting for bytes and keeps what was read.
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {startTriage, type TriageProgress} from '../../src/triage/triage-scan.js';

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
