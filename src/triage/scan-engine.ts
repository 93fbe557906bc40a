// Who reads the files: this thread, one file after the other, or a pool of worker threads, each
// holding two files and taking the next as it finishes one (so every core works, and a terminal UI
// in this thread stays responsive). Either way the caller gets the same ScanEvents. One file is
// read by one thread: a single big file does not use more than one core.
import {Worker, type ResourceLimits} from 'node:worker_threads';
import type {ScanEvent, ScanSettings} from './scan-events.js';
import {fileReader} from './scan-one.js';

export interface ScanEngine {
  /** Reads every file; resolves when all are read or the signal aborts the scan. */
  run(files: readonly string[], emit: (event: ScanEvent) => void, signal: AbortSignal): Promise<void>;
}

export function inThisThread(settings: ScanSettings): ScanEngine {
  return {
    async run(files, emit, signal) {
      const reader = fileReader(settings, emit);
      for (const file of files) {
        if (signal.aborted) return;
        await reader.read(file, signal);
      }
    },
  };
}

/** Messages between this thread and a scan worker (scan-worker.ts). */
export type ToWorker = {readonly type: 'read'; readonly file: string};
export type FromWorker = {readonly type: 'events'; readonly events: readonly ScanEvent[]} | {readonly type: 'ready'};

/**
 * A worker's heap holds its best matches and the records being read, a few MB; left alone, V8 lets
 * the garbage of parsing every record (--all) grow its heap far past that before collecting. These
 * limits keep triage's peak memory under 256 MB whatever the input.
 */
const workerLimits: ResourceLimits = {maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8};

/** Files each worker holds at once: while one is read from disk, another is scanned. */
const inFlightPerWorker = 2;

/** Said of the files a worker held when it ran out of memory; the scan goes on with a new worker. */
export const outOfMemoryReason = 'not read: it needs more memory than triage allows (a record far larger than CloudTrail writes?)';

export function inWorkers(settings: ScanSettings, workerUrl: URL, count: number, limits: ResourceLimits = workerLimits): ScanEngine {
  return {
    run(files, emit, signal) {
      return new Promise<void>((resolve, reject) => {
        let next = 0;
        let done = 0;
        /** Every live worker, with the files it holds. */
        const workers = new Map<Worker, Set<string>>();
        const finish = (error?: unknown): void => {
          signal.removeEventListener('abort', onAbort);
          for (const worker of workers.keys()) void worker.terminate();
          workers.clear();
          if (error === undefined) resolve();
          else reject(error instanceof Error ? error : new Error('a triage worker failed'));
        };
        const onAbort = (): void => finish();
        const give = (worker: Worker): void => {
          const file = files[next];
          if (file === undefined || signal.aborted) return;
          next++;
          workers.get(worker)?.add(file);
          worker.postMessage({type: 'read', file} satisfies ToWorker);
        };
        const fileDone = (worker: Worker, event: ScanEvent & {type: 'file-done'}): void => {
          workers.get(worker)?.delete(event.path);
          if (++done === files.length) finish();
          else give(worker);
        };
        const start = (): void => {
          const worker = new Worker(workerUrl, {workerData: settings, resourceLimits: limits});
          workers.set(worker, new Set());
          worker.on('message', (message: FromWorker) => {
            if (message.type === 'ready') {
              for (let k = 0; k < inFlightPerWorker; k++) give(worker);
              return;
            }
            for (const event of message.events) {
              emit(event);
              if (event.type === 'file-done') fileDone(worker, event);
            }
          });
          worker.on('error', (error: Error & {code?: unknown}) => {
            const held = workers.get(worker);
            // Out of memory with no file in hand (at start): a new worker would fare no better.
            if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY' || held === undefined || held.size === 0) return finish(error);
            // One file too big to hold: say so, and go on with a fresh worker.
            workers.delete(worker);
            start();
            for (const path of held) {
              emit({type: 'skip', path, reason: outOfMemoryReason});
              const event = {type: 'file-done', path, isOpened: true} as const;
              emit(event);
              if (++done === files.length) return finish();
            }
          });
        };
        if (files.length === 0 || signal.aborted) {
          resolve();
          return;
        }
        signal.addEventListener('abort', onAbort, {once: true});
        for (let i = 0; i < Math.max(1, Math.min(count, files.length)); i++) start();
      });
    },
  };
}
