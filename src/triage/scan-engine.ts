// Who reads the files: this thread, one file after the other, or a pool of worker threads, each
// holding two files and taking the next as it finishes one (so every core works, and a terminal UI
// in this thread stays responsive). Either way the caller gets the same ScanEvents. One file is
// read by one thread: a single big file does not use more than one core.
import {Worker} from 'node:worker_threads';
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

/** Files each worker holds at once: while one is read from disk, another is scanned. */
const inFlightPerWorker = 2;

export function inWorkers(settings: ScanSettings, workerUrl: URL, count: number): ScanEngine {
  return {
    run(files, emit, signal) {
      return new Promise<void>((resolve, reject) => {
        let next = 0;
        let done = 0;
        const workers: Worker[] = [];
        const finish = (error?: unknown): void => {
          signal.removeEventListener('abort', onAbort);
          for (const worker of workers) void worker.terminate();
          workers.length = 0;
          if (error === undefined) resolve();
          else reject(error instanceof Error ? error : new Error('a triage worker failed'));
        };
        const onAbort = (): void => finish();
        const give = (worker: Worker): void => {
          const file = files[next];
          if (file === undefined || signal.aborted) return;
          next++;
          worker.postMessage({type: 'read', file} satisfies ToWorker);
        };
        if (files.length === 0 || signal.aborted) {
          resolve();
          return;
        }
        signal.addEventListener('abort', onAbort, {once: true});
        const size = Math.max(1, Math.min(count, files.length));
        for (let i = 0; i < size; i++) {
          const worker = new Worker(workerUrl, {workerData: settings});
          workers.push(worker);
          worker.on('message', (message: FromWorker) => {
            if (message.type === 'ready') {
              for (let k = 0; k < inFlightPerWorker; k++) give(worker);
              return;
            }
            for (const event of message.events) {
              emit(event);
              if (event.type !== 'file-done') continue;
              if (++done === files.length) return finish();
              give(worker);
            }
          });
          worker.on('error', (error) => finish(error));
        }
      });
    },
  };
}
